"""Running the per-document analysis over many documents: in order, on several cores, cached.

:class:`ChunkedRun` is what :func:`framing.write_analysis` runs: raw sources go
to worker processes (:mod:`framing.workers`) in chunks, and each worker
analyses its chunk, formats every line it adds to the tables and aggregates it
(:mod:`framing.aggregates`), so the writing process only appends bytes and
merges small states in corpus order; the last chunks are smaller, so the
workers finish together. At the end other processes, started before the
analysis warmed up (they import numpy on the core that is idle meanwhile),
compute the aggregate tables, each for a range of units. :func:`analyze_sources` is the
same pipeline yielding ``(document, result)`` per document, for the in-memory
:func:`framing.analyze`.

The lexicon-independent work is taken from a :class:`~framing.cache.DocumentCache`
when it is there and stored there when it is not (one transaction per batch,
written by the main process only). The output does not depend on ``jobs`` or on the cache.
"""

from __future__ import annotations

import dataclasses
import functools
import logging
import operator
from collections import deque
from collections.abc import Iterator
from contextlib import ExitStack, suppress
from dataclasses import dataclass
from functools import partial
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import Diagnostic
from .workers import ordered_map, tapered, worker_pool

__all__ = ["BATCH", "CHUNK", "CacheStats", "ChunkResult", "ChunkWorker", "ChunkedRun", "DocumentWorker", "Outcome",
           "RowsWorker", "analyze_sources", "ordered_map"]

if TYPE_CHECKING:
    import os

    from .analysis import Analyzer, DocumentResult
    from .corpus import Corpus
    from .model import Document, Source

log = logging.getLogger(__name__)

#: Documents per chunk sent to a worker (the last ones smaller, see :func:`framing.workers.tapered`),
#: and records per cache transaction.
CHUNK = 16
BATCH = 64
#: Niceness of the thread that imports numpy in a :class:`RowsWorker` while the analysis warms up.
_ROWS_NICE = 15


@dataclass(frozen=True, slots=True)
class Outcome:
    """One analysed document, as a worker returns it."""

    doc: Document
    diagnostics: list[Diagnostic]
    result: DocumentResult
    cached: bool
    fresh: tuple[str, bytes] | None  # (key, record) for the cache, when computed here

    def __reduce__(self) -> tuple[Any, ...]:
        # Sent from a worker: the document as plain values (pickled dataclasses load slowly), and,
        # when the sentences are already formatted, only what the aggregates read of each row.
        from .analysis import DocumentResult
        from .cache import flat_diagnostics, flat_document

        r = self.result
        rows = r.rows
        if "sentences" in r.csv:
            rows = {**rows, "sentences": [{"voice": x["voice"], "compound": x["compound"]} for x in rows["sentences"]]}
        result = DocumentResult(r.doc_id, rows, r.record if "documents.jsonl" not in r.csv else {}, r.csv)
        return (_outcome, (flat_document(self.doc), flat_diagnostics(self.diagnostics), result, self.cached, self.fresh))


def _outcome(doc: dict[str, Any], diags: list[tuple[Any, ...]], result: DocumentResult, cached: bool,
             fresh: tuple[str, bytes] | None) -> Outcome:
    from .cache import diagnostics_from_flat, document_from_flat

    return Outcome(document_from_flat(doc), diagnostics_from_flat(diags), result, cached, fresh)


class DocumentWorker:
    """Prepares and analyses one raw source, using the cache when it holds the source.

    Args:
        analyzer: The analyzer (lexicons compiled once per process).
        cache_path: The cache file, or None for no cache. Workers only read it.
    """

    def __init__(self, analyzer: Analyzer, cache_path: str | os.PathLike[str] | None = None, formatted: bool = False) -> None:
        from .cache import DocumentCache, namespace

        self.analyzer = analyzer
        self.formatted = formatted
        self.cache = DocumentCache(cache_path, readonly=True) if cache_path is not None else None
        self.space = namespace(actors_sha256=actors_fingerprint(analyzer)) if self.cache is not None else ""

    def __call__(self, src: Source) -> Outcome:
        from .cache import pack_record, source_key, unpack_record
        from .cleaning import prepare

        key = ""
        if self.cache is not None and self.cache.enabled:
            key = source_key(src, self.space)
            payload = self.cache.get(key)
            if payload is not None:
                try:
                    doc, diags, base = unpack_record(payload)
                    return Outcome(doc, list(diags), self.analyzer.finish(doc, base, formatted=self.formatted), True, None)
                except Exception as exc:  # noqa: BLE001 - a damaged record is recomputed, never trusted
                    log.warning("%s: cache record for %s unreadable (%s); recomputed", self.cache.path, src.id, exc)
        doc, diags = prepare(src)
        # formatted lines are kept in the cache whenever there is one: a rerun then skips formatting
        base = self.analyzer.base(doc, formatted=self.formatted or bool(key))
        fresh = (key, pack_record(doc, diags, base)) if key else None
        return Outcome(doc, diags, self.analyzer.finish(doc, base, formatted=self.formatted), False, fresh)


