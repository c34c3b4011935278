"""Speaker mentions: what one is, the words it is made of, and a first guess at its type.

The word lists the speaker rules (framing/speakers.py) read, the :class:`Mention` and
:class:`SpeakerInfo` records, the words of a stretch of text with their offsets (also piece by
piece between commas, from the end back), the type a run of words suggests (person, role,
organisation, anonymous, pronoun), the trimming of a mention found before a cue, the names of
people in a text, and when an answer of the subject rules read from one limit holds for another.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from typing import NamedTuple

from .tokens import fold

_WORD = re.compile(r"[^\W\d_][\w'’.-]*|\d[\w-]*")
PRONOUNS = frozenset("he she they it we i who".split())
_POSSESSIVES = frozenset("his her their its our my your".split())
_PERSON_PRONOUNS = frozenset("he she his her him".split())
TITLES = frozenset(
    """president prime minister deputy foreign defense defence secretary spokesman spokeswoman spokesperson
    senator sen rep gov governor mayor chairman chairwoman chair director head chief leader ambassador
    general gen col colonel lt lieutenant commander minister pundit analyst expert professor prof dr mr mrs ms
    sheikh king queen prince pope judge justice attorney officer commissioner ombudsman adviser advisor aide
    representative envoy editor reporter correspondent former acting interim then ceo cfo pm""".split()
)
# Words that describe a person before the name without being a title or part of the name
# ('Republican Mike Turner', 'Top Democrat Adam Schiff').
DESCRIPTORS = frozenset("republican democrat democratic labour conservative tory liberal top senior veteran".split())
# Nouns of an occupation or a role written before a name without being a title ('House Speaker
# Paul Ryan', 'campaign manager Brad Parscale', 'White House Counsel Kathryn Ruemmler').
ROLE_NOUNS = frozenset(
    """speaker counsel manager columnist host anchor founder executive economist strategist researcher lawyer
    pollster writer author activist candidate nominee challenger whip member physician scientist historian
    coordinator negotiator councillor councilor lawmaker legislator deputy counselor counsellor congressman
    congresswoman assemblyman assemblywoman councilman councilwoman""".split()
)
# words between an article and the title of an office ('a senior adviser', 'the economic adviser')
OFFICE_MODIFIERS = frozenset("senior deputy top former chief acting interim economic political military special "
                             "foreign security national".split())
ORG_WORDS = frozenset(
    """ministry ministries committee agency office army forces government kremlin reuters amnesty institute
    center centre council party department embassy commission union organization organisation un nato osce
    service services campaign administration court police parliament assembly majlis group team company
    corporation bank press agency news times post journal weekly tv radio channel network foundation
    association coalition movement front alliance league authority authorities staff house senate congress
    white pentagon commission university bureau""".split()
)
VAGUE_HEADS = frozenset(
    """user users pundit pundits expert experts official officials source sources analyst analysts critic critics
    observer observers resident residents people witness witnesses comment comments commentator commentators
    some many others activist activists diplomat diplomats someone somebody insiders insider aides aide
    supporters supporter voters voter person man woman members member blogger bloggers journalists
    faction factions circles lawmakers legislators politicians protesters demonstrators""".split()
)
# Plural nouns that speak as an unnamed group when they open a sentence ("Separatists stated",
# "Reports said"): capitalised there, but not a name.
_GROUP_NOUNS = VAGUE_HEADS | frozenset(
    "reports separatists rebels militants fighters investigations investigators studies surveys polls "
    "authorities residents locals media".split()
)
# Documents that "state" or "say" ("The terms of the agreement signal", "Article 4 of the statement stated").
_DOCUMENT_WORDS = frozenset(
    "agreement agreements statement treaty declaration resolution document accord communique memorandum "
    "decree charter constitution".split()
)
VAGUE_DETERMINERS = frozenset("a an another some several many one two three few other unnamed anonymous".split())
_NOUN_DETERMINERS = frozenset("the a an this that his her their its my our your another one some each every many".split())
# Capitalised words that are never a speaker on their own.
_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
_MONTHS = frozenset("january february march april may june july august september october november december".split())
NOT_SPEAKERS = _WEEKDAYS | _MONTHS | frozenset(
    """but and however meanwhile also yet so then still instead earlier later today yesterday tomorrow last
    next this that these those it there here when while if as after before since""".split()
)
_STOP_BEFORE = frozenset(
    """in on at to from with by for after before during since but because while although as if that which
    when where whether and or nor than said says told claimed despite amid against about over under into
    onto upon via per like unlike toward towards without within""".split()
)
# Prepositions that may sit inside a speaker phrase after a role word ("the leader in Karabakh",
# "the head of QAFSAM", "the spokesman for the president").
_ROLE_LINKS = frozenset({"in", "of", "for", "at", "to"})
_ADVERBS_AUX = frozenset(
    "has have had did does do was were is are will would could can may might must should also not never n't "
    "later then reportedly repeatedly previously earlier first again himself herself themselves itself "
    "recently once further subsequently publicly privately often still now just even always already "
    "finally again ever been long".split()
)


class Mention(NamedTuple):
    """A speaker mention as written, with its offsets and a first guess at its type.

    (A named tuple rather than a frozen dataclass: the speaker rules make one for every cue
    they look at, and a tuple is made several times faster; it is as immutable, compares and
    hashes by its fields and prints the same.)
    """

    text: str
    start: int
    end: int
    type: str  # person, organisation, role, anonymous, social_post, pronoun


class SpeakerInfo(NamedTuple):
    """What a mention resolves to."""

    name: str
    type: str
    side: str
    how: str = ""  # how the mention was resolved, for the explanation in quotes.csv


# how a speaker was resolved: the step that named it, then where its side came from
_IN_LIST = "in the actors list"
_COUNTRY = "a country or its government in the actors list"
_BY_SURNAME = "a surname → the full name earlier in the text"
_LATER = "a surname → the full name in the article below the headline"
_NAME_AS_WRITTEN = "the name as written"
_SIDE_LIST = "side: the actors list"
_SIDE_WORD = "side: a nationality or country word in the mention"
_AS_WRITTEN = "the mention as written"
_SIDE_OFFICE = "side: the office the text gives the person"
_SIDE_TITLE = "side: the words before the name"


def _join(*parts: str) -> str:
    return "; ".join(p for p in parts if p)


def _side_part(how: str) -> str:
    """The 'side: …' part of an explanation, or ""."""
    k = how.find("side: ")
    if k >= 0:
        return how[k:]
    return _SIDE_LIST if how in (_IN_LIST, _COUNTRY) else ""


def _with(step: str, info: SpeakerInfo) -> SpeakerInfo:
    """``info`` explained by ``step``, keeping where its side came from."""
    return SpeakerInfo(info.name, info.type, info.side, _join(step, _side_part(info.how)))


# An unnamed source described by whom it knows ('sources close to Putin', 'people familiar with the
# matter'): the phrases that say so, and the heads such a source has. Whoever they know, they are
# unnamed.
NEAR_PHRASES = ("close to", "familiar with", "briefed on", "knowledgeable about")
NEAR_HEADS = frozenset(
    """source sources people person persons official officials aide aides diplomat diplomats insider insiders
    adviser advisers advisor advisors ally allies associate associates friend friends someone figure figures
    individual individuals member members those""".split())
_NEAR_PAIRS = frozenset(tuple(p.split()) for p in NEAR_PHRASES)

# Unions of the word lists, made once.
_TITLES_OR_VAGUE = TITLES | VAGUE_HEADS
_VAGUE_OR_ORG = VAGUE_HEADS | ORG_WORDS
_TITLE_ORG_VAGUE = TITLES | ORG_WORDS | VAGUE_HEADS
_PHRASE_OPENERS = VAGUE_DETERMINERS | VAGUE_HEADS | TITLES | ORG_WORDS | PRONOUNS
_ABBREVIATIONS = TITLES | {"jr", "sr", "inc", "co", "corp", "ltd"}
# a nationality adjective ('Russian', 'Azerbaijani', 'Chinese', 'Turkish', 'French')
_DEMONYM = re.compile(r"[A-Z][a-z]+(?:ian|ean|ese|ish|ani|ari|eri|i)|French|Dutch|British|Swiss|Greek|Thai|Czech|American")


def _words(text: str, a: int, b: int) -> list[tuple[str, int, int]]:
    return [(m.group(), m.start(), m.end()) for m in _WORD.finditer(text, a, max(a, b))]


def _cap(w: str) -> bool:
    return w[:1].isupper()


def _classify(words: list[str] | tuple[str, ...]) -> str:
    """The type a run of words suggests: person, role, organisation, anonymous or pronoun."""
    return _classify_words(tuple(words))


@lru_cache(maxsize=8192)
def _classify_words(words: tuple[str, ...]) -> str:
    # (cached: the same mentions come back in article after article)
    low = [w.lower().strip(".’'") for w in words]
    near = next((k for k in range(1, len(low) - 1) if (low[k], low[k + 1]) in _NEAR_PAIRS), 0)
    if near and (low[near - 1] in VAGUE_HEADS or low[near - 1] in NEAR_HEADS):
        return "anonymous"  # 'people familiar with the situation', 'a source close to the president'
    link = next((k for k, w in enumerate(low) if w in _ROLE_LINKS), len(low))
    if 0 < link < len(low) and low[link - 1] in _TITLES_OR_VAGUE:
        # 'some officials in Baku', 'Officials in Baku' (a bare plural) are unnamed; 'the head of QAFSAM' a role
        # ('Political observers in Virginia', 'Senior officials in Baku': a bare plural, modifiers and all)
        vague = low[link - 1] in VAGUE_HEADS and (low[0] in VAGUE_DETERMINERS or low[link - 1].endswith("s") and not any(
            w in _NOUN_DETERMINERS or w.endswith(("’s", "'s")) for w in low[: link - 1]))
        return "anonymous" if vague else "role"
    if len(low) == 1 and low[0] in PRONOUNS:
        return "pronoun"
    if len(low) == 1 and low[0] in _GROUP_NOUNS and low[0].endswith("s"):
        return "anonymous"  # 'Separatists', 'Reports', 'Officials' at the start of a sentence
    head = low[link - 1] if link else low[-1]
    if head in _GROUP_NOUNS and head.endswith("s") and head not in VAGUE_HEADS and not (
            set(low) & ORG_WORDS or link < len(low) and low[link] == "of"):
        return "anonymous"  # 'Kremlin-backed separatists in the Donetsk region', 'Houthi rebels' (unnamed)
    if any(w in ORG_WORDS or w in _DOCUMENT_WORDS for w in low):
        return "organisation"
    if low[0] in VAGUE_DETERMINERS or (low[-1] in VAGUE_HEADS and not any(_cap(w) and w.lower() not in TITLES for w in words[-1:])):
        if low[0] in ("the",) and low[-1] not in ("users", "pundits", "experts", "officials", "sources", "analysts", "critics", "observers"):
            return "role"
        return "anonymous"
    if low[0] in ("the", "a", "an") and len(low) > 1:
        if low[-1] in TITLES:
            return "role"  # 'The Tesla CEO', 'the White House spokesman'
        if all(_cap(w) and w.lower().strip(".") not in NOT_NAME and not w.endswith(("’s", "'s")) for w in words[1:]):
            return "organisation"  # 'the Guardian', 'The New York Times': no one's name takes 'the'
    if len(words) > 1 and low[-1] in _TITLES_OR_VAGUE and any(_DEMONYM.fullmatch(w) for w in words[:-1]) and all(
            _DEMONYM.fullmatch(w) or low[k] in OFFICE_MODIFIERS or k and low[k] in TITLES for k, w in enumerate(words[:-1])):
        # 'Russian commander', 'Top Ukrainian general' (no name: a nationality and an office, capitalised
        # at a sentence's or a headline's start); 'Ukrainian Prime Minister' is an office, its holder
        return "role" if _cap(words[-1]) else "anonymous"
    # a capitalised possessive before the head is not the speaker's name ("Armenia’s interim prime minister")
    names = [w for k, w in enumerate(words) if _cap(w) and w.lower().strip(".") not in TITLES and w.lower() != "the"
             and not (k < len(words) - 1 and w.endswith(("’s", "'s")))]
    if names:
        return "person"
    return "role"


def _words_of(words: list[tuple[str, int, int]], a: int, b: int) -> list[tuple[str, int, int]] | None:
    """``_words(text, a, b)`` taken from ``words`` (words of a range holding ``[a, b)``), when
    ``a`` is the start of one of them and ``b`` the end of one; otherwise None."""
    y = len(words) - 1
    while y >= 0 and words[y][2] > b:
        y -= 1
    if y < 0 or words[y][2] != b:
        return None
    x = y
    while x >= 0 and words[x][1] > a:
        x -= 1
    return words[x : y + 1] if x >= 0 and words[x][1] == a else None


def _clean_mention(text: str, m: Mention | None, found_in: list[tuple[str, int, int]] | None = None) -> Mention | None:
    """Trim a leading word that cannot start a noun phrase; drop mentions that cannot speak.

    ``found_in``: the words the mention was found among, if at hand (its own are taken from them).
    """
    if m is None:
        return None
    words = _words_of(found_in, m.start, m.end) if found_in else None
    if words is None:
        words = _words(text, m.start, m.end)
    if m.type == "anonymous" and len(words) <= 3 and all(w[0].isalpha() and w[0].islower() for w in words) \
            and words and words[-1][0].endswith("s") and words[0][0] not in NOT_SPEAKERS:
        return m  # 'after investigations showed', 'because experts say': a bare plural
    while words and not (
        _cap(words[0][0]) or words[0][0].lower() in _PHRASE_OPENERS
        or words[0][0].lower() in ("the", "his", "her", "their") or words[0][0][:1].isdigit()
    ):
        words = words[1:]
    while words and words[0][0].lower() in NOT_SPEAKERS and len(words) > 1:
        words = words[1:]
    if not words:
        return None
    if len(words) == 1 and words[0][0].lower() in NOT_SPEAKERS and not (m.type == "pronoun" and words[0][0].lower() == "it"):
        return None
    a, b = words[0][1], words[-1][2]
    last = words[-1][0]
    if last.endswith(".") and len(last) > 3 and last[:-1].lower() not in _ABBREVIATIONS:
        b -= 1  # a full stop ending the sentence, not an abbreviation
    if a == m.start and b == m.end:
        return m
    return Mention(text[a:b], a, b, _classify([w[0] for w in words]))


_FEMALE = frozenset(
    "mrs ms miss madam spokeswoman chairwoman congresswoman businesswoman councilwoman anchorwoman woman "
    "mother wife daughter sister grandmother queen princess actress".split()
)
_MALE = frozenset(
    "mr sir spokesman chairman congressman businessman councilman anchorman man father husband son brother "
    "grandfather king prince actor".split()
)


@lru_cache(maxsize=4096)
def _untitled_words(mention: str) -> tuple[str, ...]:
    """The words of a mention that are not titles ('Foreign Minister Lavrov' -> 'Lavrov')."""
    words = _WORD.findall(mention)
    # (a descriptor or role noun at the end is the head: 'the Texas Republican')
    return tuple(w for k, w in enumerate(words)
                 if w.lower().strip(".") not in (NOT_NAME if k < len(words) - 1 else TITLES))


@lru_cache(maxsize=4096)
def _stated_gender(mention: str) -> str:
    """'female' or 'male' when a word of the mention says so ('Spokeswoman', 'Mrs.'), else ''."""
    words = {w.lower().strip(".") for w in _WORD.findall(mention)}
    return "female" if words & _FEMALE else "male" if words & _MALE else ""


# words that open a sentence before a name, never part of it (months are given names too: 'April Ryan')
_OPENERS = _STOP_BEFORE | (NOT_SPEAKERS - _MONTHS) | frozenset(
    "even only just though unless until once should would could might must shall does did both neither either".split())
# words before a name that are not part of it: titles, 'Republican', 'campaign manager', 'Congressman'
NOT_NAME = TITLES | DESCRIPTORS | ROLE_NOUNS
# characters a word can go on with (_WORD's second part): no word runs over any other
_IN_WORD = re.compile(r"[\w'’.-]")


# A reading: what speakers._subject_in answered on the words read from ``start`` up to a cue, as
# (start, synced, words, answer, upto).
#
# The rules looked at no word more than two places below the lowest index they reached
# (``low``), and tested no index against 0 or 2 below it: with ``low >= 2`` the answer depends
# only on the words from ``words[low - 2]`` on (which starts at ``upto``). Any other reading
# whose words end with those gives it too: one from a limit before ``start`` when no word can
# run over ``start`` (``synced``), and one from a limit at or after ``start`` (up to ``upto``)
# that does not fall inside a word.
_Reading = tuple[int, bool, list[tuple[str, int, int]], "Mention | object | None", int]


def _holds(start: int, synced: bool, words: list[tuple[str, int, int]], upto: int, limit: int) -> bool:
    """Does a reading (see :data:`_Reading`) give the answer for ``limit`` too?"""
    if limit > upto:
        return False
    if limit < start:
        return synced
    k = bisect_right(words, limit, key=_word_start) - 1
    return k < 0 or words[k][2] <= limit or words[k][1] == limit


def _word_start(w: tuple[str, int, int]) -> int:
    return w[1]


class _Pieces:
    """The words of the pieces between commas from ``limit`` to ``cue_start``, those without
    words left out, numbered from the last one back and read when first asked for."""

    __slots__ = ("text", "limit", "end", "read")

    def __init__(self, text: str, cue_start: int, limit: int) -> None:
        self.text, self.limit, self.end = text, limit, cue_start  # end: where the next piece back ends
        self.read: list[list[tuple[str, int, int]]] = []

    def get(self, r: int) -> list[tuple[str, int, int]] | None:
        while len(self.read) <= r and self.end is not None:
            c = self.text.rfind(",", self.limit, self.end)
            words = _words(self.text, c + 1 if c >= 0 else self.limit, self.end)
            self.end = c if c >= 0 else None
            if words:
                self.read.append(words)
        return self.read[r] if r < len(self.read) else None


# '\b(?:[A-Z]X+\s){1,3}[A-Z]Y+\b' with its first letter first, which the regex engine can search
# for fast: '(?<!\w.)' after the letter is the word boundary before it.
# The last word may hold one more capital inside ('McConnell', 'O’Rourke', 'Jean-Pierre', 'DeLuca').
_NAME = re.compile(
    r"[A-Z](?<!\w.)[a-zà-ÿəğışöüçA-Z'’-]+\s(?:[A-Z][a-zà-ÿəğışöüçA-Z'’-]+\s){0,2}"
    r"[A-Z][a-zà-ÿəğışöüç'’-]+(?:[A-Z][a-zà-ÿəğışöüç'’-]+)?\b")


def _person_names(text: str) -> list[tuple[int, str]]:
    """Capitalised runs of two to four words that look like people's names, with positions."""
    out = []
    m = _NAME.search(text)
    while m is not None:
        full = _name_of(m.group())
        if full:
            out.append((m.start(), full))
            m = _NAME.search(text, m.end())
        else:
            # the run may hold a name after its first word ('Senate Majority Leader Mitch McConnell'
            # is read as 'Senate Majority Leader Mitch', then from 'Majority'), or after a place
            # that opens it (not 'Arab Emirates' of 'United Arab Emirates')
            n = _place_words(m.group())
            if n:
                ends = [w.end() for w in _NONSPACE.finditer(m.group())]
                m = _NAME.search(text, m.start() + ends[n - 1])
            else:
                m = _NAME.search(text, text.find(" ", m.start()) + 1)
    return out


