"""Given names and their usual gender, so a pronoun is not given to the wrong person.

The list ships as ``framing/data/given_names.yaml`` (``female:`` and ``male:``
lists of given names from international news coverage; names used for both
genders are left out on purpose). :func:`gender_of` reads the given name of a
name or a mention ("President Volodymyr Zelensky" → "male", "Svitlana
Lukianenko" → "female") and answers "" when it cannot tell: a surname alone
("Mrs. Smith"), an initial ("J. Smith"), a name in neither list.

Users can pass their own list (the same format) to :func:`load_given_names`;
a file that is not valid says ``file:line: problem``.
"""

from __future__ import annotations

import functools
import os
import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from .errors import InputError, LexiconError, located
from .mentions import NOT_NAME, VAGUE_HEADS
from .tokens import fold
from .yamlio import LineDict, LineList, YamlProblem, read_yaml

__all__ = ["GENDERS", "GivenNames", "GivenNamesError", "gender_of", "load_given_names", "name_key"]

#: The two lists a given-names file holds, in the order they are written.
GENDERS = ("female", "male")
_KEYS = {"version", *GENDERS}

#: One given name: letters, optionally joined by hyphens ("Anna-Lena", "Jean-Pierre").
_NAME = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_HYPHENS = str.maketrans(dict.fromkeys("\u2010\u2011\u2012\u2013\u00ad", "-"))
# Quotation marks, brackets and punctuation around a word of a mention.
_EDGE = "\"'“”‘’«»()[]{},;:!?"

# Words before a name that are not part of it, beyond framing.mentions' NOT_NAME (titles, descriptors,
# role nouns) and VAGUE_HEADS: honorifics, ranks, clergy and family words ('Sir Keir', 'German
# Chancellor Angela Merkel', 'his wife Olena Zelenska').
_MORE_TITLES = frozenset(
    """chancellor premier diplomat miss madam sir dame lord lady baron baroness earl duke duchess
    princess emir archbishop bishop cardinal rabbi imam ayatollah mullah patriarch rev reverend father
    sister brother sgt sergeant capt captain maj major adm admiral marshal brig brigadier cpl corporal pvt
    mp mep vice wife husband widow widower son daughter mother grandmother grandfather""".split()
)
_SKIP = NOT_NAME | VAGUE_HEADS | _MORE_TITLES
# Titles written before a given name rather than a surname ('Queen Elizabeth', 'Sir Keir', 'Pope Francis').
_BEFORE_GIVEN = frozenset("king queen prince princess pope sheikh emir sir dame".split())
# Small words that may precede a name in lower case whatever the case of the mention.
_CONNECTORS = frozenset("the a an of for and to in at on from with by".split())
# Generational suffixes after a surname ('Martin Luther King Jr.').
_SUFFIXES = frozenset("jr sr ii iii iv".split())


class GivenNamesError(LexiconError, InputError):
    """A given-names file is invalid; the message reads ``file:line: problem``.

    Both a :class:`~framing.errors.LexiconError` (it is a word list, like the
    lexicon packs) and an :class:`~framing.errors.InputError` (a user file).
    """


def name_key(name: str) -> str:
    """The form a given name is looked up by: case-folded, accents dropped, one kind of hyphen.

    ``name_key("Léa") == name_key("LEA") == "lea"``; ``name_key("İbrahim") == "ibrahim"``.
    """
    return fold(name.translate(_HYPHENS), diacritics=True)


@dataclass(frozen=True, eq=False)
class GivenNames:
    """Given names with their usual gender.

    Attributes:
        genders: :func:`name_key` of each name → "female" or "male".
        path: The file the names were read from.
        version: The file's ``version``.
    """

    genders: dict[str, str] = field(default_factory=dict)
    path: str = ""
    version: str = ""

    def __len__(self) -> int:
        return len(self.genders)

    def names(self, gender: str) -> frozenset[str]:
        """The keys (:func:`name_key`) of the names of one gender ("female" or "male")."""
        return frozenset(k for k, g in self.genders.items() if g == gender)

    def gender_of(self, name: str, *, lone_word: bool = True) -> str:
        """The usual gender of the given name in a name or a mention: "female", "male" or "".

        The given name is the first word after any titles and descriptions
        ("Ukrainian President Volodymyr Zelensky", "Secretary of State Antony
        Blinken", "the former prime minister Theresa May"); a hyphenated given
        name counts by its first part ("Anna-Lena Baerbock"). A single word
        after a title is a surname and gives "" ("Mrs. Smith", "President
        Macron"), except after titles written before given names ("Queen
        Elizabeth", "Sir Keir"). A single word on its own is read as a given
        name ("Svitlana"); an initial ("J. Smith") gives "".

        Args:
            name: A person's name or a mention of one, in any case.
            lone_word: Read a name of one word as a given name (the default). Pass
                ``False`` for mentions that may be a surname alone: "Omar" and
                "Hassan" are given names and surnames (Ilhan Omar, Maggie Hassan).

        Returns:
            "female", "male", or "" when the list cannot tell.
        """
        word, whole = _given_word(name)
        if not word or (whole and not lone_word):
            return ""
        key = name_key(word)
        found = self.genders.get(key)
        if found is None and "-" in key and not whole:
            found = self.genders.get(key.split("-", 1)[0])
        return found or ""


