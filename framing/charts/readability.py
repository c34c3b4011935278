"""Readability per outlet: grade-level formulas on one axis, with intervals.

Reads the ``readability`` aggregate table (outlet, metric, n_docs, mean,
ci_low, ci_high).

References:
    Kincaid, J. P. et al. (1975). Derivation of new readability formulas for Navy
    enlisted personnel. Research Branch Report 8-75.
    Gunning, R. (1952). The Technique of Clear Writing. McGraw-Hill.
    McLaughlin, G. H. (1969). SMOG grading: a new readability formula. Journal of Reading 12(8).
    Flesch, R. (1948). A new readability yardstick. Journal of Applied Psychology 32(3).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd
from matplotlib.axes import Axes
from matplotlib.lines import Line2D
from matplotlib.transforms import blended_transform_factory

from .base import (
    EmptyChartError,
    Row,
    finite,
    is_nan,
    legend_below,
    note_right,
    require_columns,
    row_positions,
    set_row_labels,
    set_title,
    span_height,
    with_axes,
)
from .style import MUTED, chart_style, plural, pretty, shown, wrap

#: metric: label, marker, colour, unit.
METRICS: dict[str, tuple[str, str, str, str]] = {
    "flesch_kincaid_grade": ("Flesch–Kincaid grade", "o", "#0F4C5C", "grade"),
    "gunning_fog": ("Gunning fog index", "s", "#5FA8B8", "grade"),
    "smog_index": ("SMOG grade", "D", "#999999", "grade"),
    "flesch_reading_ease": ("Flesch reading ease (higher = easier)", "o", "#0F4C5C", "ease"),
    "dale_chall": ("Dale–Chall score", "o", "#0F4C5C", "dale"),
}
GRADE_METRICS = ("flesch_kincaid_grade", "gunning_fog", "smog_index")
#: Flesch (1948) reading-ease bands: upper bound, label.
EASE_BANDS: tuple[tuple[float, str], ...] = (
    (30, "very hard"), (50, "hard"), (60, "fairly\nhard"), (70, "plain\nEnglish"), (100, "easy"),
)
NEEDS = ("outlet", "metric", "n_docs", "mean", "ci_low", "ci_high")


def plot_readability(
    readability: pd.DataFrame,
    *,
    ax: Axes | None = None,
    aliases: Mapping[str, str] | None = None,
    metrics: Sequence[str] | None = None,
) -> Axes:
    """Per outlet, the mean of each readability metric over its articles, with 95 % intervals.

    By default the three US-school-grade formulas, which share a scale; pass
    ``metrics=("flesch_reading_ease",)`` for the 0–100 ease score.

    Raises:
        EmptyChartError: None of the metrics has a value.
    """
    require_columns(readability, NEEDS, "readability")
    t = readability[readability["mean"].notna()]
    if metrics is None:
        metrics = [m for m in GRADE_METRICS if m in set(t["metric"])] or sorted(set(t["metric"]))[:1]
    t = t[t["metric"].isin(list(metrics))]
    if t.empty:
        raise EmptyChartError(f"readability: no values for {', '.join(metrics) or 'any metric'}")
    metrics = [m for m in metrics if m in set(t["metric"])]
    outlets = sorted(t["outlet"].unique(), key=str)
    rows = []
    for o in outlets:
        n = int(t.loc[t["outlet"] == o, "n_docs"].max())
        rows.append(Row(wrap(shown(str(o), aliases), 30), {}, f"n={plural(n, 'article')}"))
    step = 0.62 / max(len(metrics), 1)
    ys = [y * (1.0 + 0.15 * len(metrics)) for y in row_positions(rows)]
    ax = with_axes(lambda: span_height(ys, extra=1.8), ax)
    with chart_style():
        values: list[float] = []
        for k, m in enumerate(metrics):
            label, marker, color, _ = METRICS.get(m, (pretty(m), "o", "#0F4C5C", ""))
            dy = (k - (len(metrics) - 1) / 2) * step * (1.0 + 0.15 * len(metrics))
            xs, yy = [], []
            for y, o in zip(ys, outlets, strict=True):
                part = t[(t["outlet"] == o) & (t["metric"] == m)]
                if part.empty:
                    continue
                r = part.iloc[0]
                if not (is_nan(r["ci_low"]) or is_nan(r["ci_high"])):
                    ax.plot([r["ci_low"], r["ci_high"]], [y + dy, y + dy], color=color, linewidth=1.3, gid="ci")
                xs.append(float(r["mean"]))
                yy.append(y + dy)
                values += finite([r["mean"], r["ci_low"], r["ci_high"]])
            ax.plot(xs, yy, linestyle="none", marker=marker, markersize=6.5, color=color, markeredgecolor="white",
                    markeredgewidth=0.6, zorder=3, label=label, gid=f"mean_{m}")
        for y, row in zip(ys, rows, strict=True):
            note_right(ax, y, row.note)
        set_row_labels(ax, rows, ys)
        pad = 0.6 * (1.0 + 0.15 * len(metrics))
        ax.set_ylim(max(ys) + pad, min(ys) - pad)
        units = {METRICS.get(m, ("", "", "", ""))[3] for m in metrics}
        lo, hi = min(values), max(values)
        if units == {"ease"}:
            _ease_bands(ax, lo, hi)
        else:
            span = max(hi - lo, 4.0)
            ax.set_xlim(max(0.0, lo - 0.15 * span) if lo >= 0 else lo - 0.15 * span, hi + 0.15 * span)
        ax.grid(axis="x", color="#E0E0E0", linewidth=0.5)
        ax.set_axisbelow(True)
        ax.spines["left"].set_visible(False)
        if units == {"grade"}:
            ax.set_xlabel("US school grade needed to follow the text (higher = harder); bars: 95% interval")
            set_title(ax, "How hard is each outlet to read?")
        else:
            ax.set_xlabel(", ".join(METRICS.get(m, (pretty(m),))[0] for m in metrics) + "; bars: 95% interval")
            set_title(ax, "How easy is each outlet to read?" if units == {"ease"} else "Readability per outlet")
        if len(metrics) > 1:
            handles = [Line2D([], [], linestyle="none", marker=METRICS.get(m, ("", "o"))[1],
                              color=METRICS.get(m, ("", "o", "#0F4C5C"))[2], markersize=6.5) for m in metrics]
            legend_below(ax, handles, [METRICS.get(m, (pretty(m),))[0] for m in metrics], offset=34)
    return ax


def _ease_bands(ax: Axes, lo: float, hi: float) -> None:
    """Shade Flesch's reading-ease bands behind the dots, named along the top."""
    left = min(0.0, lo - 2)
    right = max(100.0, hi + 2)
    ax.set_xlim(left, right)
    start = left
    trans = blended_transform_factory(ax.transData, ax.transAxes)
    for k, (end, label) in enumerate(EASE_BANDS):
        stop = right if end == EASE_BANDS[-1][0] else end
        if k % 2 == 0:
            ax.axvspan(start, stop, color="#F3F3F3", zorder=0, linewidth=0)
        ax.text((start + stop) / 2, 1.0, label, transform=trans, ha="center", va="bottom", fontsize=7,
                color=MUTED)
        start = stop