def _not_part_of_name(first: str, second: str) -> bool:
    """Whether the first of three or more capitalised words is not part of the name after it: an
    owner's possessive, or a word that is no given name before one that is."""
    if first.endswith(("’s", "'s")):
        return True
    return bool(_given_name_gender(second)) and not _given_name_gender(first)


@lru_cache(maxsize=8192)
def _given_name_gender(word: str) -> str:
    from .given_names import gender_of  # (given_names builds on this module's word lists)

    return gender_of(word)


# titles that are nobody's surname (not 'King', 'Judge'): a run ending with one ends before a name
_TITLES_BEFORE_NAMES = frozenset(
    "gov sen rep gen col lt dr mr mrs ms prof president minister secretary governor senator mayor ambassador "
    "chairman spokesman spokeswoman commissioner".split())


@lru_cache(maxsize=8192)
def _name_of(run: str) -> str:
    """The person's name a capitalised run holds (titles and 'The' left out), or "" when it holds none."""
    parts = run.split()
    while parts and (parts[0].lower().strip(".") in NOT_NAME or parts[0] in ("The", "A", "An", "In", "On", "But")):
        parts = parts[1:]
    if parts[:2] == ["First", "Lady"]:
        parts = parts[2:]  # ('First Lady Michelle Obama': a title of two words)
    while parts and parts[0].lower() in _OPENERS:
        parts = parts[1:]  # 'During Scott …', 'Unlike Lavrov', 'Even Rand Paul': a sentence's first word
    if parts and parts[-1].endswith(("’s", "'s")):
        parts[-1] = parts[-1][:-2]  # 'Scott Morrison’s visit'
    while parts and parts[-1].lower().strip(".") in _TITLES_BEFORE_NAMES:
        parts.pop()  # 'North Carolina Gov. Roy Cooper': the run ends at the title
    title = next((k for k in range(len(parts) - 2, 0, -1) if parts[k].lower().strip(".") in TITLES), 0)
    if title:
        parts = parts[title + 1 :]  # 'Majority Leader Mitch McConnell', 'Russian President Vladimir Putin'
    if len(parts) > 2 and (n := _place_words(" ".join(parts))):
        parts = parts[n:]  # 'Saudi Arabia Mohammed …': a place before a name
    if len(parts) > 2 and _not_part_of_name(parts[0], parts[1]):
        parts = parts[1:]  # 'Florida's Ron DeSantis', '(ambassador to) Russia Michael McFaul'
    low = [p.lower() for p in parts]
    if len(parts) < 2 or any(map(ORG_WORDS.__contains__, low)) or any(map(_WEEKDAYS.__contains__, low)):
        return ""  # (not 'Speaking Thursday')
    if any(map(str.isupper, parts)) and any(p.isupper() and len(p) > 1 for p in parts):
        return ""
    if low[-1] in _MEDIA_WORDS or low[-1] in _EVENT_WORDS or any(map(_PARTY_STATE.match, parts)):
        return ""  # 'Play Video', 'Getty Images': a page's furniture; 'Iraq War', 'Paris Agreement': an
        # event or a document; '(D-Minn.)': a party and state
    return "" if _place_words(" ".join(parts)) == len(parts) else " ".join(parts)  # not 'Saudi Arabia'


