"""Voices: quotes, who speaks them, with which verb.

:func:`find_quotes` finds direct quotes (in any quote style, over several
paragraphs), mixed quotes (a quoted fragment inside paraphrase), indirect
speech ("Mammadov alleged that ...", "According to X, ..."), floating quotes
(a quoted sentence after an attributed one inherits its speaker) and embedded
social-media posts. Each quote records its speaker *mention* as written ("he",
"a user", "the Defense Ministry") and the *entity* it resolves to ("Elman
Mammadov"), the cue verb with its class, and the rule that fired, so a
teacher can see why a quote went to a speaker.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, replace

from .actors import Actors
from .attribution import (  # noqa: F401  (Quote, QUOTE_KINDS, SPEAKER_TYPES are public here)
    _ABBREV,
    _GAP_PUNCT,
    _INDIRECT,
    _SENT_END,
    _THAT,
    IN_OPINION,
    QUOTE_KINDS,
    SPEAKER_TYPES,
    Quote,
    _clause_end,
    _Cue,
    _cues_between,
    _default_actors,
    _descriptor_only,
    _find_cues,
    _first_verb_after,
    _in_object_position,
    _inherit,
    _links_to_cue,
    _make,
    _participle_after_comma,
    _passive,
    _plausible,
    _sentence_of,
    _sentence_subject_mention,
)
from .indirect import _coordinated_subject, _indirect, _quantity_speaker
from .model import Document
from .quotemarks import QuoteSpan
from .speakers import Mention, SpeakerResolver, find_speaker_after, find_speaker_before
from .terms import SpanIndex
from .tokens import TOKEN
from .verbs import DATA_VERBS, SPEECH_CLASSES, verb_forms

_DASH_NAME = re.compile(
    r"[ \t\u00a0]*(?P<dash>[―—–]|--)[ \t\u00a0]*(?P<name>[A-Z][\w'’.-]*(?:[ \u00a0][A-Z][\w'’.-]*){0,3})"
    r"[ \t\u00a0.,]*(?=\n|$|\(|,)"
)


_NOMINAL_CUE = re.compile(
    r"\b(?P<poss>[Hh]is|[Hh]er|[Tt]heir|[A-Z][\w.-]*(?:\s[A-Z][\w.-]*)?['’]s)\s+(?:\w+\s+)?"
    r"(?P<noun>call|calls|claim|claims|promise|promises|pledge|vow|demand|demands|warning|statement|comments|"
    r"remarks|accusation|assertion|insistence|suggestion|words|plea|proposal|description|argument|charge)\b"
    r"(?:\s+(?:for|that|of|to))?\s*"
)


def find_quotes(doc: Document, *, actors: Actors | None = None, spans: list[QuoteSpan] | None = None) -> list[Quote]:
    """Find every quote in ``doc`` and attribute it.

    Args:
        doc: The document.
        actors: Actors list for speaker sides (default: the bundled one).
        spans: Classified quote spans, if already computed.

    Returns:
        Quotes sorted by position; they never overlap.
    """
    from .terms import quote_spans

    if actors is None:
        actors = _default_actors()
    if spans is None:
        spans = quote_spans(doc)
    text = doc.text
    cues = _find_cues(text)
    cue_starts = [c.start for c in cues]
    resolver = SpeakerResolver(text, actors, quoted=[(sp.start, sp.end) for sp in spans if sp.kind == "speech"])
    sent_starts = [s.start for s in doc.sentences]
    out: list[Quote] = []
    used_cues: set[int] = set()
    last: Quote | None = None
    last_para = -10
    # Everyone named as the subject of a speech verb can be "he" or "she" later on, even when
    # the quote they speak is found in the second pass (indirect speech).
    for cue in cues:
        if cue.cls in SPEECH_CLASSES and cue.lemma in _INDIRECT and not _passive(text, cue):
            mention = find_speaker_before(text, cue.start, max(0, cue.start - 150))
            if mention is not None and mention.type == "person":
                resolver.note_mention(mention, at=cue.start)

    speech = [s for s in spans if s.kind == "speech" and s.depth == 0]
    inside_speech = SpanIndex(speech)
    cues = [c for c in cues if not inside_speech.enclosing(c.start, c.end)]
    # 'the poll shows ...' reports data, not words: a cue of indirect speech only
    all_cues, cues = cues, [c for c in cues if c.lemma not in DATA_VERBS]
    cue_starts = [c.start for c in cues]
    posts = [p for p in doc.paragraphs if p.kind == "embedded_post"]
    items: list[tuple[int, str, object]] = [(s.open_at, "span", s) for s in speech]
    items += [(p.start, "post", p) for p in posts]
    items.sort(key=lambda x: x[0])
    unclosed: set[int] = set()
    for _, what, obj in items:
        if what == "post":
            q = _embedded_post(doc, obj, resolver)
            if q is not None:
                out.append(q)
            continue
        s = obj  # type: ignore[assignment]
        if any(q.start <= s.start < q.end for q in out[-3:]):
            continue  # inside a quote already taken (a mixed clause, an embedded post)
        sent = _sentence_of(doc, sent_starts, s.open_at)
        sent_after = _sentence_of(doc, sent_starts, max(s.open_at, s.outer_end - 1))
        q = _attribute_span(doc, s, (sent[0], max(sent[1], sent_after[1])), cues, cue_starts, used_cues, resolver, sent_starts)
        para = s.paragraph
        if q is None:
            continue
        if (
            q.rule in ("none", "the speaker of the sentence before")
            and last is not None
            and out
            and out[-1] is last
            and _continues(text, last, q, para - last_para)
        ):
            # '"A," he said. "B."': one quote in two pieces, as the news convention means it
            merged = replace(last, end=q.end, parts=(*last.spans, (q.start, q.end)))
            out[-1] = merged
            last, last_para = merged, para
            continue
        if q.speaker and not q.rule.startswith(("floating", "none", "the speaker of the sentence before")):
            _back_over_paragraphs(doc, out, q, unclosed)
        if q.rule == "none" and _opens_sentence(text, sent_starts, s.open_at):
            # 'B said that ... ⏎ "quote"': a paraphrase after the last quote names the speaker
            q = _paraphrase_speaker(doc, s, q, last, cues, cue_starts, resolver, sent_starts) or q
        if q.rule == "none" and last is not None and para - last_para <= 2:
            q = _inherit(q, last, "floating: inherits the speaker of the previous quote")
        if s.close_at is None:
            unclosed.add(q.start)
        if q.speaker_type != "unattributed":
            last, last_para = q, para
            resolver.note_speaker(q)
        out.append(q)

    # Indirect speech: cues not used by a quote, outside quotation marks.
    speech_index = SpanIndex([sp for sp in spans if sp.kind == "speech"])
    taken = sorted((q.start, q.end) for q in out)
    taken_starts = [a for a, _ in taken]
    cue_owners = {q.cue_start for q in out}
    # quoted fragments, not names the writer distances himself from ('the self-proclaimed "Republic"')
    habits = _scare_habits(text, spans)
    double_opens = sorted(
        sp.open_at for sp in spans
        if sp.style == "double" and sp.reason != "after a distancing marker" and _span_key(text, sp) not in habits
    )
    # a closing attribution ('..., he opined.') speaks for the whole sentence, verbs inside included
    for cue in sorted(all_cues, key=lambda c: not _closing_attribution(text, c)):
        if cue.start in used_cues or cue.lemma not in _INDIRECT and cue.lemma not in _OTHER_INDIRECT \
                and not _closing_attribution(text, cue):  # '..., some comments read.'
            continue
        if cue.start in cue_owners or speech_index.enclosing(cue.start, cue.start + 1):
            continue
        if _in_taken(taken, taken_starts, cue.start, cue.start + 1):
            continue
        sent = _sentence_of(doc, sent_starts, cue.start)
        q = _indirect(doc, cue, sent, resolver)
        if q is not None and not _in_taken(taken, taken_starts, q.start, q.end):
            if _holds_quote(double_opens, q.start, q.end):
                # 'Comey has said the FBI made a "mistake"': paraphrase with a quoted fragment
                q = replace(q, kind="mixed")
            out.append(q)
            k = bisect_right(taken_starts, q.start)
            taken.insert(k, (q.start, q.end))
            taken_starts.insert(k, q.start)
            resolver.note_speaker(q)
    out.sort(key=lambda q: (q.start, q.end))
    return _no_overlaps(out)


_CLOSING = re.compile(r",\s+(?:[\w’'.-]+\s+){1,6}$")


def _closing_attribution(text: str, cue: _Cue) -> bool:
    """'..., he opined.', '..., pundit Elxan Sahinoglu said.', '..., pundits claimed, blaming ...':
    a speaker and verb set off by a comma, ending the sentence or followed by a comma."""
    return text[cue.end : cue.end + 1] in (".", ",", ";") and _CLOSING.search(text, max(0, cue.start - 60), cue.start) is not None


def _span_key(text: str, sp: QuoteSpan) -> str:
    return text[sp.start : sp.end].strip(" .,;:!?").casefold()


def _scare_habits(text: str, spans: list[QuoteSpan]) -> frozenset[str]:
    """Words the writer puts in scare quotes again and again (Russian "peacekeepers" five times):
    the writer's distance from a name, not a fragment of what someone said."""
    counts = Counter(_span_key(text, sp) for sp in spans if sp.kind == "scare" and sp.end - sp.start <= 40)
    return frozenset(k for k, n in counts.items() if n >= 2 and k)


