"""Readers for each input format: one file in, :class:`Source` records out.

Every reader is a generator that yields :class:`~framing.model.Source` for each
article it can read and :class:`~framing.errors.Diagnostic` for each one it
cannot, so one bad row never stops the rest. Files are opened read-only.
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import io
import json
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from .encoding import binary_kind, decode_bytes, normalise_text
from .errors import Diagnostic, InputError
from .fields import TEXT_FIELDS, normalise_meta
from .model import Source
from .yamlio import YamlProblem, parse_yaml

log = logging.getLogger(__name__)

Item = Source | Diagnostic

#: File endings framing reads, longest first.
SUFFIXES = (
    ".jsonl.gz",
    ".ndjson.gz",
    ".csv.gz",
    ".jsonl",
    ".ndjson",
    ".json",
    ".csv",
    ".txt",
    ".text",
    ".md",
    ".markdown",
    ".html",
    ".htm",
)


@dataclass(frozen=True, slots=True)
class ReadLimits:
    """Size limits that keep one hostile file from exhausting memory.

    Attributes:
        max_document_bytes: Largest single article (a text or HTML file, a JSONL
            line, a CSV record). Default 10 MB, far beyond any real article.
        max_json_bytes: Largest ``.json`` file (read whole). Default 256 MB.
        max_decompressed_bytes: Most data read from one ``.gz`` file. Default 16 GB.
        max_gzip_ratio: Largest expansion of a ``.gz`` file (data out per byte
            in), checked once ``gzip_ratio_after_bytes`` have come out. Text
            compresses 3- to 10-fold, a JSONL file repeating one article about
            100-fold; a stream of one repeated byte (a decompression bomb)
            expands about 1,000-fold. Default 500; ``0`` turns the check off.
        gzip_ratio_after_bytes: Data read before the ratio is checked. Default 100 MB.
    """

    max_document_bytes: int = 10_000_000
    max_json_bytes: int = 256_000_000
    max_decompressed_bytes: int = 16_000_000_000
    max_gzip_ratio: float = 500.0
    gzip_ratio_after_bytes: int = 100_000_000


def suffix_of(path: Path) -> str:
    """Return the supported suffix of ``path`` (``.jsonl.gz``), or ``""``."""
    name = path.name.lower()
    for suf in SUFFIXES:
        if name.endswith(suf) and len(name) > len(suf):
            return suf
    return ""


def stem_of(path: Path) -> str:
    """File name without its supported suffix."""
    suf = suffix_of(path)
    return path.name[: -len(suf)] if suf else path.stem


def sha256_file(path: Path) -> str:
    """Hash a file in chunks."""
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def read_file(path: Path, *, display: str, limits: ReadLimits, clean: bool = True) -> Iterator[Item]:
    """Read one corpus file of any supported format.

    Args:
        path: The file.
        display: Its name in messages (relative to the corpus root).
        limits: Size limits.
        clean: Whether its documents should have page furniture removed.
    """
    suf = suffix_of(path)
    try:
        if suf in (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz"):
            yield from _read_jsonl(path, display, limits, clean)
        elif suf in (".csv", ".csv.gz"):
            yield from _read_csv(path, display, limits, clean)
        elif suf == ".json":
            yield from _read_json(path, display, limits, clean)
        elif suf in (".html", ".htm"):
            yield from _read_single(path, display, limits, clean, markup="html")
        elif suf in (".md", ".markdown"):
            yield from _read_single(path, display, limits, clean, markup="markdown")
        elif suf:
            yield from _read_single(path, display, limits, clean, markup="text")
        else:
            yield Diagnostic(display, f"unsupported file type {path.suffix or '(none)'!r}; skipped")
    except InputError as exc:
        yield Diagnostic(display, _strip_name(str(exc), display))
    except OSError as exc:
        yield Diagnostic(display, f"cannot read: {exc.strerror or exc}; skipped")


def _strip_name(message: str, display: str) -> str:
    """Drop a leading ``display: `` (or ``display:`` before a line number) from a message."""
    prefix = f"{display}: "
    if message.startswith(prefix):
        return message[len(prefix) :]
    if message.startswith(f"{display}:") and message[len(display) + 1 : len(display) + 2].isdigit():
        return message[len(display) + 1 :]
    return message


# --- single-document files -------------------------------------------------------


def _read_single(path: Path, display: str, limits: ReadLimits, clean: bool, *, markup: str) -> Iterator[Item]:
    size = path.stat().st_size
    if size > limits.max_document_bytes:
        yield Diagnostic(
            display,
            f"file is {size / 1e6:.1f} MB, over the {limits.max_document_bytes / 1e6:.0f} MB limit for one "
            "article; skipped (raise it with --max-doc-mb)",
        )
        return
    with open(path, "rb") as fh:
        data = fh.read()
    digest = hashlib.sha256(data).hexdigest()
    if not data.strip():
        yield Diagnostic(display, "file holds only white space; skipped" if data else "empty file; skipped")
        return
    meta: dict[str, Any] = {}
    notes: tuple[str, ...] = ()
    if markup == "html":
        kind = binary_kind(data)
        if kind:
            yield Diagnostic(display, f"not a text file ({kind}); skipped")
            return
        from .html import extract_html

        text, meta, html_notes = extract_html(data, name=display)
        notes = html_notes
    else:
        text, notes = decode_bytes(data, name=display)
        text, meta, fm_problem = split_front_matter(text, name=display)
        if fm_problem:
            # 'front matter ignored: 3: problem' -> line 4 of the file (after the opening '---')
            message = re.sub(r"^front matter ignored: \d+: ", "front matter ignored: ", fm_problem)
            yield Diagnostic(display, message, line=fm_problem_line(fm_problem), skipped=False)
        if markup == "markdown":
            text = markdown_to_text(text)
    if not text.strip():
        what = "no article text found in the HTML" if markup == "html" else "file holds only white space"
        yield Diagnostic(display, f"{what}; skipped")
        return
    meta = normalise_meta(meta)
    doc_id = str(meta.pop("id", "") or "").strip() or stem_of(path)
    meta.pop("text", None)
    yield Source(
        id=doc_id,
        text=text,
        meta=meta,
        source=display,
        sha256=digest,
        notes=notes,
        clean=clean,
        markup=markup,
    )


_FRONT = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*(?:\n|\Z)", re.S)


def split_front_matter(text: str, *, name: str) -> tuple[str, dict[str, Any], str | None]:
    """Split YAML front matter (``---`` … ``---`` at the top) from the text.

    Returns the text without the block, its metadata, and a problem message if
    the block could not be read (the block is then dropped).
    """
    if not text.startswith("---"):
        return text, {}, None
    m = _FRONT.match(text[:65536])
    if not m:
        return text, {}, None
    rest = text[m.end() :]
    try:
        data = parse_yaml(m.group(1) or "", name=name)
    except YamlProblem as exc:
        return rest, {}, f"front matter ignored: {_strip_name(str(exc), name)}"
    if data is None:
        return rest, {}, None
    if not isinstance(data, dict):
        return rest, {}, "front matter ignored: it must be a mapping of field: value"
    return rest, dict(data), None


def fm_problem_line(message: str) -> int | None:
    """Pull the line number out of a ``front matter ignored: N: ...`` message."""
    m = re.match(r"front matter ignored: (\d+): ", message)
    return int(m.group(1)) + 1 if m else None


# Every pattern here runs in time linear in the line: no lazy ".*?" followed by
# optional parts, and bracket contents that cannot hold the opening bracket
# again (a line of 100,000 "[" or "*a " took minutes with the earlier patterns).
_MD_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+(.*)$", re.M)
_MD_IMAGE = re.compile(r"!\[[^\[\]\n]*\]\([^()\n]*\)")
_MD_LINK = re.compile(r"\[([^\[\]\n]+)\]\([^()\n]*\)")
_MD_STRONG_STAR = re.compile(r"(?<![\w*])(\*\*|\*)(?=[^\s*])([^*\n]+?)(?<=[^\s*])\1(?![\w*])")
_MD_STRONG_UNDER = re.compile(r"(?<![\w_])(__|_)(?=[^\s_])([^_\n]+?)(?<=[^\s_])\1(?![\w_])")


def _heading(m: re.Match[str]) -> str:
    """A heading's text without the closing hashes ("## Title ##" -> "Title")."""
    return m.group(1).rstrip(" \t").rstrip("#").rstrip(" \t")


