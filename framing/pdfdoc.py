"""Shared PDF layout for the report and the worksheet (fpdf2, DejaVu fonts).

:class:`PdfDoc` is an A4 document with DejaVu Sans embedded (taken from
matplotlib's own font folder, so nothing is copied into the repository),
headings that also make PDF bookmarks, a footer with page numbers, and a
fixed creation date so that the same input always gives the same bytes.
:func:`layout_runs` and :func:`draw_lines` lay out styled text (highlighted
terms, underlined quotes) word by word; :func:`draw_table` draws tables whose
cells hold such text; :func:`ruled_lines` leaves space to write by hand.

References:
    fpdf2 documentation, https://py-pdf.github.io/fpdf2/ (fonts, outline, metadata).
    Okabe, M. & Ito, K. (2008). Color Universal Design: a colour-blind-safe palette
    (the side tints are light versions of its colours).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from fpdf import FPDF
from fpdf.image_datastructures import RasterImageInfo

from . import __version__
from .palette import SIDE_COLOURS, lighten

FONT = "DejaVu"
#: Fixed creation date: the same input gives the same bytes (no wall-clock time).
CREATION_DATE = datetime(2000, 1, 1, tzinfo=UTC)
MARGIN = 18.0
BODY_SIZE = 10.0
LINE_H = 5.0
KEEP_WHOLE = 6  # a paragraph of up to this many lines moves whole rather than leave one line behind

Colour = tuple[int, int, int]
BLACK: Colour = (0, 0, 0)
GREY: Colour = (100, 100, 100)
LIGHT: Colour = (200, 200, 200)
HEADER_FILL: Colour = (228, 232, 238)
ACCENT: Colour = (0, 84, 147)
SCARE_COLOUR: Colour = (170, 51, 0)

#: Light highlight per side: the charts' Okabe-Ito hues mixed with white so black text stays readable.
SIDE_FILL: dict[str, Colour] = {side: lighten(colour, 0.6) for side, colour in SIDE_COLOURS.items()}
#: Short side codes printed beside highlighted terms (readable in black and white).
SIDE_CODE: dict[str, str] = {
    "armenian": "AM",
    "azerbaijani": "AZ",
    "russian": "RU",
    "ukrainian": "UA",
    "international": "INT",
    "neutral": "N",
    "unknown": "?",
}


def side_fill(side: str) -> Colour:
    """Highlight colour of a side (grey for sides the palette does not know)."""
    return SIDE_FILL.get(side, SIDE_FILL["unknown"])


def side_code(side: str) -> str:
    """Short code of a side (``AZ``), or the side's first three letters in capitals."""
    return SIDE_CODE.get(side, side[:3].upper() or "?")


def font_dir() -> Path:
    """matplotlib's folder of bundled TrueType fonts (DejaVu lives there).

    Found from the package's location (``matplotlib.get_data_path()`` is its
    ``mpl-data`` folder) without importing matplotlib, which the PDF does not need.
    """
    import importlib.util

    spec = importlib.util.find_spec("matplotlib")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("matplotlib is not installed: its DejaVu fonts are needed for the PDF")
    return Path(next(iter(spec.submodule_search_locations))) / "mpl-data" / "fonts" / "ttf"


@dataclass(frozen=True, slots=True)
class Run:
    """A piece of text with one style.

    Attributes:
        text: The text; ``"\\n"`` breaks the line.
        style: fpdf2 style letters: ``B`` bold, ``I`` italic, ``U`` underline.
        colour: Text colour.
        fill: Background colour, or None.
        size: Font size in points (None: the size given to the layout).
    """

    text: str
    style: str = ""
    colour: Colour = BLACK
    fill: Colour | None = None
    size: float | None = None


Piece = tuple[Run, str, float]  # run, text, width in mm

_TOKENS = re.compile(r"\n|[ \t]+|[^\s-]+-?|-")  # a hyphenated word may wrap after its hyphen


