"""Where a reported clause ends: before a second report in the same sentence.

"Lynch said A, though she noted B": the content of "said" is A. "He expressed concerns but has
said she ...", "..., emphasizing that ...", "..., while 22 percent said ...": a coordinated or
linked reporting verb with a subject of its own starts a new attribution.
"""

from __future__ import annotations

import re

from .attribution import _state_noun, noun_after_auxiliary
from .tokens import TOKEN
from .verbs import noun_form, verb_forms

# words that open a phrase, never a subject ('while in office', 'as if')
NOT_SUBJECT = frozenset("in on at to for with by from about as if when while because goodbye hello thanks".split())
_THAT_AFTER = re.compile(r"\s+that\b")  # ', suggesting that ...': an opinion verb reporting a clause

_COORDINATED_CUE = re.compile(
    r",\s+something\s+(?P<rel>(?:[\w’'-]+\s+){1,5}[a-z]+)\b"  # ', something Armenian official sources stated'
    r"|,?[\"”’']?\s+(?:and|but)\s+(?:(?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,3}(?:\s+[a-z]+s)?\s+)?"
    r"(?:(?:has|have|had|also|then|later|\w+ly|went\s+on\s+to)\s+)*(?P<verb>[a-z]+)\b"
    r"|,\s+going\s+on\s+to\s+(?P<then>[a-z]+)\b"  # ', going on to say that ...'
    r"|,[\"”’']?\s+(?:with\s+[^,;]{1,60}?\s+)?(?:\w+ly\s+)?(?P<participle>[a-z]+ing)\b"
)


# ', while 22 percent said', ', compared with 23 percent who said', ', and others have said': a
# second report with a subject of its own, after a comma and a linking word
_SECOND_REPORT = re.compile(r",\s+(?:while|whereas|compared\s+(?:with|to)|and|but|though|although)\s+")
_WORD = re.compile(r"[\w’'.%-]+")


def before_second_report(text: str, start: int, end: int) -> int:
    """Cut the content before a second report with its own subject ('yes, compared with 23 percent
    who said ...', 'they are set on it, while 22 percent said ...', '..., though she noted ...'),
    or return ``end``."""
    forms = verb_forms()
    for m in _SECOND_REPORT.finditer(text, start, end):
        words = _WORD.findall(text, m.end(), min(end, m.end() + 120))[:9]
        if not words or words[0].lower() in NOT_SUBJECT or words[0].lower() in ("that", "it", "this", "there"):
            continue
        # a subject of one to eight words (auxiliaries and adverbs too), then a reporting verb (not
        # a word that is a noun as well: ', and the call ended')
        if any(w in forms and not w.endswith("ing") and not noun_form(w, forms[w][0]) for w in words[1:]):
            return m.start()
    return end


def before_coordinated_cue(text: str, start: int, end: int) -> int:
    """Cut the content before a coordinated reporting verb ('concerns but has said she ...')."""
    end = before_second_report(text, start, end)
    forms = verb_forms()
    for m in _COORDINATED_CUE.finditer(text, start, end):
        if m.group("rel"):
            if any(w in forms for w in m.group("rel").split()[1:]):
                return m.start()
            continue
        verb = m.group("verb") or m.group("participle") or m.group("then")
        lead = m.group()[: m.start("verb") - m.start()].split() if m.group("verb") else []
        if verb in forms and lead and noun_after_auxiliary(lead[-1], verb, forms[verb][0]):
            continue  # '... and had estimates of': a noun after 'had'
        if verb in ("state", "states") and _state_noun(text, m.end(), _next_token(text, m.end())):
            continue  # 'federal and state law': the noun
        if verb in forms and (forms[verb][1] != "opinion" or m.group("participle") and _THAT_AFTER.match(text, m.end())):
            # '..., emphasizing that ...', '..., with officials announcing ...': a new attribution
            return m.start()
    return end


def _next_token(text: str, pos: int) -> tuple[str, int, int] | None:
    """The token after ``pos`` (within 60 characters), as ``(token, start, end)``, or None."""
    m = TOKEN.search(text, pos, pos + 60)
    return None if m is None else (m.group(), m.start(), m.end())