def markdown_to_text(text: str) -> str:
    """Reduce Markdown to plain text: headings, images, links, bold and italic markers."""
    text = _MD_HEADING.sub(_heading, text)
    text = _MD_IMAGE.sub("", text)
    text = _MD_LINK.sub(r"\1", text)
    for _ in range(2):  # twice: the inner emphasis first, then what encloses it ("**a *b* c**")
        text = _MD_STRONG_STAR.sub(r"\2", text)
        text = _MD_STRONG_UNDER.sub(r"\2", text)
    return text


# --- row files: JSONL, JSON, CSV ---------------------------------------------------


def _row_source(
    row: Any, *, display: str, line: int, stem: str, clean: bool, limits: ReadLimits, digest: str
) -> Item:
    if not isinstance(row, dict):
        return Diagnostic(display, "row is not a JSON object; skipped", line=line)
    meta = normalise_meta(row)
    text = meta.pop("text", None)
    if text is None:
        return Diagnostic(display, f"row has no text field (expected one of: {', '.join(TEXT_FIELDS)}); skipped", line=line)
    if not isinstance(text, str):
        return Diagnostic(display, "row's text field is not a string; skipped", line=line)
    if len(text) > limits.max_document_bytes:
        return Diagnostic(display, "row's text is over the per-article size limit; skipped", line=line)
    text = normalise_text(text)
    if "\x00" in text:
        text = text.replace("\x00", "")
    if not text.strip():
        return Diagnostic(display, "row's text is empty; skipped", line=line)
    raw_id = meta.pop("id", None)
    doc_id = str(raw_id).strip() if raw_id not in (None, "") else f"{stem}-{line}"
    return Source(id=doc_id, text=text, meta=meta, source=f"{display}:{line}", sha256=digest, clean=clean)


