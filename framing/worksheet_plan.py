"""What goes on a worksheet: excerpts, exercises and their answers, chosen from the tables.

:func:`plan_worksheet` is a pure function of the analysis and a seed: it picks
one excerpt per outlet (outlets shown as "Outlet A", "Outlet B" …), a passage
with scare quotes, passages with attributed quotes, a sentence to rewrite with
the other side's names (the replacements come from the lexicon's variants), the
evidence for each outlet's naming lean, and two headlines to compare. The
student sheet and the answer key are both drawn from the same plan, so they
always agree.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .blind import Masker
from .excerpts import (
    MARKER_CATEGORIES,
    Excerpt,
    Rows,
    candidate_excerpts,
    concept_label,
    concepts_of,
    packs_of,
    pick_excerpts,
    side_labels,
    table,
    text_of,
)
from .reportdata import outlet_aliases

if TYPE_CHECKING:
    from .lexicon import Concept
    from .model import Document
    from .reportdata import ReportData

#: The side whose names a rewrite swaps in, for each side of a two-sided conflict.
OPPOSITE = {"armenian": "azerbaijani", "azerbaijani": "armenian", "russian": "ukrainian", "ukrainian": "russian"}
MAX_EXCERPTS = 6
MAX_REWRITE_CHARS = 320


@dataclass(frozen=True, slots=True)
class Swap:
    """One word of the rewrite: the original, what the other side says, and why."""

    start: int
    end: int
    original: str
    replacement: str
    concept: str
    from_side: str
    to_side: str


@dataclass(frozen=True, slots=True)
class Rewrite:
    """A sentence to rewrite with the other side's names, and the model answer."""

    doc: Document
    start: int
    end: int
    swaps: tuple[Swap, ...]

    def model(self) -> str:
        """The sentence with every swap applied."""
        text, pos, out = self.doc.text, self.start, []
        for s in self.swaps:
            out += [text[pos : s.start], s.replacement]
            pos = s.end
        out.append(text[pos : self.end])
        return "".join(out)


@dataclass(frozen=True, slots=True)
class Headline:
    """A headline with the terms and scare quotes found in it."""

    doc: Document
    terms: tuple[dict[str, Any], ...]
    scares: tuple[dict[str, Any], ...]


@dataclass(frozen=True, slots=True)
class Lean:
    """An outlet's naming lean: sides by the mean share of their names, with the counts behind it."""

    outlet: str
    sides: tuple[tuple[str, float], ...]
    n_concepts: int
    n_hits: int
    n_docs: int

    @property
    def answer(self) -> str:
        """The side whose names dominate (share ≥ 0.5 with ≥ 3 hits), else "no clear lean"."""
        named = [(s, v) for s, v in self.sides if s not in ("neutral", "unknown")]
        if named and named[0][1] >= 0.5 and self.n_hits >= 3:
            return named[0][0]
        return ""


@dataclass
class Plan:
    """Everything both PDFs show."""

    title: str
    aliases: dict[str, str]
    masker: Masker
    concepts: dict[tuple[str, str], Concept]
    sides: dict[str, str]
    excerpts: list[Excerpt]
    scare_items: list[Excerpt] = field(default_factory=list)
    quote_items: list[Excerpt] = field(default_factory=list)
    rewrite: Rewrite | None = None
    leans: list[Lean] = field(default_factory=list)
    side_options: list[str] = field(default_factory=list)
    headlines: list[Headline] = field(default_factory=list)
    seed: int = 0

    def shown(self, outlet: str) -> str:
        return self.aliases.get(outlet, outlet)

    def number(self, ex: Excerpt) -> int:
        """The excerpt's number on the sheet (1-based); extra passages continue the numbering."""
        every = self.excerpts + [e for e in self.scare_items if e not in self.excerpts]
        return every.index(ex) + 1


