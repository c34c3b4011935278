"""Who speaks an indirect report when the speaker does not stand right before its verb.

The speaker searches :mod:`framing.indirect` falls back on: the subject of the clause a
participle hangs on, the writer of 'a letter to X', the subject before 'is seeking to', the
head of 'the terms of the agreement', poll answers ('61 percent said'), the subject shared by
coordinated verbs, a plain noun phrase opening the clause ('hacking specialists say'), and the
noun phrase after 'according to' that is not a name.
"""

from __future__ import annotations

import re

from .after_cue import CLAUSE_VERBS
from .attribution import (
    _OBJECT_PREPOSITIONS,
    _Cue,
    _passive,
    _plausible,
    _sentence_subject_mention,
    participle,
)
from .resolver import SpeakerResolver
from .speakers import Mention, find_speaker_before
from .tokens import TOKEN
from .verbs import noun_form, noun_lemmas, verb_forms

# 'Armenia is not only announcing', 'Armenia is seeking to make the case': words between the
# subject and its verb that the speaker search does not step over
_GAP = re.compile(
    r"\s(?:(?:not\s+)?only|(?:(?:is|are|was|were|has\s+been|have\s+been|had\s+been)\s+)?(?:seeking|trying|attempting|"
    r"hoping|working|sought|tried|attempted|hoped|wants?|wanted|seeks|tries|attempts|hopes)\s+to"
    # 'continued to say', 'seemed to urge', 'went on to argue', 'were slightly more likely to say',
    # 'took a moment to point out': a verb or an adjective whose subject does the saying
    r"|(?:continues?|continued|seems?|seemed|appears?|appeared|begins?|began|starts?|started|decided|decides|plans?"
    r"|planned|needs?|needed|agreed|agrees|went\s+on|goes\s+on|go\s+on|going\s+on|used|would\s+like"
    r"|(?:is|are|was|were|be|been)\s+(?:\w+\s+){0,2}?(?:quick|eager|careful|keen|likely|able|unable|ready|happy|right"
    r"|willing|unwilling|reluctant)"
    r"|(?:took|takes|take|taking)\s+(?:a\s+moment|time|the\s+(?:opportunity|time)|pains|care))\s+to"
    # 'the poll released Friday shows ...': when the poll or report came out
    r"|(?:released|published|issued|conducted|unveiled)\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday"
    r"|Saturday|Sunday|today|yesterday|(?:last|this)\s+(?:week|month)))\s+$"
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


# 'declined to say whether', 'refused to say when', 'isn’t saying if', 'wouldn’t say when': a refusal
# or a contracted negation the speaker search does not step over (only before the verbs of saying:
# 'didn’t recognize', 'refused to testify' report nothing)
_REFUSAL = re.compile(
    r"\s(?:(?:declined|declines|refused|refuses)\s+to"
    r"|(?:is|are|was|were|has|have|had|does|did|do|would|could|should)n[’']t|won[’']t|can[’']t)\s+$"
)
_REFUSED_VERBS = frozenset(("say", "tell", "confirm"))


def _across_gap(text: str, cue: _Cue, sent: tuple[int, int], resolver: SpeakerResolver) -> Mention | None:
    """The speaker before 'not only' or 'is seeking to' in front of the cue (or before 'declined to',
    'wouldn’t' in front of 'say', 'tell' or 'confirm')."""
    m = _GAP.search(text, max(sent[0], cue.start - 40), cue.start)
    if m is None and cue.lemma in _REFUSED_VERBS:
        m = _REFUSAL.search(text, max(sent[0], cue.start - 30), cue.start)
    if m is None and text.endswith(" to ", max(0, cue.start - 4), cue.start) and text.startswith(" that ", cue.end):
        # 'He went on cable news to argue that ...': the subject of the verb the purpose hangs on
        subject = _sentence_subject_mention(text, sent[0], cue.start - 4)
        return _plausible(subject, resolver) if subject is not None and subject.type in ("person", "pronoun") else None
    if m is None:
        return None
    if text.startswith(",", m.start() - 1) and m.group().lstrip().startswith("going"):
        # '..., going on to say that ...': the participle hangs on the clause before the comma
        return _plausible(_previous_speaker(text, cue, sent), resolver)
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


# an owner or a determiner right before a word makes it a noun ('endorsed Ukraine’s demand for')
_NOUN_BEFORE = re.compile(r"(?:[’']s|\b(?:the|a|an|its|his|her|their|our|this|that))\s+$")


def _previous_speaker(text: str, cue: _Cue, sent: tuple[int, int]) -> Mention | None:
    """The subject of the last reporting verb before ``cue`` in its sentence ('X confirmed ..., adding')."""
    forms = verb_forms()
    head = text[max(sent[0], cue.start - 160) : cue.start]
    base = cue.start - len(head)
    for m in reversed(list(re.finditer(r"\b[a-z]+\b", head))):
        form = m.group()
        if form in forms and not form.endswith("ing") and forms[form][0] not in ("call", "describe") \
                and not _NOUN_BEFORE.search(head, 0, m.start()) \
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


_NOT_NP_START = frozenset(
    """it there this that what which who whom whose he she they we i you me him her us them as if when while
    because although though since after before until unless where how why whether than once so such only
    of in on at to for with by from about into over under against during without""".split()
)
_OPENING_LINKS = re.compile(r"\s*(?:(?:[Aa]nd|[Bb]ut|[Yy]et|[Ss]o|[Ss]till|[Nn]ow|[Aa]gain|[Mm]eanwhile|[Ii]ndeed)\s+)+")
_ADVERBS_BEFORE = re.compile(r"(?:\s+(?:\w+ly|also|now|still|all|both|each|often|never|long|first|later|earlier|already))+\s*$")
_RELATIVE = frozenset("who whom whose that which".split())
_VERBISH_WORDS = frozenset(
    "is are was were be been has have had will would can could may might must shall should do does did".split()
)
_CLAUSE_PUNCT = re.compile(r"[,;:()\"“”—–]|\s-\s")
_PLAIN_NP_MAX = 12
# verbs whose report is a clause ('hacking specialists say the ...'): the plain noun phrase before
# them is read as their subject; the other cues are too often nouns or adjectives ('pledged
# delegates', 'in protest of') for a phrase the name search does not read as a speaker
_CLAUSE_CUES = CLAUSE_VERBS | frozenset("believe think argue insist warn predict suggest contend maintain".split())
_THAT_NEXT = re.compile(r"\s+that\b")
_PLURAL_NEXT = re.compile(r"\s+[a-z]+[^s\W]s\b")
# words a subject noun phrase does not hold: pronouns, 'to', verbs of the past the table lacks
_NOT_IN_NP = frozenset(
    """i you he she we they it me him us them to not took made gave got went came saw knew thought found left
    put set kept held ran won lost met sent built bought brought paid sold spent began became fought seems seem
    seemed appears appear appeared""".split()
)
# 'Mrs. Clinton fought off another', 'Clinton currently leads Sanders by': a name, then a lower-case
# word that is not a preposition, a conjunction or a plural noun (a verb, most likely)
_NAME_THEN_VERB = re.compile(
    r"\b(?!(?:The|A|An|This|That|These|Those|Some|Many|Most|Both|All|Several|Other|Its|His|Her|Their|Our|Each|Every|No|Few)\b)"
    r"[A-Z][\w.’'-]*\s+(?!(?:of|for|in|on|at|from|with|and|or|to|by|across|around|who|whose|that|which|percent|per)\b)"
    r"(?:\w+ly\s+)?[a-z]+(?<!s)\b"
)
_GROUP_DETERMINERS = frozenset("those these some many most several other others all both".split())


def _plain_np_subject(text: str, cue: _Cue, aux_start: int, sent_start: int) -> Mention | None:
    """'hacking specialists say', 'The state officials whose laws have been invalidated say',
    'those surveyed said', '..., officials in both cities insist': the noun phrase that opens the
    verb's clause, when the name search finds no speaker in it.

    The phrase runs from the clause's start (the sentence's, or a comma's, after a linking word
    such as 'But') to the verb and its auxiliaries and adverbs. It is a subject only when it opens
    with a determiner, a capitalised word or a number, or holds a plural noun; and has no verb
    before a relative pronoun ('who want to ban abortion' may follow its head). Participles are
    never judged ('..., saying').
    """
    if participle(cue) or (
            noun_form(cue.text, cue.lemma) and not _THAT_NEXT.match(text, cue.end)):
        return None  # ('in smaller states such as'): a noun, not a verb that reports a clause
    if cue.text.endswith("ed") and _PLURAL_NEXT.match(text, cue.end):
        return None  # '4,051 pledged delegates': an adjective before its noun
    end = aux_start
    if m := _ADVERBS_BEFORE.search(text, max(sent_start, end - 40), end):
        end = m.start()
    head = text[sent_start:end]
    cut = max((m.end() for m in _CLAUSE_PUNCT.finditer(head)), default=0)
    start = sent_start + cut
    if m := _OPENING_LINKS.match(text, start, end):
        start = m.end()
    words = [(t.group(), t.start(), t.end()) for t in TOKEN.finditer(text, start, end)]
    if not words or len(words) > _PLAIN_NP_MAX:
        return None
    first = words[0][0]
    if first.lower() in _NOT_NP_START or text[start:end].strip() != text[words[0][1] : words[-1][2]]:
        return None  # ('as NATO now believed': a subordinate clause; 'it says': a pronoun the name search reads)
    k = next((i for i, w in enumerate(words) if w[0].lower() in _RELATIVE), len(words))
    if k == 0 or k == len(words) - 1 or words[k - 1][0].lower() in _NOT_NP_START:
        return None  # ('both of whom have ...', 'Many of the students live in states'): no noun before it
    forms, nouns = verb_forms(), noun_lemmas()
    own = [w for w, _, _ in words[:k]]
    a0, b0 = words[0][1], words[k - 1][2]
    if any(w.lower() in _VERBISH_WORDS or w in forms and w not in nouns and not w.endswith("ed")
           or w.lower() in _NOT_IN_NP for w in own) or own[0].endswith("ing") and own[0][:1].isupper() or _NAME_THEN_VERB.search(text, a0, b0):
        return None  # 'Trump thinks the party is ...': a verb before it, not one noun phrase
    plural = any(w.islower() and w.endswith("s") and not w.endswith("ss") and len(w) > 3 for w in own)
    if not (first[:1].isupper() or first[:1].isdigit() or plural or first in _GROUP_DETERMINERS):
        return None
    if len(own) == 1 and own[0][:1].isupper() and not plural:
        return None  # a lone capitalised word the name search did not take ('Asked', 'Yes')
    a, b = words[0][1], words[-1][2]
    typ = "anonymous" if plural and not own[0][:1].isupper() else "role"
    return Mention(text[a:b], a, b, typ)