def _open_binary(path: Path) -> BinaryIO:
    if path.name.lower().endswith(".gz"):
        return gzip.open(path, "rb")  # type: ignore[return-value]
    return open(path, "rb", buffering=1 << 20)  # a large buffer: skipping a 1 GB line takes 0.7 s, not 2.6 s


def _bounded_lines(fh: BinaryIO, display: str, limits: ReadLimits) -> Iterator[tuple[int, bytes | None]]:
    """Yield ``(line_number, bytes)``; ``None`` for a line over the size limit.

    Reads at most ``max_document_bytes`` at a time, so a gigabyte-long line or a
    decompression bomb never sits in memory whole.
    """
    cap = limits.max_document_bytes
    total = 0
    lineno = 0
    while True:
        try:
            chunk = fh.readline(cap + 1)
        except (OSError, EOFError, gzip.BadGzipFile) as exc:
            raise InputError(f"{display}: corrupt compressed data after line {lineno} ({exc}); rest of file skipped") from None
        if not chunk:
            return
        lineno += 1
        total += len(chunk)
        if total > limits.max_decompressed_bytes:
            raise InputError(
                f"{display}: more than {_size(limits.max_decompressed_bytes)} of data; stopped reading at line {lineno}"
            )
        _check_expansion(fh, limits, display, lineno)
        if len(chunk) > cap and not chunk.endswith(b"\n"):
            # Oversized line: skip to its end without keeping it.
            while True:
                more = fh.readline(1 << 20)
                total += len(more)
                if not more or more.endswith(b"\n"):
                    break
                if total > limits.max_decompressed_bytes:
                    raise InputError(f"{display}: more than {_size(limits.max_decompressed_bytes)} of data; stopped reading at line {lineno}")
                _check_expansion(fh, limits, display, lineno)
            yield lineno, None
            continue
        yield lineno, chunk


def _size(n: float) -> str:
    """'16 GB', '50 MB', '1.5 MB'."""
    return f"{n / 1e9:.3g} GB" if n >= 1e9 else f"{n / 1e6:.3g} MB"


