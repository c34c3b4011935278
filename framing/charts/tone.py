"""Tone charts: VADER compound scores toward actor groups, and authorial vs quoted tone.

They read the ``actor_tone`` and ``tone`` aggregate tables: one mean compound
score per outlet (and group, and voice) with a confidence interval that is NaN
when an outlet has fewer than two documents.

References:
    Hutto, C. J. and Gilbert, E. (2014). VADER: A parsimonious rule-based model
    for sentiment analysis of social media text. ICWSM.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping

import pandas as pd
from matplotlib.axes import Axes
from matplotlib.lines import Line2D

from .base import (
    EmptyChartError,
    Row,
    finite,
    is_nan,
    legend_below,
    note_right,
    page_groups,
    require_columns,
    row_positions,
    set_row_labels,
    set_title,
    span_height,
    with_axes,
)
from .style import (
    INK,
    chart_style,
    outlet_colors,
    outlet_markers,
    plural,
    shown,
    side_label,
    wrap,
)

TONE_NEEDS = ("outlet", "voice", "n_sentences", "mean", "ci_low", "ci_high")
ACTOR_NEEDS = ("outlet", "group", "voice", "n_sentences", "mean", "ci_low", "ci_high")
#: VADER's own thresholds for a neutral compound score.
NEUTRAL_BAND = 0.05
VOICE_STYLE: dict[str, tuple[str, str, str, str]] = {
    # voice: label, marker, face colour, edge colour
    "authorial": ("the outlet's own sentences", "o", INK, INK),
    "quoted": ("sentences quoting someone", "D", "#FFFFFF", INK),
}


def tone_limits(values: list[float]) -> tuple[float, float]:
    """Symmetric x limits around 0 that hold every value (at least ±0.25, at most ±1)."""
    m = max((abs(v) for v in values), default=0.0)
    m = min(1.0, max(0.25, math.ceil((m + 0.04) * 10) / 10))
    return -m, m


def _tone_axis(ax: Axes, values: list[float]) -> None:
    lo, hi = tone_limits(values)
    ax.set_xlim(lo, hi)
    ax.axvspan(-NEUTRAL_BAND, NEUTRAL_BAND, color="#F0F0F0", zorder=0)
    ax.axvline(0, color="#999999", linewidth=0.8, zorder=1)
    ax.grid(axis="x", color="#E0E0E0", linewidth=0.5)
    ax.set_axisbelow(True)
    ax.spines["left"].set_visible(False)
    ax.text(0.0, 1.0, "← more negative", transform=ax.transAxes, ha="left", va="bottom", fontsize=7.5,
            color="#555555")
    ax.text(1.0, 1.0, "more positive →", transform=ax.transAxes, ha="right", va="bottom", fontsize=7.5,
            color="#555555")


def _whisker(ax: Axes, y: float, lo: float, hi: float, color: str) -> None:
    if is_nan(lo) or is_nan(hi):
        return
    ax.plot([lo, hi], [y, y], color=color, linewidth=1.4, solid_capstyle="butt", zorder=2, gid="ci")
    for x in (lo, hi):
        ax.plot([x, x], [y - 0.16, y + 0.16], color=color, linewidth=1.0, zorder=2, gid="ci")


def group_name(label: str, group: str) -> str:
    """A short heading for an actor group: its label without parentheses."""
    text = re.sub(r"\s*\([^)]*\)", "", str(label)).strip() if label and not is_nan(label) else str(group)
    return " ".join(text.split()) or str(group)


def plot_actor_tone(
    actor_tone: pd.DataFrame,
    *,
    ax: Axes | None = None,
    aliases: Mapping[str, str] | None = None,
    voice: str = "authorial",
    min_sentences: int = 1,
    max_groups: int | None = None,
    page: int = 0,
    colors: Mapping[str, str] | None = None,
) -> Axes:
    """Dot plot: mean tone of the sentences mentioning each actor group, per outlet.

    One heading per actor group (most mentioned first), one dot per outlet with
    its interval where the table has one, and the number of sentences and
    articles written at the right. Groups that do not fit on one printed page
    go to further pages (``page=1`` …; see :func:`actor_tone_pages`).

    Args:
        actor_tone: The ``actor_tone`` table.
        voice: ``authorial`` (the outlet's own sentences) or ``quoted``.
        min_sentences: Leave out outlet × group cells with fewer sentences.
        max_groups: Most groups shown, most mentioned first (default: all).
        page: Which page of groups to draw.
        colors: Outlet → colour (default: :func:`outlet_colors` of the table's outlets).

    Raises:
        EmptyChartError: No group with enough sentences in this voice, or no such page.
    """
    blocks = _actor_blocks(actor_tone, aliases=aliases, voice=voice, min_sentences=min_sentences,
                           max_groups=max_groups)
    pages = page_groups([[row for row, _ in b] for b in blocks])
    if not 0 <= page < len(pages):
        raise EmptyChartError(f"actor_tone: no page {page} (there are {len(pages)})")
    chosen = [blocks[i] for i in pages[page]]
    rows = [row for b in chosen for row, _ in b]
    cells = [cell for b in chosen for _, cell in b]
    all_outlets = sorted(actor_tone["outlet"].unique(), key=str)
    colors = dict(colors) if colors else outlet_colors(all_outlets)
    markers = outlet_markers(all_outlets)
    ys = row_positions(rows)
    ax = with_axes(lambda: span_height(ys, extra=1.7), ax)
    with chart_style():
        values: list[float] = []
        for y, row, r in zip(ys, rows, cells, strict=True):
            if r is None:
                continue
            o = str(r["outlet"])
            c = colors.get(o, INK)
            _whisker(ax, y, r["ci_low"], r["ci_high"], c)
            ax.plot([r["mean"]], [y], linestyle="none", marker=markers.get(o, "o"), markersize=6.5, color=c,
                    markeredgecolor="white", markeredgewidth=0.6, zorder=3, gid="mean")
            note_right(ax, y, row.note)
            values += finite([r["mean"], r["ci_low"], r["ci_high"]])
        set_row_labels(ax, rows, ys)
        _tone_axis(ax, values)
        who = "the outlet's own sentences" if voice == "authorial" else "quoted sentences"
        ax.set_xlabel(f"mean tone (VADER compound, −1 to +1) of {who}\nmentioning the group; "
                      "bars: 95% interval; n = sentences")
        more = f" ({page + 1} of {len(pages)})" if len(pages) > 1 else ""
        set_title(ax, "Tone toward each actor group" + more, pad=16)
    return ax


def actor_tone_pages(actor_tone: pd.DataFrame, *, voice: str = "authorial", min_sentences: int = 1,
                     max_groups: int | None = None) -> int:
    """How many pages :func:`plot_actor_tone` needs for all groups (0 when there is nothing to draw)."""
    try:
        blocks = _actor_blocks(actor_tone, aliases=None, voice=voice, min_sentences=min_sentences,
                               max_groups=max_groups)
    except EmptyChartError:
        return 0
    return len(page_groups([[row for row, _ in b] for b in blocks]))


def _actor_blocks(
    actor_tone: pd.DataFrame,
    *,
    aliases: Mapping[str, str] | None,
    voice: str,
    min_sentences: int,
    max_groups: int | None,
) -> list[list[tuple[Row, pd.Series | None]]]:
    """Per group, most mentioned first: its heading row, then one row (and table row) per outlet."""
    require_columns(actor_tone, ACTOR_NEEDS, "actor_tone")
    t = actor_tone[(actor_tone["voice"] == voice) & (actor_tone["n_sentences"].fillna(0) >= max(min_sentences, 1))]
    t = t[t["mean"].notna()]
    if t.empty:
        raise EmptyChartError(f"actor_tone: no {voice} sentences mention an actor group")
    totals = t.groupby("group")["n_sentences"].sum().reset_index().sort_values(
        ["n_sentences", "group"], ascending=[False, True])
    groups = list(totals["group"])[:max_groups]
    blocks: list[list[tuple[Row, pd.Series | None]]] = []
    for g in groups:
        part = t[t["group"] == g].sort_values("outlet")
        first = part.iloc[0]
        label = group_name(first.get("group_label", ""), g)
        side = first.get("side", "")
        head = wrap(label, 44, max_lines=1)
        if side and not is_nan(side):
            head += f"\n{side_label(str(side))} side"
        block: list[tuple[Row, pd.Series | None]] = [(Row(head, heading=True), None)]
        for _, r in part.iterrows():
            note = f"n={int(r['n_sentences'])}"
            if "n_docs" in part.columns and not is_nan(r["n_docs"]):
                note += f" ({plural(int(r['n_docs']), 'article')})"
            block.append((Row(wrap(shown(str(r["outlet"]), aliases), 30), {"mean": float(r["mean"])}, note), r))
        blocks.append(block)
    return blocks


def plot_tone(
    tone: pd.DataFrame,
    *,
    ax: Axes | None = None,
    aliases: Mapping[str, str] | None = None,
) -> Axes:
    """Per outlet, the mean tone of its own sentences next to that of the sentences it quotes.

    Raises:
        EmptyChartError: No authorial or quoted sentences.
    """
    require_columns(tone, TONE_NEEDS, "tone")
    t = tone[tone["voice"].isin(list(VOICE_STYLE)) & tone["mean"].notna() & (tone["n_sentences"].fillna(0) > 0)]
    if t.empty:
        raise EmptyChartError("tone: no authorial or quoted sentences with a score")
    outlets = sorted(t["outlet"].unique(), key=str)
    rows = []
    for o in outlets:
        part = t[t["outlet"] == o].set_index("voice")
        bits = [f"{'own' if v == 'authorial' else 'quoted'} n={int(part.loc[v, 'n_sentences'])}"
                for v in VOICE_STYLE if v in part.index]
        rows.append(Row(wrap(shown(str(o), aliases), 30), {}, " · ".join(bits)))
    ys = [y * 1.2 for y in row_positions(rows)]
    ax = with_axes(lambda: span_height(ys, extra=1.9), ax)
    with chart_style():
        values: list[float] = []
        for y, o, row in zip(ys, outlets, rows, strict=True):
            part = t[t["outlet"] == o].set_index("voice")
            for k, v in enumerate(VOICE_STYLE):
                if v not in part.index:
                    continue
                r = part.loc[v]
                dy = -0.18 if k == 0 else 0.18
                _whisker(ax, y + dy, r["ci_low"], r["ci_high"], "#777777")
                _, marker, face, edge = VOICE_STYLE[v]
                ax.plot([r["mean"]], [y + dy], linestyle="none", marker=marker, markersize=7, markerfacecolor=face,
                        markeredgecolor=edge, markeredgewidth=1.2, zorder=3, gid=f"mean_{v}")
                values += finite([r["mean"], r["ci_low"], r["ci_high"]])
            note_right(ax, y, row.note)
        set_row_labels(ax, rows, ys)
        ax.set_ylim(max(ys) + 0.7, min(ys) - 0.7)
        _tone_axis(ax, values)
        ax.set_xlabel("mean tone of sentences (VADER compound, −1 to +1); bars: 95% interval; n = sentences")
        set_title(ax, "Tone in the outlet's own words and in the quotes it chooses", pad=16)
        handles = [Line2D([], [], linestyle="none", marker=m, markerfacecolor=f, markeredgecolor=e, markersize=7,
                          markeredgewidth=1.2) for _, m, f, e in VOICE_STYLE.values()]
        legend_below(ax, handles, [s[0] for s in VOICE_STYLE.values()], offset=34)
    return ax
