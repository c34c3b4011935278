"""Distinctive words: log-odds z-scores with the favoured outlet named on each side.

Reads a ``distinctive`` table with columns ``outlet, term, n_outlet, n_rest,
delta, z, favours``: for the comparison of ``outlet`` with the rest (or with one
other outlet), positive ``z`` marks a word used more by ``outlet`` and
negative ``z`` one used more by the other side, named in ``favours``.

References:
    Monroe, B. L., Colaresi, M. P. and Quinn, K. M. (2008). Fightin' words:
    lexical feature selection and evaluation for identifying the content of
    political conflict. Political Analysis 16(4).
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd
from matplotlib.axes import Axes

from .base import EmptyChartError, require_columns, set_title, with_axes
from .style import INK, MUTED, chart_style, outlet_colors, rows_height, shown, wrap

NEEDS = ("outlet", "term", "n_outlet", "n_rest", "z", "favours")
#: |z| above which a difference is unlikely to be chance (two-sided 5 %).
Z_95 = 1.96
OTHER = "#9A9A9A"


def distinctive_outlets(distinctive: pd.DataFrame) -> list[str]:
    """Outlets the table compares, sorted."""
    return sorted({str(o) for o in distinctive["outlet"].dropna()})


def _left_side(t: pd.DataFrame, outlet: str, table: pd.DataFrame, versus: str | None,
               top: int) -> tuple[pd.DataFrame, str]:
    """Rows drawn to the left (z made negative) and whom they favour.

    The outlet's own negative-z rows when the table has them; else, against one
    other outlet, that outlet's positive-z rows mirrored.
    """
    neg = t[t["z"] < 0].sort_values(["z", "term"], ascending=[True, True]).head(top)
    if not neg.empty:
        fav = str(neg["favours"].mode().iloc[0])
        return neg, ("the other outlets" if fav == str(outlet) else fav)
    if versus is None:
        return neg, ""
    other = table[(table["outlet"] == versus) & table["z"].notna() & (table["z"] > 0)]
    other = other.sort_values(["z", "term"], ascending=[False, True]).head(top)
    mirrored = other.assign(z=-other["z"], n_outlet=other["n_rest"], n_rest=other["n_outlet"])
    return mirrored, str(versus)


def plot_distinctive(
    distinctive: pd.DataFrame,
    *,
    outlet: str | None = None,
    ax: Axes | None = None,
    aliases: Mapping[str, str] | None = None,
    top: int = 10,
    versus: str | None = None,
    colors: Mapping[str, str] | None = None,
    compact: bool = False,
) -> Axes:
    """Bars of the ``top`` words that most favour ``outlet`` (and, where known, the other side).

    Words favouring ``outlet`` point right in its colour. Words favouring the other
    side point left: the table's negative-z rows for ``outlet``, or, when the table
    keeps only positive scores (one row set per outlet against the rest) and
    ``versus`` names another outlet, that outlet's own top words mirrored. With
    exactly two outlets in the table, ``versus`` defaults to the other one. Each
    bar is labelled with the word and ``uses here : uses there``; dashed lines
    mark |z| = 1.96.

    Args:
        distinctive: The ``distinctive_words`` table.
        outlet: Which comparison (default: the first outlet in sorted order).
        top: Words per side.
        versus: The outlet drawn on the left when the table has no negative scores.
        colors: Outlet → colour (default: :func:`outlet_colors`).
        compact: A panel in a grid: outlet name as the title, shorter labels.

    Raises:
        EmptyChartError: No word with a non-zero z for ``outlet``.
    """
    require_columns(distinctive, NEEDS, "distinctive")
    outlets = distinctive_outlets(distinctive)
    outlet = outlet if outlet is not None else (outlets[0] if outlets else None)
    if versus is None and len(outlets) == 2 and outlet in outlets:
        versus = next(o for o in outlets if o != outlet)
    t = distinctive[(distinctive["outlet"] == outlet) & distinctive["z"].notna()]
    pos = t[t["z"] > 0].sort_values(["z", "term"], ascending=[False, True]).head(top)
    neg, left_raw = _left_side(t, str(outlet), distinctive, versus, top)
    if pos.empty and neg.empty:
        raise EmptyChartError(f"distinctive: no distinctive words for {outlet!r}")
    colors = dict(colors) if colors else outlet_colors(outlets)
    right = shown(str(outlet), aliases)
    left = shown(left_raw, aliases)
    left_color = colors.get(left_raw, OTHER)
    two_sided = not neg.empty
    sel = pd.concat([pos, neg.iloc[::-1]], ignore_index=True)  # top: strongest for outlet; bottom: strongest against
    ax = with_axes(lambda: rows_height(len(sel), extra=1.9), ax)
    with chart_style():
        ys = list(range(len(sel)))
        zs = [float(z) for z in sel["z"]]
        fill = [colors.get(str(outlet), INK) if z > 0 else left_color for z in zs]
        ax.barh(ys, zs, height=0.7, color=fill, edgecolor="white", linewidth=0.5, gid="z")
        m = max(abs(z) for z in zs)
        lim = max(m * (1.3 if two_sided else 1.22), Z_95 * 1.25)
        fs = 7.5 if compact else 8
        for y, z, (_, r) in zip(ys, zs, sel.iterrows(), strict=True):
            counts = f"{int(r['n_outlet'])} : {int(r['n_rest'])}"
            if two_sided:
                term = wrap(str(r["term"]), 22, max_lines=1)
                if z > 0:
                    ax.text(-lim * 0.015, y, term, ha="right", va="center", fontsize=fs)
                else:
                    ax.text(lim * 0.015, y, term, ha="left", va="center", fontsize=fs)
            ax.text(z + (lim if z > 0 else -lim) * 0.015, y, counts, ha="left" if z > 0 else "right", va="center",
                    fontsize=fs - 1, color=MUTED, bbox={"facecolor": "white", "edgecolor": "none", "pad": 0.3})
        for x in ((-Z_95, Z_95) if two_sided else (Z_95,)):
            ax.axvline(x, color="#888888", linewidth=0.7, linestyle=(0, (3, 3)), zorder=0)
        ax.axvline(0, color="#555555", linewidth=0.8)
        ax.set_xlim(-lim if two_sided else 0, lim)
        ax.set_ylim(len(sel) - 0.4, -0.6)
        if two_sided:
            ax.set_yticks([])
            ax.spines["left"].set_visible(False)
            ax.text(0.0, 1.0, wrap(f"← more in {left}", 36, max_lines=2), transform=ax.transAxes, ha="left",
                    va="bottom", fontsize=8.5, fontweight="bold", color=INK)
            ax.text(1.0, 1.0, wrap(f"more in {right} →", 36, max_lines=2), transform=ax.transAxes, ha="right",
                    va="bottom", fontsize=8.5, fontweight="bold", color=INK)
        else:
            ax.set_yticks(ys)
            ax.set_yticklabels([wrap(str(w), 22, max_lines=1) for w in sel["term"]], fontsize=fs)
            ax.tick_params(axis="y", length=0)
        there = left if two_sided else "the other outlets"
        if compact:
            ax.set_title(wrap(f"more in {right}" if not two_sided else right, 27, max_lines=2), fontsize=9,
                         pad=14 if two_sided else 6)
            ax.set_xlabel("log-odds z (dashed: 1.96)", fontsize=7.5)
            ax.tick_params(axis="x", labelsize=7)
        else:
            ax.set_xlabel(f"log-odds z-score (dashed: z = {Z_95}); numbers: uses in {right} : uses in {there}")
            if not two_sided:
                title = f"Words that set {right} apart from the other outlets"
            elif versus is not None and left_raw == str(versus):
                title = f"Words that set {right} and {left} apart"
            else:
                title = f"Words that set {right} apart"
            set_title(ax, title, pad=20 if two_sided else 8)
    return ax