def actors_fingerprint(analyzer: Analyzer) -> str:
    """SHA-256 of the analyzer's actors file ("" when it has none)."""
    from .output import sha256_path

    path = getattr(analyzer.actors, "path", None)
    return sha256_path(Path(path)) if path else ""


@dataclass
class CacheStats:
    """How a run used the cache."""

    hits: int = 0
    misses: int = 0
    stored: int = 0


def analyze_sources(
    corpus: Corpus,
    analyzer: Analyzer,
    *,
    jobs: int = 1,
    cache: str | os.PathLike[str] | None = None,
    stats: CacheStats | None = None,
    formatted: bool = False,
) -> Iterator[tuple[Document, DocumentResult]]:
    """Analyse every source of ``corpus``, yielding ``(document, result)`` in corpus order.

    ``formatted=True`` asks for the CSV lines of the lexicon-independent tables in each result
    (formatted by the workers, or taken from the cache), for writers.

    Preparation diagnostics are recorded on the corpus (``corpus.warn``) in
    order, exactly as iterating the corpus does. Close the generator (or
    exhaust it) so the worker processes stop and the last cache batch is stored.
    """
    from .cache import DocumentCache

    store = DocumentCache(cache) if cache is not None else None
    trailing: list[Diagnostic] = []  # problems to report after the last document's
    if store is not None and not store.enabled:
        trailing.append(Diagnostic(str(cache), store.problem.split(": ", 1)[-1], skipped=False))
        store = None
    stats = stats if stats is not None else CacheStats()
    if jobs > 1:
        analyzer.warm_up()  # loaded once here, shared by the forked workers
    pending: list[tuple[str, bytes]] = []
    read_diags: deque[list[Diagnostic]] = deque()
    try:
        sources = _sources_with_diagnostics(corpus, read_diags, trailing)
        outcomes = ordered_map(DocumentWorker, (analyzer, store.path if store is not None else None, formatted), sources,
                                jobs=jobs)
        try:
            for out in outcomes:
                # reading problems met before this source, then its own: the order of a plain iteration,
                # however far ahead the workers have read
                corpus.diagnostics.extend(read_diags.popleft())
                for d in out.diagnostics:
                    corpus.warn(d)
                if out.cached:
                    stats.hits += 1
                else:
                    stats.misses += 1
                if store is not None and out.fresh is not None:
                    pending.append(out.fresh)
                    if len(pending) >= BATCH:
                        stats.stored += store.put_many(pending)
                        pending = []
                yield out.doc, out.result
            corpus.diagnostics.extend(trailing)
        finally:
            outcomes.close()  # type: ignore[attr-defined]
    finally:
        if store is not None:
            if pending:  # finished documents are kept even when the run stops here
                stats.stored += store.put_many(pending)
            store.close()


def _sources_with_diagnostics(
    corpus: Corpus, read_diags: deque[list[Diagnostic]], trailing: list[Diagnostic]
) -> Iterator[Source]:
    """The corpus's sources; the diagnostics raised while reading each are moved to ``read_diags``."""
    it = corpus.sources()
    while True:
        before = corpus.diagnostics
        mark = len(before)
        try:
            src = next(it)
        except StopIteration:
            if corpus.diagnostics is not before:  # an empty corpus: the first step reset the list
                mark = len(getattr(corpus, "_initial", ()))
            trailing.extend(corpus.diagnostics[mark:])
            del corpus.diagnostics[mark:]
            return
        if corpus.diagnostics is not before:  # the first step starts a fresh list from the load-time problems
            mark = len(getattr(corpus, "_initial", ()))
        read_diags.append(corpus.diagnostics[mark:])
        del corpus.diagnostics[mark:]
        yield src


# --- whole chunks of documents, for writers -----------------------------------------------------

