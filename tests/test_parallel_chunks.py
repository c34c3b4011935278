"""Chunked runs: mergeable aggregates, aggregate tables split by unit, lines formatted by the workers."""

from __future__ import annotations

import json
import math
from collections import defaultdict
from pathlib import Path

import pytest

import framing
from framing.aggregates import Aggregates, concat_rows, rows_of_state
from framing.analysis import Analyzer, DocumentResult, analyze_text_document
from framing.model import Document
from framing.output import CsvTable, OutputDir, format_rows, format_rows_safe
from framing.parallel import ChunkedRun
from framing.tables import AGGREGATE_COLUMNS

from .conftest import SEEDS, shared_corpus


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer()


def _result(doc_id: str, *, n_words: int, sentences: list[tuple[str, float]],
            terms: list[tuple[str, str, str, str]] = (), readability: float = math.nan) -> DocumentResult:
    """A hand-made result: only the columns the aggregates read."""
    row = {"n_words": n_words, "flesch_reading_ease": readability}
    return DocumentResult(doc_id, {
        "documents": [row],
        "sentences": [{"voice": v, "compound": c} for v, c in sentences],
        "terms": [{"pack": p, "concept": c, "side": s, "voice": v} for p, c, s, v in terms],
        "quotes": [],
        "actor_mentions": [],
    }, {})


def _doc(doc_id: str, outlet: str) -> Document:
    return Document(id=doc_id, text="x", outlet=outlet)


def _tables(rows: dict[str, list[dict]]) -> dict[str, str]:
    """Aggregate tables as CSV text (NaN compares equal this way, and so does the row order)."""
    return {name: format_rows(r, AGGREGATE_COLUMNS[name]) for name, r in rows.items()}


# --- merging, worked by hand ---------------------------------------------------------------------

def test_merged_chunks_hold_what_one_accumulation_holds(analyzer: Analyzer) -> None:
    docs = [
        (_doc("d1", "A"), _result("d1", n_words=10, sentences=[("authorial", 0.5), ("quoted", -0.25)],
                                  terms=[("p", "c1", "s1", "authorial"), ("p", "c1", "s1", "quoted")],
                                  readability=60.0)),
        (_doc("d2", "B"), _result("d2", n_words=5, sentences=[("authorial", 0.1)], readability=40.0)),
        (_doc("d3", "A"), _result("d3", n_words=20, sentences=[("authorial", 0.25)],
                                  terms=[("p", "c2", "s2", "authorial"), ("p", "c1", "s1", "authorial")])),
    ]
    first, second = Aggregates(analyzer), Aggregates(analyzer)
    first.add(*docs[0])
    for d, r in docs[1:]:
        second.add(d, r)
    merged = Aggregates(analyzer)
    merged.merge(first.state())
    merged.merge(second.state())
    # tone: one (sum, count) per document and cell, in corpus order:
    # A all = d1 (0.5 - 0.25 = 0.25, 2 sentences), d3 (0.25, 1); A authorial = d1 (0.5, 1), d3 (0.25, 1)
    assert merged.tone.tone[("A", "all")] == [(0.25, 2), (0.25, 1)]
    assert merged.tone.tone[("A", "authorial")] == [(0.5, 1), (0.25, 1)]
    assert merged.tone.tone[("A", "quoted")] == [(-0.25, 1)]
    assert merged.tone.tone[("B", "all")] == [(0.1, 1)]
    # naming counts add up; keys stay in order of first appearance (d1's two, then d3's new c2)
    assert list(merged.naming.counts.items()) == [
        (("A", "p", "c1", "s1", "authorial"), 2), (("A", "p", "c1", "s1", "quoted"), 1),
        (("A", "p", "c2", "s2", "authorial"), 1)]
    # documents naming a concept: c1/s1 authorially in d1 and d3 = 2
    assert merged.naming.docs[("A", "p", "c1", "s1")] == 2
    # words per outlet: A = 10 + 20, B = 5; readability: NaN left out (d3)
    assert dict(merged.voices.words) == {"A": 30, "B": 5}
    assert dict(merged.readability.values) == {("A", "flesch_reading_ease"): [60.0], ("B", "flesch_reading_ease"): [40.0]}
    # and the tables are those of one accumulation over the three documents
    whole = Aggregates(analyzer)
    for d, r in docs:
        whole.add(d, r)
    assert _tables(merged.rows()) == _tables(whole.rows())


def test_merge_refuses_state_it_does_not_know(analyzer: Analyzer) -> None:
    agg = Aggregates(analyzer)
    agg.tone.extra = defaultdict(float)  # a kind of value with no exact merge rule here
    with pytest.raises(TypeError, match="ToneProfile.extra"):
        agg.merge(({}, {}, {"extra": {"k": 1.0}}, {}))
    agg.tone.other = 3
    with pytest.raises(TypeError, match="ToneProfile.other"):
        agg.merge(({}, {}, {"other": 4}, {}))


