"""Work the main process does while the workers compute: Workers.submit, ChunkedRun.start_aggregates,
and the corpus's sources rebuilt with their metadata (corpus._with_meta)."""

from __future__ import annotations

import dataclasses
import json
import time
from pathlib import Path

import pytest

import framing
from framing.analysis import Analyzer
from framing.corpus import _with_meta
from framing.model import Source
from framing.parallel import ChunkedRun
from framing.workers import worker_pool


class _Marker:
    """Worker state: task ``(folder, x)`` leaves the file ``folder/x`` and answers ``10 * x``."""

    def __call__(self, task: tuple[str, int]) -> int:
        folder, x = task
        (Path(folder) / str(x)).write_text("started", encoding="utf-8")
        return 10 * x

    def double(self, x: int) -> int:
        return 2 * x


def test_submit_sends_the_tasks_before_the_results_are_asked_for(tmp_path: Path) -> None:
    with worker_pool(_Marker, (), 2) as workers:
        results = workers.submit([(str(tmp_path), 1), (str(tmp_path), 2)])
        deadline = time.monotonic() + 30
        while len(list(tmp_path.iterdir())) < 2 and time.monotonic() < deadline:
            time.sleep(0.01)
        # both tasks ran although nothing has been taken from the iterator yet
        assert sorted(p.name for p in tmp_path.iterdir()) == ["1", "2"]
        assert list(results) == [10, 20]


@pytest.mark.parametrize(("items", "expected"), [
    ([1, 2, 3], [2, 4, 6]),           # 3 tasks, 2 workers: all out at once (up to 2 * 2)
    ([5, 1, 4, 2, 3, 0], [10, 2, 8, 4, 6, 0]),  # more than 2 * jobs: the rest go out as results come in
    ([], []),
])
def test_submit_gives_the_results_of_map_in_input_order(items: list[int], expected: list[int]) -> None:
    with worker_pool(_Marker, (), 2) as workers:
        assert list(workers.submit(items, method="double")) == expected
        assert list(workers.map(items, method="double")) == expected


def test_submit_after_stop_is_refused() -> None:
    with worker_pool(_Marker, (), 1) as workers:
        workers.stop()
        with pytest.raises(RuntimeError, match="stopped"):
            workers.submit([1], method="double")


def _corpus(folder: Path) -> Path:
    folder.mkdir()
    rows = [{"id": f"d{i}", "outlet": f"O{i % 3}", "date": "2023-09-19",
             "text": f"Report {i}. Officials in Baku said talks would resume, residents of Stepanakert said."}
            for i in range(9)]
    (folder / "rows.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return folder


@pytest.mark.parametrize("jobs", [1, 2])
def test_aggregates_started_early_are_the_same_tables(tmp_path: Path, jobs: int) -> None:
    corpus = _corpus(tmp_path / "c")
    analyzer = Analyzer()
    tables = []
    for early in (False, True):
        with ChunkedRun(framing.load_corpus(corpus), analyzer, jobs=jobs, chunksize=2) as run:
            for _ in run.chunks():
                pass
            if early:
                run.start_aggregates()
                run.start_aggregates()  # once only: the second call sends nothing more
            tables.append(run.aggregate_rows())
    assert tables[0] == tables[1]
    # 9 documents over outlets O0 (i = 0, 3, 6), O1 (1, 4, 7), O2 (2, 5, 8)
    assert [(r["outlet"], r["n_docs"]) for r in tables[1]["voices"]] == [("O0", 3), ("O1", 3), ("O2", 3)]


@pytest.mark.parametrize("src", [
    Source(id="a", text="Text.", meta={"outlet": "X"}, source="f.jsonl:3", sha256="ab", notes=("n1",),
           clean=False, markup="html"),
    Source(id="b", text="Other text."),
])
def test_with_meta_is_dataclasses_replace(src: Source) -> None:
    meta = {"outlet": "Y", "date": "2023-09-19"}
    got = _with_meta(src, meta)
    assert got == dataclasses.replace(src, meta=meta)
    assert got.meta is meta and got != src
