"""Worker processes that apply a per-process function to a stream of tasks, results in order.

:class:`Workers` starts ``jobs`` processes; each builds its state once
(``factory(*args)``: the analyzer, with its lexicons compiled) and then
applies it to the tasks it is sent. Tasks go to whichever worker has the
fewest in hand, at most ``ahead`` are sent before their results are taken (so
memory stays flat however long the input), and results come back in input
order. A task's exception is raised in the caller when its turn comes.

Everything runs in the calling thread: no helper threads in this process
(:class:`multiprocessing.pool.Pool` keeps three, and on two cores their CPU
time is taken from the workers). Each worker has a pipe for its tasks, read
by a small thread in the worker so that sending a task never waits for the
worker to finish the one in hand, and a pipe for its results.

Ctrl-C stops the workers at once (they ignore SIGINT; the main process
terminates them) and the KeyboardInterrupt reaches the caller.
"""

from __future__ import annotations

import gc
import multiprocessing
import pickle
import signal
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from itertools import islice
from multiprocessing.connection import wait
from typing import Any

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]

#: Items per task in :func:`ordered_map`.
CHUNK = 8
_STOP = b""
#: Tasks a worker holds at most (one in work, one waiting).
_DEPTH = 2
#: Buffer size asked for each pipe (Linux's default limit for a process without privileges).
PIPE_BYTES = 1 << 20


def _context() -> Any:
    # fork shares the parent's compiled lexicons for free; elsewhere the state is pickled.
    return multiprocessing.get_context("fork" if sys.platform.startswith("linux") else "spawn")


def _dumps(obj: Any) -> bytes:
    return pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)


def _widen(conn: Any) -> None:
    """Give a pipe a buffer of :data:`PIPE_BYTES` (Linux), so that a task or a result is written at once.

    With the default 64 KiB a chunk's result (a few hundred KiB of table lines) is written
    in pieces, each waiting for the reader: the worker waits for the main process to read,
    and the main process waits for a worker's reading thread to get its turn (its Python
    lock is released every few milliseconds). A pipe the system does not let grow keeps its size.
    """
    setsize = getattr(fcntl, "F_SETPIPE_SZ", None) if fcntl is not None else None
    if setsize is not None:
        with suppress(OSError, ValueError):
            fcntl.fcntl(conn.fileno(), setsize, PIPE_BYTES)


def _worker_main(factory: Callable[..., Any], args: tuple[Any, ...], tasks: Any, results: Any) -> None:
    """A worker process: build the state, then answer tasks until told to stop."""
    import queue
    import threading

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the main process decides what Ctrl-C does
    inbox: queue.SimpleQueue[bytes] = queue.SimpleQueue()

    def read() -> None:  # keeps the task pipe drained, so the main process never waits to send
        while True:
            try:
                data = tasks.recv_bytes()
            except (EOFError, OSError):
                data = _STOP
            inbox.put(data)
            if data == _STOP:
                return

    threading.Thread(target=read, daemon=True).start()
    state = factory(*args)
    while (data := inbox.get()) != _STOP:
        seq, method, arg = pickle.loads(data)
        try:
            value = state(arg) if method is None else getattr(state, method)(arg)
            out = _dumps((seq, True, value))
        except BaseException as exc:  # noqa: BLE001 - sent back, raised in the caller
            try:
                out = _dumps((seq, False, exc))
            except Exception:  # noqa: BLE001 - an exception that does not pickle
                out = _dumps((seq, False, RuntimeError(f"{type(exc).__name__}: {exc}")))
        results.send_bytes(out)


class WorkerDied(RuntimeError):
    """A worker process ended while it still had tasks."""