@functools.lru_cache(maxsize=8192)
def _given_word(name: str) -> tuple[str, bool]:
    """The word of ``name`` that should be its given name ('' if none), and whether it is the whole name."""
    # (cached: the same mentions come back in article after article)
    head = name.split(",", 1)[0]  # 'Volodymyr Zelensky, the president of Ukraine'
    words = [w for w in (raw.strip(_EDGE) for raw in (head if head.strip(_EDGE + " ") else name).split()) if w]
    while len(words) > 1 and _low(words[-1]) in _SUFFIXES:
        words.pop()
    n = len(words)
    if n == 0:
        return "", False
    if n == 1:
        return _plain(words[0]), True
    cased = any(w[:1].isupper() for w in words) and not all(w.isupper() for w in words if len(w) > 1)
    # Everything up to the last title or role word before the last word is not the name.
    start = 0
    for k in range(n - 1):
        if _low(words[k]) in _SKIP:
            start = k + 1
    last_title = _low(words[start - 1]) if start else ""
    after_of = False
    while start < n - 1:
        w = words[start]
        low = _low(w)
        if low in _SKIP or low in _CONNECTORS or (cased and w[:1].islower()) or _possessive(w):
            after_of = after_of or low == "of"
            start += 1
        elif after_of and n - start > 2:
            start += 1  # 'Secretary of State Antony Blinken', 'Governor of New York Kathy Hochul'
        else:
            break
    if start == n - 1 and last_title not in _BEFORE_GIVEN:
        return "", False  # one word after a title: a surname ('Mrs. Smith', 'President Macron')
    return _plain(words[start]), False


def _low(word: str) -> str:
    return word.casefold().strip(".")


def _possessive(word: str) -> bool:
    return word.endswith(("'s", "’s", "s'", "s’"))


def _plain(word: str) -> str:
    """The word if it can be a given name (letters and hyphens, more than one letter), else ''."""
    word = word.rstrip(".")
    return word if len(word) > 1 and _NAME.fullmatch(word.translate(_HYPHENS)) else ""


def _bundled_path() -> Path:
    return Path(str(resources.files("framing").joinpath("data", "given_names.yaml")))


@functools.cache
def _bundled() -> GivenNames:
    return _load(_bundled_path())


def load_given_names(path: str | os.PathLike[str] | None = None) -> GivenNames:
    """Load a given-names list (default: the shipped ``framing/data/given_names.yaml``, read once).

    The file is a mapping with ``version`` and two lists, ``female`` and ``male``,
    of single given names (letters, hyphens inside: "Anna-Lena"). A name may
    appear once: not twice in a list, not in both lists, and spellings that
    differ only by case or accents ("Léa", "Lea") are the same name.

    Args:
        path: A user's file in the same format; ``None`` for the shipped list.

    Raises:
        GivenNamesError: ``file:line: problem`` (an :class:`~framing.errors.InputError`
            and a :class:`~framing.errors.LexiconError`) when the file is invalid.
    """
    if path is None:
        return _bundled()
    return _load(Path(path))


def gender_of(name: str, *, lone_word: bool = True) -> str:
    """:meth:`GivenNames.gender_of` with the shipped list: "female", "male" or ""."""
    return _bundled().gender_of(name, lone_word=lone_word)


def _load(path: Path) -> GivenNames:
    display = str(path)
    try:
        data = read_yaml(path, display=display)
    except YamlProblem as exc:
        raise GivenNamesError(str(exc)) from None
    if not isinstance(data, LineDict) or not any(g in data for g in GENDERS):
        line = data.line if isinstance(data, LineDict | LineList) else 1
        raise GivenNamesError(located(display, line, "not a given-names list (needs 'female:' and 'male:' lists)"))
    for key in data:
        if key not in _KEYS:
            raise GivenNamesError(located(display, data.line_of(key),
                                          f"unknown key {key!r} (allowed: {', '.join(sorted(_KEYS))})"))
    genders: dict[str, str] = {}
    where: dict[str, tuple[int, str]] = {}  # key → (line, spelling) of its first entry
    for gender in GENDERS:
        items = data.get(gender)
        if items is None:
            items = LineList()
            items.item_lines = []
        if not isinstance(items, LineList):
            raise GivenNamesError(located(display, data.line_of(gender), f"'{gender}' must be a list of given names"))
        for item, line in zip(items, items.item_lines, strict=True):
            if not isinstance(item, str):
                shown = "an empty entry" if item is None else f"{item!r} is not text"
                raise GivenNamesError(located(display, line, f"{gender}: {shown}; write one given name per item"))
            spelling = item.strip()
            if not _NAME.fullmatch(spelling.translate(_HYPHENS)) or len(spelling) < 2:
                raise GivenNamesError(located(
                    display, line, f"{gender}: {item!r} is not one given name (letters, hyphens inside: 'Anna-Lena')"))
            key = name_key(spelling)
            if key in genders:
                first_line, first = where[key]
                if genders[key] != gender:
                    problem = (f"{spelling!r} is in both lists ({genders[key]} on line {first_line}); "
                               "leave out names used for both genders")
                else:
                    same = f"line {first_line}" if first == spelling else f"line {first_line} as {first!r}"
                    problem = f"{gender}: {spelling!r} is listed twice (also {same})"
                raise GivenNamesError(located(display, line, problem))
            genders[key] = gender
            where[key] = (line, spelling)
    version = data.get("version")
    return GivenNames(genders, display, "" if version is None else str(version))
