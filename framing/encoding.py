"""Turning the bytes of a file into text: encoding detection and normalisation.

The order of tests: byte-order marks; binary signatures; strict UTF-8; UTF-16
without a BOM (NUL bytes in alternate positions); then charset-normalizer's
best guess among the encodings news archives actually use (cp1251 for Russian,
latin-1/cp1252 for Western European). Everything is normalised to NFC and to
``\\n`` line ends.
"""

from __future__ import annotations

import codecs
import unicodedata

from .errors import InputError

# Signatures of binary formats people drop into corpus folders by mistake.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive (or .docx/.xlsx)"),
    (b"\x1f\x8b", "gzip data (name it .gz)"),
    (b"\x7fELF", "executable"),
    (b"MZ", "Windows executable"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "MS Office document"),
    (b"RIFF", "audio/video file"),
    (b"ID3", "MP3 audio"),
    (b"SQLite format 3\x00", "SQLite database"),
)

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# charset-normalizer may only choose among these for files that are not UTF-8:
# a closed list keeps it from "detecting" exotic code pages in short texts.
_CANDIDATES = ("cp1251", "cp1252", "latin_1", "koi8_r", "iso8859_5", "cp1250", "iso8859_2", "cp1254")


def decode_bytes(data: bytes, *, name: str) -> tuple[str, tuple[str, ...]]:
    """Decode file contents to NFC text with ``\\n`` line ends.

    Args:
        data: Raw bytes of the file.
        name: File name, for messages.

    Returns:
        The text and notes on how it was decoded (empty for plain UTF-8).

    Raises:
        InputError: The data is a binary format, not text.
    """
    notes: list[str] = []
    text: str | None = None
    for bom, enc in _BOMS:
        if data.startswith(bom):
            text = data[len(bom) :].decode(enc, errors="replace")
            if enc != "utf-8":
                notes.append(f"decoded as {enc.upper()} (byte-order mark)")
            break
    if text is None:
        kind = binary_kind(data)
        if kind:
            raise InputError(f"{name}: not a text file ({kind}); skipped")
        order = _utf16_order(data[:4096])
        if order:  # before UTF-8: Latin UTF-16 is valid UTF-8 with NULs in between
            text = data.decode(order, errors="replace")
            notes.append(f"decoded as {order.upper()} (no byte-order mark)")
        else:
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError:
                text, note = _decode_non_utf8(data, name)
                notes.append(note)
    text = normalise_text(text)
    if "\x00" in text:
        text = text.replace("\x00", "")
        notes.append("NUL characters removed")
    return text, tuple(notes)


def normalise_text(text: str) -> str:
    """NFC-normalise and convert ``\\r\\n``/``\\r`` line ends to ``\\n``."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
    return text


def binary_kind(data: bytes) -> str | None:
    """Name the binary format of ``data``, or return ``None`` for text."""
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    head = data[:4096]
    if not head:
        return None
    if _utf16_order(head):
        return None  # UTF-16 text without a byte-order mark: its NULs are not control bytes
    if b"\x00" in head:
        return "binary data (NUL bytes)"
    controls = sum(1 for b in head if b < 9 or 13 < b < 32)
    if controls / len(head) > 0.1:
        return "binary data (control bytes)"
    return None


def _utf16_order(head: bytes) -> str | None:
    """Guess UTF-16 byte order from the high bytes in alternate positions.

    In UTF-16 text in the Latin, Greek, Cyrillic, Armenian, Hebrew or Arabic
    scripts the high byte of almost every character is 0x00-0x06, while the
    low bytes are rarely NUL. Some NULs (spaces, digits, punctuation) are
    required too, so binary data with small bytes is not taken for text.
    """
    if len(head) < 4:
        return None
    head = head[: len(head) // 2 * 2]
    even = head[0::2]
    odd = head[1::2]
    for high, low, order in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        high_small = sum(1 for b in high if b <= 0x06) / len(high)
        if high.count(0) / len(high) > 0.05 and high_small > 0.95 and low.count(0) / len(low) < 0.05:
            return order
    return None


def _decode_non_utf8(data: bytes, name: str) -> tuple[str, str]:
    # Mostly UTF-8 with a few bad bytes: repair, don't re-guess the whole file.
    repaired = data.decode("utf-8", errors="replace")
    bad = repaired.count("\ufffd")
    non_ascii = len(data.translate(None, bytes(range(128))))
    if non_ascii and bad <= max(2, non_ascii // 20) and _has_multibyte_utf8(data):
        return repaired, f"{bad} invalid UTF-8 byte sequence(s) replaced with U+FFFD"
    guess = _charset_guess(data)
    if guess:
        return data.decode(guess, errors="replace"), f"decoded as {guess} (detected)"
    return repaired, f"encoding not recognised; {bad} undecodable byte(s) replaced with U+FFFD"


def _has_multibyte_utf8(data: bytes) -> bool:
    """True if the data contains at least one well-formed multi-byte UTF-8 sequence."""
    for i, b in enumerate(data):
        if 0xC2 <= b <= 0xF4 and i + 1 < len(data) and 0x80 <= data[i + 1] <= 0xBF:
            return True
    return False


def _charset_guess(data: bytes) -> str | None:
    from charset_normalizer import from_bytes

    results = from_bytes(data[:200_000], cp_isolation=list(_CANDIDATES))
    best = results.best()
    if best is None:
        return None
    # On a tie (French scores the same in cp1250 and cp1252), prefer the
    # encoding listed first in _CANDIDATES, the more common one in news archives.
    ties = [r for r in results if (r.chaos, r.coherence) == (best.chaos, best.coherence)]
    rank = {enc: i for i, enc in enumerate(_CANDIDATES)}
    return str(min(ties, key=lambda r: rank.get(r.encoding, len(rank))).encoding)