def _paraphrase_speaker(
    doc: Document, s: QuoteSpan, q: Quote, last: Quote | None, cues: list[_Cue], cue_starts: list[int],
    resolver: SpeakerResolver, sent_starts: list[int],
) -> Quote | None:
    """A quote with no cue of its own after reported speech: '"A," X said. ⏎ Y said that B. ⏎ "C."'
    goes to Y, the speaker of the paraphrase between the last quote and this one (this
    paragraph or the one before)."""
    text = doc.text
    first = doc.paragraphs[max(0, s.paragraph - 1)].start
    lo = max(first, last.end if last is not None else 0)
    for cue in reversed(_cues_between(cues, cue_starts, lo, s.open_at)[-3:]):
        if cue.lemma not in _INDIRECT or _passive(text, cue):  # speech or opinion ('X believes that')
            continue
        if text.count("\n", cue.start, s.open_at) == 0 and s.paragraph > 0:
            continue  # the same paragraph: rule 3 already looked there
        sent = _sentence_of(doc, sent_starts, cue.start)
        mention = _plausible(find_speaker_before(text, cue.start, sent[0]), resolver)
        if mention is None or mention.type == "pronoun" and mention.text.lower() in ("it", "they", "who"):
            continue
        info = _make("floating", q.start, q.end, mention, None, resolver, "floating: the speaker of the paraphrase before", text)
        return replace(info, parts=q.parts)
    return None


