"""Chart workers: processes that draw the report's charts while the caller goes on.

:class:`ChartWorkers` forks its processes as soon as it is made (where the
``fork`` start method exists), before the tables to plot exist: each worker
imports matplotlib and the chart modules and loads the fonts and lexicon labels
the charts use while the parent is still analysing the corpus. The parent itself
never imports matplotlib on this path. :meth:`ChartWorkers.start` then hands
the workers the tables the charts read (pickled once) and returns a
:class:`PendingFigures` at once; each worker builds the same list of charts
from those tables and takes the next one to draw, slowest first, from a counter
the workers share, so no worker idles while another has a queue.

This module imports neither matplotlib nor pandas: importing it costs nothing.
The files written are the same whichever process draws them and whatever the
number of workers (each chart is drawn from its own fresh figure).
"""

from __future__ import annotations

import logging
import multiprocessing as mp
import pickle
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ..reportdata import Figure

log = logging.getLogger(__name__)

#: Stems of the files the charts write (fixed names, or prefixes of families).
OWN_STEMS = (
    "timeline", "event_coverage", "naming_lean", "naming_shares", "naming_heatmap", "scare_quotes",
    "sourcing", "voices_by_side", "cue_classes", "tone", "actor_tone", "readability", "reading_ease",
    "distinctive_words",
)
#: Tables the charts read: the only ones handed to the workers.
CHART_TABLES = (
    "actor_tone", "distinctive", "distinctive_words", "documents", "events", "naming", "naming_lean",
    "readability", "scare_quotes", "terms", "tone", "voices", "voices_by_side",
)
#: Charts that take longest to draw (most rows and labels): drawn first.
SLOW_FIRST = ("distinctive_words", "naming_shares", "actor_tone", "naming_heatmap", "voices_by_side")

# In a worker: the rank (in slow-first order) of the next chart to draw, and the stop flag.
_NEXT: Any = None
_STOP: Any = None


def slowness(name: str) -> int:
    """Rank of a chart name in :data:`SLOW_FIRST` (the rest after, in reading order)."""
    return next((i for i, stem in enumerate(SLOW_FIRST) if name == stem or name.startswith(stem + "_")),
                len(SLOW_FIRST))


def chart_outlets(tables: Mapping[str, Any]) -> list[str]:
    """Every outlet named in any table (the charts' outlet colours are assigned over all of them)."""
    outlets: set[str] = set()
    for t in tables.values():
        columns = getattr(t, "columns", None)
        if columns is not None and "outlet" in columns:
            outlets |= {str(o) for o in t["outlet"].dropna().unique()}
    return sorted(outlets)


