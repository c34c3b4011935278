"""Running the per-document analysis over many documents: in order, on several cores, cached.

:func:`ordered_map` is a generic order-preserving map over worker processes:
each worker builds its state once (the analyzer, with its lexicons compiled),
items go out in chunks, at most a few chunks are in flight (so memory stays
flat however long the input), and results come back in input order. Ctrl-C
stops the workers at once (they ignore SIGINT; the main process terminates
them) and the KeyboardInterrupt reaches the caller.

:func:`analyze_sources` is the document pipeline built on it: raw sources
in, ``(document, result)`` out, in corpus order, with the lexicon-independent
work taken from a :class:`~framing.cache.DocumentCache` when it is there and
stored there when it is not (one transaction per batch, written by the main
process only). The output does not depend on ``jobs`` or on the cache.
"""

from __future__ import annotations

import logging
import multiprocessing
import signal
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import Diagnostic

if TYPE_CHECKING:
    import os

    from .analysis import Analyzer, DocumentResult
    from .corpus import Corpus
    from .model import Document, Source

log = logging.getLogger(__name__)

#: Documents per task sent to a worker, and records per cache transaction.
CHUNK = 8
BATCH = 64

_STATE: Any = None


def _init_worker(factory: Callable[..., Callable[[Any], Any]], args: tuple[Any, ...]) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the main process decides what Ctrl-C does
    global _STATE
    _STATE = factory(*args)


def _run_chunk(chunk: list[Any]) -> list[Any]:
    return [_STATE(x) for x in chunk]


def _context() -> Any:
    # fork shares the parent's compiled lexicons for free; elsewhere the state is pickled.
    return multiprocessing.get_context("fork" if sys.platform.startswith("linux") else "spawn")


def ordered_map(
    factory: Callable[..., Callable[[Any], Any]],
    args: tuple[Any, ...],
    items: Iterable[Any],
    *,
    jobs: int = 1,
    chunksize: int = CHUNK,
    ahead: int | None = None,
) -> Iterator[Any]:
    """Apply ``factory(*args)`` to every item, in ``jobs`` processes, yielding results in input order.

    Args:
        factory: Builds the per-process function (called once per worker).
        args: Its arguments.
        items: The input; read lazily, at most ``ahead`` chunks ahead of the output.
        jobs: Worker processes; 1 runs everything in this process.
        chunksize: Items per task.
        ahead: Chunks in flight (default ``4 * jobs``).

    Raises:
        ValueError: ``jobs`` or ``chunksize`` below 1.
    """
    if jobs < 1 or chunksize < 1:
        raise ValueError(f"jobs and chunksize must be at least 1, not {jobs} and {chunksize}")
    if jobs == 1:
        fn = factory(*args)
        for x in items:
            yield fn(x)
        return
    it = iter(items)
    pool = _context().Pool(jobs, _init_worker, (factory, args))
    try:
        queue: deque[Any] = deque()

        def submit() -> bool:
            chunk = list(islice(it, chunksize))
            if chunk:
                queue.append(pool.apply_async(_run_chunk, (chunk,)))
            return bool(chunk)

        while len(queue) < (ahead or 4 * jobs) and submit():
            pass
        while queue:
            results = queue.popleft().get()
            submit()
            yield from results
        pool.close()
        pool.join()
    finally:
        pool.terminate()  # on Ctrl-C, an error, or a consumer that stopped early; a no-op after join
        pool.join()


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