def _outputs() -> list[str]:
    """Output files of the per-document tables, in the order a chunk lists them."""
    from .tables import COLUMNS

    return ["documents.jsonl", *(f"{name}.csv" for name in COLUMNS)]


@dataclass(frozen=True, slots=True)
class ChunkResult:
    """What a run of consecutive documents adds to the outputs, as a worker returns it.

    Attributes:
        texts: Output file name → the lines these documents add to it, formatted and
            encoded in UTF-8 (bytes cross between processes without decoding).
        rows: Output file name → how many rows (lines) that is.
        diagnostics: The preparation diagnostics of each document, in order.
        fresh: ``(key, record)`` pairs for the cache, for documents computed here.
        hits: Documents taken from the cache.
        aggregates: The :meth:`~framing.aggregates.Aggregates.state` of these documents
            (None when the worker added them to the run's aggregates itself).
        documents: The documents, when asked for (progress callbacks); else None.
    """

    texts: dict[str, bytes]
    rows: dict[str, int]
    diagnostics: list[list[Diagnostic]]
    fresh: list[tuple[str, bytes]]
    hits: int
    aggregates: tuple[dict[str, Any], ...] | None
    documents: list[Document] | None

    @property
    def n_documents(self) -> int:
        """How many documents the chunk holds."""
        return len(self.diagnostics)

    def __reduce__(self) -> tuple[Any, ...]:
        # diagnostics and documents as plain values (pickled dataclasses load slowly)
        from .cache import flat_diagnostics, flat_document

        docs = None if self.documents is None else [flat_document(d) for d in self.documents]
        diags = [flat_diagnostics(d) for d in self.diagnostics]
        return (_chunk_result, (self.texts, self.rows, diags, self.fresh, self.hits, self.aggregates, docs))


def _chunk_result(texts: dict[str, bytes], rows: dict[str, int], diags: list[list[tuple[Any, ...]]],
                  fresh: list[tuple[str, bytes]], hits: int, aggregates: tuple[dict[str, Any], ...] | None,
                  docs: list[dict[str, Any]] | None) -> ChunkResult:
    from .cache import diagnostics_from_flat, document_from_flat

    return ChunkResult(texts, rows, [diagnostics_from_flat(d) for d in diags], fresh, hits, aggregates,
                       None if docs is None else [document_from_flat(d) for d in docs])


class _Batch:
    """Sources on their way to a worker: pickled as tuples of their fields, they arrive as a list.

    A frozen dataclass with slots is pickled through Python code of :mod:`dataclasses`
    for each instance (about 10 µs), in the process that feeds the workers.
    """

    __slots__ = ("sources",)

    def __init__(self, sources: list[Source]) -> None:
        self.sources = sources

    def __reduce__(self) -> tuple[Any, ...]:
        return (_sources, (list(map(_source_fields(), self.sources)),))


@functools.cache
def _source_fields() -> Any:
    """A function from a :class:`~framing.model.Source` to the tuple of its fields, in order."""
    from .model import Source

    return operator.attrgetter(*(f.name for f in dataclasses.fields(Source)))


def _sources(rows: list[tuple[Any, ...]]) -> list[Source]:
    from .model import Source

    return [Source(*row) for row in rows]


