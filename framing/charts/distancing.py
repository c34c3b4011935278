"""Scare quotes and distancing markers per outlet.

Reads ``terms`` (``in_scare_quotes``, ``distancing``) and ``scare_quotes``
(spans of ``kind == "scare"``); see :mod:`framing.terms`.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd
from matplotlib.axes import Axes
from matplotlib.patches import Patch

from .base import (
    EmptyChartError,
    Row,
    legend_below,
    note_right,
    require_columns,
    row_positions,
    set_row_labels,
    set_title,
    span_height,
    with_axes,
)
from .style import MUTED, chart_style, plural, shown, wrap

#: Measures: label and fill (distinct in lightness and hatching, greyscale-safe).
MEASURES: dict[str, tuple[str, str, str | None]] = {
    "scare": ("all scare quotes", "#3A3A3A", None),
    "term_scare": ("lexicon terms in scare quotes", "#8C8C8C", None),
    "distancing": ('terms with a distancing word ("so-called")', "#FFFFFF", "////"),
}


def distancing_counts(
    terms: pd.DataFrame | None,
    scare_quotes: pd.DataFrame | None,
    documents: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Per outlet: ``scare``, ``term_scare``, ``distancing`` counts and ``n_docs``.

    ``scare`` counts quote spans classified as scare quotes; ``term_scare`` lexicon
    hits inside scare quotes; ``distancing`` hits governed by a marker such as
    "so-called". ``n_docs`` comes from ``documents`` when given, else from the
    documents seen in the other two tables.
    """
    frames = []
    if terms is not None and len(terms):
        require_columns(terms, ("doc_id", "outlet", "in_scare_quotes", "distancing"), "terms")
        t = terms.assign(
            term_scare=terms["in_scare_quotes"].astype(str).str.lower().isin(["true", "1"]).astype(int),
            distancing=(terms["distancing"].fillna("").astype(str).str.strip() != "").astype(int),
        )
        frames.append(t[["doc_id", "outlet", "term_scare", "distancing"]])
    if scare_quotes is not None and len(scare_quotes):
        require_columns(scare_quotes, ("doc_id", "outlet", "kind"), "scare_quotes")
        s = scare_quotes.assign(scare=(scare_quotes["kind"] == "scare").astype(int))
        frames.append(s[["doc_id", "outlet", "scare"]])
    if not frames:
        raise EmptyChartError("terms, scare_quotes: no rows")
    both = pd.concat(frames, ignore_index=True).fillna(0)
    for col in MEASURES:
        if col not in both.columns:
            both[col] = 0
    out = both.groupby("outlet")[list(MEASURES)].sum().astype(int)
    if documents is not None and len(documents) and "outlet" in documents.columns:
        out["n_docs"] = documents.groupby("outlet").size().reindex(out.index).fillna(0).astype(int)
        extra = sorted(set(documents["outlet"]) - set(out.index))
        for o in extra:
            out.loc[o] = [0] * len(MEASURES) + [int((documents["outlet"] == o).sum())]
    else:
        out["n_docs"] = both.groupby("outlet")["doc_id"].nunique()
    return out.sort_index()


def plot_scare_quotes(
    terms: pd.DataFrame | None,
    scare_quotes: pd.DataFrame | None = None,
    *,
    documents: pd.DataFrame | None = None,
    ax: Axes | None = None,
    aliases: Mapping[str, str] | None = None,
) -> Axes:
    """Per outlet, counts of scare quotes, lexicon terms in scare quotes, and distancing words.

    Three bars per outlet, each labelled with its count; the number of articles
    is written under the outlet's name, since counts grow with the amount of text.

    Raises:
        EmptyChartError: Neither table has rows, or every count is zero.
    """
    counts = distancing_counts(terms, scare_quotes, documents)
    if int(counts[list(MEASURES)].to_numpy().sum()) == 0:
        raise EmptyChartError("terms, scare_quotes: no scare quotes and no distancing words")
    n_measures = len(MEASURES)
    rows = [Row(wrap(shown(str(o), aliases), 30), note=f"in {plural(int(r['n_docs']), 'article')}")
            for o, r in counts.iterrows()]
    ys = [y * 1.5 for y in row_positions(rows)]
    ax = with_axes(lambda: span_height(ys, extra=1.9), ax)
    with chart_style():
        bar_h = 1.2 / n_measures
        top = max(1, int(counts[list(MEASURES)].to_numpy().max()))
        for k, (col, (label, color, hatch)) in enumerate(MEASURES.items()):
            pos = [y - 0.6 + bar_h * (k + 0.5) for y in ys]
            vals = [int(v) for v in counts[col]]
            cont = ax.barh(pos, vals, height=bar_h * 0.92, color=color, edgecolor="#3A3A3A", linewidth=0.6,
                           hatch=hatch, label=label)
            for p, v in zip(cont.patches, vals, strict=True):
                ax.text(v + top * 0.01, p.get_y() + p.get_height() / 2, str(v), va="center", ha="left",
                        fontsize=7, color=MUTED)
        for y, r in zip(ys, rows, strict=True):
            note_right(ax, y, r.note)
        set_row_labels(ax, rows, ys)
        ax.set_ylim(max(ys) + 0.9, min(ys) - 0.9)
        ax.set_xlim(0, top * 1.12)
        ax.xaxis.get_major_locator().set_params(integer=True)
        ax.set_xlabel("count in the outlet's articles")
        set_title(ax, "Keeping words at a distance: scare quotes and distancing words")
        ax.grid(axis="x", color="#DDDDDD", linewidth=0.5)
        ax.set_axisbelow(True)
        handles = [Patch(facecolor=c, edgecolor="#3A3A3A", hatch=h) for _, c, h in MEASURES.values()]
        legend_below(ax, handles, [m[0] for m in MEASURES.values()], ncols=2, offset=34)
    return ax