def plan_worksheet(data: ReportData, *, seed: int = 0) -> Plan:
    """Choose the excerpts and exercise items for ``data`` (same data and seed → same plan)."""
    outlets = sorted({d.outlet for d in data.documents})
    aliases = dict(data.aliases) if data.blind else outlet_aliases(outlets)
    authors = sorted({d.author for d in data.documents if d.author})
    masker = Masker(aliases, authors)
    packs = packs_of(data)
    order = sorted(outlets, key=lambda o: (aliases.get(o, o), o))
    excerpts = pick_excerpts(data, per_outlet=1, limit=MAX_EXCERPTS, seed=seed, outlets=order)
    rng = random.Random(seed)
    plan = Plan(
        title=masker(data.title), aliases=aliases, masker=masker, concepts=concepts_of(packs),
        sides=side_labels(packs), excerpts=excerpts, seed=seed,
    )
    plan.scare_items = [e for e in excerpts if e.scares] or _extra_scare(data, rng)
    plan.quote_items = sorted((e for e in excerpts if any(text_of(q.get("cue")) for q in e.quotes)),
                              key=lambda e: -len(e.quotes))[:2]
    plan.quote_items.sort(key=lambda e: excerpts.index(e))
    plan.rewrite = choose_rewrite(data, packs, rng=rng if seed else None)
    plan.leans = leans(data, [o for o in order if any(e.doc.outlet == o for e in excerpts)] or order)
    plan.side_options = _side_options(plan.leans, plan.sides)
    plan.headlines = choose_headlines(data, rng=rng if seed else None)
    return plan


def _extra_scare(data: ReportData, rng: random.Random) -> list[Excerpt]:
    rows = Rows.of(data)
    cands = [e for d in data.documents for e in candidate_excerpts(d, rows, max_sentences=1) if e.scares]
    if not cands:
        return []
    cands.sort(key=lambda e: (-len(e.scares), -e.score, e.doc.id, e.start))
    return [rng.choice(cands[:4])]


# -- rewrite ------------------------------------------------------------------
def variants_by_side(concept: Concept) -> dict[str, str]:
    """Side → the spelling to use for it: the first term of its strongest variant (first listed on ties)."""
    rank = {"strong": 0, "moderate": 1, "weak": 2}
    best: dict[str, tuple[int, int, str]] = {}
    for i, v in enumerate(concept.variants):
        key = (rank.get(v.weight, 3), i, v.terms[0]) if v.terms else None
        if key is not None and (v.side not in best or key < best[v.side]):
            best[v.side] = key
    return {s: k[2] for s, k in best.items()}


def _swap_text(original: str, term: str, replacement: str) -> str:
    """``replacement`` with the plural ending and the capital first letter of ``original``."""
    rep = replacement
    if original.lower() != term.lower() and original.lower().endswith("s") and not term.lower().endswith("s"):
        rep += "s"
    if original[:1].isupper() and rep[:1].islower():
        rep = rep[:1].upper() + rep[1:]
    return rep


def swaps_in(rows: list[dict[str, Any]], concepts: dict[tuple[str, str], Concept]) -> list[Swap]:
    """The swaps for a sentence's term rows: authorial terms of one side whose concept names the other side."""
    out: list[Swap] = []
    for r in sorted(rows, key=lambda r: (int(r["start"]), -int(r["end"]))):
        side = text_of(r.get("side"))
        if text_of(r.get("voice")) != "authorial" or side not in OPPOSITE or text_of(r.get("category")) in MARKER_CATEGORIES:
            continue
        c = concepts.get((text_of(r.get("pack")), text_of(r.get("concept"))))
        if c is None:
            continue
        other = variants_by_side(c).get(OPPOSITE[side])
        start, end = int(r["start"]), int(r["end"])
        if other is None or any(s.start < end and start < s.end for s in out):
            continue
        original = text_of(r.get("text"))
        out.append(Swap(start, end, original, _swap_text(original, text_of(r.get("term")), other),
                        c.label or c.id, side, OPPOSITE[side]))
    return out