class ChunkWorker:
    """Analyses a chunk of raw sources into formatted lines and a partial aggregate.

    Everything per document happens here (in a worker process when there are
    several): the analysis, the formatting of every table line, and the corpus
    aggregates of the chunk, so the process that writes the files only appends
    text and merges small dictionaries.

    Args:
        analyzer: The analyzer (lexicons compiled once per process).
        cache_path: The cache file, or None. Workers only read it.
        by: The unit of the aggregates (``"outlet"`` or ``"group"``).
        spreadsheet_safe: Format text cells neutralised (see :func:`framing.output.spreadsheet_safe_cell`).
        documents: Return the documents too (for progress callbacks).
    """

    def __init__(self, analyzer: Analyzer, cache_path: str | os.PathLike[str] | None = None, *, by: str = "outlet",
                 spreadsheet_safe: bool = False, documents: bool = False) -> None:
        self.one = DocumentWorker(analyzer, cache_path, formatted=not spreadsheet_safe)
        self.analyzer = analyzer
        self.by = by
        self.safe = spreadsheet_safe
        self.documents = documents
        self.outputs = _outputs()

    def __call__(self, sources: list[Source], into: Any = None) -> ChunkResult:
        """Analyse ``sources``; their aggregates go ``into`` an :class:`~framing.aggregates.Aggregates`
        when given (in the writing process), else into the returned state."""
        from .aggregates import Aggregates
        from .output import format_rows_safe, json_line
        from .tables import COLUMNS

        agg = into if into is not None else Aggregates(self.analyzer, self.by)
        parts: dict[str, list[str]] = {name: [] for name in self.outputs}
        rows = dict.fromkeys(self.outputs, 0)
        diags, fresh, docs = [], [], []
        hits = 0
        for src in sources:
            out = self.one(src)
            r = out.result
            if self.safe:
                parts["documents.jsonl"].append(json_line(r.record))
                for name, table in r.rows.items():
                    parts[f"{name}.csv"].append(format_rows_safe(table, COLUMNS[name]))
            else:
                parts["documents.jsonl"].append(r.csv["documents.jsonl"])
                for name in r.rows:
                    parts[f"{name}.csv"].append(r.csv[name])
            rows["documents.jsonl"] += 1
            for name, table in r.rows.items():
                rows[f"{name}.csv"] += len(table)
            agg.add(out.doc, r)
            diags.append(out.diagnostics)
            if out.fresh is not None:
                fresh.append(out.fresh)
            hits += out.cached
            if self.documents:
                docs.append(out.doc)
        texts = {name: "".join(p).encode("utf-8") for name, p in parts.items()}
        return ChunkResult(texts, rows, diags, fresh, hits,
                           None if into is not None else agg.state(), docs if self.documents else None)



class RowsWorker:
    """Computes the aggregate tables of one part of a merged state (see :meth:`Aggregates.split`).

    These processes are started before the analysis warms up; when built, each
    imports numpy and the interval code in a thread of lower priority (a nice
    value is per thread on Linux), so the import runs on the core the warm-up
    leaves idle instead of slowing it, and at the end the tables are computed
    at once, at normal priority.

    Args:
        analyzer: The analyzer (its pack kinds and actors list).
    """

    def __init__(self, analyzer: Analyzer) -> None:
        import threading

        self.analyzer = analyzer
        self._ready = threading.Thread(target=_import_stats, daemon=True)
        self._ready.start()

    def __call__(self, state: tuple[dict[str, Any], ...]) -> dict[str, list[dict[str, Any]]]:
        from .aggregates import rows_of_state

        self._ready.join()
        return rows_of_state(self.analyzer, state)


def _import_stats() -> None:
    import os

    with suppress(OSError):
        os.nice(_ROWS_NICE)  # this thread only (Linux); elsewhere the process, which only waits meanwhile
    from . import stats  # noqa: F401 - numpy


