"""Writing outputs safely: staged files, atomic renames, nothing foreign touched.

Every table is first written to a hidden temporary file in the output folder
and renamed into place only when the whole run has finished, so an interrupted
run never leaves a half-written table. ``run.json`` is written last and lists
every output with its hash. framing overwrites only files that an earlier
framing run listed in ``run.json``; other files in the folder are left alone,
and a file of the same name that framing did not create is refused unless
``force=True``.

Tables meant to be opened in a spreadsheet can be written with
``CsvTable(..., spreadsheet_safe=True)``: a text cell that begins with ``=``,
``+``, ``-``, ``@``, a tab or a carriage return gets a leading ``'`` so that
Excel, LibreOffice and Google Sheets show it as text instead of running it as
a formula (CSV injection). Numbers (``-3.2``) are left as they are. The option
is off by default, so the tables stay exactly what the text and the analysis
give; see :func:`spreadsheet_safe_cell`.

References:
    OWASP Foundation. CSV Injection.
    https://owasp.org/www-community/attacks/CSV_Injection
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import math
import numbers
import os
import re
from operator import itemgetter
from pathlib import Path
from typing import Any

from .errors import OutputError

RUN_FILE = "run.json"
_TMP_SUFFIX = ".framing-tmp"
_TMP_NAME = re.compile(r"^\..+\.\d+\.[0-9a-f]{8}\.framing-tmp$")


class OutputDir:
    """A folder that receives one run's outputs.

    Use as a context manager: files opened with :meth:`open_text` are staged,
    and :meth:`commit` moves them into place. Leaving the ``with`` block
    without committing (an exception, Ctrl-C) deletes the staged files and
    leaves the folder as it was.
    """

    def __init__(self, path: str | os.PathLike[str], *, force: bool = False) -> None:
        self.path = Path(path)
        self.force = force
        self._staged: dict[str, Path] = {}
        self._handles: list[io.TextIOBase] = []
        self._committed = False

    def __enter__(self) -> OutputDir:
        p = self.path
        if p.exists() and not p.is_dir():
            raise OutputError(f"{p}: output path exists and is not a folder; choose another -o")
        try:
            p.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise OutputError(f"{p}: cannot create output folder: {exc.strerror or exc}") from None
        if not os.access(p, os.W_OK):
            raise OutputError(f"{p}: output folder is not writable")
        self._previous = self._read_previous()
        self._remove_stale_temps()
        return self

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        for h in self._handles:
            if not h.closed:
                h.close()
        if not self._committed:
            for tmp in self._staged.values():
                tmp.unlink(missing_ok=True)

    def _read_previous(self) -> set[str]:
        run = self.path / RUN_FILE
        if not run.is_file():
            return set()
        try:
            data = json.loads(run.read_text(encoding="utf-8"))
        except (OSError, ValueError, RecursionError):
            return set()
        if not isinstance(data, dict) or data.get("generator") != "framing":
            return set()
        outputs = data.get("outputs", {})
        return {RUN_FILE, *outputs} if isinstance(outputs, dict) else {RUN_FILE}

    def _remove_stale_temps(self) -> None:
        for entry in self.path.iterdir():
            if _TMP_NAME.match(entry.name) and entry.is_file():
                entry.unlink(missing_ok=True)

    def check_writable(self, names: list[str]) -> None:
        """Refuse to replace files framing did not create (unless ``force``)."""
        if self.force:
            return
        foreign = [n for n in names if (self.path / n).exists() and n not in self._previous]
        if foreign:
            raise OutputError(
                f"{self.path}: would overwrite {', '.join(sorted(foreign))}, not written by framing; "
                "choose an empty folder or pass --force"
            )

    def open_text(self, name: str) -> io.TextIOBase:
        """Open a staged text file for ``name`` (UTF-8, ``\\n`` line ends)."""
        if "/" in name or name.startswith("."):
            raise OutputError(f"invalid output name {name!r}")
        tmp = self.path / f".{name}.{os.getpid()}.{os.urandom(4).hex()}{_TMP_SUFFIX}"
        handle = open(tmp, "w", encoding="utf-8", newline="\n")  # noqa: SIM115 - closed in commit/__exit__
        self._staged[name] = tmp
        self._handles.append(handle)
        return handle

    def stage_path(self, name: str) -> Path:
        """A staged file path for ``name``, which may sit in one subfolder (``figures/naming.png``).

        The caller writes the file (text or binary); :meth:`commit` moves it into place.
        """
        parts = name.split("/")
        if len(parts) > 2 or any(not p or p.startswith(".") or p in ("..", ".") for p in parts) or "\\" in name:
            raise OutputError(f"invalid output name {name!r}")
        tmp = self.path / f".{name.replace('/', '__')}.{os.getpid()}.{os.urandom(4).hex()}{_TMP_SUFFIX}"
        self._staged[name] = tmp
        return tmp

    def write_bytes(self, name: str, data: bytes) -> None:
        """Stage ``data`` as the output ``name``."""
        self.stage_path(name).write_bytes(data)

    def commit(self, run: dict[str, Any]) -> dict[str, dict[str, Any]]:
        """Close staged files, move them into place, then write ``run.json``.

        Returns:
            Output name → ``{"bytes", "sha256"}``, as recorded in ``run.json``.
        """
        for h in self._handles:
            h.close()
        outputs: dict[str, dict[str, Any]] = {}
        for name, tmp in sorted(self._staged.items()):
            outputs[name] = {"bytes": tmp.stat().st_size, "sha256": _sha256(tmp)}
        for name, tmp in self._staged.items():
            target = self.path / name
            if target.parent != self.path:
                target.parent.mkdir(exist_ok=True)
            os.replace(tmp, target)
        record = dict(run)
        record["outputs"] = outputs
        tmp = self.path / f".{RUN_FILE}.{os.getpid()}.{os.urandom(4).hex()}{_TMP_SUFFIX}"
        tmp.write_text(json.dumps(record, indent=2, ensure_ascii=False, sort_keys=False) + "\n", encoding="utf-8")
        os.replace(tmp, self.path / RUN_FILE)
        self._committed = True
        return outputs


def sha256_path(path: Path) -> str:
    """SHA-256 of a file's bytes."""
    return _sha256(path)


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