def _back_over_paragraphs(doc: Document, out: list[Quote], q: Quote, unclosed: set[int]) -> None:
    """A quote over several paragraphs, each opened and never closed, with its cue after the last.

    '"A ...(no closing mark) / "B," he claimed.': the paragraphs before take the attribution
    of the last one (the news convention: a quote continued over paragraphs reopens each
    paragraph and closes only at the end). Changes ``out`` in place.
    """
    text = doc.text
    k, start = len(out) - 1, q.start
    while k >= 0:
        prev = out[k]
        if prev.start not in unclosed or prev.rule not in _UNATTRIBUTED_RULES:
            break
        gap = text[prev.end : start]
        if not re.fullmatch(r"\s*\n\s*[\"“”„«'‘’`]*", gap):
            break
        out[k] = replace(
            q, kind="direct", start=prev.start, end=prev.end, parts=prev.parts,
            rule="a quote over several paragraphs: the cue after its last paragraph",
        )
        k, start = k - 1, prev.start


_UNATTRIBUTED_RULES = frozenset(
    {"none", "floating: inherits the speaker of the previous quote", "floating: the speaker of the paraphrase before"}
)


def _no_overlaps(quotes: list[Quote]) -> list[Quote]:
    """Quotes never overlap: a later one that starts inside an earlier one is trimmed or dropped."""
    kept: list[Quote] = []
    for q in quotes:
        if kept and q.start < kept[-1].end:
            prev = kept[-1]
            if q.end <= prev.end:
                continue
            parts = tuple((max(a, prev.end), b) for a, b in q.spans if b > prev.end)
            q = replace(q, start=parts[0][0], parts=parts if len(parts) > 1 else ())
        kept.append(q)
    return kept


def _opens_sentence(text: str, sent_starts: list[int], at: int) -> bool:
    """Does the quote opening at ``at`` start its sentence (a quoted sentence can float; a
    fragment inside someone else's clause cannot)?"""
    i = bisect_right(sent_starts, at) - 1
    return i < 0 or not re.search(r"[^\W\d_]", text[sent_starts[i] : at])


def _continues(text: str, prev: Quote, q: Quote, paras_apart: int) -> bool:
    """Does quote ``q`` (with no attribution of its own) go on with the speaker's quote before it?

    In the same paragraph, always: '"A," he said. "B."' and '"A," he said in a speech that
    ... . "B."' are one quote in pieces. In the next paragraph, only when the earlier quote
    closes its paragraph (the writer closed the mark where the convention reopens it).
    """
    gap = text[prev.end : q.start]
    if paras_apart == 0:
        return "\n" not in gap
    return paras_apart == 1 and prev.kind in ("direct", "floating") and not re.search(r"[^\W_]", gap)


def _holds_quote(opens: list[int], a: int, b: int) -> bool:
    """Does a double quote mark open inside ``[a, b)``?"""
    k = bisect_left(opens, a)
    return k < len(opens) and opens[k] < b


def _in_taken(taken: list[tuple[int, int]], starts: list[int], a: int, b: int) -> bool:
    """Does ``[a, b)`` overlap a span in ``taken`` (sorted, non-overlapping)?"""
    k = bisect_right(starts, a)
    if k > 0 and taken[k - 1][1] > a:
        return True
    return k < len(taken) and taken[k][0] < b


def _overlaps(a: Quote, b: Quote) -> bool:
    return a.start < b.end and b.start < a.end


