"""Charts of the framing report, drawn with matplotlib (Agg, no pyplot).

Every ``plot_*`` function takes its table(s), draws on ``ax`` (a new figure when
``None``) and returns the Axes; :func:`render_figures` draws all charts a set of
tables allows and saves them as PNG for the report. See :mod:`.style` for the
palette (a fixed colour per side and per outlet) and the print settings.

The names below are loaded on first use, so that importing a light submodule
(:mod:`.workers`) does not import matplotlib.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._lazy import lazy_names

if TYPE_CHECKING:
    from .base import EmptyChartError
    from .coverage import plot_event_coverage, plot_timeline
    from .distancing import plot_scare_quotes
    from .figures import render_figures
    from .naming import plot_naming_heatmap, plot_naming_lean, plot_naming_shares
    from .readability import plot_readability
    from .style import SIDE_COLORS, outlet_colors, save_figure, side_colors
    from .tone import plot_actor_tone, plot_tone
    from .voices import plot_cue_classes, plot_sourcing, plot_voices_by_side
    from .words import plot_distinctive

_LAZY = {
    "EmptyChartError": "base",
    "plot_event_coverage": "coverage",
    "plot_timeline": "coverage",
    "plot_scare_quotes": "distancing",
    "render_figures": "figures",
    "plot_naming_heatmap": "naming",
    "plot_naming_lean": "naming",
    "plot_naming_shares": "naming",
    "plot_readability": "readability",
    "SIDE_COLORS": "style",
    "outlet_colors": "style",
    "save_figure": "style",
    "side_colors": "style",
    "plot_actor_tone": "tone",
    "plot_tone": "tone",
    "plot_cue_classes": "voices",
    "plot_sourcing": "voices",
    "plot_voices_by_side": "voices",
    "plot_distinctive": "words",
}

__all__ = [
    "SIDE_COLORS",
    "EmptyChartError",
    "outlet_colors",
    "plot_actor_tone",
    "plot_cue_classes",
    "plot_distinctive",
    "plot_event_coverage",
    "plot_naming_heatmap",
    "plot_naming_lean",
    "plot_naming_shares",
    "plot_readability",
    "plot_scare_quotes",
    "plot_sourcing",
    "plot_timeline",
    "plot_tone",
    "plot_voices_by_side",
    "render_figures",
    "save_figure",
    "side_colors",
]


__getattr__, __dir__ = lazy_names(__name__, _LAZY, __all__)