# --- any chunking, any split: the same tables ------------------------------------------------------

def _documents(corpus: Path | str, analyzer: Analyzer) -> list[tuple[Document, DocumentResult]]:
    return [(d, analyzer.analyze_document(d)) for d in framing.load_corpus(corpus)]


@pytest.fixture(scope="module")
def news(analyzer: Analyzer, tmp_path_factory: pytest.TempPathFactory) -> list[tuple[Document, DocumentResult]]:
    import gzip

    src = shared_corpus("abp-10k.jsonl.gz")
    part = tmp_path_factory.mktemp("abp") / "abp-40.jsonl"
    with gzip.open(src, "rt", encoding="utf-8") as fh:
        part.write_text("".join(next(fh) for _ in range(40)), encoding="utf-8")
    return _documents(part, analyzer)


@pytest.mark.parametrize("by", ["outlet", "group"])
@pytest.mark.parametrize("size", [1, 2, 3])
def test_any_chunking_gives_the_tables_of_one_pass_on_the_seeds(analyzer: Analyzer, by: str, size: int) -> None:
    docs = _documents(SEEDS, analyzer)
    whole = Aggregates(analyzer, by)
    for d, r in docs:
        whole.add(d, r)
    merged = Aggregates(analyzer, by)
    for k in range(0, len(docs), size):
        part = Aggregates(analyzer, by)
        for d, r in docs[k:k + size]:
            part.add(d, r)
        merged.merge(part.state())
    assert _tables(merged.rows()) == _tables(whole.rows())
    # seeds: 5 outlets in 2 groups (corpus.yaml), so the tables have that many units
    assert len(merged.rows()["voices"]) == (5 if by == "outlet" else 2)


@pytest.mark.parametrize("parts", [2, 3, 7])
def test_split_by_unit_concatenates_to_the_whole(analyzer: Analyzer, news, parts: int) -> None:
    agg = Aggregates(analyzer)
    for d, r in news:
        agg.add(d, r)
    units = sorted({d.outlet for d, _ in news})
    assert len(units) >= 2  # the sample has several outlets, or the split would be trivial
    states = agg.split(parts)
    assert 2 <= len(states) <= min(parts, len(units))
    pieces = [rows_of_state(analyzer, s) for s in states]
    assert _tables(concat_rows(pieces)) == _tables(agg.rows())
    # each piece holds a contiguous range of units, the ranges in order and disjoint
    seen = [sorted({r["outlet"] for r in p["voices"]}) for p in pieces]
    flat = [u for s in seen for u in s]
    assert flat == units and all(s for s in seen)


def test_split_of_a_single_unit_is_the_whole_state(analyzer: Analyzer) -> None:
    agg = Aggregates(analyzer)
    doc = analyze_text_document("Officials said talks would resume. Residents fled.", outlet="Only")
    agg.add(doc, analyzer.analyze_document(doc))
    assert len(agg.split(4)) == 1
    assert len(agg.split(1)) == 1


# --- the run: lines formatted in the workers ----------------------------------------------------

def test_spreadsheet_safe_lines_equal_the_table_writer(tmp_path: Path) -> None:
    rows = [{"a": "=1+2", "b": -3.5, "c": "x,y"}, {"a": "-3.2", "b": None, "c": "@home"}]
    # by hand: '=1+2' gets a quote prefix; the number -3.5 stays; "x,y" is quoted for the comma;
    # '-3.2' is a plain number (kept); None is empty; '@home' is prefixed
    expected = "'=1+2,-3.5,\"x,y\"\n-3.2,,'@home\n"
    assert format_rows_safe(rows, ["a", "b", "c"]) == expected
    assert format_rows_safe([], ["a"]) == ""
    with OutputDir(tmp_path) as out:
        table = CsvTable(out, "t.csv", ["a", "b", "c"], spreadsheet_safe=True)
        for r in rows:
            table.write(r)
        out.commit({})
    assert (tmp_path / "t.csv").read_text(encoding="utf-8") == "a,b,c\n" + expected


