"""Who speaks an indirect report when the speaker does not stand right before its verb.

The speaker searches :mod:`framing.indirect` falls back on: the subject of the clause a
participle hangs on, the writer of 'a letter to X', the subject before 'is seeking to', the
head of 'the terms of the agreement', poll answers ('61 percent said'), the subject shared by
coordinated verbs, a plain noun phrase opening the clause ('hacking specialists say'), and the
noun phrase after 'according to' that is not a name.
"""

from __future__ import annotations

import re

from .attribution import _OBJECT_PREPOSITIONS, _Cue, _passive, _plausible, _sentence_subject_mention
from .resolver import SpeakerResolver
from .speakers import Mention, find_speaker_before
from .tokens import TOKEN
from .verbs import verb_forms

# 'Armenia is not only announcing', 'Armenia is seeking to make the case': words between the
# subject and its verb that the speaker search does not step over
_GAP = re.compile(
    r"\s(?:(?:not\s+)?only|(?:(?:is|are|was|were|has\s+been|have\s+been|had\s+been)\s+)?(?:seeking|trying|attempting|"
    r"hoping|working|sought|tried|attempted|hoped|wants?|wanted|seeks|tries|attempts|hopes)\s+to)\s+$"
)


_MODALS = "would|will|could|can|should|must|may|might"


_AUXILIARIES = f"{_MODALS}|is|are|was|were|has|have|had"


_FINITE_AUX = re.compile(rf"\s(?:{_AUXILIARIES})\s")


def _clause_subject(text: str, sent_start: int, comma: int) -> Mention | None:
    """'While X is recognized as ..., separatist Armenian authorities have been governing a part
    of the area, considering it ...': the subject of the clause the participle hangs on (the
    clause between the comma before and the participle's comma, found by its auxiliary)."""
    start = text.rfind(",", sent_start, comma) + 1 or sent_start
    m = _FINITE_AUX.search(text, start, comma)
    if m is None or len(TOKEN.findall(text[start : m.start()])) > 6:
        return None
    mention = find_speaker_before(text, m.start() + 1, start)
    if mention is not None and mention.type != "pronoun":
        lead = text[start : mention.start].strip()
        if lead.isalpha() and lead.islower() and lead not in _FINITE and lead not in ("the", "a", "an"):
            # 'separatist Armenian authorities': a modifier opening the clause belongs to the subject
            a = mention.start - len(text[start : mention.start].lstrip())
            mention = Mention(text[a : mention.end], a, mention.end, mention.type)
    return mention


_LETTER_TO = re.compile(
    r"\b(?P<verb>[a-z]+)\s+(?:an?|the|his|her|their|its)\s+(?:[a-z]+\s+){0,2}"
    r"(?:letter|message|note|appeal|petition|e-?mail|plea|request)\s+to\s+$"
)


def _letter_writer(text: str, mention: Mention, sent_start: int, resolver: SpeakerResolver) -> Mention | None:
    """The writer of 'a letter to X' whom a participle after X describes, or None."""
    m = _LETTER_TO.search(text, max(sent_start, mention.start - 80), mention.start)
    if m is None:
        return None
    return _plausible(find_speaker_before(text, m.start("verb"), sent_start), resolver)


def _across_gap(text: str, cue: _Cue, sent: tuple[int, int], resolver: SpeakerResolver) -> Mention | None:
    """The speaker before 'not only' or 'is seeking to' in front of the cue."""
    m = _GAP.search(text, max(sent[0], cue.start - 40), cue.start)
    if m is None:
        return None
    return _plausible(find_speaker_before(text, m.start() + 1, sent[0]), resolver)


_FINITE = frozenset(
    """is are was were be been has have had will would can could may might must shall should do does did
    that which who whom whose but because although while when if""".split()
)


_OF_NP = r"(?P<np>(?:(?:the|a|an)\s+)?(?:[A-Z][a-z]+\s+\d+|[a-z]+)\s+of\s+)"


_OF_HEAD = re.compile(rf"\s*{_OF_NP}", re.I)  # at the sentence start


_OF_HEAD_CLAUSE = re.compile(rf"(?:[,;]\s+|\s(?:though|although|while|whereas|because|but)\s+){_OF_NP}$", re.I)


def _of_head(text: str, mention: Mention | None, sent_start: int) -> Mention | None:
    """'The terms of the agreement signal that', '... though Article 4 of the statement stated that':
    the clause opens with the head the mention depends on; the whole noun phrase is the source."""
    if mention is None or mention.type in ("pronoun", "person"):
        return mention
    m = _OF_HEAD.fullmatch(text, sent_start, mention.start) or _OF_HEAD_CLAUSE.search(text, sent_start, mention.start)
    if m is None:
        return mention
    a = m.start("np")
    return Mention(text[a : mention.end], a, mention.end, mention.type)


