"""Actors lists: people, institutions and actor groups, with the side of each.

An actors file (``kind: actors`` in ``lexicons/``) gives:

* ``groups``: actor groups for tone toward actors (Russia and its peacekeepers,
  Armenia, Azerbaijan, ...), each with the terms that mention it;
* ``actors``: people and institutions who are quoted, with side, group, role
  and the aliases they go by;
* ``nationality_cues``: adjectives that give a speaker's side when no listed
  actor matches ("Azerbaijani officials").
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .yamlio import LineDict

_TYPES = ("person", "organisation", "institution")
_ACTOR_KEYS = {"id", "name", "type", "side", "group", "role", "aliases", "notes"}
_GROUP_KEYS = {"id", "label", "side", "terms", "notes"}

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
    cues = data.get("nationality_cues") or []
    if not isinstance(cues, list):
        report(data.line_of("nationality_cues"), "nationality_cues must be a list")
        cues = []
    for c in cues:
        if not isinstance(c, LineDict) or not isinstance(c.get("terms"), list):
            report(getattr(c, "line", data.line_of("nationality_cues")), "each nationality cue needs side and terms")
            continue
        _check_side(c, sides, report)


def _unknown_keys(item: LineDict, allowed: set[str], what: str, report: Report) -> None:
    for key in sorted(set(item) - allowed):
        report(item.line_of(key), f"unknown {what} key {key!r} (allowed: {', '.join(sorted(allowed))})")


def _check_side(item: Any, sides: set[str], report: Report) -> None:
    side = str(item.get("side") or "")
    if side not in sides:
        report(item.line_of("side") if "side" in item else item.line, f"unknown side {side!r} (declared: {', '.join(sorted(sides))})")