def _attribute_span(
    doc: Document, s: QuoteSpan, sent: tuple[int, int], cues: list[_Cue], cue_starts: list[int], used: set[int],
    resolver: SpeakerResolver, sent_starts: list[int],
) -> Quote | None:
    text = doc.text
    a, b = s.open_at, s.outer_end
    content = (s.start, s.end)
    # 0. A dash and a name right after the quote: '"..." ― Sonya Herridge' (quoted voices, posts).
    m = _DASH_NAME.match(text, b)
    if m:
        a0 = m.start("name")
        mention = Mention(m.group("name"), a0, a0 + len(m.group("name")), "person")
        q = _make("direct", *content, mention, None, resolver, "quote, then a dash and a name", text)
        return replace(q, cue=m.group("dash"), cue_start=m.start("dash"), cue_end=m.end("dash"))
    # 0a. A transcript line: '"WALLACE: Let's start with ...' names its speaker inside the marks.
    m = _TRANSCRIPT_LABEL.match(text, s.start, s.end)
    if m:
        mention = Mention(m.group("name"), m.start("name"), m.end("name"), "person")
        return _make_colon((m.end(), s.end), mention, m.end("name"), resolver, text, "a transcript's speaker label")
    # 0b. An unclosed quote whose paragraph ends with its attribution ('"..., he added.'): the
    #     closing mark is missing before the cue.
    if s.close_at is None:
        q = _cue_inside_unclosed(text, s, resolver)
        if q is not None:
            return q
    # A quote that opens its sentence is attributed by what follows it ('"...," he said'); a
    # quote inside a sentence by the clause that holds it ('Sanders called it "arbitrary."').
    ctx = _Ctx(doc, s, sent, cues, cue_starts, used, resolver, content)
    steps = (_cue_after, _cue_before) if not text[sent[0] : a].strip() else (_cue_before, _cue_after)
    for step in steps:
        q = step(ctx)
        if q is not None:
            return q
    # 3. A quote right after a sentence whose speaker talks ('she said she had made progress.
    #    "I really believe ..."'): that speaker, unless the quote has words of its own before it.
    para = doc.paragraphs[s.paragraph]
    if not text[sent[0] : a].strip() and sent[0] > para.start:
        prev_cues = [c for c in _cues_between(cues, cue_starts, para.start, sent[0]) if c.lemma in _INDIRECT]
        for cue in reversed(prev_cues[-2:]):
            if _passive(text, cue):
                continue
            mention = _plausible(find_speaker_before(text, cue.start, _sentence_of(doc, sent_starts, cue.start)[0]), resolver)
            if mention is not None:
                return _make("floating", *content, mention, None, resolver, "the speaker of the sentence before", text)
    # 4. A colon at the end of the previous paragraph: 'He explained why:' + quote paragraph.
    para = doc.paragraphs[s.paragraph]
    if s.open_at == para.start and s.paragraph > 0:
        prev = doc.paragraphs[s.paragraph - 1]
        prev_text = text[prev.start : prev.end].rstrip()
        if prev_text.endswith(":"):
            pcues = _cues_between(cues, cue_starts, prev.start, prev.end)
            cue = pcues[0] if pcues else None
            mention = find_speaker_before(text, cue.start, prev.start) if cue else None
            if mention is not None and cue is not None:
                used.add(cue.start)
                return _make("direct", *content, mention, cue, resolver, "introduced by a colon in the paragraph before", text)
            # 'Frank quotes former Carter adviser Alfred Kahn:' — the name before the colon
            colon = prev.start + len(prev_text) - 1
            mention = _plausible(find_speaker_before(text, colon, prev.start), resolver)
            if mention is not None and mention.type in ("person", "organisation", "role"):
                return _make_colon(content, mention, colon, resolver, text, "a name and a colon in the paragraph before")
    # 5. 'Mark Blumenthal and Jon Cohen: "..."' — a name and a colon, no verb.
    head = text[sent[0] : a].rstrip()
    if head.endswith(":") and len(head) > 2:
        colon = sent[0] + len(head) - 1
        mention = _plausible(find_speaker_before(text, colon, sent[0]), resolver)
        if mention is not None and mention.type in ("person", "organisation", "role", "anonymous"):
            inverted = _INVERTED_CUE.search(text, sent[0], mention.start)
            if inverted is not None and inverted.group(1).lower() in verb_forms():
                # 'Said Ellis: "..."': a verb before the name opens the sentence
                lemma, cls = verb_forms()[inverted.group(1).lower()]
                cue = _Cue(inverted.start(1), inverted.end(1), inverted.group(1), lemma, cls)
                return _make("direct", *content, mention, cue, resolver, "verb, speaker and a colon", text)
            return _make_colon(content, mention, colon, resolver, text, "a name and a colon")
    # 6. 'Sanders credited the victory to "a closed primary"': a quote inside a sentence whose
    #    subject is a speaker, with a verb the table does not know.
    if head and not head.endswith((":", ",")):
        mention = _sentence_subject_mention(text, sent[0], a)
        verb = _first_verb_after(text, mention.end, a) if mention is not None else None
        if mention is not None and verb is not None and mention.type in ("person", "organisation", "role", "pronoun"):
            cue = _Cue(verb[0], verb[1], text[verb[0] : verb[1]], "", "none")
            m = _THAT.match(text, verb[1])
            return _make("mixed", m.end() if m else verb[1], _fragment_end(text, s, sent[1]),
                         mention, cue, resolver, "the sentence's subject, with an unlisted verb", text)
    return _make("direct", *content, None, None, resolver, "none", text)


