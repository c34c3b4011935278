"""Actors lists: people, institutions and actor groups, with the side of each.

An actors file (``kind: actors`` in ``lexicons/``) gives:

* ``groups``: actor groups for tone toward actors (Russia and its peacekeepers,
  Armenia, Azerbaijan, ...), each with the terms that mention it;
* ``actors``: people and institutions who are quoted, with side, group, role
  and the aliases they go by;
* ``coalitions``: states or bodies that, named together, act as one (Russia, France
  and the United States as the OSCE Minsk Group co-chairs), with the side of the
  body they form;
* ``nationality_cues``: adjectives that give a speaker's side when no listed
  actor matches ("Azerbaijani officials"), whole word runs ("U.S.", "Karabakh
  Armenian"), and flags (a social-media display name with 🇦🇲).

An actor's ``type`` is ``person``, ``organisation``/``institution``, or ``group``
for an unnamed group that speaks ("Azerbaijani officials"): its speakers are
anonymous voices with a known side.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import LexiconError, located
from .tokens import TOKEN, term_key
from .yamlio import LineDict, YamlProblem, read_yaml

_TYPES = ("person", "organisation", "institution", "group")
_ACTOR_KEYS = {"id", "name", "type", "side", "group", "role", "aliases", "notes"}
_GROUP_KEYS = {"id", "label", "side", "terms", "notes"}
_COALITION_KEYS = {"name", "members", "side", "notes"}

Report = Callable[[int | None, str], None]


def validate_actors(data: LineDict, report: Report) -> None:
    """Check an actors file's structure; call ``report(line, message)`` for each problem."""
    sides_raw = data.get("sides") or []
    sides = set(sides_raw if isinstance(sides_raw, list) else sides_raw.keys()) | {"neutral", "unknown"}
    group_ids: set[str] = set()
    groups = data.get("groups") or []
    if not isinstance(groups, list):
        report(data.line_of("groups"), "groups must be a list")
        groups = []
    for g in groups:
        if not isinstance(g, LineDict):
            report(data.line_of("groups"), "each group must be a mapping with id, label, side and terms")
            continue
        _unknown_keys(g, _GROUP_KEYS, "group", report)
        gid = str(g.get("id") or "")
        if not gid:
            report(g.line, "group has no id")
        if gid in group_ids:
            report(g.line_of("id"), f"group id {gid!r} is used twice")
        group_ids.add(gid)
        _check_side(g, sides, report)
        if not isinstance(g.get("terms"), list) or not g["terms"]:
            report(g.line_of("terms") if "terms" in g else g.line, f"group {gid!r} has no terms")
    actors = data.get("actors") or []
    if not isinstance(actors, list):
        report(data.line_of("actors"), "actors must be a list")
        actors = []
    seen: set[str] = set()
    for a in actors:
        if not isinstance(a, LineDict):
            report(data.line_of("actors"), "each actor must be a mapping with id, name, type and side")
            continue
        _unknown_keys(a, _ACTOR_KEYS, "actor", report)
        aid = str(a.get("id") or "")
        if not aid or not a.get("name"):
            report(a.line, "actor needs an id and a name")
        if aid in seen:
            report(a.line_of("id"), f"actor id {aid!r} is used twice")
        seen.add(aid)
        if str(a.get("type") or "") not in _TYPES:
            report(a.line_of("type") if "type" in a else a.line, f"actor {aid!r}: type must be one of {', '.join(_TYPES)}")
        _check_side(a, sides, report)
        group = a.get("group")
        if group and group not in group_ids:
            report(a.line_of("group"), f"actor {aid!r}: unknown group {group!r}")
        if "aliases" in a and not isinstance(a["aliases"], list):
            report(a.line_of("aliases"), f"actor {aid!r}: aliases must be a list")
    _validate_coalitions(data, sides, report)
    cues = data.get("nationality_cues") or []
    if not isinstance(cues, list):
        report(data.line_of("nationality_cues"), "nationality_cues must be a list")
        cues = []
    for c in cues:
        if not isinstance(c, LineDict) or not isinstance(c.get("terms"), list):
            report(getattr(c, "line", data.line_of("nationality_cues")), "each nationality cue needs side and terms")
            continue
        _check_side(c, sides, report)


