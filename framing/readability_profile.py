"""Per-outlet readability: the mean of each score over an outlet's articles, with its interval."""

from __future__ import annotations

import math
from collections import defaultdict
from typing import Any

#: Readability columns of the documents table, in output order.
METRICS = ("flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog", "smog_index", "dale_chall")
READABILITY_COLUMNS = ["outlet", "metric", "n_docs", "mean", "ci_low", "ci_high"]


def readability_columns(text: str) -> dict[str, Any]:
    """The documents-table readability columns for one cleaned text (NaN with a reason when too short)."""
    from .readability import score_readability

    r = score_readability(text)
    row: dict[str, Any] = {m: getattr(r, m) for m in METRICS}
    row["readability_note"] = r.note
    return row


class ReadabilityProfile:
    """Accumulates per-document scores (a float per metric and document; NaN ones are left out)."""

    def __init__(self) -> None:
        self.values: dict[tuple[str, str], list[float]] = defaultdict(list)

    def add_document(self, outlet: str, row: dict[str, Any]) -> None:
        for m in METRICS:
            v = row.get(m)
            if isinstance(v, float) and not math.isnan(v):
                self.values[(outlet, m)].append(v)

    def rows(self) -> list[dict[str, Any]]:
        from .stats import bootstrap_mean_ci

        out = []
        for outlet, metric in sorted(self.values, key=lambda k: (k[0], METRICS.index(k[1]))):
            vals = self.values[(outlet, metric)]
            lo, hi = bootstrap_mean_ci(vals)
            out.append({"outlet": outlet, "metric": metric, "n_docs": len(vals),
                        "mean": sum(vals) / len(vals), "ci_low": lo, "ci_high": hi})
        return out