def _formula_corpus(folder: Path) -> Path:
    folder.mkdir()
    rows = [{"id": f"d{i}", "outlet": f"O{i % 3}", "title": "=HYPERLINK(\"http://x.example\")" if i == 4 else f"T{i}",
             "text": f"Report {i}. Officials in Baku said talks would resume, residents of Stepanakert said."}
            for i in range(11)]
    (folder / "rows.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return folder


@pytest.mark.parametrize("safe", [False, True])
def test_chunked_run_writes_the_same_files_for_any_jobs(tmp_path: Path, safe: bool) -> None:
    corpus = _formula_corpus(tmp_path / "c")
    files = {}
    for jobs in (1, 2):
        out = tmp_path / f"o{jobs}"
        seen: list[str] = []
        framing.write_analysis(corpus, out, jobs=jobs, spreadsheet_safe=safe, by="outlet",
                               progress=lambda d, seen=seen: seen.append(d.id))
        assert seen == [f"d{i}" for i in range(11)]  # progress sees every document, in corpus order
        files[jobs] = {p.name: p.read_bytes() for p in sorted(out.iterdir())}
    assert files[1] == files[2]
    title = b"'=HYPERLINK(" if safe else b"=HYPERLINK("
    assert files[1]["documents.csv"].count(title) == 1
    assert (b"'=HYPERLINK" in files[1]["documents.csv"]) is safe


def test_chunks_report_rows_and_cache_use(tmp_path: Path, analyzer: Analyzer) -> None:
    corpus = _formula_corpus(tmp_path / "c")
    cache = tmp_path / "cache.sqlite"
    for jobs, hits in ((2, 0), (2, 11), (1, 11)):
        stats = framing.parallel.CacheStats()
        with ChunkedRun(framing.load_corpus(corpus), analyzer, jobs=jobs, cache=cache, stats=stats, chunksize=4) as run:
            parts = list(run.chunks())
            tables = run.aggregate_rows()
        # 11 documents in chunks of 4: 4 + 4 + 3 in one process; with workers the chunks taper
        # (framing.workers.tapered): ceil(11/4) = 3, ceil(8/4) = 2, ceil(6/4) = 2, then 1 each
        assert [p.rows["documents.csv"] for p in parts] == ([4, 4, 3] if jobs == 1 else [3, 2, 2, 1, 1, 1, 1])
        for p in parts:
            for name, text in p.texts.items():
                assert text.count(b"\n") == p.rows[name], name  # one line per row (no newline inside a cell here)
        assert (stats.hits, stats.misses, stats.stored) == (hits, 11 - hits, 11 - hits)
        # 11 documents over outlets O0 (i = 0, 3, 6, 9), O1 (1, 4, 7, 10), O2 (2, 5, 8)
        assert [(r["outlet"], r["n_docs"]) for r in tables["voices"]] == [("O0", 4), ("O1", 4), ("O2", 3)]


def test_chunked_run_checks_its_options(analyzer: Analyzer) -> None:
    corpus = framing.load_corpus(SEEDS)
    with pytest.raises(ValueError, match="at least 1"):
        ChunkedRun(corpus, analyzer, jobs=0)
    with pytest.raises(ValueError, match="at least 1"):
        ChunkedRun(corpus, analyzer, chunksize=0)
    with pytest.raises(ValueError, match="by must be"):
        ChunkedRun(corpus, analyzer, by="country")


def test_rows_worker_imports_numpy_when_built_and_gives_the_rows_of_its_part(analyzer: Analyzer, news) -> None:
    import os
    import subprocess
    import sys

    # in a fresh interpreter: importing framing.parallel does not load numpy; building the worker does, in a
    # thread of its own whose lower priority (nice 15) is not the calling thread's (still nice 0)
    code = ("import os, sys; from framing.parallel import RowsWorker; from framing.analysis import Analyzer; "
            "a = Analyzer(); before = 'numpy' in sys.modules; w = RowsWorker(a); w._ready.join(); "
            "print(before, 'numpy' in sys.modules, os.nice(0))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["False", "True", str(os.nice(0))]
    from framing.parallel import RowsWorker

    agg = Aggregates(analyzer)
    for d, r in news:
        agg.add(d, r)
    parts = agg.split(2)
    assert len(parts) == 2
    worker = RowsWorker(analyzer)
    assert _tables(concat_rows([worker(p) for p in parts])) == _tables(agg.rows())


def test_sources_travel_to_the_workers_as_tuples_and_arrive_equal() -> None:
    import pickle

    from framing.model import Source
    from framing.parallel import _Batch

    sources = [
        Source("a", "Text one.", {"outlet": "X", "tags": ["t1", "t2"]}, "a.txt", "ab" * 32, ("utf-8",), True, "text"),
        Source("b:2", "Zwei.\n\nDrei?", {}, "b.jsonl:2", "", (), False, "html"),
    ]
    data = pickle.dumps(_Batch(sources), protocol=pickle.HIGHEST_PROTOCOL)
    # no dataclass state in the stream: the fields go as plain tuples (8 fields each)
    assert b"Source" not in data.split(b"_sources", 1)[1]
    back = pickle.loads(data)
    assert type(back) is list and back == sources
    assert [type(s) for s in back] == [Source, Source]
    assert back[0].meta["tags"] == ["t1", "t2"] and back[1].notes == () and back[1].clean is False
    assert pickle.loads(pickle.dumps(_Batch([]))) == []