def _validate_coalitions(data: LineDict, sides: set[str], report: Report) -> None:
    coalitions = data.get("coalitions") or []
    if not isinstance(coalitions, list):
        report(data.line_of("coalitions"), "coalitions must be a list")
        return
    for c in coalitions:
        if not isinstance(c, LineDict):
            report(data.line_of("coalitions"), "each coalition must be a mapping with name, members and side")
            continue
        _unknown_keys(c, _COALITION_KEYS, "coalition", report)
        if not c.get("name"):
            report(c.line, "coalition has no name")
        members = c.get("members")
        if not isinstance(members, list) or len(members) < 2 or not all(isinstance(m, str) and m.strip() for m in members):
            report(c.line_of("members") if "members" in c else c.line,
                   f"coalition {c.get('name')!r}: members must be a list of two or more names")
        _check_side(c, sides, report)


def _unknown_keys(item: LineDict, allowed: set[str], what: str, report: Report) -> None:
    for key in sorted(set(item) - allowed):
        report(item.line_of(key), f"unknown {what} key {key!r} (allowed: {', '.join(sorted(allowed))})")


def _check_side(item: Any, sides: set[str], report: Report) -> None:
    side = str(item.get("side") or "")
    if side not in sides:
        report(item.line_of("side") if "side" in item else item.line, f"unknown side {side!r} (declared: {', '.join(sorted(sides))})")


@dataclass(frozen=True, slots=True)
class Actor:
    """A person or institution who may be quoted."""

    id: str
    name: str
    type: str
    side: str
    group: str = ""
    role: str = ""
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ActorGroup:
    """An actor group for tone toward actors (Russia and its peacekeepers, Armenia, ...)."""

    id: str
    label: str
    side: str
    terms: tuple[str, ...]


_LEADING_THE = re.compile(r"^(?:the|The)\s+")
# "Neighbouring Armenia said", 'the self-proclaimed “Republic of Artsakh”': the place itself
_PLACE_QUALIFIER = re.compile(
    r"^(?:the\s+)?(?:(?:neighbou?ring|self-proclaimed|so-called|breakaway|unrecogni[sz]ed)\s+)?[\"“]?", re.IGNORECASE)
# "Armenia's interim prime minister": a country's possessive before the rest of the mention
_POSSESSIVE_HEAD = re.compile(r"^(?:the\s+)?(.+?)['’]s?\s+\w", re.IGNORECASE)
# "political factions in Armenia", "officials from Baku": the place the speakers are in or come from
_IN_PLACE = re.compile(r"\s(?:in|from)\s+(.+)$")
# "Azerbaijan government pages", "Armenia officials": a country before its state's own nouns (not
# "Russia experts", who study Russia)
_COUNTRY_BEFORE_STATE = re.compile(
    r"^(?:the\s+)?([A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)?)\s+(?:government|officials?|authorities|ministry|army|military|"
    r"forces|troops|presidency|parliament|state)\b")


def bare_group_term(mention: str) -> str:
    """The mention without a leading 'the', a qualifier such as 'neighbouring' or 'self-proclaimed'
    and quotation marks ("Neighboring Armenia" → "Armenia", 'the self-proclaimed “Republic of
    Artsakh”' → "Republic of Artsakh")."""
    return _PLACE_QUALIFIER.sub("", _LEADING_THE.sub("", mention.strip())).rstrip('"”')


def speaker_type(actor: Actor) -> str:
    """The speaker type of a listed actor: person, anonymous (an unnamed group) or organisation."""
    return "person" if actor.type == "person" else "anonymous" if actor.type == "group" else "organisation"


@dataclass(frozen=True, slots=True)
class Coalition:
    """States or bodies that, named together, act as one ('Russia, France and the United States':
    the OSCE Minsk Group co-chairs). ``members``: for each member, the keys of the names it goes
    by (written 'United States | US | U.S.' in the file)."""

    name: str
    members: tuple[frozenset[tuple[str, ...]], ...]
    side: str


def _member_key(name: str) -> tuple[str, ...]:
    """'the United States' -> ('united', 'states'); 'U.S.' -> ('u', 's')."""
    words = tuple(w.casefold() for w in TOKEN.findall(name))
    return words[1:] if words[:1] == ("the",) else words