class ChunkedRun:
    """A run over a corpus in chunks: formatted lines in corpus order, then the aggregate tables.

    Use as a context manager; iterate :meth:`chunks`, then call :meth:`aggregate_rows`::

        with ChunkedRun(corpus, analyzer, jobs=2) as run:
            for part in run.chunks():
                ...  # append part.texts to the files
            tables = run.aggregate_rows()

    With ``jobs > 1`` the workers do all the per-document work and the
    aggregates of their chunks; this process merges the chunks' states in
    corpus order (so the tables equal those of one process) and, at the end,
    has ``jobs`` more processes (:class:`RowsWorker`, started first, idle until
    then) compute the aggregate tables of disjoint ranges of units.
    Preparation diagnostics are recorded on the corpus in the order of a plain
    iteration; the cache is written here only, one transaction per batch, also
    when the run stops early.

    Args:
        corpus: The corpus.
        analyzer: The analyzer.
        jobs: Worker processes (1: everything in this process).
        cache: A cache file, or None.
        by: The unit of the aggregate tables.
        spreadsheet_safe: Neutralise text cells a spreadsheet would run as formulas.
        documents: Keep the documents in each chunk (for progress callbacks); costs a little.
        stats: Filled with the cache hits, misses and records stored.
        chunksize: Documents per chunk.
    """

    def __init__(self, corpus: Corpus, analyzer: Analyzer, *, jobs: int = 1,
                 cache: str | os.PathLike[str] | None = None, by: str = "outlet", spreadsheet_safe: bool = False,
                 documents: bool = False, stats: CacheStats | None = None, chunksize: int = CHUNK) -> None:
        from .aggregates import Aggregates

        if jobs < 1 or chunksize < 1:
            raise ValueError(f"jobs and chunksize must be at least 1, not {jobs} and {chunksize}")
        self.corpus = corpus
        self.analyzer = analyzer
        self.jobs = jobs
        self.cache = cache
        self.chunksize = chunksize
        self.stats = stats if stats is not None else CacheStats()
        self.aggregates = Aggregates(analyzer, by)  # checks ``by``
        self._options = {"by": by, "spreadsheet_safe": spreadsheet_safe, "documents": documents}
        self._stack = ExitStack()
        self._store: Any = None
        self._pending: list[tuple[str, bytes]] = []
        self._trailing: list[Diagnostic] = []
        self._pool: Any = None
        self._rows_pool: Any = None
        self._worker: ChunkWorker | None = None
        self._rows: Iterator[dict[str, list[dict[str, Any]]]] | None = None  # see start_aggregates

    def __enter__(self) -> ChunkedRun:
        from .cache import DocumentCache

        if self.cache is not None:
            store = DocumentCache(self.cache)
            if store.enabled:
                self._store = store
            else:
                self._trailing.append(Diagnostic(str(self.cache), store.problem.split(": ", 1)[-1], skipped=False))
        args = (self.analyzer, self._store.path if self._store is not None else None)
        try:
            if self.jobs > 1:
                # the processes of the aggregate tables first: they import numpy during the warm-up
                self._rows_pool = self._stack.enter_context(worker_pool(RowsWorker, (self.analyzer,), self.jobs))
                self.analyzer.warm_up()  # loaded once here, shared by the forked workers
                factory = partial(ChunkWorker, **self._options)
                self._pool = self._stack.enter_context(worker_pool(factory, args, self.jobs))
            else:
                self._worker = ChunkWorker(*args, **self._options)
        except BaseException:
            if self._store is not None:
                self._store.close()
            raise
        return self

    def __exit__(self, *exc: Any) -> None:
        try:
            self._stack.__exit__(*exc)  # an exception terminates the workers
        finally:
            if self._store is not None:
                self._flush()  # finished documents are kept even when the run stops here
                self._store.close()

    def _flush(self, *, whole: bool = False) -> None:
        # one transaction per BATCH records (and the rest, at the end)
        while len(self._pending) >= (BATCH if whole else 1):
            batch, self._pending = self._pending[:BATCH], self._pending[BATCH:]
            self.stats.stored += self._store.put_many(batch)

    def chunks(self) -> Iterator[ChunkResult]:
        """The chunks' results, in corpus order (their aggregates already merged)."""
        corpus = self.corpus
        read_diags: deque[list[Diagnostic]] = deque()
        sources = _sources_with_diagnostics(corpus, read_diags, self._trailing)
        if self._pool is not None:
            # the last chunks are smaller, so that the workers finish at about the same time
            batches = map(_Batch, tapered(sources, size=self.chunksize, jobs=self.jobs))
            results = self._pool.map(batches)
        else:
            batches = iter(lambda: list(islice(sources, self.chunksize)), [])
            worker = self._worker
            results = (worker(batch, self.aggregates) for batch in batches)  # type: ignore[misc]
        for part in results:
            for diags in part.diagnostics:
                # reading problems met before this source, then its own: the order of a plain iteration,
                # however far ahead the workers have read
                corpus.diagnostics.extend(read_diags.popleft())
                for d in diags:
                    corpus.warn(d)
            if part.aggregates is not None:
                self.aggregates.merge(part.aggregates)
            n = part.n_documents
            self.stats.hits += part.hits
            self.stats.misses += n - part.hits
            if self._store is not None and part.fresh:
                self._pending.extend(part.fresh)
                self._flush(whole=True)
            yield part
        if self._pool is not None:
            self._pool.stop()  # every chunk is in: the workers exit while the aggregate tables are computed
        corpus.diagnostics.extend(self._trailing)

    def start_aggregates(self) -> None:
        """Send the aggregate tables' parts to their workers now (with ``jobs > 1``), without waiting.

        The caller can then do other work (the run record) while they compute;
        :meth:`aggregate_rows` takes the tables. Call it once every chunk is in.
        """
        if self._pool is not None and self._rows is None:
            self._rows = self._rows_pool.submit(self.aggregates.split(self.jobs))

    def aggregate_rows(self) -> dict[str, list[dict[str, Any]]]:
        """The aggregate tables (:data:`framing.tables.AGGREGATE_COLUMNS`) of every document read."""
        from .aggregates import concat_rows

        if self._pool is None:
            return self.aggregates.rows()
        self.start_aggregates()
        rows, self._rows = self._rows, None
        return concat_rows(list(rows))
