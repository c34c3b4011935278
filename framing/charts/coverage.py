"""What the corpus covers: the event × outlet matrix and the timeline of articles."""

from __future__ import annotations

from collections.abc import Mapping

import matplotlib.dates as mdates
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.colors import LinearSegmentedColormap
from matplotlib.lines import Line2D

from .base import (
    EmptyChartError,
    Row,
    legend_below,
    note_right,
    require_columns,
    set_row_labels,
    set_title,
    with_axes,
)
from .style import (
    INK,
    MUTED,
    chart_style,
    outlet_colors,
    outlet_markers,
    plural,
    rows_height,
    shown,
    text_color_on,
    wrap,
)

NO_EVENT = "(no event given)"


def parse_dates(values: pd.Series) -> pd.Series:
    """Dates as naive UTC timestamps (day precision); unparseable or empty → NaT."""
    s = values.astype("string").fillna("").str.strip()
    out = pd.to_datetime(s.where(s != ""), errors="coerce", utc=True, format="mixed")
    return out.dt.tz_convert(None).dt.normalize()


def coverage_counts(events: pd.DataFrame, *, max_events: int = 30) -> tuple[pd.DataFrame, int]:
    """Articles per event (rows, earliest first) and outlet (columns); and the number of events in all."""
    t = events.assign(event=events["event"].fillna("").astype(str).str.strip().replace("", NO_EVENT),
                      when=parse_dates(events["date"]) if "date" in events.columns else pd.NaT)
    table = t.pivot_table(index="event", columns="outlet", values="doc_id", aggfunc="nunique", fill_value=0)
    n_all = len(table)
    sizes = table.sum(axis=1)
    keep = sizes.sort_values(ascending=False, kind="stable")
    keep = keep[~keep.index.duplicated()]
    chosen = sorted(keep.index, key=lambda e: (-int(keep[e]), str(e)))[:max_events]
    first = t.groupby("event")["when"].min()
    order = sorted(chosen, key=lambda e: (pd.isna(first.get(e)), first.get(e) if pd.notna(first.get(e)) else 0, str(e)))
    table = table.loc[order]
    table = table[sorted(table.columns, key=str)]
    return table.astype(int), n_all


def plot_event_coverage(
    events: pd.DataFrame,
    *,
    ax: Axes | None = None,
    aliases: Mapping[str, str] | None = None,
    max_events: int = 30,
) -> Axes:
    """Event × outlet matrix: how many articles each outlet has on each event.

    Rows are events, earliest first (the busiest ``max_events`` when there are
    more); each row's total is written at the right.

    Raises:
        EmptyChartError: No rows.
    """
    require_columns(events, ("doc_id", "outlet", "event"), "events")
    table, n_all = coverage_counts(events, max_events=max_events)
    if table.empty:
        raise EmptyChartError("events: no articles")
    n_ev, n_out = table.shape
    cmap = LinearSegmentedColormap.from_list("coverage", ["#F7F7F7", "#3A5A78"]).with_extremes(bad="#FFFFFF")
    ax = with_axes(lambda: 1.5 + 0.3 * n_ev + 0.05 * min(20, max(len(shown(str(o), aliases)) for o in table.columns)), ax)
    with chart_style():
        data = table.to_numpy(dtype=float)
        shown_data = np.ma.masked_where(data == 0, data)
        vmax = max(2.0, float(data.max()))
        ax.pcolormesh(shown_data, cmap=cmap, vmin=0, vmax=vmax, edgecolors="#DDDDDD", linewidth=0.8)
        for i in range(n_ev):
            for j in range(n_out):
                v = int(data[i, j])
                if v:
                    ax.text(j + 0.5, i + 0.5, str(v), ha="center", va="center", fontsize=7.5,
                            color=text_color_on(cmap(v / vmax)))
        rows = [Row(wrap(str(e), 44, max_lines=2), {}, f"n={int(table.loc[e].sum())}") for e in table.index]
        ys = [i + 0.5 for i in range(n_ev)]
        set_row_labels(ax, rows, ys)
        ax.set_ylim(n_ev, 0)
        for y, r in zip(ys, rows, strict=True):
            note_right(ax, y, r.note)
        ax.set_xticks([j + 0.5 for j in range(n_out)])
        if n_out > 4:
            ax.set_xticklabels([wrap(shown(str(o), aliases), 26, max_lines=1) for o in table.columns],
                               rotation=50 if n_out > 8 else 35, ha="left", va="bottom", rotation_mode="anchor")
        else:
            ax.set_xticklabels([wrap(shown(str(o), aliases), 18, max_lines=2) for o in table.columns])
        ax.set_xlim(0, n_out)
        ax.xaxis.tick_top()
        ax.tick_params(length=0)
        for s in ax.spines.values():
            s.set_visible(False)
        more = f" (the {n_ev} with most articles of {n_all})" if n_all > n_ev else ""
        set_title(ax, "Which outlets cover which events" + more, pad=8)
        ax.set_xlabel("number of articles per event and outlet; blank = none")
    return ax


