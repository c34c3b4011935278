"""framing.workers: tasks in order, spread by load, worker failures reported instead of hanging."""

from __future__ import annotations

import os
import signal
import sys
import threading
import time

import pytest

import framing
from framing.workers import WorkerDied, Workers, tapered, worker_pool

from .conftest import SEEDS


class _Sleeper:
    """Worker state: a task ``(x, seconds)`` sleeps, then answers ``(x, pid)``."""

    def __call__(self, task: tuple[int, float]) -> tuple[int, int]:
        x, seconds = task
        time.sleep(seconds)
        return x, os.getpid()

    def double(self, x: int) -> int:
        return 2 * x

    def fail(self, x: int) -> None:
        raise ValueError(f"bad {x}")

    def unpicklable(self, x: int) -> None:
        class Local(Exception):  # a class defined in a function cannot be pickled
            pass

        raise Local(f"local {x}")


def test_a_slow_task_does_not_hold_up_the_other_worker() -> None:
    # task 0 takes 1.5 s; tasks 1-6 take 0.05 s each. A worker holds at most 2 tasks, each new
    # one going to the worker with fewer in hand: the first worker keeps tasks 0 and 2, the
    # second does every other (1, 3, 4, 5, 6) while task 0 runs (5 * 0.05 = 0.25 s < 1.5 s)
    tasks = [(0, 1.5)] + [(x, 0.05) for x in range(1, 7)]
    with worker_pool(_Sleeper, (), 2) as workers:
        out = list(workers.map(tasks, ahead=8))
    assert [x for x, _ in out] == list(range(7))  # input order
    slow = out[0][1]
    assert [x for x, pid in out if pid != slow] == [1, 3, 4, 5, 6]


def test_method_calls_and_errors_come_back_in_order() -> None:
    with worker_pool(_Sleeper, (), 2) as workers:
        assert list(workers.map([1, 2, 3], method="double")) == [2, 4, 6]
        got = []
        with pytest.raises(ValueError, match="bad 1"):
            for v in workers.map([1, 2], method="fail"):
                got.append(v)
        assert got == []


def test_an_exception_that_does_not_pickle_arrives_as_its_text() -> None:
    with worker_pool(_Sleeper, (), 2) as workers, pytest.raises(RuntimeError, match="Local: local 5"):
        list(workers.map([5], method="unpicklable"))


@pytest.mark.skipif(os.name != "posix", reason="POSIX signals")
def test_a_killed_worker_raises_instead_of_hanging() -> None:
    workers = Workers(_Sleeper, (), 2)
    try:
        victim = workers._procs[1].pid
        threading.Timer(0.5, os.kill, (victim, signal.SIGKILL)).start()
        t = time.monotonic()
        with pytest.raises(WorkerDied, match="ended unexpectedly"):
            list(workers.map([(x, 0.2) for x in range(50)]))  # 50 * 0.2 / 2 = 5 s of work if nothing failed
        assert time.monotonic() - t < 4
    finally:
        workers.terminate()
    assert all(p.exitcode is not None for p in workers._procs)


def test_leaving_the_block_early_stops_the_workers() -> None:
    with pytest.raises(KeyError), worker_pool(_Sleeper, (), 2) as workers:
        procs = list(workers._procs)
        next(iter(workers.map([(0, 0.0), (1, 30.0)])))
        raise KeyError("stop")  # as a Ctrl-C or an error in the caller would
    assert all(p.exitcode is not None for p in procs)  # terminated, not left running the 30 s task


def test_jobs_below_one_rejected() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        Workers(_Sleeper, (), 0)


@pytest.mark.parametrize(
    ("n", "size", "jobs", "sizes"),
    [
        (0, 8, 2, []),
        (1, 8, 2, [1]),
        # 11 items, all within the 2 * 2 * 4 = 16 read ahead: ceil(11/4) = 3, then ceil(8/4) = 2,
        # ceil(6/4) = 2, then 4, 3, 2, 1 left give 1 each
        (11, 4, 2, [3, 2, 2, 1, 1, 1, 1]),
        # 40 items, size 8, 2 jobs: 32 read ahead; 40 >= 32 gives one full chunk (reading 8 more: none),
        # then 32 left: ceil(32/4) = 8, 24 -> 6, 18 -> 5 (4.5 up), 13 -> 4, 9 -> 3, 6 -> 2, then 1s
        (40, 8, 2, [8, 8, 6, 5, 4, 3, 2, 1, 1, 1, 1]),
        # one job, size 3: 6 read ahead (0-5); 6 buffered -> a chunk of 3, 3 more read (3-8); 6 buffered ->
        # 3, reading 9 only; 4 left: ceil(4/2) = 2, then 2 -> 1, 1 -> 1
        (10, 3, 1, [3, 3, 2, 1, 1]),
        # 7 items, size 3, 2 jobs (12 ahead): ceil(7/4) = 2, ceil(5/4) = 2, then 3, 2, 1 left give 1 each
        (7, 3, 2, [2, 2, 1, 1, 1]),
    ],
)
def test_tapered_chunks(n: int, size: int, jobs: int, sizes: list[int]) -> None:
    chunks = list(tapered(iter(range(n)), size=size, jobs=jobs))
    assert [len(c) for c in chunks] == sizes
    assert [x for c in chunks for x in c] == list(range(n))  # every item once, in order