_TRANSCRIPT_LABEL = re.compile(r"(?P<name>[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,2}):\s+")


_OTHER_INDIRECT = frozenset({"according to", "ask", IN_OPINION, "be of the opinion"})
_THAT_NEXT = re.compile(r"\s+that\b")


_INVERTED_CUE = re.compile(r"\s*([A-Z][a-z]+)\s+$")


_TRAILING_CUE = re.compile(r",\s+(?P<rest>[^,;:\"“”.!?\n]{1,60}?)[.!?]?\s*$")


def _cue_inside_unclosed(text: str, s: QuoteSpan, resolver: SpeakerResolver) -> Quote | None:
    """'"The statements ... are widely spread, he added.' (no closing mark): the quote ends at the comma."""
    m = _TRAILING_CUE.search(text, s.start, s.end)
    if m is None:
        return None
    comma = m.start()
    forms = verb_forms()
    toks = list(TOKEN.finditer(text, m.start("rest"), m.end("rest")))
    for t in (toks[-1:] + toks[:1]) if toks else []:
        form = t.group()
        if form not in forms or forms[form][1] not in SPEECH_CLASSES:
            continue
        cue = _Cue(t.start(), t.end(), form, *forms[form])
        if t is toks[-1]:
            mention = find_speaker_before(text, cue.start, comma + 1)  # ', he added.'
            if mention is None or text[comma + 1 : mention.start].strip():
                continue
        else:
            mention = find_speaker_after(text, cue.end, m.end("rest"))  # ', said the pundit.'
            if mention is None:
                continue
        return _make("direct", s.start, comma + 1, mention, cue, resolver,
                     "an unclosed quote, then speaker and verb", text)
    return None


def _make_colon(
    content: tuple[int, int], mention: Mention, colon: int, resolver: SpeakerResolver, text: str, rule: str
) -> Quote:
    cue = _Cue(colon, colon + 1, ":", "", "none")
    q = _make("direct", *content, mention, cue, resolver, rule, text)
    return replace(q, cue=":", cue_start=colon, cue_end=colon + 1)


@dataclass(frozen=True, slots=True)
class _Ctx:
    """What the attribution steps of one quote span need."""

    doc: Document
    s: QuoteSpan
    sent: tuple[int, int]
    cues: list[_Cue]
    cue_starts: list[int]
    used: set[int]
    resolver: SpeakerResolver
    content: tuple[int, int]


def _cue_after(ctx: _Ctx) -> Quote | None:
    """'"...," he said' / '"...," said X' / '"...," Name, apposition, said'."""
    text, s, sent, cues, cue_starts, used, resolver, content = (
        ctx.doc.text, ctx.s, ctx.sent, ctx.cues, ctx.cue_starts, ctx.used, ctx.resolver, ctx.content
    )
    b = s.outer_end
    after = [c for c in _cues_between(cues, cue_starts, b, b + 200) if c.start not in used]
    closes_sentence = text[s.start : s.end].rstrip().endswith(".")
    for cue in after[:2]:
        between = text[b : cue.start]
        if closes_sentence and not between.strip().startswith(",") and (cue.start >= sent[1] or _THAT_NEXT.match(text, cue.end)):
            continue  # 'Japan branded it an "outlaw nation." Russia insisted that ...': the next sentence's verb
        if re.search(r"[.!?]\s", _ABBREV.sub("", between)) and not between.strip().startswith((",", "”", '"')):
            continue
        # '"...," Deborah Tamargo, the chairwoman of ..., recalled': the name right after the quote
        mention = find_speaker_after(text, b, cue.start) if between.strip(" ,\u00a0") else None
        if mention is not None and not _links_to_cue(text[mention.end : cue.start]):
            mention = None
        if mention is None:
            mention = find_speaker_before(text, cue.start, b)
        if mention is not None and not _descriptor_only(
            text[b : mention.start], after_comma=mention.type == "person" and bool(re.search(r"[,!?]\W*$", text[s.start : b]))
        ):
            mention = None  # words between the quote and the speaker: not this quote's attribution
        if mention is None and not between.strip(_GAP_PUNCT):
            mention = find_speaker_after(text, cue.end, sent[1])  # '"...," said X'
        if mention is not None:
            used.add(cue.start)
            return _make("direct", *content, mention, cue, resolver, "quote, then speaker and verb", text)
        q = _continued_then_cue(ctx, cue, between)
        if q is not None:
            return q
    return _unlisted_verb_after(ctx)


