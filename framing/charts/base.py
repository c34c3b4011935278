"""Building blocks shared by the chart modules: row layouts, n labels, legends."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import pandas as pd
from matplotlib.axes import Axes
from matplotlib.patches import Patch
from matplotlib.ticker import PercentFormatter
from matplotlib.transforms import blended_transform_factory, offset_copy

from ..errors import InputError
from .style import MUTED, ROW, WIDTH, chart_style, new_axes, text_color_on, wrap


class EmptyChartError(InputError):
    """A chart has nothing to draw (no rows, or every value missing)."""


@dataclass(frozen=True, slots=True)
class Row:
    """One row of a horizontal bar chart.

    Attributes:
        label: Text on the y axis.
        values: Category → value (a share for stacked rows).
        note: Text written right of the plot area (the n behind the row).
        heading: A group heading: bold label, no bar.
    """

    label: str
    values: Mapping[str, float] = field(default_factory=dict)
    note: str = ""
    heading: bool = False


def require_columns(table: pd.DataFrame | None, columns: Iterable[str], name: str) -> pd.DataFrame:
    """The table, or :class:`EmptyChartError` if it is missing, empty or lacks a column."""
    if table is None or len(table) == 0:
        raise EmptyChartError(f"{name}: no rows to plot")
    missing = [c for c in columns if c not in table.columns]
    if missing:
        raise InputError(f"{name}: missing column(s) {', '.join(missing)}; got {', '.join(map(str, table.columns))}")
    return table


def is_nan(x: Any) -> bool:
    """True for None, NaN and pandas NA."""
    if x is None:
        return True
    try:
        return bool(pd.isna(x))
    except (TypeError, ValueError):
        return False


def with_axes(height: Callable[[], float] | float, ax: Axes | None, *, width: float = WIDTH) -> Axes:
    """``ax`` itself, or a new Axes of the given height."""
    if ax is not None:
        return ax
    h = height() if callable(height) else height
    return new_axes(h, width=width)


def label_height(label: str) -> float:
    """Height of a row in row units: one for a one-line label, more for wrapped ones."""
    lines = label.count("\n") + 1
    return max(1.0, 0.55 * lines + 0.3)


def row_positions(rows: Sequence[Row]) -> list[float]:
    """y of each row, top to bottom.

    Rows with wrapped labels get more room, and a heading after a bar row a small
    gap above it, so labels never overlap.
    """
    ys: list[float] = []
    y = 0.0
    prev = 0.0
    for i, r in enumerate(rows):
        h = label_height(r.label)
        if i > 0:
            y += (prev + h) / 2 + (0.35 if r.heading else 0.0)
        ys.append(y)
        prev = h
    return ys


def span_height(ys: Sequence[float], *, extra: float = 1.6) -> float:
    """Figure height in inches for rows laid out at ``ys``."""
    return extra + ROW * ((max(ys) - min(ys) + 1.2) if ys else 1.0)


def set_title(ax: Axes, text: str, *, width: int = 56, **kw: Any) -> None:
    """A left-aligned bold title, wrapped so that it never runs past the figure."""
    ax.set_title(wrap(text, width, max_lines=2), **kw)


def set_row_labels(ax: Axes, rows: Sequence[Row], ys: Sequence[float]) -> None:
    """Row labels on the y axis (headings bold), top row first."""
    ax.set_yticks(list(ys))
    ax.set_yticklabels([r.label for r in rows])
    for r, t in zip(rows, ax.get_yticklabels(), strict=True):
        if r.heading:
            t.set_fontweight("bold")
            t.set_fontsize(8.5)
    ax.tick_params(axis="y", length=0)
    top, bottom = (min(ys) - 0.6, max(ys) + 0.6) if ys else (-0.6, 0.6)
    ax.set_ylim(bottom, top)


def note_right(ax: Axes, y: float, text: str, *, x: float = 1.01, **kw: Any) -> None:
    """Write ``text`` just right of the plot area at data height ``y`` (the n of a row)."""
    if not text:
        return
    trans = blended_transform_factory(ax.transAxes, ax.transData)
    ax.text(x, y, text, transform=trans, ha="left", va="center", fontsize=7.5, color=MUTED,
            clip_on=False, **kw)


def legend_below(ax: Axes, handles: Sequence[Any], labels: Sequence[str], *, ncols: int | None = None,
                 offset: float = 24.0) -> None:
    """A legend centred under the plot area, ``offset`` points below its bottom edge."""
    if not handles:
        return
    longest = max((len(s) for s in labels), default=0)
    fits = max(1, int((WIDTH - 0.4) / (0.065 * longest + 0.45)))
    n = ncols or min(len(handles), fits, 6)
    trans = offset_copy(ax.transAxes, fig=ax.figure, y=-offset, units="points")
    ax.legend(handles, labels, loc="upper center", bbox_to_anchor=(0.5, 0.0), bbox_transform=trans,
              ncols=n, handlelength=1.2, columnspacing=1.2, borderaxespad=0.0)


def stacked_shares(
    ax: Axes | None,
    rows: Sequence[Row],
    categories: Sequence[str],
    colors: Mapping[str, str],
    labels: Mapping[str, str],
    *,
    title: str,
    xlabel: str,
    min_label: float = 0.07,
    hatches: Mapping[str, str] | None = None,
) -> Axes:
    """Horizontal 100 % stacked bars, one container per category, n written at the right.

    Rows whose values are all zero or NaN are drawn empty with "no data" in their note.
    """
    ys = row_positions(rows)
    ax = with_axes(lambda: span_height(ys, extra=1.7), ax)
    with chart_style():
        bar_rows = [(y, r) for y, r in zip(ys, rows, strict=True) if not r.heading]
        left = [0.0] * len(bar_rows)
        for cat in categories:
            widths = []
            for _y, r in bar_rows:
                v = r.values.get(cat, 0.0)
                widths.append(0.0 if is_nan(v) else float(v))
            cont = ax.barh(
                [y for y, _ in bar_rows], widths, left=left, height=0.72, color=colors[cat],
                edgecolor="white", linewidth=0.6, label=labels.get(cat, cat),
                hatch=(hatches or {}).get(cat),
            )
            for patch, w, lft in zip(cont.patches, widths, left, strict=True):
                if w >= min_label:
                    ax.text(lft + w / 2, patch.get_y() + patch.get_height() / 2, f"{w * 100:.0f}%",
                            ha="center", va="center", fontsize=7, color=text_color_on(colors[cat]))
            left = [a + b for a, b in zip(left, widths, strict=True)]
        for y, r in bar_rows:
            note_right(ax, y, r.note)
        set_row_labels(ax, rows, ys)
        ax.set_xlim(0, 1)
        ax.xaxis.set_major_formatter(PercentFormatter(1.0))
        ax.set_xlabel(xlabel)
        set_title(ax, title)
        ax.grid(axis="x", color="#DDDDDD", linewidth=0.5)
        ax.set_axisbelow(True)
        ax.spines["left"].set_visible(False)
        handles = [Patch(facecolor=colors[c], edgecolor="white", hatch=(hatches or {}).get(c)) for c in categories]
        legend_below(ax, handles, [labels.get(c, c) for c in categories], offset=34)
    return ax


def row_count(rows: Sequence[Row]) -> int:
    """Number of bar rows (headings excluded)."""
    return sum(1 for r in rows if not r.heading)


def cap_groups(n_groups: int, per_group: int, *, max_rows: int = 64, at_least: int = 2) -> int:
    """How many groups of ``per_group`` rows (plus a heading) fit into ``max_rows``."""
    return max(at_least, min(n_groups, max_rows // max(per_group + 1, 1)))


def fig_height_for(n_rows: int, *, per_row: float = ROW, extra: float = 1.6) -> float:
    """Figure height for ``n_rows`` rows of ``per_row`` inches."""
    return extra + per_row * max(n_rows, 1)


def finite(values: Iterable[float]) -> list[float]:
    """The values that are real numbers (no NaN, no None)."""
    return [float(v) for v in values if not is_nan(v) and math.isfinite(float(v))]