def plot_timeline(
    documents: pd.DataFrame,
    *,
    ax: Axes | None = None,
    aliases: Mapping[str, str] | None = None,
    colors: Mapping[str, str] | None = None,
) -> Axes:
    """One row per outlet, one mark per publication day (larger = more articles that day).

    The number of articles, and of articles without a usable date, is written at
    the right of each row.

    Raises:
        EmptyChartError: No article has a date.
    """
    require_columns(documents, ("outlet", "date"), "documents")
    t = documents.assign(when=parse_dates(documents["date"]))
    outlets = sorted(t["outlet"].astype(str).unique())
    if t["when"].notna().sum() == 0:
        raise EmptyChartError("documents: no article has a usable date")
    colors = dict(colors) if colors else outlet_colors(outlets)
    markers = outlet_markers(outlets)
    per_day = t.dropna(subset=["when"]).groupby(["outlet", "when"]).size()
    top = int(per_day.max())
    ax = with_axes(lambda: rows_height(len(outlets), extra=1.9) + 0.08 * len(outlets), ax)

    def area(n: int) -> float:
        return 22.0 + 90.0 * (n - 1) / max(top - 1, 1)

    with chart_style():
        rows = []
        for i, o in enumerate(outlets):
            part = t[t["outlet"].astype(str) == o]
            undated = int(part["when"].isna().sum())
            note = f"n={plural(len(part), 'article')}" + (f" ({undated} undated)" if undated else "")
            rows.append(Row(wrap(shown(o, aliases), 30), {}, note))
            days = per_day.get(o)
            if days is None or len(days) == 0:
                continue
            ax.scatter(list(days.index), [i] * len(days), s=[area(int(n)) for n in days.to_numpy()],
                       color=colors.get(o, INK), marker=markers.get(o, "o"), alpha=0.85, edgecolors="white",
                       linewidths=0.5, zorder=3, gid="articles")
            note_right(ax, i, note)
        set_row_labels(ax, rows, list(range(len(outlets))))
        ax.set_ylim(len(outlets) - 0.5, -0.5)
        lo, hi = t["when"].min(), t["when"].max()
        pad = max(pd.Timedelta(days=3), (hi - lo) * 0.04)
        ax.set_xlim(lo - pad, hi + pad)
        locator = mdates.AutoDateLocator(minticks=3, maxticks=8)
        ax.xaxis.set_major_locator(locator)
        ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(
            locator, show_offset=False, formats=["%Y", "%b %Y", "%d %b", "%H:%M", "%H:%M", "%S.%f"],
            zero_formats=["", "%Y", "%b %Y", "%d %b", "%H:%M", "%H:%M"]))
        ax.grid(axis="x", color="#E0E0E0", linewidth=0.5)
        ax.grid(axis="y", color="#F0F0F0", linewidth=0.5)
        ax.set_axisbelow(True)
        ax.spines["left"].set_visible(False)
        ax.set_xlabel("publication date (one mark per day; larger = more articles that day)")
        set_title(ax, "When the articles were published")
        if top > 1:
            sizes = sorted({1, (top + 1) // 2, top})
            handles = [Line2D([], [], linestyle="none", marker="o", color=MUTED, markersize=area(n) ** 0.5)
                       for n in sizes]
            legend_below(ax, handles, [plural(n, "article") for n in sizes], offset=34)
    return ax