def _continued_then_cue(ctx: _Ctx, cue: _Cue, between: str) -> Quote | None:
    """'"Many would consider that an embarrassment" if she lost, said David Wasserman.'

    The quote runs on in the writer's words up to a comma, and a cue with its speaker closes
    the sentence: a mixed quote whose content ends at the comma.
    """
    text, s, sent = ctx.doc.text, ctx.s, ctx.sent
    b = s.outer_end
    if re.search(r"[.!?;:]\s|[\"“”„«»]", _ABBREV.sub("", between)) or "\n" in between:
        return None
    comma = text.rfind(",", b, cue.start)
    if comma < 0 or len(TOKEN.findall(text[b:comma])) < 2:
        return None
    tail = text[cue.end : sent[1]]
    if not text[comma + 1 : cue.start].strip():
        mention = find_speaker_after(text, cue.end, sent[1])  # ', said David Wasserman.'
        if mention is None or len(TOKEN.findall(text[mention.end : sent[1]])) > 8 and "," not in text[mention.end : mention.end + 2]:
            return None
    else:
        mention = find_speaker_before(text, cue.start, comma + 1)  # ', Wasserman said.'
        if mention is None or text[comma + 1 : mention.start].strip() or len(TOKEN.findall(tail)) > 6:
            return None
    ctx.used.add(cue.start)
    return _make("mixed", s.start, comma, mention, cue, ctx.resolver, "quote run on in paraphrase, then verb and speaker", text)


_VERB_AFTER = re.compile(
    r"\s+(?:[a-z]+ly\s+)?(?P<verb>[a-z]{3,}(?:ed|s))\b(?=\s*(?:[.,;:!?]|$|\n|\s(?:on|in|at|to|during|after|before|from|with|"
    r"about|of|when|while|as|last|this|back|into|via|over)\b))"
)


def _unlisted_verb_after(ctx: _Ctx) -> Quote | None:
    """'"..., you fucking asshole," Oliver barked.': a name and a verb the table does not list.

    Only right after a quote that ends with a comma, question or exclamation mark inside its
    marks, the way news copy attributes a quote.
    """
    text, s, sent = ctx.doc.text, ctx.s, ctx.sent
    b = s.outer_end
    if not re.search(r"[,!?]\W*$", text[s.start : b]) or not text[b : b + 2].strip(" \t") or text[b : b + 1] not in " \t":
        return None
    mention = find_speaker_after(text, b, min(sent[1], b + 80))
    if mention is None or text[b : mention.start].strip() or mention.type not in ("person", "pronoun", "role", "organisation", "anonymous"):
        return None
    m = _VERB_AFTER.match(text, mention.end)
    if m is None or m.group("verb") in _NOT_VERBS:
        return None
    cue = _Cue(m.start("verb"), m.end("verb"), m.group("verb"), "", "none")
    return _make("direct", *ctx.content, mention, cue, ctx.resolver, "quote, then speaker and an unlisted verb", text)


_NOT_VERBS = frozenset("is was has does goes its his hers yours ours theirs this thus has as us always perhaps".split())


