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
import os
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

    One process is forked at once: it imports matplotlib and loads the fonts and
    labels the charts use. When :meth:`start` hands it the tables it forks the
    other ``jobs - 1`` workers from itself, so they start with all of that in
    memory instead of importing it again. Use as a context manager: leaving it
    stops the workers. Without the fork start method or with ``jobs`` < 2 there
    are no workers (:attr:`active` is False) and the caller draws the charts itself.
    """

    def __init__(self, jobs: int) -> None:
        self.jobs = jobs
        self._proc: Any = None
        self._started = False
        if jobs < 2 or "fork" not in mp.get_all_start_methods():
            return
        ctx = mp.get_context("fork")
        self._next = ctx.Value("i", 0)  # rank (slowest first) of the next chart to draw
        self._stop = ctx.RawValue("b", 0)
        cmd_out, self._cmd = ctx.Pipe(duplex=False)
        self._results, res_in = ctx.Pipe(duplex=False)
        self._proc = ctx.Process(target=_first_worker, name="framing-charts",
                                 args=(cmd_out, res_in, (self._cmd, self._results), self._next, self._stop, jobs))
        self._proc.start()
        cmd_out.close()
        res_in.close()

    @property
    def active(self) -> bool:
        """Whether the workers are running and have not been handed charts yet."""
        return self._proc is not None and not self._started

    def start(
        self,
        tables: Mapping[str, Any],
        figdir: Path,
        *,
        aliases: Mapping[str, str] | None = None,
        concept_labels: Mapping[str, str] | None = None,
    ) -> PendingFigures:
        """Hand the charts of ``tables`` to the workers; they write ``figdir/<name>.png``."""
        if not self.active:
            raise RuntimeError("no chart workers are waiting for charts")
        spec = {
            "tables": {name: tables[name] for name in CHART_TABLES if name in tables},
            "outlets": chart_outlets(tables),
            "aliases": dict(aliases) if aliases else None,
            "concept_labels": dict(concept_labels) if concept_labels is not None else None,
        }
        figdir = Path(figdir)
        figdir.mkdir(parents=True, exist_ok=True)
        self._started = True
        try:
            self._cmd.send_bytes(pickle.dumps((spec, str(figdir)), protocol=pickle.HIGHEST_PROTOCOL))
        except OSError as exc:  # the worker is gone: its exit is the error to report
            self.close()
            raise RuntimeError(f"the chart worker stopped before drawing ({exc})") from exc
        return PendingFigures(self, figdir)

    def _receive(self) -> tuple[list[tuple[str, str, str]], dict[int, tuple[str | None, str]]]:
        try:
            status, *rest = self._results.recv()
        except (EOFError, OSError) as exc:
            raise RuntimeError("the chart worker stopped without drawing the charts") from exc
        if status != "ok":
            raise rest[0]
        meta, drawn = rest
        return meta, drawn

    def close(self) -> None:
        """Stop the workers (charts not drawn yet are dropped)."""
        if self._proc is None:
            return
        self._stop.value = 1
        self._cmd.close()  # a worker still waiting for charts sees the end of its input and quits
        self._results.close()
        self._proc.join(timeout=30)
        if self._proc.exitcode is None:
            self._proc.terminate()
            self._proc.join()
        self._proc = None

    def __enter__(self) -> ChartWorkers:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class PendingFigures:
    """Charts being drawn by :class:`ChartWorkers` (a context manager: leaving it stops the workers)."""

    def __init__(self, workers: ChartWorkers, figdir: Path) -> None:
        self._workers = workers
        self._figdir = figdir

    @property
    def _pool(self) -> Any:
        return self._workers._proc

    def result(self) -> list[Figure]:
        """The saved charts in reading order (waits for the workers)."""
        try:
            meta, drawn = self._workers._receive()
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
def _first_worker(cmd: Any, out: Any, parents: tuple[Any, ...], next_rank: Any, stop: Any, jobs: int) -> None:
    """The first worker: warm up, wait for the tables, fork the others, draw, send back every result."""
    for conn in parents:  # the parent's ends, inherited by the fork
        conn.close()
    failure: BaseException | None = None
    try:
        from .figures import warm_up

        warm_up()
    except Exception as exc:  # reported once charts are asked for
        failure = exc
    try:
        spec, figdir = pickle.loads(cmd.recv_bytes())
    except (EOFError, OSError):
        return  # closed before any chart was asked for
    try:
        if failure is not None:
            raise failure
        from .figures import chart_plans

        plans = chart_plans(spec["tables"], aliases=spec["aliases"], concept_labels=spec["concept_labels"],
                            outlets=spec["outlets"])
        order = sorted(range(len(plans)), key=lambda i: (slowness(plans[i].name), i))
        helpers = [_fork_helper(plans, order, Path(figdir), next_rank, stop) for _ in range(jobs - 1)]
        drawn = _draw_in_turn(plans, order, Path(figdir), next_rank, stop)
        for pid, conn in helpers:
            try:
                status, result = conn.recv()
            except (EOFError, OSError):
                status, result = "error", RuntimeError("a chart worker stopped without its charts")
            finally:
                conn.close()
                os.waitpid(pid, 0)
            if status != "ok":
                raise result
            drawn.update(result)
        _send(out, ("ok", [(p.name, p.how_to_read, p.caveats) for p in plans], drawn))
    except Exception as exc:
        _send(out, ("error", exc))


def _fork_helper(plans: list[Any], order: list[int], figdir: Path, next_rank: Any, stop: Any) -> tuple[int, Any]:
    """Fork a worker that draws charts in turn with its parent and sends back its results."""
    from multiprocessing.connection import Pipe

    conn_in, conn_out = Pipe(duplex=False)
    pid = os.fork()
    if pid == 0:  # pragma: no cover - runs in the forked helper
        code = 0
        try:
            conn_in.close()
            try:
                _send(conn_out, ("ok", _draw_in_turn(plans, order, figdir, next_rank, stop)))
            except Exception as exc:
                _send(conn_out, ("error", exc))
        except BaseException:
            code = 1
        finally:
            os._exit(code)
    conn_out.close()
    return pid, conn_in


def _draw_in_turn(plans: list[Any], order: list[int], figdir: Path, next_rank: Any,
                  stop: Any) -> dict[int, tuple[str | None, str]]:
    """Draw the next chart not taken by another worker until none is left: index -> (title, alt)."""
    from .figures import draw_one

    done: dict[int, tuple[str | None, str]] = {}
    while not stop.value:
        with next_rank.get_lock():
            rank = next_rank.value
            next_rank.value = rank + 1
        if rank >= len(order):
            break
        plan = plans[order[rank]]
        title = draw_one(plan, figdir)
        done[order[rank]] = (title, plan.alt() if title is not None else "")
    return done


def _send(conn: Any, message: tuple[Any, ...]) -> None:
    """Send ``message``; an exception that cannot be pickled goes as a RuntimeError with its text."""
    try:
        conn.send(message)
    except (pickle.PicklingError, TypeError, AttributeError):
        conn.send(("error", RuntimeError(f"{type(message[-1]).__name__}: {message[-1]}")))
    except OSError:
        pass  # the parent stopped listening
