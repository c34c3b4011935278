"""The per-document cache: same tables with or without it, reuse after a lexicon edit, safe when killed."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

import framing
import framing.cache
from framing.analysis import Analyzer, output_names
from framing.cache import DocumentCache, pack_record, source_key, unpack_record
from framing.cleaning import prepare
from framing.parallel import CacheStats, analyze_sources

from .conftest import SEEDS

TABLES = [n for n in output_names() if n != "run.json"]


@pytest.fixture(autouse=True)
def _fixed_code_fingerprint(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pin the code part of the cache keys: other people may edit framing's files while these tests run."""
    monkeypatch.setattr(framing.cache, "code_fingerprint", lambda: "test-code")

PACK = """\
format: 1
pack: mini
version: "0.1"
kind: naming
sides:
  a: {label: Side A}
  b: {label: Side B}
concepts:
  - id: city
    label: A city
    category: place
    variants:
      - side: a
        terms: [Stepanakert]
      - side: b
        terms: [Khankendi]
"""


def _tables(corpus, out: Path, **kw) -> dict[str, bytes]:
    framing.write_analysis(corpus, out, force=True, **kw)
    return {name: (out / name).read_bytes() for name in TABLES}


def _stats(corpus, analyzer: Analyzer | None = None, **kw) -> CacheStats:
    stats = CacheStats()
    c = framing.load_corpus(corpus)
    for _ in analyze_sources(c, analyzer or Analyzer(), stats=stats, **kw):
        pass
    return stats


def test_store_round_trip_and_miss(tmp_path: Path) -> None:
    with DocumentCache(tmp_path / "c.sqlite") as c:
        assert c.enabled and c.count() == 0
        assert c.put_many([("k1", b"one"), ("k2", b"two")]) == 2
        assert c.get("k1") == b"one" and c.get("k2") == b"two"
        assert c.get("k3") is None
        assert c.put_many([("k1", b"uno")]) == 1  # replaced, not duplicated
        assert c.get("k1") == b"uno" and c.count() == 2
        assert c.prune(["k2"]) == 1 and c.get("k1") is None and c.count() == 1


class _Interrupting:
    """A connection that lets ``sql`` through and then raises ``exc``, as a Ctrl-C landing there would."""

    def __init__(self, conn: sqlite3.Connection, sql: str, exc: BaseException) -> None:
        self.conn, self.sql, self.exc = conn, sql, exc

    def __getattr__(self, name: str):
        return getattr(self.conn, name)

    def execute(self, sql: str, *args):
        cur = self.conn.execute(sql, *args)
        if sql == self.sql:
            raise self.exc
        return cur


@pytest.mark.parametrize("sql", ["COMMIT", "BEGIN IMMEDIATE"])
def test_ctrl_c_during_a_cache_write_stops_the_run(tmp_path: Path, sql: str) -> None:
    # a Ctrl-C once the commit went through: the records are kept, and the interrupt is not
    # mistaken for a failed write (a rollback with no transaction) and swallowed
    with DocumentCache(tmp_path / "c.sqlite") as c:
        conn = c._conn
        c._conn = _Interrupting(conn, sql, KeyboardInterrupt())
        with pytest.raises(KeyboardInterrupt):
            c.put_many([("k1", b"one"), ("k2", b"two")])
        c._conn = conn
        assert not conn.in_transaction
        assert c.count() == (2 if sql == "COMMIT" else 0)
        assert c.put_many([("k3", b"three")]) == 1  # the store is still usable


def test_record_round_trip_equals_fresh_analysis() -> None:
    corpus = framing.load_corpus(SEEDS)
    analyzer = Analyzer()
    for src in corpus.sources():
        doc, diags = prepare(src)
        base = analyzer.base(doc)
        doc2, diags2, base2 = unpack_record(pack_record(doc, diags, base))
        assert doc2 == doc and diags2 == diags and base2 == base
        assert analyzer.finish(doc2, base2) == analyzer.analyze_document(doc)