class CsvTable:
    """Rows written one at a time to a staged CSV file, with a fixed header.

    Args:
        out: The output folder.
        name: File name (``terms.csv``).
        columns: Column names, in order.
        spreadsheet_safe: Neutralise text cells that a spreadsheet would run
            as a formula (see :func:`spreadsheet_safe_cell`); numbers are
            untouched. Off by default.
    """

    def __init__(self, out: OutputDir, name: str, columns: list[str], *, spreadsheet_safe: bool = False) -> None:
        self.columns = columns
        self.spreadsheet_safe = spreadsheet_safe
        self._fh = out.open_text(name)
        self._writer = csv.writer(self._fh, lineterminator="\n")
        self._writer.writerow([spreadsheet_safe_cell(c) for c in columns] if spreadsheet_safe else columns)
        self.rows = 0

    def write(self, row: dict[str, Any]) -> None:
        if self.spreadsheet_safe:
            cells = [_safe(row.get(c)) for c in self.columns]
        else:
            cells = [format_cell(row.get(c)) for c in self.columns]
        self._writer.writerow(cells)
        self.rows += 1

    def write_text(self, text: str | bytes, rows: int) -> None:
        """Append ``rows`` lines already formatted (:func:`format_rows` or :func:`format_rows_safe`,
        as this table's ``spreadsheet_safe`` asks), as text or as its UTF-8 bytes."""
        _append(self._fh, text)
        self.rows += rows

    def write_rows(self, rows: list[dict[str, Any]], formatted: str | None = None) -> None:
        """Write ``rows``; ``formatted`` is their text from :func:`format_rows`, made earlier
        (in a worker process or the cache), and is used as it is unless cells must be neutralised."""
        if self.spreadsheet_safe:
            for row in rows:
                self.write(row)
            return
        self._fh.write(formatted if formatted is not None else format_rows(rows, self.columns))
        self.rows += len(rows)


