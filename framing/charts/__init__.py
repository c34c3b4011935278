"""Charts of the framing report, drawn with matplotlib (Agg, no pyplot).

Every ``plot_*`` function takes its table(s), draws on ``ax`` (a new figure when
``None``) and returns the Axes; :func:`render_figures` draws all charts a set of
tables allows and saves them as PNG for the report. See :mod:`.style` for the
palette (a fixed colour per side and per outlet) and the print settings.
"""

from __future__ import annotations

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