def _cue_before(ctx: _Ctx) -> Quote | None:
    """'X said: "..."', 'X said that "..."', 'according to X, "..."', 'X called it "..."'."""
    text, s, sent, cues, cue_starts, used, resolver, content = (
        ctx.doc.text, ctx.s, ctx.sent, ctx.cues, ctx.cue_starts, ctx.used, ctx.resolver, ctx.content
    )
    a = s.open_at
    before = [c for c in _cues_between(cues, cue_starts, sent[0], a) if c.start not in used]
    # 'Cruz said he's certain Rubio will continue to be "..."': the outermost speech verb speaks
    outer = [c for c in before[:-1] if c.cls in SPEECH_CLASSES and c.lemma in _INDIRECT
             and not re.search(r"\b(?:who|which)\s+(?:\w+\s+){0,2}$", text[max(0, c.start - 30) : c.start])]
    if outer and _last_cue_governs(text, outer[0], before[-1], a):
        outer = []
    active = [c for c in before if not _passive(text, c)]  # 'should be recognized as "..."' speaks for no one
    if active and _participle_after_comma(text, active[-1]) and text[active[-1].start - 2 : active[-1].start] == ", ":
        outer = []  # 'Trump has indicated he would ..., vowing to "open up" libel laws': the participle
    elif before and re.search(r",\s+(?:who|which)\s+(?:\w+\s+){0,2}$", text[max(0, before[-1].start - 30) : before[-1].start]):
        outer = []  # '..., Armen Smbatyan, who believes that Israel "may stop ..."': the relative clause speaks
    for cue in [*outer[:1], *reversed(before[-2:])]:
        between = text[cue.end : a]
        if re.match(r"\s+that\s", between) and not _SENT_END.search(text[cue.end : a]):
            # 'X alleged that the DNC "failed ..."': a mixed quote even if X cannot be found
            if _participle_after_comma(text, cue):
                mention = _participle_subject(ctx, cue)
            else:
                mention = find_speaker_before(text, cue.start, sent[0])
                if mention is not None and _in_object_position(text, mention, sent[0]):
                    mention = _sentence_subject_mention(text, sent[0], mention.start)
                if mention is None:
                    # 'X did this and said that "..."', '21 percent said "not too likely"'
                    mention = _coordinated_subject(text, cue, sent) or _quantity_speaker(text, cue.start, sent[0])
            mention = _plausible(mention, resolver)
            used.add(cue.start)
            m = _THAT.match(text, cue.end)
            start = m.end() if m else cue.end
            end = _fragment_end(text, s, sent[1])
            return _make("mixed", start, end, mention, cue, resolver, "speaker and verb that, then a quoted fragment", text)
        if cue.lemma == "according to":
            mention = find_speaker_after(text, cue.end, a)
            if mention is not None and text[mention.end : a].strip() == ":" and len(TOKEN.findall(text[sent[0] : cue.start])) >= 3:
                # 'Events may inspire ..., according to Giragosian: "..."': the clause before is reported
                # with 'according to' (left for the indirect rules), the quote is introduced by the colon
                colon = text.index(":", mention.end, a)
                return _make_colon(content, mention, colon, resolver, text, "a name and a colon")
        elif _passive(text, cue):
            m_by = re.match(r"\s+by\s+", text[cue.end : a])
            mention = find_speaker_after(text, cue.end + m_by.end() - 1, a) if m_by else None
        elif _participle_after_comma(text, cue):
            # 'Trump warned against ..., pledging to "bomb ..."': the speaker is the sentence's subject,
            # unless a name stands right before the participle ('footage of Trump saying')
            mention = _own_subject(text, cue, sent[0]) or _participle_subject(ctx, cue)
        else:
            mention = find_speaker_before(text, cue.start, sent[0]) or _quantity_speaker(text, cue.start, sent[0])
            if mention is not None and _in_object_position(text, mention, sent[0]):
                # 'Other leaders ... denounce what X called ...' is fine, but 'He did not address
                # his series of tweets in which ...': an object is not the speaker
                mention = _sentence_subject_mention(text, sent[0], mention.start)
            if mention is None:
                mention = _coordinated_subject(text, cue, sent)  # 'He praised them but said, "..."'
            if mention is None:
                after = find_speaker_after(text, cue.end, a)
                # only 'said Name: "..."', where the quote follows the name at once
                if after is not None and not text[after.end : a].strip(" \t\u00a0,:—–-"):
                    mention = after
        if mention is None:
            continue
        used.add(cue.start)
        if cue.lemma == "tell":
            # 'telling Reuters, "..."': the person told is not part of what was said
            between = re.sub(r"^\s*(?:(?:the|a|an)\s+)?(?:[A-Z][\w.’'&-]*\s*){1,4}(?=[,:])|^\s*(?:reporters|journalists)\b",
                             "", between)
        words_between = [w for w in TOKEN.findall(between) if w.lower() not in ("that",)]
        if mention.start >= cue.end:
            words_between = TOKEN.findall(text[mention.end : a])
        if words_between and cue.lemma != "according to":
            # a fragment inside paraphrase: the content is the whole reported clause
            m = _THAT.match(text, cue.end if mention.start < cue.end else mention.end)
            start = m.end() if m else cue.end
            end = _fragment_end(text, s, sent[1])
            return _make("mixed", start, end, mention, cue, resolver, "speaker and verb, then a quoted fragment", text)
        return _make("direct", *content, mention, cue, resolver, "speaker and verb, then the quote", text)
    # 'his call for "a total and complete ban"', "Rubio's claim that ... "simply not true"'
    nominal = list(_NOMINAL_CUE.finditer(text, sent[0], a))
    m = nominal[-1] if nominal else None
    if m is not None and not re.search(r"[.;!?]\s", text[m.end() : a]) and len(TOKEN.findall(text[m.end() : a])) <= 12:
        who = m.group("poss")
        w0 = m.start("poss")
        if who.endswith(("'s", "’s")):
            who, typ = who[:-2], "person"
        else:
            typ = "pronoun"
        mention = Mention(who, w0, w0 + len(who), typ)
        cue = _Cue(m.start("noun"), m.end("noun"), m.group("noun"), m.group("noun").lower().rstrip("s"), "neutral")
        start = m.end()
        return _make("mixed", start, _fragment_end(text, s, sent[1]), mention, cue, resolver,
                     "a speaker's noun of speech ('his call for')", text)
    return None


_NEW_CLAUSE = re.compile(r"[,;]\s+(?:though|although|but|while|whereas|because|as|when|and|so)\s")
_INTRODUCES = re.compile(r"[^.!?;\"“”]{0,40}?[,:]\s*$")


