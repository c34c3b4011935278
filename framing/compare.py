"""Is a difference between two outlets (or groups) more than chance? A permutation test per article.

Each article gives one value of the chosen metric (its authorial tone, its
quoted share, a readability score, the share of its names that signal one
side, …); the test shuffles the outlet labels of the articles and counts how
often a difference at least as large appears by chance. With one or two
articles per side there is nothing to shuffle: the result says so instead of
giving a p value.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .errors import InputError
from .stats import PermutationResult, permutation_test

if TYPE_CHECKING:
    import pandas as pd

    from .analysis import Analysis

#: Per-article metrics of the documents table that a comparison can use.
DOCUMENT_METRICS = (
    "tone_mean", "tone_authorial", "tone_quoted", "tone_pos_share", "tone_neg_share", "quoted_share",
    "flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog", "smog_index", "dale_chall",
)


@dataclass(frozen=True, slots=True)
class Comparison:
    """A metric compared between two outlets or groups, article by article."""

    metric: str
    a: str
    b: str
    mean_a: float
    mean_b: float
    test: PermutationResult

    def sentence(self) -> str:
        """The result in one plain sentence, with the sample sizes."""
        t = self.test
        head = (f"{self.metric}: {self.a} {_fmt(self.mean_a)} ({t.n_a} article{'s' * (t.n_a != 1)}) vs "
                f"{self.b} {_fmt(self.mean_b)} ({t.n_b} article{'s' * (t.n_b != 1)}); difference {_fmt(t.diff)}")
        if math.isnan(t.p_value):
            return f"{head}; no test: {t.note}"
        verdict = "unlikely to be chance" if t.p_value < 0.05 else "could well be chance"
        return f"{head}; permutation p = {t.p_value:.3f} ({t.n_perm:,} shuffles): {verdict}"


def _fmt(x: float) -> str:
    return "n/a" if isinstance(x, float) and math.isnan(x) else f"{x:+.3f}" if abs(x) < 10 else f"{x:.1f}"


def per_document(analysis: Analysis, metric: str) -> pd.Series:
    """One value per article (indexed by doc_id) for ``metric``.

    ``metric`` is a column of :data:`DOCUMENT_METRICS` or ``lean:<side>``: the
    share of an article's own (authorial) naming-pack terms that signal that
    side, among its terms that signal any side (NaN without such terms).
    """
    docs = analysis.documents
    if metric in DOCUMENT_METRICS:
        return docs.set_index("doc_id")[metric].astype(float)
    if metric.startswith("lean:"):
        side = metric.split(":", 1)[1]
        kinds = {p.name: p.kind for p in (analysis.analyzer.packs if analysis.analyzer else [])}
        t = analysis.terms
        t = t[(t["voice"] == "authorial") & t["pack"].map(lambda p: kinds.get(p, "naming") == "naming")]
        t = t[~t["side"].isin(["neutral", "", "unknown"])]
        hits = t.groupby("doc_id").size()
        ours = t[t["side"] == side].groupby("doc_id").size()
        share = (ours.reindex(hits.index, fill_value=0) / hits).astype(float)
        return share.reindex(docs["doc_id"]).astype(float)
    allowed = ", ".join((*DOCUMENT_METRICS, "lean:<side>"))
    raise InputError(f"metric {metric!r} is not known; choose one of {allowed}")


def compare_metric(
    analysis: Analysis, metric: str, a: str, b: str, *, n_perm: int = 10000, seed: int = 0
) -> Comparison:
    """Compare ``metric`` between outlets (or groups, when the analysis is by group) ``a`` and ``b``.

    Raises:
        InputError: Unknown metric, or ``a``/``b`` not among the analysed outlets or groups.
    """
    values = per_document(analysis, metric)
    docs = analysis.documents.set_index("doc_id")
    unit = docs["group"].where(docs["group"].astype(bool), docs["outlet"]) if analysis.by == "group" else docs["outlet"]
    known = sorted(set(unit))
    for name in (a, b):
        if name not in known:
            raise InputError(f"{name!r} is not an outlet{' or group' if analysis.by == 'group' else ''} of this "
                             f"corpus; choose from {', '.join(known)}")
    xa = values[unit == a].dropna().tolist()
    xb = values[unit == b].dropna().tolist()
    test = permutation_test(xa, xb, n_perm=n_perm, seed=seed)
    return Comparison(metric, a, b, _mean(xa), _mean(xb), test)


def _mean(xs: list[float]) -> float:
    return sum(xs) / len(xs) if xs else math.nan