def _read_jsonl(path: Path, display: str, limits: ReadLimits, clean: bool) -> Iterator[Item]:
    stem = stem_of(path)
    with _open_binary(path) as fh:
        for lineno, raw in _bounded_lines(fh, display, limits):
            if raw is None:
                yield Diagnostic(display, "line is over the per-article size limit; skipped", line=lineno)
                continue
            if not raw.strip():
                continue
            digest = hashlib.sha256(raw).hexdigest()
            try:
                row = _loads(raw.decode("utf-8-sig") if lineno == 1 else raw.decode("utf-8"))
            except UnicodeDecodeError:
                try:
                    row = _loads(raw.decode("utf-8", errors="replace"))
                except ValueError as exc:
                    yield Diagnostic(display, f"malformed JSON ({_json_reason(exc)}); line skipped", line=lineno)
                    continue
            except ValueError as exc:
                yield Diagnostic(display, f"malformed JSON ({_json_reason(exc)}); line skipped", line=lineno)
                continue
            yield _row_source(row, display=display, line=lineno, stem=stem, clean=clean, limits=limits, digest=digest)


def _loads(text: str) -> Any:
    """``json.loads``, with nesting too deep for Python's recursion turned into a ValueError."""
    try:
        return json.loads(text)
    except RecursionError:
        raise ValueError("nested too deeply") from None


def _json_reason(exc: ValueError) -> str:
    return str(exc).split(":")[0] if isinstance(exc, json.JSONDecodeError) else str(exc)


def _read_json(path: Path, display: str, limits: ReadLimits, clean: bool) -> Iterator[Item]:
    size = path.stat().st_size
    if size > limits.max_json_bytes:
        yield Diagnostic(display, f"file is {size / 1e6:.0f} MB, over the JSON size limit; use JSONL for large corpora; skipped")
        return
    with open(path, "rb") as fh:
        data = fh.read()
    digest = hashlib.sha256(data).hexdigest()
    if not data.strip():
        yield Diagnostic(display, "empty file; skipped")
        return
    try:
        obj = _loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        yield Diagnostic(display, "not valid UTF-8 (JSON must be UTF-8); skipped")
        return
    except json.JSONDecodeError as exc:
        yield Diagnostic(display, f"malformed JSON ({exc.msg}); skipped", line=exc.lineno)
        return
    except ValueError as exc:
        yield Diagnostic(display, f"malformed JSON ({exc}); skipped")
        return
    stem = stem_of(path)
    if isinstance(obj, dict):
        for key in ("articles", "documents", "items", "data"):
            if isinstance(obj.get(key), list):
                obj = obj[key]
                break
    if isinstance(obj, dict):
        item = _row_source(obj, display=display, line=1, stem=stem, clean=clean, limits=limits, digest=digest)
        if isinstance(item, Source):
            item = Source(
                id=item.id if "id" in {k.lower() for k in obj} else stem,
                text=item.text,
                meta=item.meta,
                source=display,
                sha256=digest,
                clean=clean,
            )
        yield item
        return
    if not isinstance(obj, list):
        yield Diagnostic(display, "JSON must be an article object or a list of them; skipped")
        return
    for i, row in enumerate(obj, start=1):
        item = _row_source(row, display=display, line=i, stem=stem, clean=clean, limits=limits, digest=digest)
        if isinstance(item, Diagnostic):
            item = Diagnostic(display, item.message.replace("row", f"item {i}", 1), skipped=True)
        yield item


def _sniff_text_encoding(sample: bytes) -> str:
    if sample.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig"
    try:
        sample.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError as exc:
        if exc.start > len(sample) - 4:
            return "utf-8"  # cut inside a multi-byte character at the sample's end
    try:
        _, notes = decode_bytes(sample, name="")
    except InputError:
        return "utf-8"
    for note in notes:
        m = re.match(r"decoded as (\S+)", note)
        if m:
            return m.group(1).lower()
    return "utf-8"


class _OversizedLine(Exception):
    """Raised by :class:`_BoundedTextLines` for a line over the size limit (already skipped)."""