class ChartWorkers:
    """Worker processes for the charts, started before the tables exist (see the module doc).

    Use as a context manager: leaving it stops the workers. Without the fork
    start method or with ``jobs`` < 2 there are no workers (:attr:`active` is
    False) and the caller draws the charts itself.
    """

    def __init__(self, jobs: int) -> None:
        self._pool: Any = None
        self.jobs = jobs
        if jobs < 2 or "fork" not in mp.get_all_start_methods():
            return
        from concurrent.futures import ProcessPoolExecutor

        ctx = mp.get_context("fork")
        self._next = ctx.Value("i", 0)
        self._stop = ctx.Value("b", 0)
        self._pool = ProcessPoolExecutor(max_workers=jobs, mp_context=ctx, initializer=_warm_up,
                                         initargs=(self._next, self._stop))
        try:
            # with fork, the first task forks every worker; each then warms up in its initializer
            self._pool.submit(int)
        except BaseException:
            self.close()
            raise

    @property
    def active(self) -> bool:
        """Whether worker processes are running."""
        return self._pool is not None

    def start(
        self,
        tables: Mapping[str, Any],
        figdir: Path,
        *,
        aliases: Mapping[str, str] | None = None,
        concept_labels: Mapping[str, str] | None = None,
    ) -> PendingFigures:
        """Hand the charts of ``tables`` to the workers; they write ``figdir/<name>.png``."""
        if self._pool is None:
            raise RuntimeError("no chart workers are running")
        spec = {
            "tables": {name: tables[name] for name in CHART_TABLES if name in tables},
            "outlets": chart_outlets(tables),
            "aliases": dict(aliases) if aliases else None,
            "concept_labels": dict(concept_labels) if concept_labels is not None else None,
        }
        payload = pickle.dumps(spec, protocol=pickle.HIGHEST_PROTOCOL)
        figdir = Path(figdir)
        figdir.mkdir(parents=True, exist_ok=True)
        with self._next.get_lock():
            self._next.value = 0
        self._stop.value = 0
        futures = [self._pool.submit(_draw_charts, payload, str(figdir)) for _ in range(self.jobs)]
        return PendingFigures(self, futures, figdir)

    def close(self) -> None:
        """Stop the workers (charts not drawn yet are dropped)."""
        if self._pool is not None:
            self._stop.value = 1
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def __enter__(self) -> ChartWorkers:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class PendingFigures:
    """Charts being drawn by :class:`ChartWorkers` (a context manager: leaving it stops the workers)."""

    def __init__(self, workers: ChartWorkers, futures: list[Any], figdir: Path) -> None:
        self._workers = workers
        self._futures = futures
        self._figdir = figdir

    @property
    def _pool(self) -> Any:
        return self._workers._pool

    def result(self) -> list[Figure]:
        """The saved charts in reading order (waits for the workers)."""
        try:
            meta: list[tuple[str, str, str]] = []
            drawn: dict[int, tuple[str | None, str]] = {}
            for future in self._futures:
                meta, done = future.result()
                drawn.update(done)
        finally:
            self.close()
        if len(drawn) != len(meta):
            raise RuntimeError(f"the chart workers drew {len(drawn)} of {len(meta)} charts")
        out = [
            Figure(name=name, title=drawn[i][0] or "", path=f"{self._figdir.name}/{name}.png",
                   how_to_read=how, caveats=caveats, alt=drawn[i][1])
            for i, (name, how, caveats) in enumerate(meta) if drawn[i][0] is not None
        ]
        remove_stale(self._figdir, {f.name for f in out})
        return out

    def close(self) -> None:
        """Stop the workers (charts not drawn yet are dropped)."""
        self._workers.close()

    def __enter__(self) -> PendingFigures:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def remove_stale(figdir: Path, written: set[str]) -> None:
    """Remove PNGs in ``figdir`` named like a chart of this package but not drawn now."""
    for p in sorted(figdir.glob("*.png")):
        stem = p.stem
        ours = any(stem == s or stem.startswith(s + "_") for s in OWN_STEMS)
        if ours and stem not in written:
            p.unlink()


# -- in the workers -------------------------------------------------------------
def _warm_up(next_rank: Any, stop: Any) -> None:
    global _NEXT, _STOP
    _NEXT, _STOP = next_rank, stop
    from .figures import warm_up

    warm_up()


def _draw_charts(payload: bytes, figdir: str) -> tuple[list[tuple[str, str, str]], dict[int, tuple[str | None, str]]]:
    """Draw charts until none is left: (name, how to read, caveats) of every chart, and the drawn ones' (title, alt)."""
    from .figures import chart_plans, draw_one

    spec = pickle.loads(payload)
    plans = chart_plans(spec["tables"], aliases=spec["aliases"], concept_labels=spec["concept_labels"],
                        outlets=spec["outlets"])
    order = sorted(range(len(plans)), key=lambda i: (slowness(plans[i].name), i))
    done: dict[int, tuple[str | None, str]] = {}
    while not _STOP.value:
        with _NEXT.get_lock():
            rank = _NEXT.value
            _NEXT.value = rank + 1
        if rank >= len(order):
            break
        plan = plans[order[rank]]
        title = draw_one(plan, Path(figdir))
        done[order[rank]] = (title, plan.alt() if title is not None else "")
    return [(p.name, p.how_to_read, p.caveats) for p in plans], done