def _quoting_characters() -> str:
    """The characters that make the csv module quote a cell (QUOTE_MINIMAL, ``lineterminator="\\n"``).

    Asked of the csv module itself, so the rule is that of the running Python (3.11
    quotes a cell holding ``,``, ``"`` or a line feed; later versions add the
    carriage return). They are all ASCII: the delimiter, the quote character and the
    line ends.
    """
    out = []
    for ch in map(chr, range(128)):
        buf = io.StringIO()
        csv.writer(buf, lineterminator="\n").writerow([ch, ""])
        if buf.getvalue() != f"{ch},\n":
            out.append(ch)
    return "".join(out)


_QUOTING = _quoting_characters()
_NEEDS_QUOTES = re.compile(f"[{re.escape(_QUOTING)}]")


def _csv_strings(col: tuple[str, ...] | list[str]) -> list[str]:
    """Cells of one column as the csv module writes them: quoted (inner quotes doubled) where needed.

    Only the cells that need it are quoted (no quoted copy is made of the others). Whether
    any cell needs it is one search over all the cells joined (a quoting character is one
    character: it is in the joined text exactly when it is in a cell); then, where the
    characters are those of Python 3.11 (or with the carriage return, of later versions),
    each cell is tested with ``in`` (a C-level scan, no call) rather than a search.
    """
    if _NEEDS_QUOTES.search("".join(col)) is None:
        return list(col)
    if _QUOTING == '\n",':
        return [v if not ("," in v or '"' in v or "\n" in v) else '"' + v.replace('"', '""') + '"' for v in col]
    if _QUOTING == '\n\r",':
        return [v if not ("," in v or '"' in v or "\n" in v or "\r" in v) else '"' + v.replace('"', '""') + '"'
                for v in col]
    needs = list(map(_NEEDS_QUOTES.search, col))
    return [v if n is None else '"' + v.replace('"', '""') + '"' for v, n in zip(col, needs, strict=True)]


def format_rows(rows: list[dict[str, Any]], columns: list[str]) -> str:
    """CSV lines for ``rows``, exactly as :meth:`CsvTable.write` writes them (without neutralising).

    Speed: the cells are taken out of the rows and rendered column by column at C
    level (``str`` for ints, ``repr`` for floats, quoting only where a cell needs
    it); only a column holding another kind of value (a bool, a NaN, a list, a dict)
    goes through :func:`format_cell` cell by cell. The lines are then joined, with
    no per-character work in Python or in the csv module.
    """
    if not rows:
        return ""
    if len(columns) == 1:  # the csv module writes a lone empty cell as "": leave that case to it
        buf = io.StringIO()
        csv.writer(buf, lineterminator="\n").writerows([format_cell(row.get(columns[0]))] for row in rows)
        return buf.getvalue()
    if len(rows) == 1:  # a document's own row: cell by cell costs less than column by column
        return _row_line(rows[0], columns)
    try:
        cells = list(map(itemgetter(*columns), rows))
    except KeyError:  # some row lacks a column: the cell is empty, as row.get gives None
        cells = [tuple(row.get(c) for c in columns) for row in rows]
    cols: list[Any] = list(zip(*cells, strict=True))
    for k, col in enumerate(cols):
        kinds = set(map(type, col))
        if kinds == {int}:
            cols[k] = map(str, col)  # digits and a sign: never quoted
        elif kinds == {float} and not any(map(math.isnan, col)):
            cols[k] = map(repr, col)  # digits, sign, point, e, inf: never quoted
        else:
            cols[k] = _csv_strings(col if kinds == {str} else list(map(format_cell, col)))
    return "\n".join(map(",".join, zip(*cols, strict=True))) + "\n"