def test_key_changes_with_text_metadata_and_namespace() -> None:
    src = next(iter(framing.load_corpus(SEEDS).sources()))
    from dataclasses import replace

    k = source_key(src, "ns")
    assert source_key(src, "ns") == k  # stable
    assert source_key(replace(src, text=src.text + " "), "ns") != k
    assert source_key(replace(src, meta={**src.meta, "outlet": "Other"}), "ns") != k
    assert source_key(replace(src, id="other"), "ns") != k
    assert source_key(replace(src, clean=not src.clean), "ns") != k
    assert source_key(src, "ns2") != k


def test_second_run_reuses_every_document_and_gives_the_same_tables(tmp_path: Path) -> None:
    cache = tmp_path / "cache.sqlite"
    plain = _tables(SEEDS, tmp_path / "plain")
    assert _stats(SEEDS, cache=cache) == CacheStats(hits=0, misses=5, stored=5)  # seeds: 5 articles
    assert _stats(SEEDS, cache=cache) == CacheStats(hits=5, misses=0, stored=0)
    assert _tables(SEEDS, tmp_path / "cached", cache=cache) == plain
    assert _tables(SEEDS, tmp_path / "cached2", cache=cache, jobs=2) == plain


def test_lexicon_edit_reuses_the_cache_and_counts_the_new_terms(tmp_path: Path) -> None:
    cache = tmp_path / "cache.sqlite"
    lex = tmp_path / "mini.yaml"
    lex.write_text(PACK, encoding="utf-8")
    first = _tables(SEEDS, tmp_path / "a", cache=cache, analyzer=Analyzer(lexicons=[lex]))
    lex.write_text(PACK.replace("terms: [Khankendi]", "terms: [Khankendi, Karabakh]"), encoding="utf-8")
    edited = Analyzer(lexicons=[lex])
    assert _stats(SEEDS, edited, cache=cache).hits == 5  # nothing recomputed but the terms
    again = _tables(SEEDS, tmp_path / "b", cache=cache, analyzer=edited)
    fresh = _tables(SEEDS, tmp_path / "c", analyzer=Analyzer(lexicons=[lex]))
    assert again == fresh
    assert again["terms.csv"] != first["terms.csv"]
    assert b",Karabakh," in again["terms.csv"] and b",Karabakh," not in first["terms.csv"]


def test_actors_edit_misses_the_cache(tmp_path: Path) -> None:
    from framing.lexicon import bundled_lexicon_dir

    cache = tmp_path / "cache.sqlite"
    actors = tmp_path / "actors.yaml"
    text = (bundled_lexicon_dir() / "actors.yaml").read_text(encoding="utf-8")
    actors.write_text(text, encoding="utf-8")
    assert _stats(SEEDS, Analyzer(actors_path=actors), cache=cache).misses == 5
    assert _stats(SEEDS, Analyzer(actors_path=actors), cache=cache).hits == 5
    actors.write_text(text + "\n# edited\n", encoding="utf-8")
    assert _stats(SEEDS, Analyzer(actors_path=actors), cache=cache) == CacheStats(hits=0, misses=5, stored=5)


@pytest.mark.parametrize("content", [b"this is not a database\n" * 100, b""])
def test_unusable_cache_file_is_not_trusted(tmp_path: Path, content: bytes) -> None:
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(content)
    plain = _tables(SEEDS, tmp_path / "plain")
    if content:
        assert _tables(SEEDS, tmp_path / "x", cache=bad) == plain
        result = framing.analyze(SEEDS, cache=bad)
        assert any("cache not used" in str(d) for d in result.diagnostics)
        assert bad.read_bytes() == content  # left as it was
    else:  # an empty file is a new, empty database
        assert _tables(SEEDS, tmp_path / "x", cache=bad) == plain


