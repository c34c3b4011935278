"""Quotes whose opening mark was lost.

'Accusations poured, liked the Russian "peacekeepers" have deployed Armenian militants in our
territories and provided them with weapons" though ...': a double mark that closes after a word
and pairs with nothing ends a quotation whose opening mark is missing (a typo, or copy that lost
it). Where the quotation starts is read from what introduces it in the same sentence: a speech
noun ('Accusations', 'comments', 'posts') and a colon, or a comma or dash and 'like', 'such as'
or 'saying'; or a reporting verb and a colon. Without such an introducer the mark is left alone:
a lost opening mark could have stood anywhere.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable

from .attribution import Quote, _Cue, _make
from .model import Document
from .quotemarks import QuoteSpan
from .resolver import SpeakerResolver
from .speakers import find_speaker_before
from .tokens import TOKEN
from .verbs import verb_forms

RULE = "speech noun or verb, then a quote whose opening mark is missing"

# speech nouns and the verb whose class they take ('Accusations' → accuse: confrontational)
_NOUNS = {
    "accusation": "accuse", "allegation": "allege", "claim": "claim", "comment": "comment", "complaint": "complain",
    "charge": "charge", "warning": "warn", "post": "post", "tweet": "tweet", "remark": "remark", "statement": "state",
    "denial": "deny", "demand": "demand", "call": "call",
}
_MARK = re.compile(r"[\"”]")  # (a one-character class: the engine finds it fast; the context is checked after)
_CLOSES_AFTER = frozenset(".,!?…")
_BEFORE_CLOSED = frozenset(".,;:)")
# the introducer: a word, a verb of arrival for a noun ('Accusations poured'), then a colon, or a
# comma or dash and 'like' (also the typo 'liked'), 'such as' or 'saying' ('believe — from Obama
# being ...' introduces no quotation)
_INTRODUCER = re.compile(
    r"\b(?P<cue>[A-Za-z]+)(?:\s+(?:poured(?:\s+in)?|flooded(?:\s+in)?|followed|spread|mounted|read|ran|included))?"
    r"(?:\s*:\s*|\s*(?:,|\s[—–-])\s*(?P<like>like|liked|such\s+as|saying|reading)\s+)"
)
_MIN_WORDS = 4


def unopened_quotes(
    doc: Document, spans: Iterable[QuoteSpan], taken: list[Quote], resolver: SpeakerResolver
) -> list[Quote]:
    """Quotes ended by a closing double mark that has no opening mark, where a speech noun or
    verb and what introduces a quotation after it (see the module) show where they start, in the
    same sentence; none that overlaps a quote in ``taken``."""
    text = doc.text
    if '"' not in text and "”" not in text:
        return []
    spans = list(spans)
    used = {s.open_at for s in spans} | {s.close_at for s in spans if s.close_at is not None}
    sent_starts = [s.start for s in doc.sentences]
    forms = verb_forms()
    out: list[Quote] = []
    for m in _MARK.finditer(text):
        k = m.start()
        if k in used or not _closes(text, k) or any(s.start <= k < s.end for s in spans):
            continue
        i = bisect_right(sent_starts, k) - 1
        if i < 0:
            continue
        a = doc.sentences[i].start
        found = _introducer(text, a, k, forms)
        if found is None:
            continue
        cue, start, noun = found
        if len(TOKEN.findall(text, start, k)) < _MIN_WORDS or any(q.start < k and start < q.end for q in taken + out):
            continue
        # a noun names no speaker before it ('Accusations poured'); a verb's subject speaks
        mention = None if noun else find_speaker_before(text, cue.start, a)
        out.append(_make("direct", start, k, mention, cue, resolver, RULE, text))
    return out


def _introducer(text: str, a: int, k: int, forms: dict[str, tuple[str, str]]) -> tuple[_Cue, int, bool] | None:
    """The last speech noun or reporting verb in ``text[a:k]`` followed by what introduces a
    quotation, as a cue, where the words it introduces start, and whether the cue is a noun."""
    best = None
    for m in _INTRODUCER.finditer(text, a, k):
        word = m.group("cue")
        low = word.lower()
        noun = low[:-1] if low.endswith("s") and low[:-1] in _NOUNS else low if low in _NOUNS else ""
        lemma = _NOUNS[noun] if noun else forms[low][0] if low in forms and not m.group("like") else ""
        if not lemma or lemma not in forms or _odd(text, m.end(), k):
            continue
        cls = forms[lemma][1]
        best = (_Cue(m.start("cue"), m.end("cue"), word, lemma, cls), m.end(), bool(noun))
    return best


def _closes(text: str, k: int) -> bool:
    """Can the mark at ``k`` close a quote: after a word or a sentence's punctuation, before a
    space, punctuation that follows a quote, or the end?"""
    before = text[k - 1] if k else " "
    after = text[k + 1] if k + 1 < len(text) else " "
    return (before.isalnum() or before in _CLOSES_AFTER) and (after.isspace() or after in _BEFORE_CLOSED)


def _odd(text: str, a: int, b: int) -> bool:
    """Does ``text[a:b]`` hold an odd number of straight double marks (one pairs with the mark
    after it, so the quote does not start here)?"""
    return text.count('"', a, b) % 2 == 1
