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
        values2: A second bar drawn just under the first (same label).
        note2: The n of the second bar.
    """

    label: str
    values: Mapping[str, float] = field(default_factory=dict)
    note: str = ""
    heading: bool = False
    values2: Mapping[str, float] | None = None
    note2: str = ""


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


def label_height(label: str, *, paired: bool = False) -> float:
    """Height of a row in row units: one for a one-line label, more for wrapped or paired rows."""
    lines = label.count("\n") + 1
    return max(1.35 if paired else 1.0, 0.55 * lines + 0.3)


def row_positions(rows: Sequence[Row]) -> list[float]:
    """y of each row, top to bottom.

    Rows with wrapped labels get more room, and a heading after a bar row a small
    gap above it, so labels never overlap.
    """
    ys: list[float] = []
    y = 0.0
    prev = 0.0
    for i, r in enumerate(rows):
        h = label_height(r.label, paired=r.values2 is not None)
        if i > 0:
            y += (prev + h) / 2 + (0.35 if r.heading else 0.0)
        ys.append(y)
        prev = h
    return ys


def span_height(ys: Sequence[float], *, extra: float = 1.6) -> float:
    """Figure height in inches for rows laid out at ``ys``."""
    return extra + ROW * ((max(ys) - min(ys) + 1.2) if ys else 1.0)


def set_title(ax: Axes, text: str, *, width: int = 56, **kw: Any) -> None:
    """A bold title, wrapped so that it never runs past the figure.

    On a figure of its own the title is the figure's, aligned with its left edge
    (long outlet names cannot push it off the page); on a shared figure it is
    the Axes' title.
    """
    fig = ax.figure
    if len(fig.axes) == 1 and getattr(fig, "_suptitle", None) is None:
        fig.suptitle(wrap(text, 70, max_lines=2), x=0.01, ha="left", fontsize=11, fontweight="bold")
    else:
        ax.set_title(wrap(text, width, max_lines=2), **kw)


def chart_title(ax: Axes) -> str:
    """The title of the chart drawn on ``ax`` (figure title or Axes title), on one line."""
    fig = ax.figure
    sup = fig._suptitle.get_text() if getattr(fig, "_suptitle", None) is not None else ""
    return " ".join((sup or ax.get_title(loc="left") or ax.get_title()).split())


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
        # (y, values, note, height) of every bar; paired rows give two thinner bars.
        bars: list[tuple[float, Mapping[str, float], str, float]] = []
        for y, r in zip(ys, rows, strict=True):
            if r.heading:
                continue
            if r.values2 is None:
                bars.append((y, r.values, r.note, 0.72))
            else:
                bars += [(y - 0.24, r.values, r.note, 0.44), (y + 0.24, r.values2, r.note2, 0.44)]
        small = any(h < 0.5 for *_, h in bars)
        left = [0.0] * len(bars)
        for cat in categories:
            widths = []
            for _y, vals, _n, _h in bars:
                v = vals.get(cat, 0.0)
                widths.append(0.0 if is_nan(v) else float(v))
            cont = ax.barh(
                [b[0] for b in bars], widths, left=left, height=[b[3] for b in bars], color=colors[cat],
                edgecolor="white", linewidth=0.6, label=labels.get(cat, cat),
                hatch=(hatches or {}).get(cat),
            )
            for patch, w, lft in zip(cont.patches, widths, left, strict=True):
                if w >= (min_label * 1.4 if small else min_label):
                    ax.text(lft + w / 2, patch.get_y() + patch.get_height() / 2, f"{w * 100:.0f}%",
                            ha="center", va="center", fontsize=6.5 if small else 7, color=text_color_on(colors[cat]))
            left = [a + b for a, b in zip(left, widths, strict=True)]
        for y, _v, note, _h in bars:
            note_right(ax, y, note)
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


#: Most row units a grouped chart shows (about 8 inches at :data:`ROW`).
MAX_UNITS = 27.0


def take_groups(groups: Sequence[list[Row]], *, max_units: float = MAX_UNITS, at_least: int = 2) -> list[Row]:
    """Whole groups of rows (heading first), in order, while they fit into ``max_units``."""
    out: list[Row] = []
    for i, g in enumerate(groups):
        trial = out + g
        ys = row_positions(trial)
        if i >= at_least and ys and ys[-1] + 1 > max_units:
            break
        out = trial
    return out


def page_groups(groups: Sequence[list[Row]], *, max_units: float = MAX_UNITS) -> list[list[int]]:
    """Indices of ``groups`` per page: consecutive groups that fit into ``max_units`` (one at least)."""
    pages: list[list[int]] = []
    current: list[int] = []
    rows: list[Row] = []
    for i, g in enumerate(groups):
        ys = row_positions(rows + g)
        if current and ys[-1] + 1 > max_units:
            pages.append(current)
            current, rows = [], []
        current.append(i)
        rows = rows + g
    if current:
        pages.append(current)
    return pages


def fig_height_for(n_rows: int, *, per_row: float = ROW, extra: float = 1.6) -> float:
    """Figure height for ``n_rows`` rows of ``per_row`` inches."""
    return extra + per_row * max(n_rows, 1)


def finite(values: Iterable[float]) -> list[float]:
    """The values that are real numbers (no NaN, no None)."""
    return [float(v) for v in values if not is_nan(v) and math.isfinite(float(v))]