def _row_line(row: dict[str, Any], columns: list[str]) -> str:
    """The CSV line of one row (two columns or more), as :func:`format_rows` makes it.

    A cell is written the same whatever else its column holds: ``str`` of an int and
    ``repr`` of a float are what :func:`format_cell` gives and never need quotes, and
    every other value is :func:`format_cell`'s text, quoted where it needs it.
    """
    cells = []
    search = _NEEDS_QUOTES.search
    for c in columns:
        v = row.get(c)
        t = type(v)
        if t is int:
            cells.append(str(v))
            continue
        if t is float and v == v:
            cells.append(repr(v))
            continue
        cell = v if t is str else format_cell(v)
        if search(cell):
            cell = '"' + cell.replace('"', '""') + '"'
        cells.append(cell)
    return ",".join(cells) + "\n"


def format_rows_safe(rows: list[dict[str, Any]], columns: list[str]) -> str:
    """CSV lines for ``rows`` as :meth:`CsvTable.write` writes them with ``spreadsheet_safe=True``."""
    if not rows:
        return ""
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows([_safe(row.get(c)) for c in columns] for row in rows)
    return buf.getvalue()


#: First characters that make a spreadsheet read a cell as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")


def spreadsheet_safe_cell(text: str) -> str:
    """Prefix ``'`` to text a spreadsheet would take for a formula.

    A cell beginning with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
    return is prefixed; text that is a plain number (``-3.2``, ``+1e5``) is
    not, as a spreadsheet reads it as that number and runs nothing.

    Examples:
        >>> print(spreadsheet_safe_cell('=HYPERLINK("http://x.example","click")'))
        '=HYPERLINK("http://x.example","click")
        >>> spreadsheet_safe_cell("-3.2"), spreadsheet_safe_cell("Stepanakert")
        ('-3.2', 'Stepanakert')

    References:
        OWASP Foundation. CSV Injection.
        https://owasp.org/www-community/attacks/CSV_Injection
    """
    if text.startswith(FORMULA_STARTS) and not _PLAIN_NUMBER.fullmatch(text):
        return "'" + text
    return text


def _safe(value: Any) -> str:
    cell = format_cell(value)
    if isinstance(value, numbers.Number):  # also numpy numbers; bool is a Number too
        return cell
    return spreadsheet_safe_cell(cell)


class JsonlTable:
    """Records written one per line to a staged JSONL file."""

    def __init__(self, out: OutputDir, name: str) -> None:
        self._fh = out.open_text(name)
        self.rows = 0

    def write(self, record: dict[str, Any], line: str | None = None) -> None:
        """Write ``record``; ``line`` is its :func:`json_line`, when made earlier."""
        self._fh.write(line if line is not None else json_line(record))
        self.rows += 1

    def write_text(self, text: str | bytes, rows: int) -> None:
        """Append ``rows`` lines already made by :func:`json_line`, as text or as their UTF-8 bytes."""
        _append(self._fh, text)
        self.rows += rows


def _append(handle: Any, text: str | bytes) -> None:
    """Append to a staged text file (UTF-8, no newline translation) text or its UTF-8 bytes.

    Bytes go straight to the file's buffer (after what the text layer holds), so lines
    encoded elsewhere (a worker process) are neither decoded nor encoded again here.
    """
    if isinstance(text, str):
        handle.write(text)
    elif text:
        handle.flush()
        handle.buffer.write(text)


#: What ``json.dumps(record, ensure_ascii=False)`` builds for each call, built once.
_JSON = json.JSONEncoder(ensure_ascii=False)


def json_line(record: dict[str, Any]) -> str:
    """One JSONL line for ``record``, as :class:`JsonlTable` writes it (``json.dumps(record, ensure_ascii=False)``)."""
    return _JSON.encode(record) + "\n"


def format_cell(value: Any) -> str:
    """Render a value for CSV: ``""`` for None/NaN, ``repr`` precision for floats."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        if value != value:  # NaN
            return ""
        return repr(float(value))  # float(): NumPy 2 writes repr(np.float64(1.5)) as "np.float64(1.5)"
    if isinstance(value, list | tuple):
        return "; ".join(format_cell(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True) if value else ""
    return str(value)
