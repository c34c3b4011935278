"""The colours of sides, shared by the charts, the HTML explorer and the PDF (no matplotlib here).

One fixed colour per side from the Okabe–Ito palette, which stays distinct
for the common colour-vision deficiencies; the PDF lightens the same hues so
that black text on them stays readable.

References:
    Okabe, M. & Ito, K. (2008). Color Universal Design (CUD): how to make
    figures and presentations that are friendly to colorblind people.
"""

from __future__ import annotations

#: The Okabe–Ito palette.
OKABE_ITO: dict[str, str] = {
    "black": "#000000",
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
}

#: Sides in the order legends list them.
SIDE_ORDER: tuple[str, ...] = (
    "armenian", "azerbaijani", "russian", "ukrainian", "international", "neutral", "unknown",
)

#: One fixed colour per side, the same in every chart, page and highlight.
SIDE_COLOURS: dict[str, str] = {
    "armenian": OKABE_ITO["orange"],
    "azerbaijani": OKABE_ITO["blue"],
    "russian": OKABE_ITO["vermillion"],
    "ukrainian": OKABE_ITO["yellow"],
    "international": OKABE_ITO["bluish_green"],
    "neutral": OKABE_ITO["reddish_purple"],
    "unknown": "#999999",
}
#: Colours of further sides a user's pack declares, in order of first appearance.
EXTRA_SIDE_COLOURS: tuple[str, ...] = (OKABE_ITO["sky_blue"], "#555555", "#CCCCCC")


def hex_to_rgb(colour: str) -> tuple[int, int, int]:
    """``"#E69F00"`` → ``(230, 159, 0)``."""
    c = colour.lstrip("#")
    return (int(c[0:2], 16), int(c[2:4], 16), int(c[4:6], 16))


def lighten(colour: str, amount: float = 0.6) -> tuple[int, int, int]:
    """Mix a colour with white: ``amount`` 0 keeps it, 1 gives white."""
    return tuple(round(v + (255 - v) * amount) for v in hex_to_rgb(colour))  # type: ignore[return-value]