@dataclass
class Actors:
    """A loaded actors list, with look-ups by alias and by nationality adjective."""

    actors: list[Actor] = field(default_factory=list)
    groups: list[ActorGroup] = field(default_factory=list)
    nationality: dict[str, str] = field(default_factory=dict)
    path: str = ""
    version: str = ""
    #: nationality cues of several words ("karabakh", "armenian") and symbols (flags), with their side
    nationality_runs: dict[tuple[str, ...], str] = field(default_factory=dict)
    nationality_symbols: dict[str, str] = field(default_factory=dict)
    coalitions: list[Coalition] = field(default_factory=list)

    def coalition_of(self, parts: list[str]) -> Coalition | None:
        """The coalition that the speakers named together (``parts``: 'Russia', 'France', 'the
        United States') are, each member named once and no one else, or None."""
        if not self.coalitions:
            return None
        keys = [_member_key(p) for p in parts]
        for c in self.coalitions:
            if len(c.members) == len(keys) and all(sum(k in m for k in keys) == 1 for m in c.members):
                return c
        return None

    def __post_init__(self) -> None:
        self._by_alias: dict[tuple[str, ...], Actor] = {}
        for a in self.actors:
            for alias in (a.name, *a.aliases):
                key = term_key(alias)
                if key and key not in self._by_alias:
                    self._by_alias[key] = a
        self._max = max((len(k) for k in self._by_alias), default=1)
        # the nationality cues of several words, by their first word
        self._runs_by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for run, side in self.nationality_runs.items():
            self._runs_by_first.setdefault(run[0], []).append((run, side))

    def find(self, mention: str) -> Actor | None:
        """The actor a mention names ("President Ilham Aliyev", "Aliyev", "the Kremlin"), if any.

        Tries the whole mention, then its longest trailing and leading word runs
        ("Armenian Prime Minister Nikol Pashinyan" → "Nikol Pashinyan").
        """
        cache = self.__dict__.setdefault("_find_cache", {})
        if mention in cache:
            return cache[mention]
        if len(cache) > 4096:
            cache.clear()
        cache[mention] = hit = self._find(mention)
        return hit

    def _find(self, mention: str) -> Actor | None:
        if "-" in mention:
            # 'Kremlin-backed separatists', 'Pashinyan-led government': the backer is not the speaker
            mention = _COMPOUND_MODIFIER.sub(" ", mention)
        key = term_key(mention)
        if not key:
            return None
        # Only word runs made of alias words can name an actor: runs longer than the longest
        # such run in the mention are not looked up (the order of the look-ups is unchanged).
        known = self.__dict__.get("_alias_words")
        if known is None:
            known = self._alias_words = frozenset(w for k in self._by_alias for w in k[0::2])
        words = key[0::2]
        longest = run = 0
        for w in words:
            run = run + 1 if w in known else 0
            longest = max(longest, run)
        n = len(words)
        for size in range(min(n, self._max, longest), 0, -1):
            for start in (n - size, *range(n - size - 1, -1, -1)):
                # words[start : start + size] with the gaps between them
                hit = self._by_alias.get(key[2 * start : 2 * (start + size) - 1])
                if hit is not None:
                    return hit
        return None

    def describe(self, mention: str) -> tuple[Actor | None, ActorGroup | None, str]:
        """What the list says about a mention: the actor it names; else the actor group it is
        (:meth:`group_of`); else the side of a nationality word in it, or "" (:meth:`side_of_adjectives`).

        Cached like :meth:`find`: the same mentions come back in article after article.
        """
        cache = self.__dict__.setdefault("_describe_cache", {})
        hit = cache.get(mention)
        if hit is None:
            if len(cache) > 4096:
                cache.clear()
            actor = self.find(mention)
            group = self.group_of(mention) if actor is None else None
            side = self.side_of_words(mention) if actor is None and group is None else ""
            hit = cache[mention] = (actor, group, side)
        return hit

    def group_of(self, mention: str) -> ActorGroup | None:
        """The actor group whose term the whole mention is ("Armenia", "the Kremlin", "Baku"), if any."""
        if not hasattr(self, "_by_group_term"):
            self._by_group_term = {}
            for g in self.groups:
                for t in g.terms:
                    self._by_group_term.setdefault(term_key(t), g)
        return self._by_group_term.get(term_key(bare_group_term(mention)))

    def side_of_adjectives(self, mention: str) -> str:
        """A side from a nationality cue in the mention ("Azerbaijani officials" → azerbaijani,
        "U.S. diplomats" → international, a display name with 🇦🇲 → armenian), or ""."""
        words = [w.casefold() for w in TOKEN.findall(mention)]
        for k, word in enumerate(words):
            for run, side in self._runs_by_first.get(word, ()):
                if tuple(words[k : k + len(run)]) == run:
                    return side
            side = self.nationality.get(word)
            if side:
                return side
        for symbol, side in self.nationality_symbols.items():
            if symbol in mention:
                return side
        return ""

    def side_of_words(self, mention: str) -> str:
        """A side from what the mention says of an unnamed source: a nationality cue
        (:meth:`side_of_adjectives`), else the place it is from (:meth:`side_of_place`); or ""."""
        return self.side_of_adjectives(mention) or self.side_of_place(mention)

    def side_of_place(self, mention: str) -> str:
        """A side from a country or capital the mention is placed in: its possessive ("Armenia's
        interim prime minister"), the place after "in"/"from" ("political factions in Armenia") or the
        country before its state's nouns ("Azerbaijan government pages"), or ""."""
        m = _POSSESSIVE_HEAD.match(mention)
        group = self.group_of(m.group(1)) if m else None
        if group is None and (m := _IN_PLACE.search(mention)):
            group = self.group_of(m.group(1))
        if group is None and (m := _COUNTRY_BEFORE_STATE.match(mention)):
            group = self.group_of(m.group(1))
        return group.side if group is not None else ""


