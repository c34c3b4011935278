"""The look shared by every chart: palette, fonts, sizes, and saving.

Colours are colour-blind safe. Each side of a conflict has one fixed colour
from the Okabe–Ito palette, the same in every chart; outlets take their colours
from Paul Tol's "muted" palette in the order of the sorted outlet list, so an
outlet's colour is never mistaken for a side's. Categories that are neither
(quote sourcing, verb classes, measures) are told apart by lightness as well as
hue, so they survive greyscale printing.

Nothing here touches :mod:`matplotlib.pyplot`: figures are plain
:class:`matplotlib.figure.Figure` objects drawn with the Agg renderer, so
charts render without a display and leave no global state behind.

References:
    Okabe, M. and Ito, K. (2008). Color Universal Design (CUD): how to make
    figures and presentations that are friendly to colorblind people.
    https://jfly.uni-koeln.de/color/
    Tol, P. (2021). Colour schemes. SRON technical note SRON/EPS/TN/09-002,
    https://personal.sron.nl/~pault/
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import matplotlib
from matplotlib.axes import Axes
from matplotlib.colors import LinearSegmentedColormap, to_rgb
from matplotlib.figure import Figure

from ..palette import EXTRA_SIDE_COLOURS, SIDE_COLOURS, SIDE_ORDER

# Side colours live in framing/palette.py, shared with the HTML explorer and the PDF.
SIDE_COLORS = SIDE_COLOURS
EXTRA_SIDE_COLORS = EXTRA_SIDE_COLOURS

#: Paul Tol's "muted" qualitative palette, for outlets.
OUTLET_PALETTE: tuple[str, ...] = (
    "#332288", "#88CCEE", "#44AA99", "#117733", "#999933",
    "#DDCC77", "#CC6677", "#882255", "#AA4499",
)
#: Markers cycled with the outlet colours, so outlets 10+ still differ from 1–9.
OUTLET_MARKERS: tuple[str, ...] = ("o", "s", "D", "^", "v", "P", "X")

#: Print width of a chart in inches (A4 text width is about 6.7 in).
WIDTH = 7.0
#: Resolution of saved PNGs.
DPI = 200
#: Height of one bar row, in inches.
ROW = 0.24
#: Characters per line of a wrapped axis label.
LABEL_WIDTH = 28
#: Text colours.
INK = "#222222"
MUTED = "#666666"
#: Background of cells with no data.
NO_DATA = "#EEEEEE"

RC: dict[str, Any] = {
    "font.family": "sans-serif",
    "font.sans-serif": ["DejaVu Sans"],
    "font.size": 8.5,
    "axes.titlesize": 11,
    "axes.titleweight": "bold",
    "axes.titlelocation": "left",
    "axes.titlepad": 10,
    "axes.labelsize": 8.5,
    "axes.labelcolor": INK,
    "axes.edgecolor": "#888888",
    "axes.linewidth": 0.6,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "xtick.labelsize": 8,
    "ytick.labelsize": 8,
    "xtick.color": INK,
    "ytick.color": INK,
    "legend.fontsize": 8,
    "legend.frameon": False,
    "figure.dpi": 100,
    "savefig.dpi": DPI,
    "text.color": INK,
    # Outlet names and words are data: "$5" must not start mathtext.
    "text.parse_math": False,
    "axes.unicode_minus": True,
    "svg.hashsalt": "framing",
    "path.simplify": True,
    "image.interpolation": "nearest",
}


@contextmanager
def chart_style() -> Iterator[None]:
    """Apply the chart look for the duration of a ``with`` block (rcParams restored after)."""
    with matplotlib.rc_context(RC):
        yield


def new_axes(height: float, *, width: float = WIDTH) -> Axes:
    """A fresh Axes on its own Figure (constrained layout, no pyplot)."""
    with chart_style():
        fig = Figure(figsize=(width, max(1.8, min(height, 22.0))), layout="constrained")
        return fig.add_subplot()


def rows_height(n_rows: int, *, extra: float = 1.5) -> float:
    """Figure height for ``n_rows`` bar rows plus title, axis and legend."""
    return extra + ROW * max(n_rows, 1)


def save_figure(fig: Figure, path: Path) -> None:
    """Write ``fig`` as a PNG at :data:`DPI`, byte-identical for identical input.

    The figure is drawn once with the Agg renderer (``savefig`` lays a
    constrained-layout figure out in a dry run first) on white and written as an
    8-bit RGB PNG without metadata: every chart is opaque, so the alpha channel
    carried nothing, and an RGB PNG's compressed pixels go into the PDF as they
    are (:meth:`framing.pdfdoc.PdfDoc.png`).
    """
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from PIL import Image

    dpi, face = fig.get_dpi(), fig.get_facecolor()
    try:
        with chart_style():
            fig.set_dpi(DPI)
            fig.set_facecolor("white")
            canvas = FigureCanvasAgg(fig)
            canvas.draw()
            # the alpha channel dropped by Pillow in C (4x faster than a strided numpy copy)
            rgb = Image.frombuffer("RGBA", canvas.get_width_height(), canvas.buffer_rgba(), "raw", "RGBA", 0, 1)
            rgb = rgb.convert("RGB")
    finally:
        fig.set_dpi(dpi)
        fig.set_facecolor(face)
    # zlib level 3: 40 % less time than the default 6 for 2.5 % larger files (the same pixels)
    rgb.save(path, format="png", dpi=(DPI, DPI), compress_level=3)


def side_colors(sides: Iterable[str]) -> dict[str, str]:
    """The colour of each side: fixed for known sides, then spare colours in order."""
    out: dict[str, str] = {}
    spare = 0
    for s in sides:
        if s in out:
            continue
        if s in SIDE_COLORS:
            out[s] = SIDE_COLORS[s]
        else:
            out[s] = EXTRA_SIDE_COLORS[spare % len(EXTRA_SIDE_COLORS)]
            spare += 1
    return out


def order_sides(sides: Iterable[str]) -> list[str]:
    """Sides in legend order: the known seven first, then others alphabetically."""
    known = [s for s in SIDE_ORDER if s in set(sides)]
    return known + sorted(set(sides) - set(SIDE_ORDER))


def side_label(side: str) -> str:
    """``international`` → ``International``."""
    return side.replace("_", " ").capitalize() if side else "Unknown"


def outlet_colors(outlets: Iterable[str]) -> dict[str, str]:
    """A fixed colour per outlet, assigned in sorted order of the outlet names."""
    return {o: OUTLET_PALETTE[i % len(OUTLET_PALETTE)] for i, o in enumerate(sorted(set(outlets)))}


def outlet_markers(outlets: Iterable[str]) -> dict[str, str]:
    """A marker per outlet: outlets sharing a colour (10th and later) get another shape."""
    return {
        o: OUTLET_MARKERS[(i // len(OUTLET_PALETTE)) % len(OUTLET_MARKERS)]
        for i, o in enumerate(sorted(set(outlets)))
    }


def shown(outlet: str, aliases: Mapping[str, str] | None) -> str:
    """The outlet's name as charts show it (blind alias when given)."""
    return aliases.get(outlet, outlet) if aliases else outlet


