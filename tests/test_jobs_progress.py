"""Progress that only counts: ``write_analysis(progress_count=...)`` and the command line's bar.

With ``progress_count`` the worker processes send back only the formatted lines and
counts of each chunk, never the documents; ``progress(doc)`` keeps working for library users.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

import framing
from framing import cli
from framing.analysis import Analyzer
from framing.parallel import ChunkedRun


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer()


def _corpus(folder: Path, n: int = 11) -> Path:
    folder.mkdir()
    rows = [{"id": f"d{i}", "outlet": f"O{i % 3}", "title": f"T{i}",
             "text": f"Report {i}. Officials in Baku said talks would resume, residents of Stepanakert said."}
            for i in range(n)]
    (folder / "rows.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return folder


@pytest.mark.parametrize(("jobs", "expected"), [
    # one process: the 11 documents fit one chunk of framing.parallel.CHUNK = 16
    (1, [11]),
    # workers: the chunks taper (framing.workers.tapered, 2 jobs): ceil(11/4) = 3, ceil(8/4) = 2,
    # ceil(6/4) = 2, then ceil(4/4) = ceil(3/4) = ceil(2/4) = ceil(1/4) = 1
    (2, [3, 2, 2, 1, 1, 1, 1]),
])
def test_progress_count_gets_each_chunks_size(tmp_path: Path, analyzer: Analyzer, jobs: int,
                                              expected: list[int]) -> None:
    corpus = _corpus(tmp_path / "c")
    counts: list[int] = []
    summary = framing.write_analysis(corpus, tmp_path / "o", jobs=jobs, analyzer=analyzer, progress_count=counts.append)
    assert counts == expected
    assert sum(counts) == summary.documents == 11


def test_both_callbacks_and_neither_write_the_same_files(tmp_path: Path, analyzer: Analyzer) -> None:
    corpus = _corpus(tmp_path / "c")
    files = {}
    for name, jobs, with_doc, with_count in (("plain", 1, False, False), ("count2", 2, False, True),
                                             ("both2", 2, True, True), ("both1", 1, True, True)):
        seen: list[str] = []
        counts: list[int] = []
        framing.write_analysis(corpus, tmp_path / name, jobs=jobs, analyzer=analyzer,
                               progress=seen.append if with_doc else None,
                               progress_count=counts.append if with_count else None)
        if with_doc:
            assert [d.id for d in seen] == [f"d{i}" for i in range(11)]  # every document, in corpus order
        assert sum(counts) == (11 if with_count else 0)
        files[name] = {p.name: p.read_bytes() for p in sorted((tmp_path / name).iterdir()) if p.name != "run.json"}
    assert files["count2"] == files["plain"] == files["both2"] == files["both1"]


@pytest.mark.parametrize("jobs", [1, 2])
def test_chunks_carry_documents_only_when_asked(tmp_path: Path, analyzer: Analyzer, jobs: int) -> None:
    corpus = _corpus(tmp_path / "c", n=5)
    for documents in (False, True):
        with ChunkedRun(framing.load_corpus(corpus), analyzer, jobs=jobs, documents=documents, chunksize=2) as run:
            parts = list(run.chunks())
        # 5 documents: 2 + 2 + 1 in one process; with 2 workers ceil(5/4) = 2, ceil(3/4) = 1, 1, 1
        assert [p.n_documents for p in parts] == ([2, 2, 1] if jobs == 1 else [2, 1, 1, 1])
        assert [p.rows["documents.csv"] for p in parts] == [p.n_documents for p in parts]
        if documents:
            assert [d.id for p in parts for d in p.documents] == ["d0", "d1", "d2", "d3", "d4"]
        else:
            assert all(p.documents is None for p in parts)


def test_write_analysis_asks_for_no_documents_when_it_only_counts(tmp_path: Path, analyzer: Analyzer,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[bool] = []
    real = ChunkedRun.__init__

    def spy(self, *args, **kw):  # type: ignore[no-untyped-def]
        asked.append(kw.get("documents", False))
        real(self, *args, **kw)

    monkeypatch.setattr(ChunkedRun, "__init__", spy)
    corpus = _corpus(tmp_path / "c", n=3)
    framing.write_analysis(corpus, tmp_path / "a", analyzer=analyzer, progress_count=lambda n: None)
    framing.write_analysis(corpus, tmp_path / "b", analyzer=analyzer, progress=lambda d: None)
    framing.write_analysis(corpus, tmp_path / "c2", analyzer=analyzer)
    assert asked == [False, True, False]


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_cli_bar_counts_by_chunk_and_by_document(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli.sys, "stderr", _Terminal())
    update, close = cli._progress(False, "analysing")
    assert update is not None
    update(3)
    update(2)
    per_doc = cli._per_document(update)
    assert per_doc is not None
    per_doc(object())
    bar = update.__self__  # the tqdm bar whose update this is
    assert bar.n == 6  # 3 + 2 documents by chunk, then 1 by document
    close()


@pytest.mark.parametrize(("quiet", "tty"), [(True, True), (False, False), (True, False)])
def test_cli_bar_is_off_when_quiet_or_not_a_terminal(monkeypatch: pytest.MonkeyPatch, quiet: bool, tty: bool) -> None:
    monkeypatch.setattr(cli.sys, "stderr", _Terminal() if tty else io.StringIO())
    update, close = cli._progress(quiet, "analysing")
    assert update is None
    assert cli._per_document(update) is None
    close()