class PdfDoc(FPDF):
    """An A4 document with embedded DejaVu Sans, outline headings and page numbers.

    Args:
        title: Document title (metadata and footer).
        footer: Text shown left of the page number ("" for the title only).
    """

    def __init__(self, *, title: str, footer: str = "") -> None:
        super().__init__(orientation="portrait", unit="mm", format="A4")
        ttf = font_dir()
        for style, name in (("", "DejaVuSans.ttf"), ("B", "DejaVuSans-Bold.ttf"),
                            ("I", "DejaVuSans-Oblique.ttf"), ("BI", "DejaVuSans-BoldOblique.ttf")):
            self.add_font(FONT, style, str(ttf / name))
        self.set_creation_date(CREATION_DATE)
        self.set_title(title)
        self.set_creator(f"framing {__version__}")
        self.set_author("framing")
        self.set_lang("en")
        self.set_margins(MARGIN, MARGIN, MARGIN)
        self.set_auto_page_break(True, margin=MARGIN)
        self.c_margin = 0.0  # text starts exactly at x: highlight boxes and wrapped runs line up
        self.footer_text = footer or title
        #: (font family, style, size, text) -> width in mm, for :func:`layout_runs`
        self.token_widths: dict[tuple[str, str, float, str], float] = {}
        self.set_font(FONT, "", BODY_SIZE)

    def normalize_text(self, text: str) -> str:
        """Drop characters the current font has no glyph for (emoji, rare symbols) instead of warning."""
        font = self.current_font
        cmap = getattr(font, "cmap", None)
        if cmap and any(ord(c) not in cmap for c in text):
            text = "".join(c for c in text if ord(c) in cmap or c in "\n\r")
        return super().normalize_text(text)

    # -- page furniture ---------------------------------------------------
    def footer(self) -> None:
        if self.page_no() == 1:
            return
        self.set_y(-12)
        self.set_font(FONT, "", 7.5)
        self.set_text_color(*GREY)
        self.cell(self.epw - 20, 5, _fit(self, self.footer_text, self.epw - 22))
        self.cell(20, 5, f"page {self.page_no()}", align="R")
        self.set_text_color(*BLACK)

    @property
    def bottom(self) -> float:
        """The y beyond which content would cross the bottom margin."""
        return self.page_break_trigger

    def need(self, height: float) -> None:
        """Start a new page unless ``height`` mm still fit on this one."""
        if self.get_y() + height > self.bottom:
            self.add_page()

    def keep_lines(self, count: Callable[[], int], lh: float) -> None:
        """Before a paragraph of ``count()`` lines of ``lh`` mm: start a new page when the page break
        would leave a single line of it on either page (a widow or an orphan) and the paragraph is
        short enough to move whole. (``count`` is called only near the bottom of a page.)"""
        fit = int((self.bottom - self.get_y()) / lh + 1e-6)
        if 0 < fit <= KEEP_WHOLE:
            n = count()
            if fit < n <= KEEP_WHOLE and (fit == 1 or n - fit == 1):
                self.add_page()

    # -- text -------------------------------------------------------------
    def keep_height(self, text: str, *, size: float = BODY_SIZE, h: float | None = None) -> float:
        """How much of a paragraph must stay with what comes before it: the whole of a short one
        (:meth:`keep_lines` moves it whole), two lines of a long one."""
        lh = h or size * 0.5
        self.set_font(FONT, "", size)
        n = len(self.multi_cell(0, lh, text, dry_run=True, output="LINES"))
        return (n if n <= KEEP_WHOLE else 2) * lh

    def heading(self, text: str, *, level: int = 0, outline: bool = True, keep: float = 0.0) -> None:
        """A heading (level 0: section, 1: subsection, 2: minor); sections go into the outline.
        ``keep``: the height of what must follow it on the same page (see :meth:`keep_height`)."""
        size = (17.0, 13.0, 11.0)[min(level, 2)]
        self.need(size * 0.6 + max(14.0, keep + 6.0))
        if level > 0 and self.get_y() > self.t_margin + 1:
            self.ln(2.5 if level == 1 else 1.5)
        if outline and level < 2:
            self.start_section(text, level=level, strict=False)
        self.set_font(FONT, "B", size)
        self.set_text_color(*(ACCENT if level < 2 else BLACK))
        self.multi_cell(0, size * 0.5, text, new_x="LMARGIN", new_y="NEXT")
        self.set_text_color(*BLACK)
        self.ln(1.5 if level else 3)
        self.set_font(FONT, "", BODY_SIZE)

    def para(self, text: str, *, style: str = "", size: float = BODY_SIZE, colour: Colour = BLACK,
             gap: float = 2.0, h: float | None = None) -> None:
        """A paragraph of plain text across the page width."""
        self.set_font(FONT, style, size)
        self.set_text_color(*colour)
        lh = h or size * 0.5
        self.keep_lines(lambda: len(self.multi_cell(0, lh, text, dry_run=True, output="LINES")), lh)
        self.multi_cell(0, lh, text, new_x="LMARGIN", new_y="NEXT")
        self.set_text_color(*BLACK)
        self.set_font(FONT, "", BODY_SIZE)
        self.ln(gap)

    def labelled(self, label: str, text: str, *, size: float = BODY_SIZE) -> None:
        """A paragraph opening with a bold label ("How to read this: …")."""
        self.rich([Run(label + " ", "B", size=size), Run(text, size=size)], size=size)
        self.ln(1.5)

    def bullets(self, items: list[str], *, numbered: bool = False, size: float = BODY_SIZE) -> None:
        """A bulleted (or numbered) list; long items wrap under their own text."""
        for i, item in enumerate(items, 1):
            mark = f"{i}." if numbered else "•"
            self.set_font(FONT, "", size)
            self.need(LINE_H)
            y = self.get_y()
            self.set_x(self.l_margin)
            self.cell(7, size * 0.5, mark)
            self.set_xy(self.l_margin + 7, y)
            self.multi_cell(self.epw - 7, size * 0.5, item, new_x="LMARGIN", new_y="NEXT")
            self.ln(1.2)

    def rich(self, runs: list[Run], *, size: float = BODY_SIZE, x: float | None = None,
             width: float | None = None, h: float | None = None) -> None:
        """Styled text from the current position, wrapped to ``width``, breaking pages as needed."""
        x = self.l_margin if x is None else x
        width = self.epw - (x - self.l_margin) if width is None else width
        lh = h or size * 0.5
        lines = layout_runs(self, runs, width, size=size)
        self.keep_lines(lambda: len(lines), lh)
        for line in lines:
            self.need(lh)
            draw_line(self, x, self.get_y(), line, lh, size=size)
            self.set_y(self.get_y() + lh)
        self.set_x(self.l_margin)

    # -- images -----------------------------------------------------------
    def png(self, path: str | Path, *, x: float, y: float, w: float, h: float, alt_text: str = "") -> None:
        """Place a PNG file at ``x``, ``y`` with size ``w`` × ``h`` mm.

        An 8-bit RGB PNG (what the charts are) goes in as it is: its compressed
        pixel rows are already the Flate stream with PNG predictors that PDF
        reads, so nothing is decoded or compressed again. Any other PNG goes
        through fpdf2's own image reader.

        References:
            ISO 32000-1:2008, 7.4.4.4 (Flate with PNG predictors); W3C PNG
            specification, 2nd ed. (2003), 11.2 (IHDR, IDAT).
        """
        name = str(path)
        if name not in self.image_cache.images:
            try:
                info = png_image_info(Path(path).read_bytes())
            except OSError:
                info = None
            if info is not None:
                info.update(i=len(self.image_cache.images) + 1, usages=0, iccp_i=None)
                self.image_cache.images[name] = info
        self.image(name, x=x, y=y, w=w, h=h, alt_text=alt_text)

    def swatch_legend(self, items: list[tuple[str, str]], *, size: float = 8.5) -> None:
        """A one-line legend of side colours: ``[(side, label), …]``."""
        runs: list[Run] = []
        for side, label in items:
            runs += [Run(f" {side_code(side)} ", "B", fill=side_fill(side), size=size), Run(f" {label}    ", size=size)]
        self.rich(runs, size=size, h=size * 0.55)


