"""Reporting cues of more than one word that the verb table cannot list as verb forms.

"according to", "in his opinion", "is of the view", and cues that count only with their
object: "raised the possibility / concerns / questions", "sees the threat as", "make the
case", "Based on footage published by". Each pattern is tried only where a word it needs
occurs (a substring test is much faster than a regular-expression scan of the document); the
cues that open with a word are found with ``str.find`` and what follows the word is matched there.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from .tokens import TOKEN
from .verbs import verb_forms

IN_OPINION = "in the opinion of"
"""The lemma of 'In his opinion, ...', "In Aslanli's view, ..." (the possessive is the speaker)."""

_ACCORDING = re.compile(r"[Aa](?<!\w.)ccording to\b")

# 'In his opinion, ...', "In Aslanli's view, ...", 'The head of QAFSAM is of the opinion that ...'
_OPINION = re.compile(
    r"\b(?:[Ii]n (?P<poss>his|her|their|(?:[A-Z][\w.-]*\s){0,2}[A-Z][\w.-]*[’']s) (?:opinion|view)(?=,)"
    r"|(?:is|are|was|were) of the (?:opinion|view)\b)"
)

# Each cue below opens with one of a few words, found with ``str.find`` (much faster than a
# regular expression that has to try every position); what must follow the word is then
# matched there.


@dataclass(frozen=True)
class _WordCue:
    lemmas: dict[str, str]  # each opening word → the cue's lemma
    tail: re.Pattern[str]  # what must follow the word
    cls: str
    takes_tail: bool  # the cue's text runs over what follows ('make the case'), or is the word alone


def _same(words: str, lemma: str) -> dict[str, str]:
    return dict.fromkeys(words.split(), lemma)


# What follows 'make the case' before what was argued: 'to Putin that ...' (the indirect-speech
# rule skips it to find the content).
CASE_THAT = re.compile(r"(?:\s+(?:to|for)\s+[^,;.]{1,60}?)?\s+that\s+")
# 'published by', 'released by': who published what a 'Based on' clause relies on
PUBLISHED_BY = r"(?:[\w’'-]+\s+){1,4}?(?:published|released|provided|issued|posted|shared|compiled|gathered|obtained)\s+by\s"
# 'for a ceasefire from Russia, France and the United States': the call and who made it
_NAMES = r"(?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*"
FOR_FROM = re.compile(rf"\s+for\s+(?P<np>[^,;.]{{1,80}}?)\s+from\s+(?P<src>{_NAMES}(?:,\s+{_NAMES})*(?:,?\s+and\s+{_NAMES})?)")

# 'He raised the possibility of ...', 'raising concerns about ...': the verb counts only with
# an object that is something said (not 'raised taxes', 'raised $2 million')
_RAISE = _WordCue(_same("raise raises raised raising", "raise"), re.compile(
    r"\s+(?:(?:the|a|an|new|serious|grave|further|fresh|renewed|some|many|more|"
    r"several|similar|such|legitimate|real)\s+){0,2}(?:possibility|prospect|questions?|concerns?|doubts?|fears?|"
    r"alarm|objections?|suspicions?|spectre|specter|allegations?|accusations?|the\s+issue)\b"), "neutral", False)

# 'Yerevan sees the threat as imminent', 'regards the vote as illegitimate': an attitude whose
# content is the object and what it is seen as (a comma or a full stop before 'as' stops it)
_SEE_AS = _WordCue(
    {**_same("sees saw see", "see as"), **_same("regards regarded regard", "regard as"),
     **_same("views viewed view", "view as")},
    re.compile(r"\s+(?!as\b)[^,;:.!?\"“”()]{1,60}?\s+as\s+[\w\"“]"), "opinion", False)

# 'Armenia is seeking to make the case to Putin that ...' (an argument: like 'argue')
_CASE = _WordCue(_same("make makes made making", "make the case"),
                 re.compile(rf"\s+the\s+case\b(?={CASE_THAT.pattern})"), "distancing", True)

# 'Based on footage published by the ministry, one rocket ...': sourcing, like 'according to'
_BASED_ON = _WordCue(_same("Based based", "based on"), re.compile(rf" on(?=\s+{PUBLISHED_BY})"), "according_to", True)

# 'Calls for a ceasefire from Russia, France and the United States ... produced no results': a
# nominal cue whose speaker follows 'from' (a capitalised name opens it)
_CALLS_FROM = _WordCue(_same("Calls calls Appeals appeals Pleas pleas", "a call for"), FOR_FROM, "neutral", False)


# 'One notable concern raised by Mammadov pertains to landmines': a concern (question, point, …)
# raised by someone, and what it is about after a linking verb. The cue is the participle, whose
# noun must be one of these; who raised it follows 'by'.
_SAID_NOUN_BEFORE = re.compile(
    r"\b(?:concerns?|questions?|points?|issues?|fears?|doubts?|objections?|arguments?|claims?|worry|worries|"
    r"criticism|complaints?|suggestions?|proposals?)\s+$", re.IGNORECASE)
_RAISED_BY = _WordCue(_same("raised voiced expressed", "raised by"), re.compile(r"\s+by\s+[A-Z]"), "neutral", False)
# what links the concern to its content, after the one who raised it
RAISED_LINK = re.compile(
    r"\s+(?:(?:pertains?|pertained|relates?|related|refers?|referred)\s+to|(?:concerns?|concerned|involves?|"
    r"involved)|(?:is|was)\s+(?:about|that|whether))\s+")


def _word_cues(text: str, cue: _WordCue, present: frozenset[str] | set[str]) -> list[tuple[int, int, str, str, str]]:
    """The cues of one word-led pattern: each whole-word occurrence of its words that what must
    follow follows (a word boundary before the word: no letter, digit or underscore). Only the
    words in ``present`` are looked for."""
    out = []
    for word, lemma in cue.lemmas.items():
        if word not in present:
            continue
        i = text.find(word)
        while i >= 0:
            before = text[i - 1 : i]
            j = i + len(word)
            if not (before.isalnum() or before == "_"):
                m = cue.tail.match(text, j)
                if m is not None:
                    end = m.end() if cue.takes_tail else j
                    out.append((i, end, text[i:end], lemma, cue.cls))
            i = text.find(word, j)
    out.sort()
    return out


# The words each cue needs as a whole token of ``tokens.TOKEN`` (a run of letters and digits):
# 'according' and 'opinion'/'view' in the patterns above, and the opening words of the word cues
# (each followed by white space, what every tail opens with, and preceded by no word character).
_ACCORDING_WORDS = frozenset({"according", "According"})
_OPINION_WORDS = frozenset({"opinion", "view"})
_WORD_CUES = (_RAISE, _SEE_AS, _CASE, _CALLS_FROM, _BASED_ON, _RAISED_BY)
_ALL_WORDS = _ACCORDING_WORDS | _OPINION_WORDS | frozenset(w for c in _WORD_CUES for w in c.lemmas)


def phrase_cues(text: str, *, tokens: list[str] | None = None) -> Iterator[tuple[int, int, str, str, str]]:
    """The phrase cues of ``text`` as ``(start, end, cue text, lemma, class)``, pattern by pattern.

    ``tokens``: the tokens of ``text`` (``tokens.TOKEN.findall(text)``), if made already: a
    pattern is then tried only when a word it needs is one of them (one pass over the tokens
    instead of a search of the text for each word).
    """
    present = _ALL_WORDS if tokens is None else _ALL_WORDS.intersection(tokens)
    if not present:
        return
    if not present.isdisjoint(_ACCORDING_WORDS) and "ccording to" in text:
        for m in _ACCORDING.finditer(text):
            yield m.start(), m.end(), m.group(), "according to", "according_to"
    if not present.isdisjoint(_OPINION_WORDS) and (
            "opinion," in text or "view," in text or "of the opinion" in text or "of the view" in text):
        for m in _OPINION.finditer(text):
            yield m.start(), m.end(), m.group(), IN_OPINION if m.group("poss") else "be of the opinion", "opinion"
    if "rais" in text:
        yield from _word_cues(text, _RAISE, present)
    if " as " in text:
        yield from _word_cues(text, _SEE_AS, present)
    if "the case" in text:
        yield from _word_cues(text, _CASE, present)
    if "s for " in text:
        yield from _word_cues(text, _CALLS_FROM, present)
    if "ased on" in text:
        yield from _word_cues(text, _BASED_ON, present)
    if "ed by " in text:
        for c in _word_cues(text, _RAISED_BY, present):
            if _SAID_NOUN_BEFORE.search(text, max(0, c[0] - 20), c[0]):
                yield c


# 'was described', 'were widely criticised': a form of 'be' and an -ly word at most before a cue
_PASSIVE_AUX = re.compile(r"\b(?:was|were|is|are|been|be|being)\s+(?:\w+ly\s+)?$")
_BE_FORMS = ("was", "were", "is", "are", "been", "be", "being")


def passive_before(before: str) -> bool:
    """Does ``before`` (the text before a cue) end with a passive's auxiliary ('was', 'were widely')?

    ``_PASSIVE_AUX.search(before) is not None``, read from the end: ``before`` ends with white
    space, and what precedes it is a form of 'be' (a whole word) or such a form, white space and
    a word in -ly (a match can only end there: ``$`` before a final newline leaves white space
    that the match may take as well)."""
    t = before.rstrip()
    if len(t) == len(before):
        return False  # no white space at the end
    if _ends_with_be(t):
        return True
    if not t.endswith("ly"):
        return False
    parts = t.rsplit(None, 1)  # (split at white space, as \s)
    return len(parts) == 2 and len(parts[1]) >= 3 and _ALL_WORD.fullmatch(parts[1]) is not None \
        and _ends_with_be(parts[0])


_ALL_WORD = re.compile(r"\w+")


def _ends_with_be(t: str) -> bool:
    """Does ``t`` end with a form of 'be' that no word character (\\w) precedes?"""
    if not t.endswith(_BE_FORMS):
        return False
    for form in _BE_FORMS:
        if t.endswith(form):
            k = len(t) - len(form)
            if k == 0 or not (t[k - 1].isalnum() or t[k - 1] == "_"):
                return True
    return False


def capitalised_cues(text: str) -> list[tuple[int, int, str, str, str]]:
    """Cues the verb table misses for their capital: 'Asked' opening a sentence ('Asked whether
    ..., X said': the reported question opens it) and a headline's 'Says' ('Trump Says He Never
    Pledged To ...'), as ``(start, end, text, lemma, class)``."""
    out = _opening_asked(text) if "Asked " in text else []
    if " Says " in text or " Say " in text:
        out += _headline_says(text)
    return out


_SAYS = re.compile(r"(?<=[\w.’'] )Says? (?=[\w‘“\"'])")
_SMALL_WORDS = frozenset("a an the and or but of in on at to for by with from as is vs via over".split())


def _headline_says(text: str) -> list[tuple[int, int, str, str, str]]:
    """'Trump Says He Never Pledged To Kill Family Members Of Terrorists': 'Says' in a line of title
    case (every word of four letters or more capitalised), the cue of a headline's report."""
    out = []
    for m in _SAYS.finditer(text):
        a = text.rfind("\n", 0, m.start()) + 1
        b = text.find("\n", m.end())
        line = text[a : b if b >= 0 else len(text)]
        words = [w for w in TOKEN.findall(line) if w.isalpha() and len(w) >= 4 and w.lower() not in _SMALL_WORDS]
        before = text[a : m.start()].split()
        if before and before[-1] in ("Who", "That", "Which", "What", "To", "Not", "Never"):
            continue  # 'The Man Who Says No To Everyone': a relative clause, 'Never Say Never'
        if len(words) >= 4 and all(w[0].isupper() for w in words) and len(line) <= 200:
            out.append((m.start(), m.start() + len(m.group().rstrip()), m.group().rstrip(), "say", verb_forms()["says"][1]))
    return out


# before a sentence-initial word: the text's start, a line break, or a sentence's end
_SENTENCE_OPENING = re.compile(r"(?:^|\n|[.!?][\"'”’»)]*[ \t]+)[ \t]*$")


def _opening_asked(text: str) -> list[tuple[int, int, str, str, str]]:
    """'Asked' opening a sentence ('Asked whether ..., Reid said'): the cue of a reported question
    (the lower-case forms are the verb table's; a capitalised word is no candidate there)."""
    out = []
    at = text.find("Asked ")
    while at >= 0:
        if _SENTENCE_OPENING.search(text, max(0, at - 6), at) and not text[at - 1 : at].isalnum():
            out.append((at, at + 5, "Asked", *verb_forms()["asked"]))
        at = text.find("Asked ", at + 6)
    return out