class Workers:
    """``jobs`` worker processes, each holding ``factory(*args)``; see :meth:`map`.

    Args:
        factory: Builds the per-process state (called once in each worker).
        args: Its arguments (inherited through fork on Linux, pickled elsewhere).
        jobs: Number of processes.
    """

    def __init__(self, factory: Callable[..., Any], args: tuple[Any, ...], jobs: int) -> None:
        if jobs < 1:
            raise ValueError(f"jobs must be at least 1, not {jobs}")
        ctx = _context()
        self.jobs = jobs
        self._procs: list[Any] = []
        self._tasks: list[Any] = []
        self._results: list[Any] = []
        self._stopped = False
        # Forked workers share this process's objects page by page until one writes to a page; the
        # cyclic garbage collector writes to every object it scans, so each worker's collections would
        # copy the lexicons and dictionaries and walk them again and again. Frozen, the objects that
        # exist now are never scanned in the workers; here they are unfrozen again once the workers run.
        freeze = ctx.get_start_method() == "fork" and gc.get_freeze_count() == 0
        if freeze:
            gc.freeze()
        try:
            for _ in range(jobs):
                task_r, task_w = ctx.Pipe(duplex=False)
                res_r, res_w = ctx.Pipe(duplex=False)
                _widen(task_w)
                _widen(res_w)
                p = ctx.Process(target=_worker_main, args=(factory, args, task_r, res_w), daemon=True)
                p.start()
                task_r.close()
                res_w.close()
                self._procs.append(p)
                self._tasks.append(task_w)
                self._results.append(res_r)
        except BaseException:
            self.terminate()
            raise
        finally:
            if freeze:
                gc.unfreeze()

    def map(self, items: Iterable[Any], *, method: str | None = None, ahead: int | None = None) -> Iterator[Any]:
        """``state(item)`` (or ``state.<method>(item)``) for every item, in input order.

        Items are read lazily: at most ``ahead`` (default ``4 * jobs``) are sent or
        waiting to be taken at any time. A worker holds at most two (one in work, one
        waiting, so it never waits for the next), and each goes to the worker with the
        fewest in hand: a worker slowed by a long task does not hold up the others.

        Raises:
            WorkerDied: A worker process ended (killed, out of memory).
        """
        yield from self._map(items, method=method, ahead=ahead, primed=False)

    def submit(self, items: Iterable[Any], *, method: str | None = None) -> Iterator[Any]:
        """Send the first tasks now and return the iterator of :meth:`map` over ``items``.

        The caller can do other work while the workers compute; the results are taken
        (in input order) when it iterates. Up to ``2 * jobs`` items go out at once.

        Raises:
            WorkerDied: A worker process ended (killed, out of memory).
        """
        it = self._map(items, method=method, ahead=_DEPTH * self.jobs, primed=True)
        next(it)  # the tasks are sent; nothing is waited for
        return it

    def _map(self, items: Iterable[Any], *, method: str | None, ahead: int | None, primed: bool) -> Iterator[Any]:
        if self._stopped:
            raise RuntimeError("the workers were stopped: no more tasks")
        ahead = max(ahead or 4 * self.jobs, 1)
        it = iter(items)
        sent = taken = 0  # tasks sent, results taken by the caller
        exhausted = False
        held = [0] * self.jobs  # tasks each worker has in hand
        done: dict[int, tuple[bool, Any]] = {}
        index = {id(r): k for k, r in enumerate(self._results)}
        sentinels = {p.sentinel: k for k, p in enumerate(self._procs)}

        def top_up() -> None:
            nonlocal sent, exhausted
            while not exhausted and sent - taken < ahead:
                k = min(range(self.jobs), key=held.__getitem__)
                if held[k] >= _DEPTH:
                    return
                for item in islice(it, 1):
                    self._tasks[k].send_bytes(_dumps((sent, method, item)))
                    held[k] += 1
                    sent += 1
                    break
                else:
                    exhausted = True

        top_up()
        if primed:
            yield None  # taken by submit(): the first tasks are out
        while taken < sent:
            while taken not in done:
                for ready in wait([*self._results, *sentinels]):
                    if isinstance(ready, int):  # a process sentinel: it ended
                        code = self._procs[sentinels[ready]].exitcode
                        raise WorkerDied(f"a worker process ended unexpectedly (exit code {code})")
                    k = index[id(ready)]
                    try:
                        seq, ok, value = pickle.loads(ready.recv_bytes())
                    except EOFError:
                        raise WorkerDied("a worker process ended unexpectedly") from None
                    done[seq] = (ok, value)
                    held[k] -= 1
                top_up()
            ok, value = done.pop(taken)
            taken += 1
            if not ok:
                raise value
            top_up()  # the next task goes out before the caller works on this result
            yield value

    def stop(self) -> None:
        """Tell the workers to exit once their tasks are done, without waiting (idempotent).

        Their exit then overlaps what the caller does next; :meth:`close` waits for it.
        No task can be sent afterwards.
        """
        if not self._stopped:
            self._stopped = True
            for t in self._tasks:
                with suppress(OSError):  # a worker that is gone already
                    t.send_bytes(_STOP)

    def close(self) -> None:
        """Let the workers finish and wait for them to exit."""
        self.stop()
        for p in self._procs:
            p.join()
        self._close_pipes()

    def terminate(self) -> None:
        """Stop the workers now (idempotent)."""
        for p in self._procs:
            if p.exitcode is None:
                p.terminate()
        for p in self._procs:
            p.join()
        self._close_pipes()

    def _close_pipes(self) -> None:
        for c in (*self._tasks, *self._results):
            c.close()
        self._tasks, self._results = [], []