def test_tapered_reads_a_bounded_distance_ahead() -> None:
    seen: list[int] = []

    def items():
        for x in range(10_000):
            seen.append(x)
            yield x

    first = next(tapered(items(), size=8, jobs=2))
    assert first == list(range(8))
    assert len(seen) == 32  # 2 * 2 * 8 read ahead before the first chunk


@pytest.mark.parametrize(("size", "jobs"), [(0, 2), (2, 0)])
def test_tapered_rejects_bad_options(size: int, jobs: int) -> None:
    with pytest.raises(ValueError, match="at least 1"):
        list(tapered(range(3), size=size, jobs=jobs))


class _GcState:
    """Worker state: answers how many objects the worker's collector keeps frozen, and its pipes' sizes."""

    def __call__(self, _x: int) -> int:
        import gc

        return gc.get_freeze_count()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="fork and pipe sizes are Linux's")
def test_workers_start_with_the_parent_objects_frozen_and_the_parent_unfrozen() -> None:
    import gc

    assert gc.get_freeze_count() == 0
    with worker_pool(_GcState, (), 2) as workers:
        frozen = list(workers.map([0, 1]))
        assert gc.get_freeze_count() == 0  # this process scans its objects again
    # everything this process held when the workers were forked (thousands of objects: pytest,
    # framing) is out of the workers' collections
    assert all(n > 1000 for n in frozen)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="fork and pipe sizes are Linux's")
def test_a_freeze_made_by_the_caller_is_left_alone() -> None:
    import gc

    gc.freeze()
    try:
        before = gc.get_freeze_count()
        with worker_pool(_GcState, (), 1) as workers:
            list(workers.map([0]))
        # not unfrozen behind the caller's back (an unfreeze leaves 0; a few frozen objects may be
        # freed by reference counting meanwhile, so the count can drop by a handful)
        assert before > 1000 and gc.get_freeze_count() > before - 100
    finally:
        gc.unfreeze()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="pipe sizes are Linux's")
def test_pipes_are_widened_so_a_large_result_is_written_at_once() -> None:
    import fcntl
    import multiprocessing

    from framing.workers import PIPE_BYTES, _widen

    with open("/proc/sys/fs/pipe-max-size") as f:
        if int(f.read()) < PIPE_BYTES:
            pytest.skip("this system caps pipes below 1 MiB")
    r, w = multiprocessing.get_context("fork").Pipe(duplex=False)
    try:
        _widen(w)
        assert fcntl.fcntl(r.fileno(), fcntl.F_GETPIPE_SZ) == PIPE_BYTES == 1 << 20
        # 900,000 bytes (more than the default 65,536) go in with nobody reading yet
        w.send_bytes(b"x" * 900_000)
        assert r.recv_bytes() == b"x" * 900_000
    finally:
        r.close()
        w.close()


def test_stopped_workers_exit_on_their_own_after_their_tasks() -> None:
    with worker_pool(_Sleeper, (), 2) as workers:
        assert list(workers.map([0, 1, 2], method="double")) == [0, 2, 4]  # 2 * x, by hand
        workers.stop()
        workers.stop()  # idempotent
        for p in workers._procs:
            p.join(timeout=10)  # no close(): the STOP sent is enough
            assert p.exitcode == 0
        with pytest.raises(RuntimeError, match="stopped"):
            list(workers.map([3], method="double"))


def test_a_chunked_run_lets_its_workers_go_before_the_aggregate_tables() -> None:
    from framing.analysis import Analyzer
    from framing.parallel import ChunkedRun

    corpus = framing.load_corpus(SEEDS)
    with ChunkedRun(corpus, Analyzer(), jobs=2) as run:
        n = sum(len(part.diagnostics) for part in run.chunks())
        for p in run._pool._procs:
            p.join(timeout=30)  # exited before the tables are asked for
            assert p.exitcode == 0
        tables = run.aggregate_rows()
    assert n == 5  # seeds/000_*.txt to 004_*.txt (README.md and corpus.yaml are not articles)
    assert tables["readability"]