def wrap(text: str, width: int = LABEL_WIDTH, *, max_lines: int = 3) -> str:
    """Wrap a label onto at most ``max_lines`` lines, ending with … if cut."""
    lines = textwrap.wrap(str(text), width=width, break_long_words=True) or [""]
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = lines[-1][: max(width - 1, 1)].rstrip() + "…"
    return "\n".join(lines)


def pretty(identifier: str) -> str:
    """A readable label for an id: ``karabakh_name`` → ``karabakh name``."""
    return str(identifier).replace("_", " ").strip()


def text_color_on(fill: str) -> str:
    """Black or white, whichever reads better on ``fill`` (WCAG relative luminance)."""
    def lin(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (lin(c) for c in to_rgb(fill))
    lum = 0.2126 * r + 0.7152 * g + 0.0722 * b
    return "#000000" if lum > 0.22 else "#FFFFFF"


def ramp(color: str, name: str = "ramp") -> LinearSegmentedColormap:
    """A sequential colour map from near-white to ``color``."""
    return LinearSegmentedColormap.from_list(name, ["#FAFAFA", color]).with_extremes(bad=NO_DATA)


def fmt_count(n: float) -> str:
    """``1234`` → ``1,234``; NaN → ``–``."""
    if n is None or (isinstance(n, float) and math.isnan(n)):
        return "–"
    return f"{int(round(n)):,}"


def plural(n: int, word: str, plural_form: str | None = None) -> str:
    """``1 article``, ``2 articles``."""
    return f"{fmt_count(n)} {word if n == 1 else (plural_form or word + 's')}"
