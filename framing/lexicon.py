"""Lexicon packs: contested terms, the variants of each, and the side each signals.

A pack is a YAML file (see ``lexicons/`` and the README for the format). Terms
are literal strings, never regular expressions, so nothing in a lexicon can
make matching slow or hang. :func:`check_pack` reports every problem as
``file:line: message``; :func:`load_pack` raises :class:`LexiconError` on the
first one.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import LexiconError, located
from .tokens import term_key, tokenize_term
from .yamlio import LineDict, YamlProblem, read_yaml

NEUTRAL = "neutral"
KINDS = ("naming", "distancing", "actors")
CATEGORIES = frozenset(
    {"place", "region", "polity", "corridor", "actor", "ethnonym", "event", "mission", "marker", "epithet", "label", "people", "heritage", "slogan"}
)
ROLES = frozenset({"marker", "hedge", "epithet"})
WEIGHTS = ("strong", "moderate", "weak")
MAX_TERM_CHARS = 200
MAX_TERMS = 250_000
_ID = re.compile(r"^[a-z0-9][a-z0-9_-]*$")

_PACK_KEYS = {
    "format", "pack", "kind", "version", "title", "description", "language", "sides", "concepts", "sources",
    "license", "notes", "scope",
}
_ACTORS_KEYS = {"groups", "actors", "coalitions", "nationality_cues"}
_CONCEPT_KEYS = {"id", "label", "category", "notes", "sources", "variants", "role", "time"}
_VARIANT_KEYS = {"side", "terms", "notes", "time", "weight", "case_sensitive", "inflect", "exclude", "source", "sources"}


@dataclass(frozen=True, slots=True)
class Side:
    """A side a variant can signal (declared by the pack)."""

    id: str
    label: str = ""
    description: str = ""


@dataclass(frozen=True, slots=True)
class Variant:
    """One way of naming a concept, used by one side.

    Attributes:
        side: A declared side, or ``"neutral"``.
        terms: The spellings (transliterations, diacritics, other scripts).
        weight: How well the variant signals its side: strong, moderate, weak.
        notes: Free text.
        time: Time sensitivity ("pre-2020 Armenian usage ...").
        case_sensitive: Match only the exact case of each spelling.
        inflect: Also match plural forms of the last word (common nouns).
        exclude: Longer phrases containing a spelling that must not count ("chicken Kiev").
        line: Line of the variant in the pack file.
    """

    side: str
    terms: tuple[str, ...]
    weight: str = "moderate"
    notes: str = ""
    time: str = ""
    case_sensitive: bool = False
    inflect: bool = False
    exclude: tuple[str, ...] = ()
    line: int = 0


@dataclass(frozen=True, slots=True)
class Concept:
    """Something that has contested names (a place, an actor, an event)."""

    id: str
    label: str
    category: str
    variants: tuple[Variant, ...]
    notes: str = ""
    sources: tuple[str, ...] = ()
    role: str = ""
    line: int = 0


@dataclass(frozen=True, slots=True)
class Pack:
    """A validated lexicon pack."""

    name: str
    kind: str
    version: str
    title: str
    description: str
    language: str
    sides: dict[str, Side]
    concepts: tuple[Concept, ...]
    sources: dict[str, str] = field(default_factory=dict)
    path: str = ""
    scope: tuple[str, ...] = ()

    @property
    def n_terms(self) -> int:
        """Number of spellings in the pack."""
        return sum(len(v.terms) for c in self.concepts for v in c.variants)

    def concept(self, concept_id: str) -> Concept:
        """The concept with id ``concept_id``."""
        for c in self.concepts:
            if c.id == concept_id:
                return c
        raise KeyError(concept_id)

    @property
    def label(self) -> str:
        """``name version``, as shown in reports."""
        return f"{self.name} {self.version}"


class _Problems:
    def __init__(self, name: str) -> None:
        self.name = name
        self.items: list[tuple[int, str]] = []

    def add(self, line: int | None, message: str) -> None:
        self.items.append((line or 0, message))

    def formatted(self) -> list[str]:
        return [located(self.name, line or None, msg) for line, msg in sorted(self.items, key=lambda x: x[0])]


def bundled_lexicon_dir() -> Path:
    """The folder of lexicon packs shipped with framing.

    ``$FRAMING_LEXICONS`` overrides it; a source checkout uses its top-level
    ``lexicons/``; an installed wheel uses the copy packaged inside framing.
    """
    env = os.environ.get("FRAMING_LEXICONS")
    if env:
        return Path(env)
    here = Path(__file__).resolve().parent
    checkout = here.parent / "lexicons"
    if checkout.is_dir():
        return checkout
    return here / "data" / "lexicons"


def bundled_packs(kind: str | None = "naming-or-distancing") -> list[Path]:
    """Paths of the bundled packs (naming and distancing packs by default)."""
    paths = sorted(bundled_lexicon_dir().glob("*.yaml"))
    if kind is None:
        return paths
    wanted = ("naming", "distancing") if kind == "naming-or-distancing" else (kind,)
    return [p for p in paths if _kind_of(p) in wanted]


def load_packs(paths: list[str | os.PathLike[str]] | None = None) -> list[Pack]:
    """Load several packs (default: the bundled naming and distancing packs).

    A folder in ``paths`` stands for every ``*.yaml`` pack in it (actors files excluded).
    """
    if paths is None:
        files: list[Path] = bundled_packs()
    else:
        files = []
        for p in paths:
            path = Path(p)
            if path.is_dir():
                files.extend(q for q in sorted(path.glob("*.y*ml")) if _kind_of(q) != "actors")
            else:
                files.append(path)
    packs = [load_pack(f) for f in files]
    names = [p.name for p in packs]
    dup = sorted({n for n in names if names.count(n) > 1})
    if dup:
        raise LexiconError(f"pack {dup[0]!r} is loaded twice; give each pack once")
    return packs


def _kind_of(path: Path) -> str:
    try:
        m = re.search(r"^kind:\s*([\w-]+)", path.read_text(encoding="utf-8")[:4000], re.M)
    except (OSError, UnicodeDecodeError):
        return "naming"
    return m.group(1) if m else "naming"


def load_pack(path: str | os.PathLike[str]) -> Pack:
    """Load and validate a naming or distancing pack.

    Raises:
        LexiconError: ``file:line: message`` for the first problem found.
    """
    pack, problems = _parse(Path(path))
    if problems:
        more = f" (and {len(problems) - 1} more; run `framing lexicon check {path}`)" if len(problems) > 1 else ""
        raise LexiconError(problems[0] + more)
    assert pack is not None
    if pack.kind == "actors":
        raise LexiconError(located(str(path), None, "this is an actors list, not a term pack; load it with framing.actors"))
    return pack


def check_pack(path: str | os.PathLike[str]) -> list[str]:
    """Validate a pack and return every problem as ``file:line: message`` (empty if valid)."""
    return _parse(Path(path))[1]


def _parse(path: Path) -> tuple[Pack | None, list[str]]:
    name = str(path)
    try:
        data = read_yaml(path, display=name)
    except YamlProblem as exc:
        return None, [str(exc)]
    probs = _Problems(name)
    if data is None:
        probs.add(1, "file is empty; a pack needs format, pack, sides and concepts")
        return None, probs.formatted()
    if not isinstance(data, LineDict):
        probs.add(1, "a pack must be a mapping (format:, pack:, sides:, concepts:)")
        return None, probs.formatted()
    allowed = _PACK_KEYS | (_ACTORS_KEYS if data.get("kind") == "actors" else set())
    for key in sorted(set(data) - allowed):
        probs.add(data.line_of(key), f"unknown key {key!r} (allowed: {', '.join(sorted(allowed))})")
    if data.get("format") != 1:
        probs.add(data.line_of("format"), f"format must be 1, found {data.get('format')!r}")
    pack_name = str(data.get("pack") or "")
    if not _ID.match(pack_name):
        probs.add(data.line_of("pack"), f"pack name {pack_name!r} must be lowercase letters, digits, '-' or '_'")
    kind = str(data.get("kind") or "naming")
    if kind not in KINDS:
        probs.add(data.line_of("kind"), f"kind {kind!r} is not one of: {', '.join(KINDS)}")
    if kind == "actors":
        from .actors import validate_actors

        validate_actors(data, probs.add)
        if probs.items:
            return None, probs.formatted()
        return _pack_header(data, pack_name, kind, {}, (), name), []
    sides = _parse_sides(data, probs)
    concepts = _parse_concepts(data, sides, kind, probs)
    sources = data.get("sources") or {}
    if not isinstance(sources, dict):
        probs.add(data.line_of("sources"), "sources must map an id to a description")
        sources = {}
    for c in concepts:
        for s in c.sources:
            if sources and s not in sources:
                probs.add(c.line, f"concept {c.id!r} cites source {s!r}, which the pack's sources do not define")
    scope = tuple(str(x) for x in _as_list(data.get("scope")))
    for word in scope:
        if len(tokenize_term(word)) != 1:
            probs.add(data.line_of("scope"), f"scope word {word!r} must be a single word")
    if probs.items:
        return None, probs.formatted()
    pack = _pack_header(data, pack_name, kind, sides, tuple(concepts), name, {str(k): str(v) for k, v in sources.items()})
    return Pack(**{**{f: getattr(pack, f) for f in pack.__dataclass_fields__}, "scope": scope}), []


def _pack_header(
    data: LineDict, pack_name: str, kind: str, sides: dict[str, Side], concepts: tuple[Concept, ...], name: str,
    sources: dict[str, str] | None = None,
) -> Pack:
    return Pack(
        name=pack_name,
        kind=kind,
        version=str(data.get("version") or "0"),
        title=str(data.get("title") or pack_name),
        description=" ".join(str(data.get("description") or "").split()),
        language=str(data.get("language") or "en"),
        sides=sides,
        concepts=concepts,
        sources=sources or {},
        path=name,
    )


def _parse_sides(data: LineDict, probs: _Problems) -> dict[str, Side]:
    raw = data.get("sides")
    sides: dict[str, Side] = {}
    if raw is None:
        return sides
    if isinstance(raw, list):
        raw = {str(s): {} for s in raw}
    if not isinstance(raw, dict):
        probs.add(data.line_of("sides"), "sides must be a mapping of side id to its label and description")
        return sides
    for sid, info in raw.items():
        line = raw.line_of(sid) if isinstance(raw, LineDict) else data.line_of("sides")
        if not _ID.match(sid):
            probs.add(line, f"side id {sid!r} must be lowercase letters, digits, '-' or '_'")
        if sid == NEUTRAL:
            probs.add(line, "'neutral' is built in; do not declare it")
            continue
        info = info or {}
        if not isinstance(info, dict):
            probs.add(line, f"side {sid!r} must be a mapping with label and description")
            info = {}
        sides[sid] = Side(sid, str(info.get("label") or sid), " ".join(str(info.get("description") or "").split()))
    return sides


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]


def _parse_concepts(data: LineDict, sides: dict[str, Side], kind: str, probs: _Problems) -> list[Concept]:
    raw = data.get("concepts")
    if not isinstance(raw, list) or not raw:
        probs.add(data.line_of("concepts"), "concepts must be a non-empty list")
        return []
    concepts: list[Concept] = []
    seen_ids: dict[str, int] = {}
    spelling_owner: dict[tuple[str, ...], tuple[str, int]] = {}
    n_terms = 0
    for i, item in enumerate(raw):
        item_line = raw.item_lines[i] if hasattr(raw, "item_lines") else 0
        if not isinstance(item, LineDict):
            probs.add(item_line, "each concept must be a mapping with id, label, category and variants")
            continue
        for key in sorted(set(item) - _CONCEPT_KEYS):
            probs.add(item.line_of(key), f"unknown concept key {key!r} (allowed: {', '.join(sorted(_CONCEPT_KEYS))})")
        cid = str(item.get("id") or "")
        if not _ID.match(cid):
            probs.add(item.line_of("id"), f"concept id {cid!r} must be lowercase letters, digits, '-' or '_'")
        elif cid in seen_ids:
            probs.add(item.line_of("id"), f"concept id {cid!r} is used twice (first at line {seen_ids[cid]})")
        else:
            seen_ids[cid] = item.line_of("id")
        category = str(item.get("category") or "label")
        if category not in CATEGORIES:
            probs.add(item.line_of("category"), f"category {category!r} is not one of: {', '.join(sorted(CATEGORIES))}")
        role = str(item.get("role") or "")
        if kind == "distancing" and role not in ROLES:
            probs.add(item.line_of("role") if "role" in item else item.line, f"concept {cid!r} needs a role: {', '.join(sorted(ROLES))}")
        variants_raw = item.get("variants")
        if not isinstance(variants_raw, list) or not variants_raw:
            probs.add(item.line_of("variants") if "variants" in item else item.line, f"concept {cid!r} has no variants")
            continue
        variants: list[Variant] = []
        for j, v in enumerate(variants_raw):
            vline = variants_raw.item_lines[j] if hasattr(variants_raw, "item_lines") else item.line
            var = _parse_variant(v, vline, cid, sides, probs)
            if var is None:
                continue
            for term in var.terms:
                n_terms += 1
                key = term_key(term)
                if not key:
                    probs.add(var.line, f"term {term!r} in concept {cid!r} has no letters or digits")
                    continue
                owner = spelling_owner.get(key)
                if owner is None:
                    spelling_owner[key] = (cid, var.line)
                elif owner[0] == cid:
                    probs.add(var.line, f"spelling {term!r} appears twice in concept {cid!r} (first at line {owner[1]})")
                else:
                    probs.add(var.line, f"spelling {term!r} is claimed by two concepts: {owner[0]!r} (line {owner[1]}) and {cid!r}")
            variants.append(var)
        if n_terms > MAX_TERMS:
            probs.add(item_line, f"more than {MAX_TERMS} terms; split the pack")
            break
        if not variants or not any(v.terms for v in variants):
            probs.add(item.line, f"concept {cid!r} has no terms")
        concepts.append(
            Concept(
                id=cid,
                label=" ".join(str(item.get("label") or cid).split()),
                category=category,
                variants=tuple(variants),
                notes=" ".join(str(item.get("notes") or "").split()),
                sources=tuple(str(s) for s in _as_list(item.get("sources"))),
                role=role,
                line=item.line,
            )
        )
    return concepts


def _parse_variant(v: Any, vline: int, cid: str, sides: dict[str, Side], probs: _Problems) -> Variant | None:
    if not isinstance(v, LineDict):
        probs.add(vline, f"each variant of {cid!r} must be a mapping with side and terms")
        return None
    for key in sorted(set(v) - _VARIANT_KEYS):
        probs.add(v.line_of(key), f"unknown variant key {key!r} (allowed: {', '.join(sorted(_VARIANT_KEYS))})")
    side = str(v.get("side") or "")
    if side != NEUTRAL and side not in sides:
        declared = ", ".join([*sides, NEUTRAL])
        probs.add(v.line_of("side"), f"unknown side {side!r} in concept {cid!r} (declared: {declared})")
    terms_raw = _as_list(v.get("terms"))
    terms: list[str] = []
    for t in terms_raw:
        if not isinstance(t, str | int | float) or isinstance(t, bool) or not str(t).strip():
            probs.add(v.line_of("terms"), f"terms of {cid!r} must be non-empty text, found {t!r}")
            continue
        t = " ".join(str(t).split())
        if len(t) > MAX_TERM_CHARS:
            probs.add(v.line_of("terms"), f"term {t[:40]!r}... is longer than {MAX_TERM_CHARS} characters")
            continue
        terms.append(t)
    if not terms_raw:
        probs.add(v.line_of("terms") if "terms" in v else v.line, f"a variant of {cid!r} has no terms")
    weight = str(v.get("weight") or "moderate")
    if weight not in WEIGHTS:
        probs.add(v.line_of("weight"), f"weight {weight!r} is not one of: {', '.join(WEIGHTS)}")
    flags = {}
    for flag in ("case_sensitive", "inflect"):
        val = v.get(flag, False)
        if not isinstance(val, bool):
            probs.add(v.line_of(flag), f"{flag} must be true or false, found {val!r}")
            val = False
        flags[flag] = val
    exclude = tuple(" ".join(str(x).split()) for x in _as_list(v.get("exclude")) if str(x).strip())
    for x in exclude:
        if not tokenize_term(x):
            probs.add(v.line_of("exclude"), f"exclude phrase {x!r} has no letters or digits")
    return Variant(
        side=side,
        terms=tuple(terms),
        weight=weight,
        notes=" ".join(str(v.get("notes") or "").split()),
        time=" ".join(str(v.get("time") or "").split()),
        case_sensitive=flags["case_sensitive"],
        inflect=flags["inflect"],
        exclude=exclude,
        line=v.line,
    )
