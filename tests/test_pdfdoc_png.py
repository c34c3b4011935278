"""PdfDoc.png: an 8-bit RGB PNG goes into the PDF with its compressed pixels as they are."""

from __future__ import annotations

import io
import shutil
import subprocess
import zlib
from pathlib import Path

import pytest
from PIL import Image

from framing.pdfdoc import PdfDoc, pdf_bytes, png_image_info

RED, BLUE = (220, 20, 20), (20, 40, 200)


def png_bytes(image: Image.Image) -> bytes:
    buf = io.BytesIO()
    image.save(buf, format="png")
    return buf.getvalue()


def halves(mode: str = "RGB", size: tuple[int, int] = (40, 20)) -> Image.Image:
    """Left half red, right half blue."""
    im = Image.new("RGB", size, RED)
    im.paste(Image.new("RGB", (size[0] // 2, size[1]), BLUE), (size[0] // 2, 0))
    return im.convert(mode)


def test_rgb_png_is_taken_as_it_is() -> None:
    data = png_bytes(halves(size=(3, 2)))
    info = png_image_info(data)
    assert info is not None
    assert (info["w"], info["h"], info["cs"], info["bpc"], info["dpn"], info["f"]) == (3, 2, "DeviceRGB", 8, 3, "FlateDecode")
    assert info["dp"] == "/Predictor 15 /Colors 3 /Columns 3"
    rows = zlib.decompress(info["data"])
    # 2 rows of one filter byte + 3 pixels x 3 bytes = 2 x 10 bytes; the IDAT bytes are in the file as they are
    assert len(rows) == 20 and rows[0] in range(5) and rows[10] in range(5)
    assert info["data"] in data


@pytest.mark.parametrize("make", [
    lambda: png_bytes(halves("RGBA")),  # alpha channel
    lambda: png_bytes(halves("L")),  # grey
    lambda: png_bytes(halves("P")),  # palette
    lambda: png_bytes(halves("I;16")),  # 16-bit grey
    lambda: png_bytes(halves())[:40],  # cut short
    lambda: b"GIF89a not a png",
    lambda: b"",
])
def test_other_pngs_are_left_to_fpdf(make) -> None:
    assert png_image_info(make()) is None


def test_rgb_png_with_transparency_colour_is_left_to_fpdf() -> None:
    buf = io.BytesIO()
    halves().save(buf, format="png", transparency=RED)  # a tRNS chunk: red is see-through
    assert png_image_info(buf.getvalue()) is None


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils not installed")
@pytest.mark.parametrize("mode", ["RGB", "RGBA"])
def test_placed_png_shows_its_pixels(tmp_path: Path, mode: str) -> None:
    path = tmp_path / "halves.png"
    halves(mode, size=(200, 100)).save(path)
    pdf = PdfDoc(title="t")
    pdf.add_page()
    pdf.png(path, x=0, y=0, w=100, h=50, alt_text="two halves")  # 100 x 50 mm at the page's top left
    pdf.png(path, x=0, y=60, w=100, h=50)  # the same file again: one image object
    out = tmp_path / "out.pdf"
    out.write_bytes(pdf_bytes(pdf))
    assert len(pdf.image_cache.images) == 1
    subprocess.run(["pdftoppm", "-png", "-r", "72", "-singlefile", str(out), str(tmp_path / "page")], check=True)
    page = Image.open(tmp_path / "page.png").convert("RGB")
    mm = 72 / 25.4  # pixels per mm at 72 dpi
    for y in (25, 85):  # middle of each copy
        assert page.getpixel((round(25 * mm), round(y * mm))) == RED
        assert page.getpixel((round(75 * mm), round(y * mm))) == BLUE
    assert page.getpixel((round(150 * mm), round(25 * mm))) == (255, 255, 255)  # right of the image: paper