_NONSPACE = re.compile(r"\S+")
# a US politician's party and state, '(D-Minn.)', '(R-Texas)'
_PARTY_STATE = re.compile(r"[DRI]-[A-Z]")
# the last word of a caption or a button, never of a name
_MEDIA_WORDS = frozenset("video videos photo photos image images".split())
# the last word of the name of an event, an accord or a law, never of a person's
_EVENT_WORDS = frozenset(
    "war wars treaty accord accords agreement act summit crisis revolution conflict protocol doctrine deal "
    "initiative programme program olympics games cup".split())


def _place_words(run: str) -> int:
    """How many words of a capitalised run a place that opens it has (0 when none does)."""
    words = run.split()
    if len(words) < 2:
        return 0
    first = words[0].casefold() if words[0].isascii() else _place_key(words[0])
    if first not in _places()[1]:
        return 0  # (most runs: no place starts with their first word)
    for n in range(min(4, len(words)), 1, -1):
        if _place_key(" ".join(words[:n])) in _places()[0]:
            return n
    return 0


def _place_key(name: str) -> str:
    return fold(name, diacritics=True)


@lru_cache(maxsize=1)
def _places() -> tuple[frozenset[str], frozenset[str]]:
    """Places named with two or more capitalised words (framing/data/places.yaml), folded, and
    the first words they open with (a cheap first test)."""
    from importlib import resources
    from pathlib import Path

    from .yamlio import read_yaml

    path = Path(str(resources.files("framing") / "data" / "places.yaml"))
    data = read_yaml(path, display="framing/data/places.yaml", cache=False)
    names = [" ".join(str(p).split()) for p in data["places"]]
    keys = frozenset(map(_place_key, names))
    return keys, frozenset(k.split()[0] for k in keys)
