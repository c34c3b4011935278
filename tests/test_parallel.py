"""Parallel analysis: results in input order, identical output for any number of jobs, clean stops."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import framing
from framing.analysis import output_names
from framing.parallel import ordered_map

from .conftest import SEEDS, shared_corpus

TABLES = [n for n in output_names() if n != "run.json"]


# --- the generic ordered map -------------------------------------------------------------------

def _slow_square(scale: float):
    """A per-process function whose run time falls with the item, so later items finish first."""

    def fn(x: int) -> tuple[int, int]:
        time.sleep(scale * (10 - x % 10))
        return x, x * x

    return fn


def _fails_at(bad: int):
    def fn(x: int) -> int:
        if x == bad:
            raise ValueError(f"item {x} is bad")
        return x

    return fn


@pytest.mark.parametrize(("jobs", "chunksize"), [(1, 1), (2, 1), (2, 3), (3, 2)])
def test_results_come_back_in_input_order(jobs: int, chunksize: int) -> None:
    # item x sleeps 0.002 * (10 - x % 10) s, so in a pool the later items of a round finish first
    out = list(ordered_map(_slow_square, (0.002,), range(25), jobs=jobs, chunksize=chunksize))
    assert out == [(x, x * x) for x in range(25)]


def test_input_is_read_lazily_a_bounded_distance_ahead() -> None:
    seen: list[int] = []

    def items():
        for x in range(10_000):
            seen.append(x)
            yield x

    gen = ordered_map(_slow_square, (0.0,), items(), jobs=2, chunksize=4, ahead=3)
    first = [next(gen) for _ in range(5)]
    gen.close()
    assert first == [(x, x * x) for x in range(5)]
    # 3 chunks of 4 go out first; taking chunk 1 and then chunk 2 (whose first item is the 5th result)
    # each sends one more: 5 chunks = 20 items read, far below 10,000
    assert len(seen) == 20


def test_worker_error_reaches_the_caller() -> None:
    gen = ordered_map(_fails_at, (7,), range(20), jobs=2, chunksize=2)
    got = []
    with pytest.raises(ValueError, match="item 7 is bad"):
        for x in gen:
            got.append(x)
    assert got == list(range(6))  # items 0-5 (chunks [0,1] [2,3] [4,5]) came back before the bad chunk [6,7]


@pytest.mark.parametrize(("jobs", "chunksize"), [(0, 1), (2, 0), (-1, 4)])
def test_bad_jobs_or_chunksize_rejected(jobs: int, chunksize: int) -> None:
    with pytest.raises(ValueError, match="at least 1"):
        list(ordered_map(_slow_square, (0.0,), range(3), jobs=jobs, chunksize=chunksize))


# --- the document pipeline ---------------------------------------------------------------------

def _write(corpus, out: Path, **kw) -> dict[str, bytes]:
    framing.write_analysis(corpus, out, force=True, **kw)
    return {name: (out / name).read_bytes() for name in TABLES}


def test_jobs_output_is_byte_identical_on_the_seeds(tmp_path: Path) -> None:
    one = _write(SEEDS, tmp_path / "one")
    two = _write(SEEDS, tmp_path / "two", jobs=2)
    assert one == two
    run1 = json.loads((tmp_path / "one" / "run.json").read_text())
    run2 = json.loads((tmp_path / "two" / "run.json").read_text())
    assert run1 == run2  # no option or count in run.json depends on jobs


def test_jobs_output_is_byte_identical_on_news_sample(tmp_path: Path) -> None:
    import gzip

    src = shared_corpus("abp-10k.jsonl.gz")
    part = tmp_path / "abp-60.jsonl"
    with gzip.open(src, "rt", encoding="utf-8") as fh:
        part.write_text("".join(next(fh) for _ in range(60)), encoding="utf-8")
    assert _write(part, tmp_path / "one") == _write(part, tmp_path / "three", jobs=3)


def test_analyze_dataframes_equal_for_any_jobs() -> None:
    a = framing.analyze(SEEDS)
    b = framing.analyze(SEEDS, jobs=2)
    assert list(a.tables) == list(b.tables)
    for name in a.tables:
        assert a.tables[name].equals(b.tables[name]), name
    assert [d.id for d in a.documents_list] == [d.id for d in b.documents_list]


def _messy_corpus(folder: Path) -> Path:
    folder.mkdir()
    rows = []
    for i in range(30):
        if i % 7 == 3:
            rows.append("{not json")  # a reading problem, reported with its line
        elif i % 5 == 0:
            rows.append(json.dumps({"id": f"n{i}", "text": f"No outlet here, article {i}. It has text."}))  # a preparation problem
        else:
            rows.append(json.dumps({"id": f"d{i}", "outlet": "X", "text": f"Article {i} about Baku. Officials said so."}))
    rows.append("{bad last line")  # a problem after the last document
    (folder / "rows.jsonl").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return folder


def test_diagnostics_in_the_same_order_for_any_jobs(tmp_path: Path) -> None:
    corpus = _messy_corpus(tmp_path / "c")
    one = framing.analyze(corpus)
    two = framing.analyze(corpus, jobs=2)
    assert [str(d) for d in one.diagnostics] == [str(d) for d in two.diagnostics]
    # the corpus has 30 rows: i % 7 == 3 for i = 3, 10, 17, 24 (4 bad rows), + 1 bad last line = 5 reading
    # problems; i % 5 == 0 for i = 0, 5, 15, 20, 25 (10 is a bad row) = 5 documents without an outlet
    assert len(one.diagnostics) == 10
    assert str(one.diagnostics[-1]).startswith("rows.jsonl:31: malformed JSON")  # 30 rows, then the bad line 31


def test_strict_mode_still_stops_at_the_first_problem(tmp_path: Path) -> None:
    corpus = _messy_corpus(tmp_path / "c")
    for jobs in (1, 2):
        with pytest.raises(framing.InputError, match="--strict"):
            framing.analyze(corpus, jobs=jobs, strict=True)


CHILD = r"""
import sys, framing
framing.write_analysis(sys.argv[1], sys.argv[2], jobs=2)
"""


@pytest.mark.skipif(os.name != "posix", reason="POSIX signals")
def test_ctrl_c_stops_workers_and_leaves_no_tables(tmp_path: Path) -> None:
    para = "Azerbaijan announced that it had halted its operations. Residents fled to Stepanakert. " * 8
    corpus = tmp_path / "big.jsonl"
    with open(corpus, "w", encoding="utf-8") as fh:
        for i in range(20_000):
            fh.write(json.dumps({"id": f"d{i}", "outlet": f"O{i % 3}", "text": f"Report {i}.\n\n{para}"}) + "\n")
    out = tmp_path / "out"
    proc = subprocess.Popen([sys.executable, "-c", CHILD, str(corpus), str(out)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not any(out.glob(".*.framing-tmp")):  # the staging folder appears
        time.sleep(0.1)
    time.sleep(1.0)  # workers are busy now
    children = _children(proc.pid)
    assert children, "no worker processes were started"
    os.killpg(proc.pid, signal.SIGINT)  # as a terminal's Ctrl-C: the whole process group
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        pytest.fail("the run did not stop within 20 s of Ctrl-C")
    assert proc.returncode != 0
    assert b"KeyboardInterrupt" in proc.stderr.read()  # type: ignore[union-attr]
    time.sleep(0.5)
    assert not [c for c in children if Path(f"/proc/{c}").exists() and _state(c) != "Z"]
    assert not out.exists() or not any(out.glob("*.csv"))  # an interrupted run leaves no tables


def _children(pid: int) -> list[int]:
    p = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(x) for x in p.read_text().split()] if p.exists() else []


def _state(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(") ", 1)[1][:1]
    except OSError:
        return "Z"