def _fit(pdf: FPDF, text: str, width: float) -> str:
    """``text`` shortened with an ellipsis to fit ``width`` mm in the current font."""
    if pdf.get_string_width(text) <= width:
        return text
    while text and pdf.get_string_width(text + "…") > width:
        text = text[:-1]
    return text.rstrip() + "…"


def layout_runs(pdf: FPDF, runs: list[Run], width: float, *, size: float = BODY_SIZE) -> list[list[Piece]]:
    """Break styled runs into lines no wider than ``width`` mm (greedy, word by word).

    Spaces at the start and end of a line are dropped; a word wider than the
    line is split between characters; ``"\\n"`` ends a line.
    """
    lines: list[list[Piece]] = [[]]
    used = 0.0
    cache: dict[tuple[str, str, float, str], float] | None = getattr(pdf, "token_widths", None)
    if cache is None:
        cache = {}
    for run in runs:
        pdf.set_font(FONT, run.style.replace("U", ""), run.size or size)
        font = (pdf.font_family, pdf.font_style, pdf.font_size_pt)
        for tok in _TOKENS.findall(run.text):
            if tok == "\n":
                lines.append([])
                used = 0.0
                continue
            # the same word in the same font is measured once per document (fpdf2 sums its glyphs each time)
            w = cache.get((*font, tok))
            if w is None:
                w = cache[(*font, tok)] = pdf.get_string_width(tok)
            if tok.isspace():
                if lines[-1]:
                    space = cache.get((*font, " "))
                    if space is None:
                        space = cache[(*font, " ")] = pdf.get_string_width(" ")
                    lines[-1].append((run, " ", space))
                    used += lines[-1][-1][2]
                continue
            if used + w > width and lines[-1]:
                _trim(lines[-1])
                lines.append([])
                used = 0.0
            while w > width:  # a word longer than the line: split it
                cut = _longest_prefix(pdf, tok, width - used)
                lines[-1].append((run, tok[:cut], pdf.get_string_width(tok[:cut])))
                lines.append([])
                used = 0.0
                tok = tok[cut:]
                w = pdf.get_string_width(tok)
            lines[-1].append((run, tok, w))
            used += w
    for line in lines:
        _trim(line)
    while lines and not lines[-1]:
        lines.pop()
    return lines


