"""What titles and the actors list say about a mention: the person named after a title or an
institution ('SBU head Ivan Bakanov'), the listed person who holds an office a mention names
('Armenia’s interim prime minister' → Nikol Pashinyan), the listed institution a bare one is
('the Defense Ministry' → the Azerbaijani Defence Ministry, named in full nearby).
Used by :mod:`framing.resolver`."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from .given_names import gender_of as _gender_of
from .mentions import (
    _WORD,
    DESCRIPTORS,
    NOT_SPEAKERS,
    ORG_WORDS,
    ROLE_NOUNS,
    TITLES,
    Mention,
    _name_of,
)

if TYPE_CHECKING:
    from .actors import Actor, Actors

_LEADING_THE = re.compile(r"^(?:the|The)\s+")


# a capitalised word that can be part of a person's name (not an acronym: 'SBU', 'U.N.')
_NAME_WORD = re.compile(r"[A-Z][a-zà-ÿəğışöüç’'-]+(?:-[A-Z][a-zà-ÿəğışöüç’'-]+)?")
# ' of Ohio', ' of Kharkiv': the place a named person is from, after the name
_OF_PLACE = re.compile(r"\s+of\s+[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?$")
# 'Kenya's U.N. Ambassador …': the owner of the office
_POSSESSOR = re.compile(r"^(?:[Tt]he\s+)?([A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,2})['’]s?\s")


@lru_cache(maxsize=4096)
def _titled_name(mention: str) -> tuple[str, str] | None:
    """('words before', 'First Last') when ``mention`` ends with a two-word name after a title or an
    institution word ('… Committee Republican Mike Turner of Ohio', 'SBU head Ivan Bakanov'), else None."""
    core = _OF_PLACE.sub("", mention)
    parts = core.split()
    if len(parts) < 3:
        return None
    size = 3 if len(parts) > 3 and _NAME_WORD.fullmatch(parts[-3]) and _gender_of(parts[-3]) else 2
    name = parts[-size:]
    if not all(_NAME_WORD.fullmatch(w) for w in name):
        return None
    low = [w.lower().strip(".,") for w in parts]
    if any(w in TITLES or w in ORG_WORDS or w in DESCRIPTORS or w in NOT_SPEAKERS for w in low[-size:]):
        return None
    if not any(w in TITLES or w in ORG_WORDS for w in low[:-size]):
        return None
    prev = parts[-size - 1]
    # right before the name: a title ('Secretary', 'spokeswoman'), a role ('manager', 'Speaker'), a
    # possessive ('the Weekly Standard’s'); not 'in the Southern District', 'group Judicial Watch'
    if not (_gender_of(name[0]) or low[-size - 1] in TITLES or low[-size - 1] in ROLE_NOUNS
            or low[-size - 1] in DESCRIPTORS or prev.endswith(("’s", "'s"))):
        return None
    return " ".join(parts[:-size]), " ".join(name)


# 'Gregory Johnsen of Princeton University': a name, then the institution the person is from
_NAME_THEN_INSTITUTION = re.compile(r"([A-Z][\w’'-]+\s+[A-Z][\w’'-]+)\s+(?:of|at|from)\s+(\S.*)")


@lru_cache(maxsize=4096)
def _name_of_institution(mention: str) -> tuple[str, str] | None:
    """('Princeton University', 'Gregory Johnsen') for 'Gregory Johnsen of Princeton University';
    None unless a two-word name comes first and an institution word after it ('Bank of America' and
    'Federal Reserve Bank of New York' are no one's names)."""
    m = _NAME_THEN_INSTITUTION.fullmatch(mention)
    if m is None or not _name_of(m.group(1)) or not (set(m.group(2).lower().split()) & ORG_WORDS):
        return None
    return m.group(2), m.group(1)


def _named_in(text: str, actor: Actor) -> bool:
    return any(alias in text for alias in (actor.name, *actor.aliases))


def listed_holder(actors: Actors, text: str, mention: str, side: str) -> Actor | None:
    """'Armenia’s interim prime minister' → the one person of that side whose office in the
    actors list has every word of the title ('Prime Minister of Armenia') and whom the
    document names somewhere; None when none or several, or the mention is of a former holder."""
    words = {w.casefold() for w in _WORD.findall(mention)}
    if any(w.startswith("ex-") for w in words):
        return None  # 'ex-prime minister' ('former' is a title word, which no listed office has)
    title = {w for w in words if w in TITLES} - _TITLE_MODIFIERS
    if not title:
        return None
    found = [a for a, role in _offices(actors).get(side, ()) if title <= role and _named_in(text, a)]
    return found[0] if len(found) == 1 else None


def _offices(actors: Actors) -> dict[str, list[tuple[Actor, frozenset[str]]]]:
    """The listed persons with an office, by side, each with the words of the office; made once per
    actors list."""
    hit = actors.__dict__.get("_offices_by_side")
    if hit is None:
        hit = {}
        for a in actors.actors:
            if a.type == "person" and a.role:
                hit.setdefault(a.side, []).append((a, frozenset(w.casefold() for w in _WORD.findall(a.role))))
        actors.__dict__["_offices_by_side"] = hit
    return hit


def listed_institution(actors: Actors, text: str, mention: Mention) -> Actor | None:
    """'the Defense Ministry' (two or three words) → the listed institution whose name ends so
    ('Azerbaijani Defence Ministry'; defense and defence alike) that the document names in full
    nearest to the mention, within 2,000 characters before or after it; None when none, or two
    are as near."""
    head = _LEADING_THE.sub("", mention.text)
    if not head[:1].isupper() or not 2 <= len(head.split()) <= 3:
        return None  # (not 'the Department': too many institutions end so)
    key = _spelling_key(head)
    by_last = _institutions_by_last_word(actors)
    near: list[tuple[int, str, Actor]] = []
    for a, names in by_last.get(key.rsplit(None, 1)[-1], {}).items():
        names = [n for n in names if _spelling_key(n).endswith(" " + key)]
        gaps = [abs(at - mention.start) for n in names for at in _occurrences(text, n)]
        if gaps and min(gaps) <= 2000:
            near.append((min(gaps), a.name, a))
    near.sort(key=lambda x: x[:2])
    if not near or len(near) > 1 and near[1][0] == near[0][0]:
        return None
    return near[0][2]


# words of a title that say how, not which office ('interim prime minister')
_TITLE_MODIFIERS = frozenset("interim acting then".split())


def _institutions_by_last_word(actors: Actors) -> dict[str, dict[Actor, list[str]]]:
    """The listed institutions by the last word of their names (in :func:`_spelling_key` form),
    each with those names; made once per actors list."""
    hit = actors.__dict__.get("_institutions_by_last_word")
    if hit is None:
        hit = {}
        for a in actors.actors:
            if a.type != "person":
                for n in (a.name, *a.aliases):
                    hit.setdefault(_spelling_key(n).rsplit(None, 1)[-1], {}).setdefault(a, []).append(n)
        actors.__dict__["_institutions_by_last_word"] = hit
    return hit


def _occurrences(text: str, name: str) -> list[int]:
    out, at = [], text.find(name)
    while at >= 0:
        out.append(at)
        at = text.find(name, at + 1)
    return out


def _spelling_key(name: str) -> str:
    """A name in lower case with American and British spellings alike ('Defense' = 'Defence')."""
    return " ".join(name.casefold().replace("defense", "defence").split())
