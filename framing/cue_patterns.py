"""Reporting cues of more than one word that the verb table cannot list as verb forms.

"according to", "in his opinion", "is of the view", and cues that count only with their
object: "raised the possibility / concerns / questions", "sees the threat as", "make the
case", "Based on footage published by". Each pattern is tried only where a word it needs
occurs (a substring test is much faster than a regular-expression scan of the document).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

IN_OPINION = "in the opinion of"
"""The lemma of 'In his opinion, ...', "In Aslanli's view, ..." (the possessive is the speaker)."""

_ACCORDING = re.compile(r"\b[Aa]ccording to\b")

# 'In his opinion, ...', "In Aslanli's view, ...", 'The head of QAFSAM is of the opinion that ...'
_OPINION = re.compile(
    r"\b(?:[Ii]n (?P<poss>his|her|their|(?:[A-Z][\w.-]*\s){0,2}[A-Z][\w.-]*[’']s) (?:opinion|view)(?=,)"
    r"|(?:is|are|was|were) of the (?:opinion|view)\b)"
)

# 'He raised the possibility of ...', 'raising concerns about ...': the verb counts only with
# an object that is something said (not 'raised taxes', 'raised $2 million')
_RAISE = re.compile(
    r"\b(?:raise|raises|raised|raising)(?=\s+(?:(?:the|a|an|new|serious|grave|further|fresh|renewed|some|many|more|"
    r"several|similar|such|legitimate|real)\s+){0,2}(?:possibility|prospect|questions?|concerns?|doubts?|fears?|"
    r"alarm|objections?|suspicions?|spectre|specter|allegations?|accusations?|the\s+issue)\b)"
)

# 'Yerevan sees the threat as imminent', 'regards the vote as illegitimate': an attitude whose
# content is the object and what it is seen as (a comma or a full stop before 'as' stops it)
_SEE_AS = re.compile(
    r"\b(?:sees|saw|see|regards|regarded|regard|views|viewed|view)(?=\s+(?!as\b)[^,;:.!?\"“”()]{1,60}?\s+as\s+[\w\"“])"
)
_SEE_LEMMA = {"see": "see", "sees": "see", "saw": "see", "regard": "regard", "regards": "regard", "regarded": "regard",
              "view": "view", "views": "view", "viewed": "view"}

# 'Armenia is seeking to make the case to Putin that ...' (an argument: like 'argue')
_CASE = re.compile(r"\b(?:make|makes|made|making)\s+the\s+case\b(?=(?:\s+(?:to|for)\s+[^,;.]{1,60}?)?\s+that\b)")

# 'Based on footage published by the ministry, one rocket ...': sourcing, like 'according to'
_BASED_ON = re.compile(r"\b[Bb]ased on(?=\s+(?:[\w’'-]+\s+){1,4}?(?:published|released|provided|issued|posted|shared|"
                       r"compiled|gathered|obtained)\s+by\s)")

# 'Calls for a ceasefire from Russia, France and the United States ... produced no results': a
# nominal cue whose speaker follows 'from' (a capitalised name opens it)
_CALLS_FROM = re.compile(r"\b(?:[Cc]alls|[Aa]ppeals|[Pp]leas)(?=\s+for\s+[^,;.]{1,80}?\s+from\s+(?:the\s+)?[A-Z])")


def phrase_cues(text: str) -> Iterator[tuple[int, int, str, str, str]]:
    """The phrase cues of ``text`` as ``(start, end, cue text, lemma, class)``, pattern by pattern."""
    if "ccording to" in text:
        for m in _ACCORDING.finditer(text):
            yield m.start(), m.end(), m.group(), "according to", "according_to"
    if "opinion," in text or "view," in text or "of the opinion" in text or "of the view" in text:
        for m in _OPINION.finditer(text):
            yield m.start(), m.end(), m.group(), IN_OPINION if m.group("poss") else "be of the opinion", "opinion"
    if "rais" in text:
        for m in _RAISE.finditer(text):
            yield m.start(), m.end(), m.group(), "raise", "neutral"
    if " as " in text:
        for m in _SEE_AS.finditer(text):
            yield m.start(), m.end(), m.group(), _SEE_LEMMA[m.group().lower()] + " as", "opinion"
    if "the case" in text:
        for m in _CASE.finditer(text):
            yield m.start(), m.end(), m.group(), "make the case", "distancing"
    if "s for " in text:
        for m in _CALLS_FROM.finditer(text):
            yield m.start(), m.end(), m.group(), "a call for", "neutral"
    if "ased on" in text:
        for m in _BASED_ON.finditer(text):
            yield m.start(), m.end(), m.group(), "based on", "according_to"
