"""What was said, when it is the verb's object rather than a clause.

"X denied any gunfight", "X called for a ceasefire", "He raised the possibility of a base":
the content is a noun phrase. "The campaign called the charges unsubstantiated", "described
the showdown as ominous", "considering it their ancestral homeland", "Yerevan sees the threat
as imminent": the content is a small clause, an object and what it is called or taken for.
:func:`object_content` finds either after a cue; :mod:`framing.indirect` decides whether the
cue has a speaker.
"""

from __future__ import annotations

import re

# Verbs whose object is what was said: 'denied any losses', 'confirmed the deaths', 'urged calm',
# 'raised concerns about ...', 'cited the figures', 'detailed the spending'.
NOUN_OBJECT = frozenset(
    """deny confirm reject dismiss acknowledge announce report urge demand condemn denounce criticise criticize
    warn promise pledge vow propose reiterate admit concede dispute decry blame accuse charge
    predict reveal raise cite detail request""".split()
) | {"call for", "rule out", "rule in"}  # (lemmas of two words: not split at the space)

# Verbs whose object and its complement are what was said: 'called it a hoax', 'described X as Y'.
SMALL_CLAUSE = frozenset({"call", "describe", "consider", "see as", "regard as", "view as"})

# The verbs that report nothing but their object (never a clause): the indirect-speech rules
# try only this for them.
OBJECT_ONLY = frozenset({"call", "describe", "cite", "detail", "raise", "see as", "regard as", "view as"})

_WORDS_AFTER = r"and|but|while|after|before|because|since|when|amid|during|saying|adding"
_END = rf"(?=\s*(?:[,;:!?\"“”()—]|(?<!\b[A-Z])\.(?!\w)|$|\s(?:{_WORDS_AFTER})\s))"  # a small clause may hold 'as'
_CHAR = r"(?:[^,;:.!?()—]|\.(?=\w)|(?<=\b[A-Z])\.)"  # (the full stops of 'U.S. manufacturing' end nothing)
_NP_CHAR = r"(?:[^,;:.!?\"“”()—]|\.(?=\w)|(?<=\b[A-Z])\.)"
NP_OBJECT = re.compile(
    r"(?:\s+(?:for|on|upon|out))?\s+(?P<np>(?!that\b|it\b|him\b|her\b|them\b|the\s+(?:move|decision|report|claims?)\b)"
    rf"{_NP_CHAR}+?)(?=\s*(?:[,;:!?\"“”()—]|(?<!\b[A-Z])\.(?!\w)|$|\s(?:as|{_WORDS_AFTER})\s))"
)

_OBJECT = (
    r"(?:him|her|them|it|himself|herself|themselves|[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3}"
    r"|(?:the|this|that|these|those|his|her|their|its|our)\s+(?:[\w’'-]+\s+){0,2}?[\w’'-]+)"
)
# 'a' or 'an' and a time is when, not what it was called: 'called the police a few minutes later'
_TIME_AFTER_A = r"(?:few|couple|day|week|month|year|minute|hour|second|time|bit|lot|number|while)\b"
_COMPLEMENT = (
    rf"(?:(?:a|an)\b(?!\s+{_TIME_AFTER_A})|(?:the|their|his|her|its|our)\b|[\"“]"
    r"|[a-z]+(?:ed|ous|ble|ive|ic|al|ful|less|ary|ant|ent|ing)\b)"
)
# 'called the charges unsubstantiated', 'considering it their ancestral homeland'
_SMALL = re.compile(rf"\s+(?P<np>{_OBJECT}\s+{_COMPLEMENT}{_CHAR}*?){_END}")
# 'has called climate change a hoax', 'called her vote in favor of the war a mistake': an object of
# any shape (not a phrasal verb's particle: 'called for', 'called off'), then 'a' or 'an' and what
# it is called
_CALLED_A = re.compile(
    rf"\s+(?P<np>(?!(?:for|on|upon|up|off|out|in|back|to|a|an)\s)(?:[\w’'-]+\s+){{1,8}}?"
    rf"(?:a|an)\s+(?!{_TIME_AFTER_A}){_CHAR}+?){_END}"
)
# 'described the showdown as ominous', 'sees the threat as imminent and dire enough'
_AS = re.compile(rf"\s+(?P<np>(?!as\b)[^,;:.!?\"“”()—]{{1,60}}?\s+as\s+[^,;:.!?()—]+?){_END}")


def object_content(text: str, lemma: str, cue_end: int, sent_end: int) -> tuple[int, int] | None:
    """The offsets of the object that is what was said after a cue ending at ``cue_end``, or None.

    Args:
        text: The document text.
        lemma: The cue's lemma ("deny", "call", "see as", ...).
        cue_end: Where the cue ends.
        sent_end: Where its sentence ends (the object never runs past it).

    Returns:
        ``(start, end)`` of the noun phrase or small clause, of two words or more; None when the
        verb takes no such object here ('called a press conference', 'denied it').
    """
    if lemma in SMALL_CLAUSE:
        pattern = _AS if lemma in ("describe", "see as", "regard as", "view as") else _SMALL
    elif lemma in NOUN_OBJECT:
        pattern = NP_OBJECT
    else:
        return None
    m = pattern.match(text, cue_end, sent_end)
    if m is None and lemma == "call":
        m = _CALLED_A.match(text, cue_end, sent_end)
    if m is None or len(m.group("np").split()) < 2:
        return None
    end = m.end("np")
    if lemma == "call for":
        # 'called for tariffs on goods from China and Mexico': what is called for may be two
        # things; 'and' before a verb ('and urged calm') starts a new clause
        while (more := _AND_NOUN.match(text, end, sent_end)) and (m2 := NP_OBJECT.match(text, more.end() - 1, sent_end)):
            end = m2.end("np")
    return m.start("np"), end


_AND_NOUN = re.compile(r"\s+and\s+(?=[A-Z]|(?:the|a|an|more|other|new|his|her|their|its)\s)")