def choose_rewrite(data: ReportData, packs: list[Any], *, rng: random.Random | None = None) -> Rewrite | None:
    """A body sentence with the most concepts to swap (``rng``: pick among the five best)."""
    concepts = concepts_of(packs)
    terms = Rows.of(data).terms
    cands: list[tuple[int, int, int, int, Rewrite]] = []
    for pos, doc in enumerate(data.documents):
        kinds = [p.kind for p in doc.paragraphs]
        rows = terms.get(doc.id, [])
        for i, s in enumerate(doc.sentences):
            if s.end - s.start > MAX_REWRITE_CHARS or (s.paragraph < len(kinds) and kinds[s.paragraph] != "body"):
                continue
            inside = [r for r in rows if s.start <= int(r["start"]) < s.end]
            swaps = swaps_in(inside, concepts)
            if swaps:
                distinct = len({sw.concept for sw in swaps})
                cands.append((-distinct, -len(swaps), pos, i, Rewrite(doc, s.start, s.end, tuple(swaps))))
    if not cands:
        return None
    cands.sort(key=lambda c: c[:4])
    return rng.choice(cands[:5])[4] if rng is not None else cands[0][4]


# -- naming lean and headlines --------------------------------------------------
def leans(data: ReportData, outlets: list[str]) -> list[Lean]:
    """Each outlet's naming lean from ``naming_lean`` (the pack with most hits), in the order given."""
    nl = table(data, "naming_lean")
    out = []
    for o in outlets:
        rows = [] if nl.empty else nl[nl["outlet"] == o].to_dict("records")
        if not rows:
            out.append(Lean(o, (), 0, 0, sum(1 for d in data.documents if d.outlet == o)))
            continue
        hits: dict[str, int] = {}
        for r in rows:
            hits[text_of(r["pack"])] = hits.get(text_of(r["pack"]), 0) + int(r["n_hits"])
        pack = max(sorted(hits), key=lambda p: hits[p])
        mine = [r for r in rows if text_of(r["pack"]) == pack]
        sides = tuple(sorted(((text_of(r["side"]), float(r["lean"])) for r in mine), key=lambda sv: (-sv[1], sv[0])))
        out.append(Lean(o, sides, int(mine[0]["n_concepts"]), hits[pack], int(mine[0].get("n_outlet_docs", 0))))
    return out


def _side_options(ls: list[Lean], labels: dict[str, str]) -> list[str]:
    seen = sorted({s for lean in ls for s, _ in lean.sides if s not in ("neutral", "unknown")})
    if not seen:
        seen = [s for s in labels if s not in ("neutral", "unknown")][:4]
    return seen


def title_rows(doc: Document, rows: list[dict[str, Any]]) -> tuple[dict[str, Any], ...]:
    """The rows that fall in the document's title paragraph."""
    spans = [(p.start, p.end) for p in doc.paragraphs if p.kind == "title"]
    return tuple(r for r in rows if any(a <= int(r["start"]) < b for a, b in spans))


def choose_headlines(data: ReportData, *, rng: random.Random | None = None) -> list[Headline]:
    """Two headlines from different outlets, the pair with most contested terms and scare quotes."""
    rows = Rows.of(data)
    heads = []
    for d in data.documents:
        if d.title.strip():
            terms = tuple(r for r in title_rows(d, rows.terms.get(d.id, [])) if text_of(r.get("category")) not in MARKER_CATEGORIES)
            heads.append(Headline(d, terms, title_rows(d, rows.scares.get(d.id, []))))
    pairs = []
    for i, a in enumerate(heads):
        for j in range(i + 1, len(heads)):
            b = heads[j]
            if a.doc.outlet == b.doc.outlet:
                continue
            sides = {text_of(t.get("side")) for t in a.terms} ^ {text_of(t.get("side")) for t in b.terms}
            score = len(a.terms) + len(b.terms) + 2 * (len(a.scares) + len(b.scares)) + len(sides)
            pairs.append((-score, i, j))
    if not pairs:
        return []
    pairs.sort()
    _, i, j = rng.choice(pairs[:3]) if rng is not None else pairs[0]
    return [heads[i], heads[j]]


def concept_name(plan: Plan, row: dict[str, Any]) -> str:
    """The label of a term row's concept."""
    return concept_label(plan.concepts, text_of(row.get("pack")), text_of(row.get("concept")))