def _whole_subject(text: str, mention: Mention, cue_start: int, sent_start: int) -> Mention:
    """'Interviews made by news agencies with mercenaries and audio recordings of some of them
    revealed': a subject opening the sentence runs, with its modifiers, up to the verb (when
    nothing between looks like a clause: no comma, no auxiliary, no conjunction)."""
    if mention.type == "pronoun" or mention.start != _first_visible(text, sent_start, cue_start):
        return mention
    gap = text[mention.end : cue_start]
    words = TOKEN.findall(gap)
    if not words or len(words) > 20 or any(ch in gap for ch in ",;:()\"“”") or any(w.lower() in _FINITE for w in words):
        return mention
    end = mention.end + len(gap.rstrip())
    return Mention(text[mention.start : end], mention.start, end, mention.type)


def _first_visible(text: str, pos: int, end: int) -> int:
    """The first offset at or after ``pos`` (before ``end``) that is not white space."""
    piece = text[pos:end]
    return pos + len(piece) - len(piece.lstrip())


def _after_preposition(text: str, mention: Mention, sent_start: int) -> bool:
    """'with Radio Azadlig', 'from the self-proclaimed "Republic"': a preposition's object."""
    m = _PREP_BEFORE.search(text[max(sent_start, mention.start - 60) : mention.start])
    return m is not None and m.group(1) in _OBJECT_PREPOSITIONS


_PREP_BEFORE = re.compile(r"\b([a-z]+)\s+(?:(?:the|a|an|[a-z]+-[a-z-]+)\s+){0,3}[\"“”'‘]?$")


def _previous_speaker(text: str, cue: _Cue, sent: tuple[int, int]) -> Mention | None:
    """The subject of the last reporting verb before ``cue`` in its sentence ('X confirmed ..., adding')."""
    forms = verb_forms()
    head = text[max(sent[0], cue.start - 160) : cue.start]
    base = cue.start - len(head)
    for m in reversed(list(re.finditer(r"\b[a-z]+\b", head))):
        form = m.group()
        if form in forms and not form.endswith("ing") and forms[form][0] not in ("call", "describe") \
                and not _passive(text, _Cue(base + m.start(), base + m.end(), form, *forms[form])):
            if re.search(r"[.;!?]\s", head[m.end() :]):
                return None
            return find_speaker_before(text, base + m.start(), sent[0])
    return None


_QUANTITY = re.compile(
    r"(?:(?:more|fewer|less) than |about |nearly |almost |roughly |just |only |some )?"
    r"(?:\d[\d.,]*\s?(?:%|percent|per cent)|\w+ (?:in|of) (?:\d+|ten)|\w+-(?:thirds|fourths|quarters|fifths)|half|"
    r"a (?:third|quarter|majority|plurality)|most|the majority)(?: of (?:\w+ ){0,3}?\w+)?\s+(?:\w+ly\s+)?$"
)


_DIGIT = re.compile(r"\d")


# words one of which every _QUANTITY match without a digit holds
_QUANTITY_WORDS = ("ten", "half", "third", "fourth", "fifth", "quarter", "majority", "plurality", "most")


def _source_phrase(text: str, pos: int, limit: int) -> Mention | None:
    """The noun phrase after 'according to' when it is not a name: 'the poll', 'media buying sources'."""
    m = re.match(r"\s*((?:the |a |an |his |her |their |its )?[\w’'-]+(?: [\w’'-]+){0,5}?)(?=\s*(?:[,.;]|$))", text[pos:limit])
    if m is None:
        return None
    a = pos + m.start(1)
    return Mention(m.group(1), a, pos + m.end(1), "role")


def _quantity_speaker(text: str, cue_start: int, sent_start: int) -> Mention | None:
    """Poll answers: '61 percent said', 'six in 10 said', 'two-thirds of voters say'."""
    head = text[max(sent_start, cue_start - 60) : cue_start]
    # (the pattern needs a digit, 'ten' or one of its quantity words: most heads hold none)
    m = _QUANTITY.search(head) if _DIGIT.search(head) or any(w in head for w in _QUANTITY_WORDS) else None
    if m is None:
        return None
    a = cue_start - len(head) + m.start()
    phrase = m.group().rstrip()
    return Mention(phrase, a, a + len(phrase), "anonymous")


def _coordinated_subject(text: str, cue: _Cue, sent: tuple[int, int]) -> Mention | None:
    """'Clinton has expressed concerns but has said she wants ...': coordinated verbs share a subject."""
    head = text[max(sent[0], cue.start - 40) : cue.start]
    m = _AND_BEFORE.search(head)
    if m is None:
        return None
    mention = _sentence_subject_mention(text, sent[0], cue.start)
    if mention is None and m.group(1):
        # 'After the call of X, who ..., Amnesty experts were able to trace ..., and identified': the
        # subject of the clause before the comma
        mention = _clause_subject(text, sent[0], cue.start - len(head) + m.start(1))
    return mention


_AND_BEFORE = re.compile(r"(,?)\s*\b(?:and|but)\s+(?:(?:has|have|had|also|then|later|\w+ly)\s+)*$")
