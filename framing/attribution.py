"""Attribution primitives shared by the quote and the indirect-speech rules.

The :class:`Quote` record, the reporting cues of a text (:func:`_find_cues`, from the verb
table in ``framing/data/reporting_verbs.yaml``), and the small steps both kinds of rules
take: a cue with its auxiliaries, the sentence's subject, passive cues, clause ends, what
may stand between a speaker and its verb (:func:`_links_to_cue`), and building a quote from a
mention and a cue (:func:`_make`).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress, islice
from operator import itemgetter
from typing import NamedTuple

from .actors import Actors, load_actors
from .cue_patterns import capitalised_cues, phrase_cues
from .cue_patterns import passive_before as _passive_before
from .model import Document
from .resolver import SpeakerResolver
from .sentence_subject import _sentence_subject_mention  # noqa: F401  (imported from here by the rule modules)
from .sentences import ends_with_abbreviation
from .speakers import ORG_WORDS, Mention
from .tokens import TOKEN, split_words
from .verbs import noun_reading, verb_forms

#: A token and its offsets, ``(word, start, end)``.
Token = tuple[str, int, int]

QUOTE_KINDS = ("direct", "mixed", "indirect", "floating", "embedded_post")


SPEAKER_TYPES = ("person", "organisation", "role", "anonymous", "social_post", "unattributed")


@dataclass(frozen=True, slots=True)
class Quote:
    """One attributed (or unattributed) quote.

    Attributes:
        kind: direct, mixed, indirect, floating or embedded_post.
        start: Start of the quoted content (inside the quote marks; for mixed
            and indirect quotes, the reported clause).
        end: End of the content (exclusive).
        speaker: The speaker mention as written ("he", "a user"), or "".
        speaker_start: Offset of the mention, or -1.
        speaker_end: End of the mention, or -1.
        speaker_name: The entity the mention resolves to ("Elman Mammadov"), or "".
        speaker_type: person, organisation, role, anonymous, social_post or unattributed.
        side: The speaker's side (from the actors list or a nationality cue), or "unknown".
        cue: The cue as written, with auxiliaries and negation ("has accused", "according to", ":"), or "".
        cue_start: Offset of the cue, or -1.
        cue_end: End of the cue, or -1.
        cue_class: neutral, distancing, endorsing, concessive, confrontational, according_to, opinion or none.
        rule: The rule that attributed it (for explanations).
        resolution: How the mention was resolved to the speaker and side ("surname → the full
            name earlier in the text; side: actors list"), or "".
    """

    kind: str
    start: int
    end: int
    speaker: str = ""
    speaker_start: int = -1
    speaker_end: int = -1
    speaker_name: str = ""
    speaker_type: str = "unattributed"
    side: str = "unknown"
    cue: str = ""
    cue_start: int = -1
    cue_end: int = -1
    cue_class: str = "none"
    rule: str = ""
    parts: tuple[tuple[int, int], ...] = ()
    resolution: str = ""

    @property
    def spans(self) -> tuple[tuple[int, int], ...]:
        """The quoted pieces: a quote split by its attribution ('"A," he said. "B."') has two."""
        return self.parts or ((self.start, self.end),)


# Verbs that introduce indirect speech: every reporting verb of the table except those that
# take a noun object rather than a clause ("called him a liar", "described it as") and 'went on'
# ('went on Fox News'). ('As he put it, the war is over' reports the clause after the comma.)
_NOT_INDIRECT = frozenset("call describe ask read post quote cite detail issue sing pray begin continue".split()) | {"go on"}


def _indirect_lemmas() -> frozenset[str]:
    return frozenset(lemma for lemma, _ in verb_forms().values()) - _NOT_INDIRECT


_INDIRECT = _indirect_lemmas()


_AUX = frozenset(
    "has have had did does do was were is are will would could can may might must should also not never "
    "n't later then reportedly repeatedly previously earlier first again himself herself themselves been long".split()
)


_THAT = re.compile(r"\s*(?:,\s*)?(?:that\b)?\s*")


_NOUN_BEFORE = frozenset("the a an his her their its our my your this these those such no any every each".split())


_SENT_END = re.compile(r"[.!?…]+[\"'”’»]*\s*$")


_ABBREV = re.compile(r"\b(?:[A-Z]|Mr|Mrs|Ms|Dr|Sen|Gov|Rep|Gen|Lt|Col|Capt|Sgt|St|Jr|Sr|Prof|Rev|Hon|Amb|No|Mt|Ft|Inc|Co|Corp|Ltd|U\.S|U\.N|U\.K)\.")


class _Cue(NamedTuple):
    """A reporting cue: its offsets, its text, the verb's lemma and its class.

    (A named tuple: a few are made for every document, and a tuple is made in a fraction of
    the time of a frozen dataclass.)
    """

    start: int
    end: int
    text: str
    lemma: str
    cls: str


_ACTORS: Actors | None = None


def _default_actors() -> Actors:
    global _ACTORS
    if _ACTORS is None:
        _ACTORS = load_actors()
    return _ACTORS


def _sentence_of(doc: Document, starts: list[int], offset: int) -> tuple[int, int]:
    i = bisect_right(starts, offset) - 1
    if i < 0:
        return (0, len(doc.text))
    s = doc.sentences[i]
    return (s.start, s.end)


def _find_cues(text: str, *, words: list[str] | None = None) -> list[_Cue]:
    """The reporting cues of ``text`` in order; ``words``: its ``tokens.split_words``, if made
    already (the analysis makes it for every document)."""
    forms = verb_forms()
    cues: list[_Cue] = []
    parts = split_words(text) if words is None else words
    for raw, s, e, before, nxt in _cue_candidates(text, parts):
        if text[s - 1 : s] == "-" or text[e : e + 1] == "-":
            continue  # 'state-of-the-state address', 'call-in show': part of a compound
        prev = before[-1] if before else None
        if prev is not None and not text[prev[2] : s].strip() and (
            prev[0].lower() in _NOUN_BEFORE or text[s - 2 : s] in ("'s", "’s")
            or prev[0].lower() == "few" and raw.endswith("s") and len(before) == 2 and before[0][0].lower() == "a"
            or prev[0] == "s" and text[prev[1] - 1 : prev[1]] in ("'", "’")
            and not _CONTRACTED.search(text, max(0, prev[1] - 8), prev[1] - 1)  # "Editor’s note", not "it’s urging"
            or raw.endswith("s") and len(before) == 2 and prev[0][:1].isupper()
            and before[0][0].lower() in _PREP_OR_DET and not text[before[0][2] : prev[1]].strip(" ")
            and (raw not in _NEVER_NOUNS or before[0][0].lower() not in _DETERMINERS)
        ):
            continue  # "his comments", "Rubio's claim", "the report", "of Republican claims", "a few questions": a noun
        if nxt is not None:
            two = f"{raw} {nxt[0].lower()}"
            if two in forms and text[e : nxt[1]].strip() == "":
                lemma, cls = forms[two]
                if not noun_reading(text, s, nxt[2], two, lemma):  # ('the repeated calls for calm')
                    cues.append(_Cue(s, nxt[2], text[s : nxt[2]], lemma, cls))
                continue
        if raw in forms:
            lemma, cls = forms[raw]
            if noun_reading(text, s, e, raw, lemma):
                continue  # 'its Facebook post', 'the energy demand of', 'economic thinking': a noun
            if raw == lemma and prev is not None and nxt is not None and _modifier_before(text, prev) \
                    and _noun_after(text, e, nxt) and not (raw == "broadcast" and prev[0] in ORG_WORDS) \
                    or raw.endswith("s") and prev is not None and _compound_before(text, prev, s):
                continue  # 'a new state poll', 'the latest report': a noun after its modifier (but 'the ministry
                # broadcast footage': the past tense after an institution)
            if raw.endswith("s") and raw != lemma and nxt is not None and text[e : nxt[1]] == " " \
                    and nxt[0] in forms and nxt[0] != raw:
                continue  # 'the social media comments read', 'reports say': a plural noun before its verb
            if prev is not None and text[prev[2] : s] == " " and noun_after_auxiliary(prev[0], raw, lemma):
                continue  # 'had estimates of', 'will reports': after an auxiliary an -s form is a noun
            if raw in ("state", "states") and _state_noun(text, e, nxt):
                continue  # 'a key battleground state in', 'Western states, receiving', 'state primaries'
            if raw == "showing" and prev is not None and text[prev[2] : s] == " " and prev[0].islower() \
                    and not prev[0].endswith("s") and prev[0] not in _AUX_BE:
                continue  # 'a strong showing', 'his second-best showing': the noun
            if raw == "say" and _HAVE_A_SAY.search(text, max(0, s - 30), s):
                continue  # 'have an absolute say in ...': the noun
            if _obligation_before(text, s):
                continue  # 'Baku must inform the public': what someone ought to say is not a report
            cues.append(_Cue(s, e, raw, lemma, cls))
    # 'according to', 'raised concerns', 'sees X as'; 'Asked whether ..., X said', a headline's 'Says'
    phrases = [_Cue(*c) for c in (*phrase_cues(text, tokens=parts[1::2]), *capitalised_cues(text))]
    if phrases:  # (the verb cues come in order of their starts, one per start)
        cues += phrases
        cues.sort(key=_START)
    return cues


_START = itemgetter(0)  # a _Cue's start


_HAVE_A_SAY = re.compile(r"\b(?:a|an|the|no|any|some|more|final|greater|bigger|equal)\s+(?:[a-z]+\s+)?$")
_AUX_BE = frozenset("is was were are be been being am".split())
_AFTER_STATE_NOUN = frozenset(
    "in on of where with for from across and or to by at whose which who than primaries legislature legislatures "
    "lawmakers party parties officials senator senators department level levels law laws capital capitals house "
    "election elections media television tv".split()
)


_AUX_BEFORE_NOUN = frozenset("had have has having will would can could may might must shall should to".split())


def noun_after_auxiliary(before: str, form: str, lemma: str) -> bool:
    """Is ``form`` (a reporting verb's -s form) a noun, the word ``before`` it being an auxiliary
    or 'to' ('had estimates of', 'respond to requests')?"""
    return form.endswith("s") and form != lemma and before.lower() in _AUX_BEFORE_NOUN


def _state_noun(text: str, end: int, nxt: Token | None) -> bool:
    """Is 'state'/'states' the noun here? Followed by punctuation, a preposition or a noun it heads."""
    after = text[end : end + 1]
    if after in (",", ".", ";", ":", ")", "’", "'") and not text.startswith(":", end):
        return True
    return nxt is not None and text[end : nxt[1]] == " " and nxt[0] in _AFTER_STATE_NOUN


_OBLIGATION = re.compile(r"\b(?:must|should|ought to)\s+(?:\w+ly\s+)?(?:not\s+)?$")


def _obligation_before(text: str, s: int) -> bool:
    """'must inform', 'should not say': an obligation right before ``s``."""
    w = text[max(0, s - 25) : s]
    return ("must" in w or "should" in w or "ought to" in w) and _OBLIGATION.search(text, max(0, s - 25), s) is not None


@lru_cache(maxsize=1)
def _cue_first_words() -> frozenset[str]:
    """Lower-case words that can start a cue (a form, or the first word of a two-word form).

    Only words of the letters a-z: a cue starts at a token (a run of letters and digits)
    that holds nothing else.
    """
    return frozenset(w for f in verb_forms() if re.fullmatch(r"[a-z]+", w := f.split()[0]))


def _cue_candidates(text: str, parts: list[str]) -> Iterator[tuple[str, int, int, list[Token], Token | None]]:
    """The words that can start a cue, with the two tokens before them and the token after.

    Yields ``(word, start, end, before, after)``: the words are the lower-case words (a-z,
    bounded by no letter or digit) that start a form of the verb table; ``before`` is
    ``list(TOKEN.finditer(text, max(0, start - 60), start))[-2:]`` and ``after``
    ``TOKEN.search(text, end, end + 60)``, as ``(token, start, end)``. One split of the text
    (``parts``, from ``tokens.split_words``) serves them all: a word of a-z is a whole token.
    A candidate's offset is where the word next occurs as a whole token (with no letter or
    digit on either side) after the one before: the tokens in between are not candidates, so
    none of them is this word.
    """
    tokens = parts[1::2]  # parts: separator, token, separator, ..., token, separator
    n_parts = len(parts)
    pos = 0
    for k in compress(range(len(tokens)), map(_cue_first_words().__contains__, tokens)):
        i = 2 * k + 1
        raw = parts[i]
        s = text.find(raw, pos)
        while text[s - 1 : s].isalnum() or text[s + len(raw) : s + len(raw) + 1].isalnum():
            s = text.find(raw, s + 1)
        e = pos = s + len(raw)
        lo = max(0, s - 60)
        before: list[Token] | None = None
        if i >= 5:
            e1 = s - len(parts[i - 1])
            s1 = e1 - len(parts[i - 2])
            e2 = s1 - len(parts[i - 3])
            s2 = e2 - len(parts[i - 4])
            if s2 >= lo:
                before = [(parts[i - 4], s2, e2), (parts[i - 2], s1, e1)]
        if before is None:  # fewer than two whole tokens in the 60 characters before
            before = [(m.group(), m.start(), m.end()) for m in list(TOKEN.finditer(text, lo, s))[-2:]]
        after: Token | None = None
        if i + 2 < n_parts and (a1 := e + len(parts[i + 1])) < e + 60:
            w = parts[i + 2]
            after = (w[: e + 60 - a1], a1, e + 60) if a1 + len(w) > e + 60 else (w, a1, a1 + len(w))
        yield raw, s, e, before, after


# -s forms that are never plural nouns: after 'the' and a name they are the name's verb ('The
# Vatican says', 'the Kremlin tells'), not a noun ('of Republican claims')
_NEVER_NOUNS = frozenset(("says", "tells", "insists", "argues", "adds", "warns", "believes", "thinks", "writes"))
_DETERMINERS = frozenset(("the", "a", "an"))
_CONTRACTED = re.compile(r"(?i)\b(?:it|he|she|that|there|what|who|here|where|how)$")
_PREP_OR_DET = frozenset("of the a an his her their its about on in with for from by to".split())
_BEFORE_BASE_VERB = frozenset(
    """i you we they who that which to not n't also and or but will would could can may might must should shall
    do did does often still never always then now just even""".split()
)


def _modifier_before(text: str, prev: Token) -> bool:
    """Is the word before an uninflected cue ('state', 'report') a modifier of a noun?

    A base-form verb follows its subject ('officials say', 'they claim'), a modal or 'to';
    after another lower-case word that is not a plural noun or an adverb it is a noun
    ('a new state poll', 'the latest report').
    """
    w, _, end = prev
    if not w.isalpha() or not w.islower() or text[end : end + 1] not in (" ",):
        return False
    return w not in _BEFORE_BASE_VERB and not w.endswith(("s", "ly"))


_FUNCTION_WORDS = frozenset(
    """the a an that this these those he she it they we i you his her their its our my your to of in on at for
    with by from as if whether when about up out there what who how why more no not some any many""".split()
)


def _compound_before(text: str, prev: Token, start: int) -> bool:
    """'his early-morning tweets': a plural noun after a hyphenated modifier, not a verb."""
    return text[prev[2] : start] == " " and text[prev[1] - 1 : prev[1]] == "-" and prev[0].islower()


def _noun_after(text: str, end: int, nxt: Token) -> bool:
    """Is the word after a candidate cue a lower-case content word ('state poll', 'report card')?"""
    w = nxt[0]
    return text[end : nxt[1]] == " " and w.isalpha() and w.islower() and w not in _FUNCTION_WORDS


def _with_aux(text: str, cue: _Cue) -> tuple[int, str]:
    """Extend a cue backwards over auxiliaries and negation ("has also said", "did not deny",
    "it’s urging" → "’s urging"); adverbs only between an auxiliary and the verb ("also
    claimed" stays "claimed", "has also claimed" is kept whole)."""
    start = end_aux = cue.start
    while True:
        word, start_word = _word_before(text, start)
        if word.lower().replace("’", "'") in _NEGATED_AUX:
            start = end_aux = start_word  # 'isn’t saying', 'wouldn’t say'
            continue
        if (m := _REFUSED_TO.search(text, max(0, start - 20), start)) is not None:
            start = end_aux = m.start()  # 'declined to say', 'refused to say'
            continue
        if word.lower() not in _AUX:  # ("" is not)
            break
        start = start_word
        if word.lower() not in _ADVERB_AUX:
            end_aux = start  # an auxiliary or a negation: the adverbs after it belong to the cue
    m = _CLITIC.search(text, max(0, end_aux - 6), end_aux)
    if m is not None:
        end_aux = m.start(1)  # 'it’s urging': the contracted auxiliary, not the pronoun
    return end_aux, text[end_aux : cue.end]


def _word_before(text: str, start: int) -> tuple[str, int]:
    r"""The word of letters and apostrophes that white space separates from ``start`` (within the
    30 characters before it) and where it starts, or ``("", start)``: what
    ``re.search(r"([A-Za-z']+)\s+$", text[start - 30 : start])`` finds, without trying the
    pattern at every offset. The match is the run of those letters that ends the text once
    its final white space is stripped."""
    seg = text[max(0, start - 30) : start]
    t = seg.rstrip()
    if len(t) == len(seg) or not t:
        return "", start
    m = _LETTERS_AT_END.search(t.rsplit(None, 1)[-1])
    if m is None:
        return "", start
    return m.group(), start - (len(seg) - len(t)) - len(m.group())


_LETTERS_AT_END = re.compile(r"[A-Za-z'’]+\Z")
_NEGATED_AUX = frozenset(
    "isn't aren't wasn't weren't hasn't haven't hadn't doesn't didn't don't won't wouldn't can't couldn't "
    "shouldn't cannot".split()
)
_REFUSED_TO = re.compile(r"\b(?:declined|declines|declining|refused|refuses|refusing)\s+to\s+$")
_ADVERB_AUX = frozenset("also later then reportedly repeatedly previously earlier first again".split())
_CLITIC = re.compile(r"(?<=[A-Za-z])(['’](?:s|re|ve|d|ll))\s+$")


def _has_tokens(text: str, a: int, b: int, n: int) -> bool:
    """Does ``text[a:b]`` hold ``n`` tokens or more? (``len(TOKEN.findall(text[a:b])) >= n``,
    counting no further than ``n``; ``a`` and ``b`` are offsets of ``text``, not negative.)"""
    return next(islice(TOKEN.finditer(text, a, b), n - 1, None), None) is not None


def _plausible(mention: Mention | None, resolver: SpeakerResolver) -> Mention | None:
    """Drop mentions that cannot speak: a lone nationality adjective ("Turkish state TV")."""
    if mention is None:
        return None
    # (a text of letters and digits only is one token: no need to split it)
    words = [mention.text] if mention.text.isalnum() else TOKEN.findall(mention.text)
    if len(words) == 1 and words[0].casefold() in resolver.actors.nationality and words[0].casefold() not in ("eu", "un"):
        return None
    if words and words[0] in _PREPOSITION_OPENERS:
        return None  # '(polls,) including ones showing ...': what a preposition introduces is no subject
    return mention


_PREPOSITION_OPENERS = frozenset(("including", "like", "unlike", "besides", "excluding"))


def _make(
    kind: str, start: int, end: int, mention: Mention | None, cue: _Cue | None, resolver: SpeakerResolver,
    rule: str, text: str,
) -> Quote:
    cue_start, cue_text = _with_aux(text, cue) if cue is not None else (-1, "")
    if cue is not None and cue.lemma == "according to":
        cue_start, cue_text = cue.start, cue.text
    info = resolver.resolve(mention, at=start) if mention is not None else None
    return Quote(
        kind=kind,
        start=start,
        end=end,
        speaker=mention.text if mention else "",
        speaker_start=mention.start if mention else -1,
        speaker_end=mention.end if mention else -1,
        speaker_name=info.name if info else "",
        speaker_type=info.type if info else "unattributed",
        side=info.side if info else "unknown",
        cue=cue_text,
        cue_start=cue_start,
        cue_end=cue.end if cue is not None else -1,
        cue_class=cue.cls if cue is not None else "none",
        rule=rule,
        resolution=info.how if info else "",
    )


def _inherit(q: Quote, prev: Quote, rule: str) -> Quote:
    """A floating quote: the previous quote's speaker, and no cue of its own (the cue-class
    counts count each verb once)."""
    return Quote(
        kind="floating", start=q.start, end=q.end, speaker=prev.speaker, speaker_start=prev.speaker_start,
        speaker_end=prev.speaker_end, speaker_name=prev.speaker_name, speaker_type=prev.speaker_type,
        side=prev.side, rule=rule, resolution=prev.resolution,
    )


def _cues_between(cues: list[_Cue], starts: list[int], a: int, b: int) -> list[_Cue]:
    """Cues starting in ``[a, b)``."""
    return cues[bisect_left(starts, a) : bisect_left(starts, b)]


_LAST_WORD = re.compile(r"(\w+)\W*$")


def participle(cue: _Cue) -> bool:
    """Is the cue's verb a participle in -ing: 'saying', 'calling for', 'calling on'?"""
    return cue.text.partition(" ")[0].endswith("ing")


def _participle_after_comma(text: str, cue: _Cue) -> bool:
    """'..., saying', 'at one point calling': a participle that hangs on the main clause (not 'is saying')."""
    if not participle(cue):
        return False
    m = _LAST_WORD.search(text[max(0, cue.start - 30) : cue.start])
    return not (m and m.group(1).lower() in ("is", "was", "were", "are", "be", "been", "am", "keeps", "kept"))


def _passive(text: str, cue: _Cue) -> bool:
    """'was described', 'were told', 'is quoted': the speaker follows "by", if anywhere."""
    if participle(cue):
        return False  # 'is announcing', 'is calling for': the progressive, not a passive
    return _passive_before(text[max(0, cue.start - 25) : cue.start])


def _clause_end(text: str, pos: int, sent_end: int) -> int:
    """End of the clause a quoted fragment sits in: the sentence end, without its final full stop
    (or the semicolon a headline's first half ends with)."""
    end = sent_end
    while end > pos and text[end - 1] in ".!?…;":
        if ends_with_abbreviation(text, pos, end - 1):
            break  # ('… for the U.S.': the abbreviation keeps its full stop)
        end -= 1
    return end


_NOT_VERB_BEFORE = frozenset(
    "and but or nor then that who which whom when while as because if so since although though where whereas "
    "also still now just even yet".split()
)


def _in_object_position(text: str, mention: Mention, sent_start: int) -> bool:
    """Is the mention the object of a verb or preposition before it ('outlined his plan',
    'of Republican claims', 'unleashed a series of tweets'), not a subject?

    Only noun phrases opening with a determiner or a possessive (or a single adjective-like
    word) after a lower-case word are judged; names after a verb ('told Reuters') are not.
    """
    m = _WORD_BEFORE_MENTION.search(text[max(sent_start, mention.start - 40) : mention.start])
    if m is None:
        return False
    prev = m.group(1)
    if not prev.islower() or prev in _NOT_VERB_BEFORE:
        return False
    if prev in _OBJECT_PREPOSITIONS:
        return True  # 'in an interview with Radio Azadlig expressed': a preposition's object
    first = mention.text.split()[0].lower()
    return first in ("his", "her", "their", "its", "our", "my", "a", "an")


_WORD_BEFORE_MENTION = re.compile(r"([A-Za-z’'-]+)[ \t]+$")
_OBJECT_PREPOSITIONS = frozenset("of for with about on in to from by at against into toward towards".split())


_AUX_WORDS = re.compile(
    r"^(?:\s+(?:has|have|had|did|does|was|were|is|are|will|would|also|then|later|not|never|once|again|"
    r"recently|previously|reportedly|\w+ly))*\s*$"
)


_PP_AFTER_NAME = re.compile(
    r"^\s+(?:of|from|at|with|in|for)\s+(?:(?:the|a|an)\s+)?[\w.&'’-]+(?:\s+[\w.&'’-]+){0,4}?"
    r"(?:\s+(?:has|have|had|also|then|later|\w+ly))*\s*$"
)


def _short_pp(gap: str) -> bool:
    """'a narrator in the Clinton ad asks', 'a spokesman for the campaign said': a short
    prepositional phrase with no verb in it, between a speaker and the cue."""
    if not _PP_AFTER_NAME.match(gap):
        return False
    forms = verb_forms()
    return not any(w.lower() in forms for w in TOKEN.findall(gap)[1:])


_OF_ORG = re.compile(
    r"^\s+(?:of|from|at|with)\s+(?:the\s+)?[A-Z][\w.&'’-]*(?:\s+(?:of|for|on|and|the|[A-Z][\w.&'’-]*)){0,6}"
    r"(?:\s+(?:has|have|had|also|then|later|\w+ly))*\s*$"
)


_PAREN_TAG = re.compile(r"^\s*\([^()\n]{1,25}\)")
_SENTENCE_STOP = re.compile(r"[.!?;]\s")


# 'one person who was there told me', 'a man who attended the rally said': a short relative clause
# that says where the speaker was (no verb of speech in it)
_WHO_WAS_THERE = re.compile(
    r"\s+(?:who|that)\s+(?:was|were|is|are|had\s+been|has\s+been|have\s+been|attended|saw|watched|witnessed)\b"
    r"[^,.;:!?“”\"]{0,40}\s+")


def _links_to_cue(gap: str) -> bool:
    """Between a speaker and its verb: nothing, auxiliaries and adverbs, or an apposition ', ... ,'."""
    gap = _PAREN_TAG.sub("", gap)  # 'Rep. John Mica (R-Fla.) said'
    if _AUX_WORDS.match(gap) or _OF_ORG.match(gap) or _short_pp(gap) or _WHO_WAS_THERE.fullmatch(gap):
        return True
    g = gap.strip()
    return g.startswith(",") and g.endswith(",") and not _SENTENCE_STOP.search(_ABBREV.sub("", g)) and len(g) < 260


_VERBISH = re.compile(r"\b([a-z]+(?:ed|s))\b")
_VERB_AFTER_NAME = re.compile(
    r"(?:\s+(?:of|from|at|for)\s+(?:the\s+)?(?:[A-Z][\w.’'-]*\s*){1,4}?)?\s+(?:\w+ly\s+)?([a-z]+(?:ed|s))\b"
)
_PARTICIPLE_NEXT = re.compile(r"\s+(?:\w+ly\s+)?([a-z]+(?:ing|ed|en|ne|wn))\b")


def _first_verb_after(text: str, pos: int, limit: int) -> tuple[int, int] | None:
    """The first lower-case word ending in -ed or -s right after the subject (a finite verb, roughly)."""
    m = _VERBISH.match(text, pos) or _VERB_AFTER_NAME.match(text[pos:limit])  # 'Gov. Earl Ray Tomblin of West Virginia lauded'
    if m is None:
        return None
    a, b = m.span(1) if m.re is _VERBISH else (pos + m.start(1), pos + m.end(1))
    if text[a:b] in ("is", "has", "was", "does"):
        # 'is promising', 'has gone after': the auxiliary and its verb
        nxt = _PARTICIPLE_NEXT.match(text[b:limit])
        if nxt is not None:
            b += nxt.end(1)
    return a, b


_GAP_PUNCT = " \t\u00a0,.!?—–-\"'”’»"


_NOT_DESCRIPTORS = frozenset("and but or so while as when because if then that which who".split())


def _descriptor_only(gap: str, *, after_comma: bool) -> bool:
    """Between a quote and its speaker: punctuation, or a few lower-case words ('," pollster ')
    when the quote ends with a comma (or ? or !) the way a quote before its attribution does."""
    g = gap.strip(_GAP_PUNCT)
    if not g:
        return True
    words = g.split()
    return (
        len(words) <= 3
        and (after_comma or gap.lstrip().startswith(","))
        and all(w.isalpha() and w.islower() and w not in _NOT_DESCRIPTORS for w in words)
    )
