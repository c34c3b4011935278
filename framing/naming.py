"""Naming profiles: per outlet, which side's names it uses for each concept.

Counts are kept by (outlet, pack, concept, side, voice) and merged across
documents, so the profile can be built while streaming. The *naming lean* of
an outlet toward a side is the mean, over the concepts the outlet names in its
own voice, of the share of that side's variants: each concept counts once,
however often it is named, so twenty uses of one word do not outweigh one use
each of twenty names.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from .terms import VOICES

NAMING_COLUMNS = [
    "outlet", "pack", "concept", "side", "n_authorial", "n_quoted", "n_scare_quoted", "n_mentioned",
    "share_authorial", "concept_authorial", "n_docs",
]
LEAN_COLUMNS = ["outlet", "pack", "side", "lean", "n_concepts", "n_hits", "n_docs", "n_outlet_docs"]


class NamingProfile:
    """Accumulates term rows into per-outlet naming tables."""

    def __init__(self) -> None:
        # Only counts are kept (no document ids), so memory does not grow with the corpus.
        self.counts: dict[tuple[str, str, str, str, str], int] = defaultdict(int)
        self.docs: dict[tuple[str, str, str, str], int] = defaultdict(int)
        self.pack_docs: dict[tuple[str, str], int] = defaultdict(int)
        self.outlet_docs: dict[str, int] = defaultdict(int)
        self.kinds: dict[str, str] = {}

    def add_document(self, outlet: str, doc_id: str, rows: Iterable[dict[str, Any]], pack_kinds: dict[str, str]) -> None:
        """Add one document's ``terms.csv`` rows."""
        self.outlet_docs[outlet] += 1
        self.kinds.update(pack_kinds)
        seen: set[tuple[str, str, str]] = set()
        for r in rows:
            self.counts[(outlet, r["pack"], r["concept"], r["side"], r["voice"])] += 1
            if r["voice"] == "authorial":
                seen.add((r["pack"], r["concept"], r["side"]))
        for pack, concept, side in seen:
            self.docs[(outlet, pack, concept, side)] += 1
        for pack in {p for p, _, _ in seen}:
            self.pack_docs[(outlet, pack)] += 1

    def naming_rows(self) -> list[dict[str, Any]]:
        """``naming.csv``: per outlet, pack, concept and side, counts by voice and the authorial share."""
        keys = sorted({k[:4] for k in self.counts})
        totals: dict[tuple[str, str, str], int] = defaultdict(int)
        for (o, p, c, _s, v), n in self.counts.items():
            if v == "authorial":
                totals[(o, p, c)] += n
        rows = []
        for o, p, c, s in keys:
            by_voice = {v: self.counts.get((o, p, c, s, v), 0) for v in VOICES}
            total = totals.get((o, p, c), 0)
            rows.append(
                {
                    "outlet": o, "pack": p, "concept": c, "side": s,
                    "n_authorial": by_voice["authorial"], "n_quoted": by_voice["quoted"],
                    "n_scare_quoted": by_voice["scare-quoted"], "n_mentioned": by_voice["mentioned"],
                    "share_authorial": by_voice["authorial"] / total if total else float("nan"),
                    "concept_authorial": total,
                    "n_docs": self.docs.get((o, p, c, s), 0),
                }
            )
        return rows

    def lean_rows(self) -> list[dict[str, Any]]:
        """``naming_lean.csv``: per outlet and naming pack, the mean share of each side over concepts."""
        per: dict[tuple[str, str], dict[str, dict[str, int]]] = defaultdict(lambda: defaultdict(dict))
        for (o, p, c, s, v), n in self.counts.items():
            if v != "authorial" or self.kinds.get(p, "naming") != "naming":
                continue
            per[(o, p)][c][s] = per[(o, p)][c].get(s, 0) + n
        rows = []
        for (o, p) in sorted(per):
            concepts = per[(o, p)]
            sides = sorted({s for d in concepts.values() for s in d})
            for s in sides:
                shares = [d.get(s, 0) / sum(d.values()) for d in concepts.values()]
                rows.append(
                    {
                        "outlet": o, "pack": p, "side": s, "lean": sum(shares) / len(shares),
                        "n_concepts": len(concepts),
                        "n_hits": sum(d.get(s, 0) for d in concepts.values()),
                        "n_docs": self.pack_docs.get((o, p), 0), "n_outlet_docs": self.outlet_docs[o],
                    }
                )
        return rows