def _trim(line: list[Piece]) -> None:
    while line and line[-1][1] == " ":
        line.pop()


def _longest_prefix(pdf: FPDF, word: str, width: float) -> int:
    n = 1
    while n < len(word) and pdf.get_string_width(word[: n + 1]) <= width:
        n += 1
    return n


def lines_height(lines: list[list[Piece]], lh: float) -> float:
    """Height of laid-out lines (an empty cell still takes one line)."""
    return max(len(lines), 1) * lh


def draw_line(pdf: FPDF, x: float, y: float, line: list[Piece], lh: float, *, size: float = BODY_SIZE) -> None:
    """Draw one laid-out line with its top-left corner at ``(x, y)``.

    Neighbouring pieces of the same run (its words and the spaces between them)
    are drawn as one cell: the glyphs land where they would one by one, at a
    fraction of fpdf2's cost per cell.
    """
    merged: list[Piece] = []
    for run, text, w in line:
        if merged and merged[-1][0] is run:
            merged[-1] = (run, merged[-1][1] + text, merged[-1][2] + w)
        else:
            merged.append((run, text, w))
    for run, text, w in merged:
        if run.fill is not None:
            pdf.set_fill_color(*run.fill)
            pdf.rect(x, y + 0.2, w, lh - 0.4, style="F")
        pdf.set_font(FONT, run.style, run.size or size)
        pdf.set_text_color(*run.colour)
        pdf.set_xy(x, y)
        pdf.cell(w, lh, text)
        x += w
    pdf.set_text_color(*BLACK)
    pdf.set_font(FONT, "", BODY_SIZE)