def _last_cue_governs(text: str, outer: _Cue, last: _Cue, quote_at: int) -> bool:
    """Does the verb nearest a quote speak it, rather than the first verb of the sentence?

    The first verb governs a clause reported inside it ('Cruz said Rubio would be "..."'), but
    not when the nearest verb starts a new clause ('an estimate for his plans, though he said
    "..."') or introduces the quote itself ('The spot concludes with footage of Trump saying
    during the debate, "..."').
    """
    return bool(
        _NEW_CLAUSE.search(text, outer.end, last.start)
        or last.cls in SPEECH_CLASSES and _INTRODUCES.fullmatch(text, last.end, quote_at)
    )


def _own_subject(text: str, cue: _Cue, sent_start: int) -> Mention | None:
    """A name right before a participle, with no comma between: its own subject ('of Trump saying')."""
    mention = find_speaker_before(text, cue.start, sent_start)
    if mention is None or mention.type != "person" or text[mention.end : cue.start].strip():
        return None
    return mention


def _participle_subject(ctx: _Ctx, cue: _Cue) -> Mention | None:
    """Who speaks a participle ('adding', 'saying') that hangs on the clause before it.

    '"...," he said, adding: "..."' and '"...," said Mr. Burr, adding that ...': the speaker of
    the speech verb just before; otherwise the sentence's subject.
    """
    text, sent = ctx.doc.text, ctx.sent
    prev = [c for c in _cues_between(ctx.cues, ctx.cue_starts, max(sent[0], cue.start - 120), cue.start)
            if c.cls in SPEECH_CLASSES and c.lemma in _INDIRECT]
    if prev:
        p = prev[-1]
        gap = text[p.end : cue.start]
        if not re.search(r"[.!?;]\s", gap):
            after = find_speaker_after(text, p.end, cue.start)
            if after is not None and not text[after.end : cue.start].strip(" ,"):
                return after  # 'said Mr. Burr, adding'
            if not gap.strip(" ,") or re.fullmatch(r"[\s,]*(?:\w+\s+){0,4}?(?:before|and|then)?\s*", gap):
                left = text.rfind("\n", 0, p.start) + 1
                quote_end = max(text.rfind(ch, left, p.start) for ch in "\"”'’»")
                before = find_speaker_before(text, p.start, max(sent[0], left, quote_end + 1))
                if before is not None:
                    return before  # '"...," he said, adding'
    return _sentence_subject_mention(text, sent[0], cue.start)


def _fragment_end(text: str, s: QuoteSpan, sent_end: int) -> int:
    """End of a mixed quote: the clause end, or the quote's own end when it closes the sentence."""
    if re.search(r"[.!?…]\W*$", text[s.start : s.end]):
        return s.outer_end
    return max(s.outer_end, _clause_end(text, s.outer_end, sent_end))


POST_MAX_CHARS = 280  # a post's length limit on X/Twitter (links left out: an attached photo or quoted post adds one)
_LINK = re.compile(r"https?://\S+")


def _post_start(doc: Document, idx: int) -> int:
    """A post over several paragraphs: the body paragraphs before its last one that still fit
    in one post ('Erdogan and Aliyev have gone so far ... ⏎ Those Western nations ... https://t.co/x')."""
    text = doc.text
    p = doc.paragraphs[idx]
    size = _post_size(text[p.start : p.end])
    start = p.start
    k = idx - 1
    while k >= 0 and doc.paragraphs[k].kind == "body":
        prev = doc.paragraphs[k]
        piece = text[prev.start : prev.end]
        size += _post_size(piece) + 1
        if size > POST_MAX_CHARS or piece.rstrip().endswith(":") or any(ch in piece for ch in "\"“”«»") \
                or any(piece[max(0, c.start - 3) : c.start] != "to " for c in _find_cues(piece)):
            break  # more than a post holds; the writer's lead-in ('He tweeted:'), quotation or report ('X said')
        start = prev.start
        k -= 1
    return start


def _post_size(s: str) -> int:
    return len(_LINK.sub("", s).strip())


_SIGNATURE = re.compile(r"^[—–-]\s*(?P<name>.+?)\s*\(@(?P<handle>\w{1,30})\)")


def _embedded_post(doc: Document, para: object, resolver: SpeakerResolver) -> Quote | None:
    text = doc.text
    idx = doc.paragraphs.index(para)  # type: ignore[arg-type]
    p = doc.paragraphs[idx]
    sig = doc.paragraphs[idx + 1] if idx + 1 < len(doc.paragraphs) else None
    mention = None
    if sig is not None and sig.kind == "post_signature":
        m = _SIGNATURE.match(text[sig.start : sig.end])
        if m:
            a = sig.start + m.start("name")
            mention = Mention(m.group("name"), a, a + len(m.group("name")), "social_post")
    info = resolver.resolve(mention, at=p.start) if mention else None
    start = _post_start(doc, idx)
    return Quote(
        kind="embedded_post", start=start, end=p.end,
        speaker=mention.text if mention else "", speaker_start=mention.start if mention else -1,
        speaker_end=mention.end if mention else -1, speaker_name=mention.text if mention else "",
        speaker_type="social_post", side=info.side if info else "unknown", rule="embedded post and its signature",
    )
