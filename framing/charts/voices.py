"""Voices charts: who is quoted, how sources are named, which verbs introduce them.

They read the ``voices`` and ``voices_by_side`` tables (see :mod:`framing.voices`).
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd
from matplotlib.axes import Axes

from .base import EmptyChartError, Row, require_columns, stacked_shares
from .style import order_sides, plural, pretty, shown, side_colors, side_label, wrap

#: Sourcing categories, with colours that differ in lightness (greyscale-safe).
SOURCING: dict[str, tuple[str, str]] = {
    "named": ("named source", "#0F4C5C"),
    "anonymous": ("anonymous source", "#5FA8B8"),
    "unattributed": ("no source given", "#D9D9D9"),
}
#: Attribution-verb classes: label and colour.
CUE_CLASSES: dict[str, tuple[str, str]] = {
    "neutral": ("neutral (said, told)", "#7F7F7F"),
    "according_to": ("according to", "#BDBDBD"),
    "endorsing": ("endorsing (confirmed, noted)", "#009E73"),
    "concessive": ("concessive (admitted)", "#F0E442"),
    "distancing": ("distancing (claimed, alleged)", "#E69F00"),
    "confrontational": ("confrontational (accused, denied)", "#D55E00"),
    "opinion": ("opinion (believes, thinks)", "#CC79A7"),
    "none": ("no verb", "#FFFFFF"),
}


def plot_voices_by_side(
    voices_by_side: pd.DataFrame,
    *,
    ax: Axes | None = None,
    aliases: Mapping[str, str] | None = None,
) -> Axes:
    """Per outlet, the share of quotes and of quoted words given to each side's speakers.

    Two bars per outlet (quotes, quoted words), each 100 %, with the totals written
    at the right. ``unknown``: speakers ``lexicons/actors.yaml`` does not list.

    Raises:
        EmptyChartError: No quotes at all.
    """
    require_columns(voices_by_side, ("outlet", "side", "n_quotes", "quoted_words"), "voices_by_side")
    t = voices_by_side
    sides = order_sides(t["side"].unique())
    rows: list[Row] = []
    for outlet, part in sorted(t.groupby("outlet"), key=lambda kv: str(kv[0])):
        nq = float(part["n_quotes"].sum())
        nw = float(part["quoted_words"].sum())
        if nq <= 0:
            continue
        q = part.groupby("side")["n_quotes"].sum()
        w = part.groupby("side")["quoted_words"].sum()
        rows.append(Row(wrap(shown(str(outlet), aliases), 30), {s: float(q.get(s, 0)) / nq for s in sides},
                        f"{plural(int(nq), 'quote')}",
                        values2={s: (float(w.get(s, 0)) / nw if nw else 0.0) for s in sides},
                        note2=f"{plural(int(nw), 'quoted word')}"))
    if not rows:
        raise EmptyChartError("voices_by_side: no quotes")
    colors = side_colors(sides)
    return stacked_shares(
        ax, rows, sides, colors, {s: side_label(s) for s in sides},
        title="Whose voices are heard: quotes by the speaker's side",
        xlabel="upper bar: share of the outlet's quotes; lower bar: share of its quoted words",
        hatches={"unknown": "///"} if "unknown" in sides else None,
    )


def plot_sourcing(
    voices: pd.DataFrame,
    *,
    ax: Axes | None = None,
    aliases: Mapping[str, str] | None = None,
) -> Axes:
    """Per outlet, the share of quotes from named, anonymous and unattributed sources.

    Raises:
        EmptyChartError: No outlet has a quote.
    """
    cols = [f"share_{k}" for k in SOURCING]
    require_columns(voices, ("outlet", "n_quotes", *cols), "voices")
    rows = []
    for _, r in voices.sort_values("outlet").iterrows():
        n = int(r["n_quotes"]) if pd.notna(r["n_quotes"]) else 0
        if n <= 0:
            continue
        note = f"n={plural(n, 'quote')}"
        if "n_docs" in voices.columns:
            note += f", {plural(int(r['n_docs']), 'article')}"
        rows.append(Row(wrap(shown(str(r["outlet"]), aliases), 30),
                        {k: float(r[f"share_{k}"]) for k in SOURCING}, note))
    if not rows:
        raise EmptyChartError("voices: no quotes")
    return stacked_shares(
        ax, rows, list(SOURCING), {k: c for k, (_, c) in SOURCING.items()},
        {k: lab for k, (lab, _) in SOURCING.items()},
        title="Who is speaking? Named, anonymous and unsourced quotes",
        xlabel="share of the outlet's quotes (n = number of quotes)",
    )


def plot_cue_classes(
    voices: pd.DataFrame,
    *,
    ax: Axes | None = None,
    aliases: Mapping[str, str] | None = None,
) -> Axes:
    """Per outlet, the share of quotes introduced by each class of attribution verb.

    Reads the ``cue_*`` count columns of ``voices`` (see :mod:`framing.verbs`).

    Raises:
        EmptyChartError: No ``cue_*`` column, or no counted quote.
    """
    require_columns(voices, ("outlet",), "voices")
    cue_cols = [c for c in voices.columns if str(c).startswith("cue_")]
    if not cue_cols:
        raise EmptyChartError("voices: no cue_* columns")
    classes = [c[4:] for c in cue_cols]
    order = [c for c in CUE_CLASSES if c in classes] + sorted(c for c in classes if c not in CUE_CLASSES)
    rows = []
    for _, r in voices.sort_values("outlet").iterrows():
        counts = {c: float(r[f"cue_{c}"]) if pd.notna(r[f"cue_{c}"]) else 0.0 for c in order}
        total = sum(counts.values())
        if total <= 0:
            continue
        rows.append(Row(wrap(shown(str(r["outlet"]), aliases), 30), {c: v / total for c, v in counts.items()},
                        f"n={plural(int(total), 'quote')}"))
    if not rows:
        raise EmptyChartError("voices: no quotes with a cue")
    spare = ["#56B4E9", "#0072B2", "#000000"]
    colors = {c: CUE_CLASSES[c][1] if c in CUE_CLASSES else spare[i % len(spare)] for i, c in enumerate(order)}
    labels = {c: CUE_CLASSES[c][0] if c in CUE_CLASSES else pretty(c) for c in order}
    ax = stacked_shares(
        ax, rows, order, colors, labels,
        title="How quotes are introduced: attribution verbs",
        xlabel="share of the outlet's quotes by the class of the verb that introduces them",
    )
    for cont in ax.containers:
        if cont.get_label() == labels.get("none"):
            for p in cont.patches:
                p.set_edgecolor("#999999")
    for h in ax.get_legend().legend_handles:
        if h.get_facecolor()[:3] == (1.0, 1.0, 1.0):
            h.set_edgecolor("#999999")
    return ax
