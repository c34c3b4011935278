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
# matched there. ``(words, what follows, lemma, class, whether the cue takes in what follows)``.

# 'He raised the possibility of ...', 'raising concerns about ...': the verb counts only with
# an object that is something said (not 'raised taxes', 'raised $2 million')
_RAISE = (("raise", "raises", "raised", "raising"), re.compile(
    r"\s+(?:(?:the|a|an|new|serious|grave|further|fresh|renewed|some|many|more|"
    r"several|similar|such|legitimate|real)\s+){0,2}(?:possibility|prospect|questions?|concerns?|doubts?|fears?|"
    r"alarm|objections?|suspicions?|spectre|specter|allegations?|accusations?|the\s+issue)\b"), "raise", "neutral", False)

# 'Yerevan sees the threat as imminent', 'regards the vote as illegitimate': an attitude whose
# content is the object and what it is seen as (a comma or a full stop before 'as' stops it)
_SEE_AS = (("sees", "saw", "see", "regards", "regarded", "regard", "views", "viewed", "view"), re.compile(
    r"\s+(?!as\b)[^,;:.!?\"“”()]{1,60}?\s+as\s+[\w\"“]"), "as", "opinion", False)

# 'Armenia is seeking to make the case to Putin that ...' (an argument: like 'argue')
_CASE = (("make", "makes", "made", "making"), re.compile(
    r"\s+the\s+case\b(?=(?:\s+(?:to|for)\s+[^,;.]{1,60}?)?\s+that\b)"), "make the case", "distancing", True)

# 'Based on footage published by the ministry, one rocket ...': sourcing, like 'according to'
_BASED_ON = (("Based", "based"), re.compile(
    r" on(?=\s+(?:[\w’'-]+\s+){1,4}?(?:published|released|provided|issued|posted|shared|compiled|gathered|obtained)\s+by\s)"),
    "based on", "according_to", True)

# 'Calls for a ceasefire from Russia, France and the United States ... produced no results': a
# nominal cue whose speaker follows 'from' (a capitalised name opens it)
_CALLS_FROM = (("Calls", "calls", "Appeals", "appeals", "Pleas", "pleas"), re.compile(
    r"\s+for\s+[^,;.]{1,80}?\s+from\s+(?:the\s+)?[A-Z]"), "a call for", "neutral", False)

_SEE_LEMMA = {"see": "see", "sees": "see", "saw": "see", "regard": "regard", "regards": "regard", "regarded": "regard",
              "view": "view", "views": "view", "viewed": "view"}


def _word_cues(text: str, cue: tuple) -> list[tuple[int, int, str, str, str]]:
    """The cues of one word-led pattern: each whole-word occurrence of its words that what must
    follow follows (a word boundary before the word: no letter, digit or underscore)."""
    words, tail, lemma, cls, takes_tail = cue
    out = []
    for word in words:
        i = text.find(word)
        while i >= 0:
            before = text[i - 1 : i]
            j = i + len(word)
            if not (before.isalnum() or before == "_"):
                m = tail.match(text, j)
                if m is not None:
                    end = m.end() if takes_tail else j
                    name = f"{_SEE_LEMMA[word]} {lemma}" if cue is _SEE_AS else lemma
                    out.append((i, end, text[i:end], name, cls))
            i = text.find(word, j)
    out.sort()
    return out


def phrase_cues(text: str) -> Iterator[tuple[int, int, str, str, str]]:
    """The phrase cues of ``text`` as ``(start, end, cue text, lemma, class)``, pattern by pattern."""
    if "ccording to" in text:
        for m in _ACCORDING.finditer(text):
            yield m.start(), m.end(), m.group(), "according to", "according_to"
    if "opinion," in text or "view," in text or "of the opinion" in text or "of the view" in text:
        for m in _OPINION.finditer(text):
            yield m.start(), m.end(), m.group(), IN_OPINION if m.group("poss") else "be of the opinion", "opinion"
    if "rais" in text:
        yield from _word_cues(text, _RAISE)
    if " as " in text:
        yield from _word_cues(text, _SEE_AS)
    if "the case" in text:
        yield from _word_cues(text, _CASE)
    if "s for " in text:
        yield from _word_cues(text, _CALLS_FROM)
    if "ased on" in text:
        yield from _word_cues(text, _BASED_ON)