def draw_table(pdf: PdfDoc, header: list[str], rows: list[list[list[Run]]], widths: list[float], *,
               size: float = 8.5, group_rows: dict[int, str] | None = None, min_row: float = 0.0) -> None:
    """A table with wrapped styled cells; the header repeats after a page break.

    Args:
        header: Column titles.
        rows: For each row, for each column, the runs of the cell.
        widths: Column widths in mm.
        size: Font size of the cells.
        group_rows: Row index → a group title drawn as a full-width band before that row.
        min_row: Least height of a body row in mm (room to write in).
    """
    pad = 1.2
    lh = size * 0.48
    group_rows = group_rows or {}

    def draw_header() -> None:
        cells = [layout_runs(pdf, [Run(h, "B", size=size)], w - 2 * pad, size=size) for h, w in zip(header, widths, strict=True)]
        height = max(lines_height(c, lh) for c in cells) + 2 * pad
        _draw_row(pdf, cells, widths, height, lh, pad, size, fill=HEADER_FILL)

    pdf.need(3 * lh + 6)
    draw_header()
    for i, row in enumerate(rows):
        cells = [layout_runs(pdf, runs, w - 2 * pad, size=size) for runs, w in zip(row, widths, strict=True)]
        height = max(max(lines_height(c, lh) for c in cells) + 2 * pad, min_row)
        band = lh + 2 * pad if i in group_rows else 0.0
        if pdf.get_y() + height + band > pdf.bottom:
            pdf.add_page()
            draw_header()
        if i in group_rows:
            title = layout_runs(pdf, [Run(group_rows[i], "B", colour=ACCENT, size=size)], sum(widths) - 2 * pad, size=size)
            _draw_row(pdf, [title], [sum(widths)], band, lh, pad, size, fill=(245, 246, 248))
        _draw_row(pdf, cells, widths, height, lh, pad, size, fill=None)
    pdf.ln(2)


def _draw_row(pdf: PdfDoc, cells: list[list[list[Piece]]], widths: list[float], height: float, lh: float,
              pad: float, size: float, *, fill: Colour | None) -> None:
    x0, y0 = pdf.l_margin, pdf.get_y()
    x = x0
    pdf.set_draw_color(*LIGHT)
    pdf.set_line_width(0.2)
    for lines, w in zip(cells, widths, strict=True):
        if fill is not None:
            pdf.set_fill_color(*fill)
            pdf.rect(x, y0, w, height, style="DF")
        else:
            pdf.rect(x, y0, w, height, style="D")
        for k, line in enumerate(lines):
            draw_line(pdf, x + pad, y0 + pad + k * lh, line, lh, size=size)
        x += w
    pdf.set_xy(x0, y0 + height)


def ruled_lines(pdf: PdfDoc, n: int, *, spacing: float = 8.0, label: str = "") -> None:
    """``n`` light ruled lines to write on, across the text width."""
    if label:
        pdf.para(label, size=8.5, colour=GREY, gap=0.5)
    pdf.set_draw_color(*LIGHT)
    pdf.set_line_width(0.25)
    for _ in range(n):
        pdf.need(spacing)
        y = pdf.get_y() + spacing
        pdf.line(pdf.l_margin, y, pdf.l_margin + pdf.epw, y)
        pdf.set_y(y)
    pdf.ln(3)