@contextmanager
def worker_pool(factory: Callable[..., Any], args: tuple[Any, ...], jobs: int) -> Iterator[Workers]:
    """:class:`Workers` for a ``with`` block.

    Leaving the block normally waits for the workers to exit; leaving it by an
    exception (Ctrl-C, an error, a consumer that stopped early) terminates them.
    """
    workers = Workers(factory, args, jobs)
    try:
        yield workers
    except BaseException:
        workers.terminate()
        raise
    workers.close()


def tapered(items: Iterable[Any], *, size: int, jobs: int) -> Iterator[list[Any]]:
    """Consecutive items in lists of ``size``, the last ones smaller, so that the workers finish together.

    The input is read ``2 * jobs * size`` items ahead; once it is exhausted, each list
    takes ``ceil(left / (2 * jobs))`` of the ``left`` items still to send (at most ``size``,
    at least 1), so the final tasks are short and no worker waits long for the others.
    Every item comes out once, in order.

    Raises:
        ValueError: ``size`` or ``jobs`` below 1.

    References:
        Polychronopoulos, C. D. & Kuck, D. J. (1987). Guided self-scheduling: a practical
        scheduling scheme for parallel supercomputers. *IEEE Trans. Computers* C-36(12), 1425-1439.
    """
    if size < 1 or jobs < 1:
        raise ValueError(f"size and jobs must be at least 1, not {size} and {jobs}")
    it = iter(items)
    window = 2 * jobs * size
    buf = deque(islice(it, window))
    while len(buf) >= window:  # more may follow: full chunks, reading one chunk further each time
        yield [buf.popleft() for _ in range(size)]
        buf.extend(islice(it, size))
    while buf:
        n = min(size, max(1, -(-len(buf) // (2 * jobs))))
        yield [buf.popleft() for _ in range(n)]


class _PerItem:
    """A worker state applying ``factory(*args)`` to each item of a chunk."""

    def __init__(self, factory: Callable[..., Callable[[Any], Any]], args: tuple[Any, ...]) -> None:
        self.fn = factory(*args)

    def __call__(self, chunk: list[Any]) -> list[Any]:
        return [self.fn(x) for x in chunk]


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
    chunks = iter(lambda: list(islice(it, chunksize)), [])
    with worker_pool(_PerItem, (factory, args), jobs) as workers:
        for results in workers.map(chunks, ahead=ahead):
            yield from results