class _BoundedTextLines:
    """Text lines for :func:`csv.reader`, never holding more than one article's worth.

    ``csv.reader`` iterated over a file reads a whole physical line first, so a
    gigabyte without a line break would sit in memory. This iterator reads at
    most ``cap`` characters of a line; a longer line is skipped to its end in
    small pieces and reported by raising :class:`_OversizedLine` (the reader
    starts afresh on the next call). It also stops a compressed file that
    expands past the limits.
    """

    def __init__(self, text: io.TextIOWrapper, raw: BinaryIO, limits: ReadLimits, display: str) -> None:
        self.text = text
        self.raw = raw
        self.cap = limits.max_document_bytes
        self.limits = limits
        self.display = display
        self.lineno = 0  # physical lines consumed so far

    def __iter__(self) -> _BoundedTextLines:
        return self

    def __next__(self) -> str:
        line = self.text.readline(self.cap + 1)
        if not line:
            raise StopIteration
        self.lineno += 1
        oversized = len(line) > self.cap and not line.endswith(("\n", "\r"))
        while oversized:
            more = self.text.readline(1 << 20)
            self._check_size()
            if not more or more.endswith(("\n", "\r")):
                break
        self._check_size()
        if oversized:
            raise _OversizedLine
        return line

    def _check_size(self) -> None:
        _check_expansion(self.raw, self.limits, self.display, self.lineno)


def _check_expansion(raw: BinaryIO, limits: ReadLimits, display: str, lineno: int) -> None:
    """Stop reading a ``.gz`` file that expands past the size or ratio limit."""
    if not isinstance(raw, gzip.GzipFile):
        return
    out = raw.tell()
    if out > limits.max_decompressed_bytes:
        raise InputError(
            f"{display}: more than {_size(limits.max_decompressed_bytes)} of data; stopped reading at line {lineno}"
        )
    if limits.max_gzip_ratio and out > limits.gzip_ratio_after_bytes:
        compressed = max(raw.fileobj.tell(), 1)  # type: ignore[attr-defined]
        if out / compressed > limits.max_gzip_ratio:
            raise InputError(
                f"{display}: compressed data expands {out / compressed:.0f}-fold (limit {limits.max_gzip_ratio:.0f}), "
                f"a decompression bomb; stopped reading at line {lineno}"
            )


def _read_csv(path: Path, display: str, limits: ReadLimits, clean: bool) -> Iterator[Item]:
    stem = stem_of(path)
    with _open_binary(path) as raw:
        sample = raw.read(65536)
    if not sample.strip():
        yield Diagnostic(display, "empty file; skipped")
        return
    kind = binary_kind(sample)
    if kind and not path.name.lower().endswith(".gz"):
        yield Diagnostic(display, f"not a text file ({kind}); skipped")
        return
    encoding = _sniff_text_encoding(sample)
    csv.field_size_limit(max(limits.max_document_bytes, 131072))
    with _open_binary(path) as raw:
        text = io.TextIOWrapper(raw, encoding=encoding, errors="replace", newline="")
        lines = _BoundedTextLines(text, raw, limits, display)
        reader = csv.reader(lines)
        try:
            header = next(reader)
        except StopIteration:
            yield Diagnostic(display, "empty file; skipped")
            return
        except csv.Error as exc:
            yield Diagnostic(display, f"unreadable CSV header ({exc}); skipped", line=1)
            return
        except _OversizedLine:
            yield Diagnostic(display, "header line is over the per-article size limit; skipped", line=1)
            return
        keys = [h.strip() for h in header]
        canon = [k.lower() for k in keys]
        if not any(k in TEXT_FIELDS for k in canon):
            yield Diagnostic(
                display,
                f"no text column (expected one of: {', '.join(TEXT_FIELDS)}; found: {', '.join(keys) or 'none'}); skipped",
                line=1,
            )
            return
        while True:
            line = lines.lineno + 1
            try:
                values = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                yield Diagnostic(display, f"unreadable CSV record ({exc}); skipped", line=line)
                continue
            except _OversizedLine:
                yield Diagnostic(display, "record is over the per-article size limit; skipped", line=lines.lineno)
                continue
            if not any(v.strip() for v in values):
                continue
            if len(values) != len(keys):
                yield Diagnostic(display, f"record has {len(values)} fields, header has {len(keys)}; skipped", line=line)
                continue
            row = dict(zip(keys, values, strict=True))
            digest = hashlib.sha256("\x1f".join(values).encode("utf-8", "replace")).hexdigest()
            yield _row_source(row, display=display, line=line, stem=stem, clean=clean, limits=limits, digest=digest)