# a compound modifier naming who backs, leads or holds something: not the mention's head
_COMPOUND_MODIFIER = re.compile(
    r"[\w’']+-(?:backed|led|installed|controlled|appointed|aligned|funded|sponsored|supported|allied|occupied|held"
    r"|run|owned|friendly|leaning|based|linked|affiliated)\b")


def load_actors(path: str | os.PathLike[str] | None = None) -> Actors:
    """Load an actors list (default: the bundled ``lexicons/actors.yaml``).

    Raises:
        LexiconError: ``file:line: message`` when the file is invalid.
    """
    from .lexicon import bundled_lexicon_dir

    p = Path(path) if path is not None else bundled_lexicon_dir() / "actors.yaml"
    name = str(p)
    try:
        data = read_yaml(p, display=name)
    except YamlProblem as exc:
        raise LexiconError(str(exc)) from None
    problems: list[str] = []
    if not isinstance(data, LineDict) or data.get("kind") != "actors":
        raise LexiconError(located(name, 1, "not an actors list (needs kind: actors)"))
    validate_actors(data, lambda line, msg: problems.append(located(name, line, msg)))
    if problems:
        raise LexiconError(problems[0])
    actors = [
        Actor(
            id=str(a["id"]), name=str(a["name"]), type=str(a["type"]), side=str(a.get("side") or "unknown"),
            group=str(a.get("group") or ""), role=str(a.get("role") or ""),
            aliases=tuple(str(x) for x in (a.get("aliases") or [])),
        )
        for a in data.get("actors") or []
    ]
    groups = [
        ActorGroup(id=str(g["id"]), label=str(g.get("label") or g["id"]), side=str(g.get("side") or "unknown"),
                   terms=tuple(str(t) for t in g.get("terms") or []))
        for g in data.get("groups") or []
    ]
    nationality: dict[str, str] = {}
    runs: dict[tuple[str, ...], str] = {}
    symbols: dict[str, str] = {}
    for c in data.get("nationality_cues") or []:
        for t in c.get("terms") or []:
            words = tuple(w.casefold() for w in TOKEN.findall(str(t)))
            if not words:
                symbols.setdefault(str(t).strip(), str(c["side"]))  # a flag
            elif len(words) == 1:
                nationality.setdefault(words[0], str(c["side"]))
            else:
                runs.setdefault(words, str(c["side"]))  # "U.S." is never the word "s"
    coalitions = [
        Coalition(str(c["name"]), tuple(frozenset(_member_key(n) for n in str(m).split("|") if n.strip())
                                        for m in c["members"]), str(c["side"]))
        for c in data.get("coalitions") or []
    ]
    return Actors(actors, groups, nationality, name, str(data.get("version") or ""),
                  nationality_runs=runs, nationality_symbols=symbols, coalitions=coalitions)