def tick_boxes(pdf: PdfDoc, options: list[str], *, size: float = 9.0) -> None:
    """A row of empty boxes to tick, each followed by its option."""
    pdf.need(7)
    y = pdf.get_y()
    x = pdf.l_margin
    pdf.set_font(FONT, "", size)
    pdf.set_draw_color(*GREY)
    for opt in options:
        w = pdf.get_string_width(opt) + 10
        if x + w > pdf.l_margin + pdf.epw:
            x = pdf.l_margin
            y += 6.5
        pdf.rect(x, y + 0.8, 3.4, 3.4)
        pdf.set_xy(x + 5, y)
        pdf.cell(w - 5, 5, opt)
        x += w
    pdf.set_xy(pdf.l_margin, y + 7)
    pdf.set_font(FONT, "", BODY_SIZE)


def box_height(pdf: PdfDoc, runs: list[Run], *, size: float = BODY_SIZE) -> float:
    """Height in mm that :func:`boxed` will take for these runs."""
    return lines_height(layout_runs(pdf, runs, pdf.epw - 7.5, size=size), size * 0.52) + 6.0


def boxed(pdf: PdfDoc, runs: list[Run], *, size: float = BODY_SIZE, fill: Colour = (249, 249, 246),
          bar: Colour = ACCENT) -> None:
    """Styled text in a shaded box with a coloured bar on the left (kept on one page if it fits)."""
    pad, lh = 3.0, size * 0.52
    width = pdf.epw - 2 * pad - 1.5
    lines = layout_runs(pdf, runs, width, size=size)
    full = pdf.bottom - pdf.t_margin
    height = lines_height(lines, lh) + 2 * pad
    if height <= full:
        pdf.need(height)
    k = 0
    while k < len(lines):
        room = int((pdf.bottom - pdf.get_y() - 2 * pad) // lh)
        if room < 1:
            pdf.add_page()
            continue
        chunk = lines[k : k + room]
        y0 = pdf.get_y()
        h = len(chunk) * lh + 2 * pad
        pdf.set_fill_color(*fill)
        pdf.rect(pdf.l_margin, y0, pdf.epw, h, style="F")
        pdf.set_fill_color(*bar)
        pdf.rect(pdf.l_margin, y0, 1.2, h, style="F")
        for i, line in enumerate(chunk):
            draw_line(pdf, pdf.l_margin + 1.5 + pad, y0 + pad + i * lh, line, lh, size=size)
        pdf.set_xy(pdf.l_margin, y0 + h)
        k += len(chunk)
    pdf.ln(2)


_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def png_image_info(data: bytes) -> RasterImageInfo | None:
    """fpdf2's description of an 8-bit RGB, non-interlaced PNG, its pixels still compressed.

    Returns None for any other PNG (palette, grey, alpha, transparency, colour
    profile, 16 bits, interlaced) or for bytes that are not a whole PNG.
    """
    if not data.startswith(_PNG_SIGNATURE):
        return None
    pos, idat, header = len(_PNG_SIGNATURE), [], b""
    while pos + 8 <= len(data):
        length = int.from_bytes(data[pos : pos + 4], "big")
        kind = data[pos + 4 : pos + 8]
        body = data[pos + 8 : pos + 8 + length]
        if len(body) != length:
            return None
        if kind == b"IHDR":
            header = body
        elif kind == b"IDAT":
            idat.append(body)
        elif kind in (b"tRNS", b"iCCP", b"PLTE", b"sBIT", b"gAMA", b"cHRM", b"sRGB"):
            return None  # colour handling fpdf2 would apply: let it read the file
        elif kind == b"IEND":
            break
        pos += 12 + length
    if len(header) != 13 or not idat:
        return None
    w, h = int.from_bytes(header[0:4], "big"), int.from_bytes(header[4:8], "big")
    depth, colour, compression, filtering, interlace = header[8:13]
    if (depth, colour, compression, filtering, interlace) != (8, 2, 0, 0, 0):
        return None
    return RasterImageInfo(data=b"".join(idat), w=w, h=h, cs="DeviceRGB", iccp=None, dpn=3, bpc=8,
                           f="FlateDecode", inverted=False, dp=f"/Predictor 15 /Colors 3 /Columns {w}")


def pdf_bytes(pdf: FPDF) -> bytes:
    """The finished document as bytes."""
    return bytes(pdf.output())