def test_damaged_record_is_recomputed(tmp_path: Path) -> None:
    cache = tmp_path / "cache.sqlite"
    plain = _tables(SEEDS, tmp_path / "plain")
    _stats(SEEDS, cache=cache)
    with sqlite3.connect(cache) as conn:
        conn.execute("UPDATE documents SET payload = ?", (b"garbage",))
    assert _stats(SEEDS, cache=cache) == CacheStats(hits=0, misses=5, stored=5)
    assert _tables(SEEDS, tmp_path / "again", cache=cache) == plain


# --- interruption and concurrency ---------------------------------------------------------------

# The child analyses each document at least 10 ms (forked workers inherit the patch), so that a run of
# 600 documents lasts seconds and the signal lands mid-run however fast or loaded the machine is.
CHILD = r"""
import sys, time, framing.cache, framing.parallel as p
framing.cache.code_fingerprint = lambda: "test-code"
p.BATCH = 10
_one = p.DocumentWorker.__call__
def _slow(self, src):
    time.sleep(0.01)
    return _one(self, src)
p.DocumentWorker.__call__ = _slow
import framing
framing.write_analysis(sys.argv[1], sys.argv[2], cache=sys.argv[3], jobs=int(sys.argv[4]), force=True)
"""


def _corpus(path: Path, n: int) -> Path:
    para = "Azerbaijan announced that it had halted its operations. Residents fled to Stepanakert, officials said. " * 6
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(n):
            fh.write(json.dumps({"id": f"d{i}", "outlet": f"O{i % 3}", "text": f"Report {i}.\n\n{para}"}) + "\n")
    return path


def _count(cache: Path) -> int:
    try:
        with sqlite3.connect(cache, timeout=5) as conn:
            return int(conn.execute("SELECT count(*) FROM documents").fetchone()[0])
    except sqlite3.Error:
        return 0


@pytest.mark.skipif(os.name != "posix", reason="POSIX signals")
@pytest.mark.parametrize(("sig", "jobs"), [(signal.SIGKILL, 1), (signal.SIGKILL, 2), (signal.SIGINT, 2)])
def test_killed_run_leaves_a_sound_cache_that_the_next_run_reuses(tmp_path: Path, sig: int, jobs: int) -> None:
    n = 600
    corpus = _corpus(tmp_path / "c.jsonl", n)
    cache = tmp_path / "cache.sqlite"
    proc = subprocess.Popen([sys.executable, "-c", CHILD, str(corpus), str(tmp_path / "o1"), str(cache), str(jobs)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline and _count(cache) < 30 and proc.poll() is None:
        time.sleep(0.05)
    assert proc.poll() is None, "the run ended before it could be interrupted"
    os.killpg(proc.pid, sig)
    assert proc.wait(timeout=30) != 0, "the run went on to the end: the signal was swallowed"
    kept = _count(cache)
    assert 30 <= kept < n
    assert kept % 10 == 0 or sig == signal.SIGINT  # SIGKILL: whole batches of 10 only
    with sqlite3.connect(cache) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    # the next run reuses what is there and writes the same tables as a run without any cache
    stats = _stats(corpus, cache=cache)
    assert stats.hits == kept and stats.misses == n - kept
    assert _tables(corpus, tmp_path / "o2", cache=cache) == _tables(corpus, tmp_path / "o3")


@pytest.mark.skipif(os.name != "posix", reason="POSIX")
def test_two_runs_sharing_a_cache_at_once(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "c.jsonl", 150)
    cache = tmp_path / "cache.sqlite"
    procs = [subprocess.Popen([sys.executable, "-c", CHILD, str(corpus), str(tmp_path / f"o{i}"), str(cache), "1"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE) for i in range(2)]
    for p in procs:
        assert p.wait(timeout=300) == 0, p.stderr.read()  # type: ignore[union-attr]
    assert _count(cache) == 150
    a = {n: (tmp_path / "o0" / n).read_bytes() for n in TABLES}
    b = {n: (tmp_path / "o1" / n).read_bytes() for n in TABLES}
    assert a == b
