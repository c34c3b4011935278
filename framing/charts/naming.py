"""Naming charts: which side's names each outlet uses in its own voice.

All three read the ``naming`` / ``naming_lean`` tables (see :mod:`framing.naming`):
only *authorial* uses count, i.e. the outlet's own words, not words inside
someone's quote, in scare quotes, or merely mentioned.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping

import numpy as np
import pandas as pd
from matplotlib.axes import Axes

from ..errors import LexiconError
from ..lexicon import load_packs
from .base import (
    EmptyChartError,
    Row,
    require_columns,
    set_title,
    stacked_shares,
    take_groups,
    with_axes,
)
from .style import (
    MUTED,
    NO_DATA,
    chart_style,
    order_sides,
    plural,
    pretty,
    ramp,
    shown,
    side_colors,
    side_label,
    text_color_on,
    wrap,
)

NAMING_NEEDS = ("outlet", "pack", "concept", "side", "n_authorial")
LEAN_NEEDS = ("outlet", "pack", "side", "lean", "n_concepts", "n_hits")


def authorial_counts(naming: pd.DataFrame) -> pd.DataFrame:
    """Authorial hits per (pack, concept, outlet, side), rows with none dropped."""
    t = naming.loc[naming["n_authorial"].fillna(0) > 0, ["outlet", "pack", "concept", "side", "n_authorial"]]
    return t.groupby(["pack", "concept", "outlet", "side"], as_index=False)["n_authorial"].sum()


def contested_concepts(naming: pd.DataFrame, *, side: str | None = None) -> list[tuple[str, str]]:
    """(pack, concept) pairs named with words of two or more sides (authorial uses, whole table).

    Ordered by number of authorial hits, most first, then by id. With ``side``,
    only concepts where that side's words occur.
    """
    t = authorial_counts(naming)
    if t.empty:
        return []
    g = t.groupby(["pack", "concept"])
    stats = pd.DataFrame({"n_sides": g["side"].nunique(), "hits": g["n_authorial"].sum()})
    stats = stats[stats["n_sides"] >= 2]
    if side is not None:
        has = t[t["side"] == side].groupby(["pack", "concept"])["n_authorial"].sum()
        stats = stats[stats.index.isin(has.index)]
    stats = stats.reset_index().sort_values(["hits", "pack", "concept"], ascending=[False, True, True])
    return list(zip(stats["pack"], stats["concept"], strict=True))


@functools.cache
def bundled_concept_labels() -> dict[str, str]:
    """Concept id → label from the bundled lexicon packs ({} if they cannot be read)."""
    try:
        packs = load_packs()
    except (LexiconError, OSError):
        return {}
    return {c.id: c.label for p in packs for c in p.concepts if c.label}


def concept_name(concept: str, labels: Mapping[str, str] | None) -> str:
    """The concept's label (its text before any parenthesis) or its id made readable.

    Without ``labels``, the labels of the bundled lexicon packs are used.
    """
    if labels is None:
        labels = bundled_concept_labels()
    if concept in labels:
        return str(labels[concept]).split(" (")[0].strip()
    return pretty(concept)


def plot_naming_shares(
    naming: pd.DataFrame,
    *,
    ax: Axes | None = None,
    aliases: Mapping[str, str] | None = None,
    concepts: list[str] | None = None,
    max_concepts: int = 8,
    concept_labels: Mapping[str, str] | None = None,
) -> Axes:
    """Per concept and outlet, the share of each side's names among the outlet's own uses.

    One 100 % bar per outlet under a heading per concept; the number of authorial
    uses behind each bar is written at its right. By default the concepts named
    with two or more sides' words anywhere in the table, most frequent first.

    Args:
        naming: The ``naming`` table.
        ax: Axes to draw on (a new figure if ``None``).
        aliases: Outlet name → name to show.
        concepts: Concept ids to show, in this order (default: contested ones).
        max_concepts: Most concepts shown (fewer when there are many outlets).
        concept_labels: Concept id → label (from the lexicon packs).

    Raises:
        EmptyChartError: No authorial uses of any chosen concept.
    """
    require_columns(naming, NAMING_NEEDS, "naming")
    counts = authorial_counts(naming)
    if concepts is None:
        pairs = (contested_concepts(naming) or contested_concepts_any(counts))[:max_concepts]
    else:
        known = {c: p for p, c in zip(counts["pack"], counts["concept"], strict=True)}
        pairs = [(known[c], c) for c in concepts if c in known]
    if not pairs:
        raise EmptyChartError("naming: no authorial uses of any lexicon concept")
    sides = order_sides(counts[counts.set_index(["pack", "concept"]).index.isin(pairs)]["side"].unique())
    groups: list[list[Row]] = []
    for pack, concept in pairs:
        sub = counts[(counts["pack"] == pack) & (counts["concept"] == concept)]
        rows = [Row(wrap(concept_name(concept, concept_labels), 34), heading=True)]
        groups.append(rows)
        for outlet, part in sorted(sub.groupby("outlet"), key=lambda kv: str(kv[0])):
            total = float(part["n_authorial"].sum())
            by_side = part.groupby("side")["n_authorial"].sum()
            rows.append(
                Row(
                    wrap(shown(str(outlet), aliases), 30),
                    {s: float(by_side.get(s, 0)) / total for s in sides},
                    note=f"n={int(total)}",
                )
            )
    rows = take_groups(groups) if concepts is None else [r for g in groups for r in g]
    n_shown = sum(1 for r in rows if r.heading)
    n_all = len(contested_concepts(naming)) if concepts is None else n_shown
    more = f" (the {n_shown} most used of {n_all} contested concepts)" if n_shown < n_all else ""
    colors = side_colors(sides)
    return stacked_shares(
        ax, rows, sides, colors, {s: side_label(s) for s in sides},
        title="Whose names does each outlet use?" + more,
        xlabel="share of the outlet's own uses of each concept (n = number of uses)",
    )


def contested_concepts_any(counts: pd.DataFrame, limit: int = 8) -> list[tuple[str, str]]:
    """Fallback when no concept is contested: the most used concepts."""
    if counts.empty:
        return []
    hits = counts.groupby(["pack", "concept"])["n_authorial"].sum().reset_index()
    hits = hits.sort_values(["n_authorial", "pack", "concept"], ascending=[False, True, True])
    return list(zip(hits["pack"], hits["concept"], strict=True))[:limit]


def heatmap_sides(naming: pd.DataFrame, *, limit: int = 2) -> list[str]:
    """The sides worth a heatmap: partisan sides in contested concepts, most authorial hits first."""
    counts = authorial_counts(naming)
    pairs = set(contested_concepts(naming))
    if not pairs:
        return []
    sub = counts[counts.set_index(["pack", "concept"]).index.isin(pairs)]
    sub = sub[~sub["side"].isin(["neutral", "international", "unknown", ""])]
    hits = sub.groupby("side")["n_authorial"].sum().reset_index()
    hits = hits.sort_values(["n_authorial", "side"], ascending=[False, True])
    return list(hits["side"])[:limit]


def plot_naming_heatmap(
    naming: pd.DataFrame,
    *,
    side: str,
    ax: Axes | None = None,
    aliases: Mapping[str, str] | None = None,
    max_concepts: int = 12,
    concept_labels: Mapping[str, str] | None = None,
) -> Axes:
    """Outlet × concept grid: the share of ``side``'s names among the outlet's own uses.

    Each cell reads ``k/n``: k uses of the side's words out of n authorial uses
    of the concept by that outlet. Grey cells: the outlet never named the concept
    in its own voice. Only concepts where ``side`` competes with another side.

    Raises:
        EmptyChartError: ``side`` never competes with another side in the table.
    """
    require_columns(naming, NAMING_NEEDS, "naming")
    counts = authorial_counts(naming)
    pairs = contested_concepts(naming, side=side)[:max_concepts]
    if not pairs:
        raise EmptyChartError(f"naming: no concept where the {side} side's names compete with another side's")
    outlets = sorted(counts["outlet"].unique(), key=str)
    share = np.full((len(outlets), len(pairs)), np.nan)
    text = [["" for _ in pairs] for _ in outlets]
    for j, (pack, concept) in enumerate(pairs):
        sub = counts[(counts["pack"] == pack) & (counts["concept"] == concept)]
        for i, o in enumerate(outlets):
            part = sub[sub["outlet"] == o]
            total = int(part["n_authorial"].sum())
            if total == 0:
                continue
            k = int(part.loc[part["side"] == side, "n_authorial"].sum())
            share[i, j] = k / total
            text[i][j] = f"{k}/{total}"
    color = side_colors([side])[side]
    cmap = ramp(color, f"share_{side}")
    ax = with_axes(lambda: 2.6 + 0.36 * len(outlets), ax)
    with chart_style():
        mesh = ax.pcolormesh(np.ma.masked_invalid(share), cmap=cmap, vmin=0, vmax=1,
                             edgecolors="white", linewidth=1.5)
        for i in range(len(outlets)):
            for j in range(len(pairs)):
                v = share[i, j]
                fill = NO_DATA if np.isnan(v) else cmap(v)
                ax.text(j + 0.5, i + 0.5, text[i][j] or "–", ha="center", va="center", fontsize=7.5,
                        color=MUTED if np.isnan(v) else text_color_on(fill))
        ax.set_xticks([j + 0.5 for j in range(len(pairs))])
        ax.set_xticklabels([wrap(concept_name(c, concept_labels), 24, max_lines=2) for _, c in pairs],
                           rotation=35, ha="right", rotation_mode="anchor", fontsize=7.5)
        ax.set_yticks([i + 0.5 for i in range(len(outlets))])
        ax.set_yticklabels([wrap(shown(o, aliases), 28) for o in outlets])
        ax.set_ylim(len(outlets), 0)
        ax.tick_params(length=0)
        for s in ax.spines.values():
            s.set_visible(False)
        set_title(ax, f"How often each outlet uses {side_label(side)}-side names")
        cbar = ax.figure.colorbar(mesh, ax=ax, shrink=0.8, pad=0.02, aspect=25)
        cbar.set_label(f"share of {side_label(side)}-side names\n(cell: k of n own uses)", fontsize=7.5)
        cbar.ax.tick_params(labelsize=7)
        cbar.outline.set_visible(False)
    return ax


def plot_naming_lean(
    naming_lean: pd.DataFrame,
    *,
    ax: Axes | None = None,
    aliases: Mapping[str, str] | None = None,
    pack: str | None = None,
) -> Axes:
    """Per outlet, the naming lean of one pack: the mean share of each side's names over concepts.

    Args:
        naming_lean: The ``naming_lean`` table.
        pack: The naming pack (default: the one with most hits).

    Raises:
        EmptyChartError: No rows for the pack.
    """
    require_columns(naming_lean, LEAN_NEEDS, "naming_lean")
    if pack is None:
        pack = lean_packs(naming_lean)[0]
    t = naming_lean[naming_lean["pack"] == pack]
    if t.empty:
        raise EmptyChartError(f"naming_lean: no rows for pack {pack!r}")
    sides = order_sides(t["side"].unique())
    rows = []
    for outlet, part in sorted(t.groupby("outlet"), key=lambda kv: str(kv[0])):
        lean = part.groupby("side")["lean"].sum()
        hits = int(part["n_hits"].sum())
        n_concepts = int(part["n_concepts"].max())
        note = f"n={hits} uses, {plural(n_concepts, 'concept')}"
        if "n_docs" in part.columns:
            note += f", {plural(int(part['n_docs'].max()), 'article')}"
        rows.append(Row(wrap(shown(str(outlet), aliases), 30), {s: float(lean.get(s, 0.0)) for s in sides}, note))
    colors = side_colors(sides)
    return stacked_shares(
        ax, rows, sides, colors, {s: side_label(s) for s in sides},
        title="Naming lean: whose vocabulary each outlet writes in",
        xlabel="mean share of each side's names over the concepts the outlet names (own voice only)",
    )


def lean_packs(naming_lean: pd.DataFrame) -> list[str]:
    """Packs of the lean table, most hits first."""
    hits = naming_lean.groupby("pack")["n_hits"].sum().reset_index()
    hits = hits.sort_values(["n_hits", "pack"], ascending=[False, True])
    return [str(p) for p in hits["pack"]]
