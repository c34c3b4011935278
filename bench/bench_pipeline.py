"""Pipeline benchmark: framing's whole per-document analysis against plain VADER and textstat.

Over the first ``--limit`` articles of ../shared/corpora/abp-10k.jsonl.gz it
measures, side by side in one run (so the ratios hold on a busy machine):

- plain vaderSentiment (``polarity_scores``) over every sentence framing finds;
- plain textstat (the five scores framing reports) over every cleaned article;
- framing's full analysis to disk (read, clean, sentences, terms, scare quotes,
  quotes, sentiment, readability, tables; no charts) in one process and with
  ``--jobs N``, checking that both write byte-identical tables;
- the time split by stage (one process, CPU time);
- a rerun after a lexicon edit with the per-document cache, against the first run;
- peak memory (fresh process per corpus size), ``import framing`` time and
  ``framing report seeds`` from a cold start.

Throughput is in MB of cleaned article text (UTF-8) per second of wall time;
the ``vs_vader`` column divides by plain VADER's. It prints a table and
writes bench/results/pipeline.json.

    .venv/bin/python bench/bench_pipeline.py [--limit 1000] [--jobs 2] [--sizes 1000,5000,10000]
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DEFAULT = ROOT.parent / "shared" / "corpora" / "abp-10k.jsonl.gz"
PY = sys.executable
ENV = {**os.environ, "PYTHONHASHSEED": "0"}
CWD = ROOT  # set to the snapshot folder: `python -c` puts the working folder first on sys.path

# A fresh process that analyses a corpus to disk and reports time and peak memory.
RUN_CHILD = r"""
import json, resource, sys, time
t0 = time.perf_counter()
import framing
from framing.analysis import Analyzer, write_analysis
t1, c1 = time.perf_counter(), time.process_time()
kw = {"jobs": int(sys.argv[3])}
if sys.argv[4] != "-":
    kw["cache"] = sys.argv[4]
lex = sys.argv[5] if len(sys.argv) > 5 else ""
kw["analyzer"] = Analyzer(lexicons=[lex] if lex else None)
marks = {}
try:  # the main process's CPU when the workers start and when the aggregate step starts
    from framing.parallel import ChunkedRun
    enter, rows = ChunkedRun.__enter__, ChunkedRun.aggregate_rows
    def _enter(self):
        out = enter(self)
        marks["workers_started"] = time.process_time()
        return out
    def _rows(self):
        marks["documents_done"] = time.process_time()
        return rows(self)
    ChunkedRun.__enter__, ChunkedRun.aggregate_rows = _enter, _rows
except ImportError:
    pass
s = write_analysis(sys.argv[1], sys.argv[2], force=True, **kw)
t2, c2 = time.perf_counter(), time.process_time()
me = resource.getrusage(resource.RUSAGE_SELF)
kids = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"documents": s.documents, "sentences": s.sentences, "seconds": t2 - t1,
                  "process_seconds": t2 - t0, "peak_rss_mb": me.ru_maxrss / 1024,
                  "peak_rss_worker_mb": kids.ru_maxrss / 1024, "cpu_main": c2 - c1,
                  "cpu_workers": kids.ru_utime + kids.ru_stime,
                  "cpu_main_alone": (marks["workers_started"] - c1) + (c2 - marks["documents_done"]) if marks else None}))
"""


EXTRA_PACK = """\
format: 1
pack: bench-extra
version: "0.1"
kind: naming
sides:
  a: {label: Side A}
  b: {label: Side B}
concepts:
  - id: capital
    label: The capital
    category: place
    variants:
      - side: a
        terms: [Washington]
      - side: b
        terms: [White House]
"""


def subset(src: Path, n: int, dest: Path) -> int:
    """Copy the first ``n`` lines of a .jsonl.gz; return how many were copied."""
    k = 0
    with gzip.open(src, "rt", encoding="utf-8") as fin, gzip.open(dest, "wt", encoding="utf-8") as fout:
        for line in fin:
            if k >= n:
                break
            fout.write(line)
            k += 1
    return k


def snapshot(dest: Path) -> Path:
    """Copy the framing package, so every run of the benchmark uses the same code (others may edit it)."""
    shutil.copytree(ROOT / "framing", dest / "framing", ignore=shutil.ignore_patterns("__pycache__"))
    ENV["PYTHONPATH"] = str(dest)
    sys.path.insert(0, str(dest))
    global CWD
    CWD = dest
    return dest


def run_child(corpus: Path, out: Path, *, jobs: int = 1, cache: Path | None = None,
              lexicons: Path | None = None) -> dict[str, Any]:
    args = [PY, "-c", RUN_CHILD, str(corpus), str(out), str(jobs), str(cache) if cache else "-",
            str(lexicons) if lexicons else ""]
    res = subprocess.run(args, capture_output=True, text=True, env=ENV, cwd=CWD)
    if res.returncode != 0:
        raise SystemExit(f"bench: child run failed:\n{res.stderr[-2000:]}")
    return json.loads(res.stdout.strip().splitlines()[-1])


def tables_of(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(out.iterdir()) if p.suffix in (".csv", ".jsonl")}


def load_documents(corpus: Path) -> list[Any]:
    import framing

    return list(framing.load_corpus(corpus))


def time_vader(sentences: list[str]) -> tuple[float, float]:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    sia = SentimentIntensityAnalyzer()
    w, c = time.perf_counter(), time.process_time()
    for s in sentences:
        sia.polarity_scores(s)
    return time.perf_counter() - w, time.process_time() - c


def time_textstat(texts: list[str]) -> tuple[float, float]:
    import textstat

    fns = (textstat.flesch_reading_ease, textstat.flesch_kincaid_grade, textstat.gunning_fog,
           textstat.smog_index, textstat.dale_chall_readability_score)
    textstat.flesch_reading_ease("Warm up the dictionaries. This is one sentence.")
    for name, mod in list(sys.modules.items()):  # textstat memoises by text: start each pass cold
        if name.startswith("textstat"):
            for attr in dir(mod):
                clear = getattr(getattr(mod, attr, None), "cache_clear", None)
                if callable(clear):
                    clear()
    w, c = time.perf_counter(), time.process_time()
    for t in texts:
        for f in fns:
            f(t)
    return time.perf_counter() - w, time.process_time() - c


def stage_split(corpus: Path) -> dict[str, float]:
    """CPU seconds per stage of the one-process analysis (instrumented copy of Analyzer.base/finish)."""
    import framing
    from framing.analysis import (
        _Aggregates,
        _open_tables,
        _write_aggregates,
        _write_result,
        default_analyzer,
    )
    from framing.cleaning import prepare
    from framing.output import OutputDir
    from framing.quotes import find_quotes
    from framing.readability_profile import readability_columns
    from framing.tables import document_record, document_row, sentence_rows
    from framing.terms import find_terms, quote_span_rows, quote_spans, term_rows
    from framing.tokens import count_words_split, split_words
    from framing.tone import actor_mention_rows, document_tone, sentence_voices
    from framing.voices import quote_rows

    t: dict[str, float] = defaultdict(float)
    clock = time.process_time
    a = default_analyzer()
    c = framing.load_corpus(corpus)
    with tempfile.TemporaryDirectory() as tmp, OutputDir(Path(tmp) / "out") as out:
        writers = _open_tables(out)
        agg = _Aggregates(a)
        it = c.sources()
        while True:
            t0 = clock()
            src = next(it, None)
            t1 = clock()
            t["read (files, JSON, metadata)"] += t1 - t0
            if src is None:
                break
            doc, _ = prepare(src)
            t2 = clock()
            spans = quote_spans(doc)
            t3 = clock()
            found = find_quotes(doc, actors=a.actors, spans=spans)
            quotes = quote_rows(doc, found)
            t4 = clock()
            voices = sentence_voices(doc, spans, found)
            t5 = clock()
            # the sentence rows are made with their tone columns in one pass (as Analyzer.base does)
            sentences = sentence_rows(doc, voices=voices, scorer=a._scorer_for(doc.text))
            tone = sentences
            t6 = clock()
            read = readability_columns(doc.text)
            t7 = clock()
            words = split_words(doc.text)  # the one split into words, shared as in Analyzer.base
            records = find_terms(doc, a.matcher, spans, words=words)
            terms = term_rows(doc, records)
            scare = quote_span_rows(doc, spans, records)
            t8 = clock()
            n_words = count_words_split(words)
            row = document_row(doc, n_words=n_words)
            row["n_terms"] = sum(1 for r in records if r.hit.role == "" and r.voice == "authorial")
            row["n_scare_quotes"] = sum(1 for s in spans if s.kind == "scare")
            row["n_quotes"] = len(quotes)
            row["quoted_share"] = sum(q["n_words"] for q in quotes) / n_words if n_words else float("nan")
            row.update(document_tone(tone))
            row.update(read)
            mentions = actor_mention_rows(doc, tone, a.groups, words=words)
            from framing.analysis import DocumentResult

            result = DocumentResult(doc.id, {"documents": [row], "sentences": sentences, "terms": terms,
                                             "scare_quotes": scare, "quotes": quotes, "actor_mentions": mentions},
                                    document_record(doc, row))
            t9 = clock()
            _write_result(writers, result)
            agg.add(doc, result)
            t10 = clock()
            t["clean + paragraphs + sentences"] += t2 - t1
            t["quotation marks"] += t3 - t2
            t["quotes + speakers"] += t4 - t3
            t["sentence voice"] += t5 - t4
            t["sentiment (VADER) + sentence rows"] += t6 - t5
            t["readability"] += t7 - t6
            t["terms + scare-quote rows"] += t8 - t7
            t["rows + actor mentions"] += t9 - t8
            t["write tables + aggregate"] += t10 - t9
        t0 = clock()
        _write_aggregates(out, agg)
        t["aggregate tables (end)"] += clock() - t0
    return dict(t)


def import_time() -> dict[str, float]:
    code = "import time; t=time.perf_counter(); import {m}; print(time.perf_counter()-t)"
    out = {}
    for m in ("framing", "framing.analysis"):
        runs = [float(subprocess.run([PY, "-c", code.format(m=m)], capture_output=True, text=True, env=ENV,
                                     cwd=CWD, check=True).stdout) for _ in range(3)]
        out[m] = min(runs)
    return out


def report_cold(tmp: Path) -> dict[str, Any]:
    exe = Path(PY).parent / "framing"
    t = time.perf_counter()
    res = subprocess.run([str(exe), "report", str(ROOT / "seeds"), "-o", str(tmp / "report"), "-q"],
                         capture_output=True, text=True, env=ENV, cwd=CWD)
    secs = time.perf_counter() - t
    return {"seconds": secs, "ok": res.returncode == 0, "error": res.stderr.strip()[-300:] if res.returncode else ""}


def lexicon_rerun(corpus: Path, tmp: Path, jobs: int) -> dict[str, Any]:
    """First run with an empty cache, then a run after adding a term to a lexicon pack."""
    lex = tmp / "lexicons"
    shutil.copytree(ROOT / "lexicons", lex)
    cache = tmp / "cache.sqlite"
    first = run_child(corpus, tmp / "lex1", jobs=jobs, cache=cache, lexicons=lex)
    (lex / "extra.yaml").write_text(EXTRA_PACK, encoding="utf-8")  # the edit: one more pack in the folder
    second = run_child(corpus, tmp / "lex2", jobs=jobs, cache=cache, lexicons=lex)
    run_child(corpus, tmp / "lex3", jobs=jobs, lexicons=lex)
    same = tables_of(tmp / "lex2") == tables_of(tmp / "lex3")
    return {"first_seconds": first["seconds"], "rerun_seconds": second["seconds"],
            "speedup": first["seconds"] / second["seconds"], "rerun_equals_uncached_run": same,
            "cache_mb": cache.stat().st_size / 1e6}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT)
    ap.add_argument("--limit", type=int, default=1000, help="articles for the side-by-side timings")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--sizes", default="1000,5000,10000", help="corpus sizes for peak memory ('' to skip)")
    ap.add_argument("--skip", default="", help="comma-separated parts to skip: stages,lexicon,report,import")
    ap.add_argument("--throughput-only", action="store_true",
                    help="only the side-by-side throughput (same as --skip stages,lexicon,report,import --sizes '')")
    ap.add_argument("--rounds", type=int, default=2,
                    help="alternating rounds of the side-by-side timings (best kept; each round's --jobs ratio listed)")
    ap.add_argument("--out", type=Path, default=HERE / "results" / "pipeline.json")
    args = ap.parse_args()
    if not args.corpus.exists():
        print(f"bench: {args.corpus} not found (it lives in ../shared/corpora beside the checkout)", file=sys.stderr)
        return 2
    skip = set(filter(None, args.skip.split(",")))
    if args.throughput_only:
        skip |= {"stages", "lexicon", "report", "import"}
        args.sizes = ""
    res: dict[str, Any] = {"benchmark": "pipeline", "cores": os.cpu_count(), "python": platform.python_version(),
                           "load_average_start": os.getloadavg(), "limit": args.limit, "jobs": args.jobs}
    with tempfile.TemporaryDirectory(prefix="bench-pipeline-") as tmpname:
        tmp = Path(tmpname)
        snapshot(tmp / "src")
        part = tmp / f"abp-{args.limit}.jsonl.gz"
        n = subset(args.corpus, args.limit, part)
        docs = load_documents(part)
        sentences = [d.text[s.start:s.end] for d in docs for s in d.sentences]
        mb = sum(len(d.text.encode("utf-8")) for d in docs) / 1e6
        res.update({"documents": n, "sentences": len(sentences), "distinct_sentences": len(set(sentences)),
                    "text_mb": mb})
        rows: dict[str, dict[str, Any]] = {}

        def add(name: str, wall: float, cpu: float | None = None, **extra: Any) -> None:
            rows[name] = {"seconds": wall, "cpu_seconds": cpu, "mb_per_s": mb / wall, "docs_per_s": n / wall, **extra}

        # side by side: one pass each, in alternation, --rounds times; the fastest is kept
        runs: dict[str, list[tuple[float, float | None, dict[str, Any]]]] = defaultdict(list)
        res["rounds"] = []  # each round's own --jobs ratio (the two runs back to back) and the load then
        for _ in range(args.rounds):
            load = os.getloadavg()[0]
            runs["vaderSentiment (plain), per sentence"].append((*time_vader(sentences), {}))
            runs["textstat (plain), 5 scores per article"].append((*time_textstat([d.text for d in docs]), {}))
            one = run_child(part, tmp / "one", jobs=1)
            runs["framing, full analysis, 1 process"].append((one["seconds"], one["cpu_main"], {}))
            many = run_child(part, tmp / "many", jobs=args.jobs)
            same = tables_of(tmp / "one") == tables_of(tmp / "many")
            cpu = many["cpu_main"] + many["cpu_workers"]
            # what the CPU time says --jobs would give on otherwise idle cores: the work spread over
            # the cores, or the main process's own share, whichever bounds it
            free = min(args.jobs * one["cpu_main"] / cpu, one["cpu_main"] / many["cpu_main"])
            extra = {"identical_to_1_process": same, "main_cpu_seconds": many["cpu_main"],
                     "speedup_on_idle_cores_from_cpu_time": free}
            if many.get("cpu_main_alone") is not None:
                # on idle cores: what the main process does alone (before the workers start, after the
                # last chunk) runs by itself; everything else shares the cores
                alone = many["cpu_main_alone"]
                extra["main_cpu_alone_seconds"] = alone
                extra["speedup_on_idle_cores_from_cpu_time"] = one["cpu_main"] / (alone + (cpu - alone) / args.jobs)
            runs[f"framing, full analysis, --jobs {args.jobs}"].append((many["seconds"], cpu, extra))
            res["rounds"].append({"one_process_seconds": one["seconds"], f"jobs{args.jobs}_seconds": many["seconds"],
                                  f"jobs{args.jobs}_vs_one_process": one["seconds"] / many["seconds"],
                                  "main_cpu_seconds": many["cpu_main"], "load_average_1min": load})
        for name, rs in runs.items():
            wall, cpu, extra = min(rs, key=lambda r: r[0])
            if "identical_to_1_process" in extra:
                extra = {**extra, "identical_to_1_process": all(r[2]["identical_to_1_process"] for r in rs)}
            add(name, wall, cpu, **extra)
        vader = rows["vaderSentiment (plain), per sentence"]["mb_per_s"]
        for r in rows.values():
            r["vs_vader"] = r["mb_per_s"] / vader
        one_rate = rows["framing, full analysis, 1 process"]["mb_per_s"]
        res["throughput"] = rows
        res["ratios"] = {
            "one_process_vs_vader": one_rate / vader,
            f"jobs{args.jobs}_vs_one_process": rows[f"framing, full analysis, --jobs {args.jobs}"]["mb_per_s"] / one_rate,
            f"jobs{args.jobs}_vs_one_process_on_idle_cores_estimate":
                rows[f"framing, full analysis, --jobs {args.jobs}"]["speedup_on_idle_cores_from_cpu_time"],
        }
        if "stages" not in skip:
            res["stages_cpu_seconds"] = stage_split(part)
        if "lexicon" not in skip:
            res["lexicon_edit_rerun"] = lexicon_rerun(part, tmp, 1)
            res["ratios"]["lexicon_rerun_speedup"] = res["lexicon_edit_rerun"]["speedup"]
        if "import" not in skip:
            res["import_seconds"] = import_time()
        if "report" not in skip:
            res["report_seeds_cold"] = report_cold(tmp)
        res["peak_memory"] = []
        for size in [int(s) for s in args.sizes.split(",") if s]:
            p = tmp / f"abp-{size}.jsonl.gz"
            got = subset(args.corpus, size, p)
            r = run_child(p, tmp / f"rss-{size}", jobs=1)
            res["peak_memory"].append({"documents": got, "seconds": r["seconds"], "peak_rss_mb": r["peak_rss_mb"]})
    res["load_average_end"] = os.getloadavg()
    print_table(res)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(res, indent=2) + "\n", encoding="utf-8")
    return 0


def print_table(res: dict[str, Any]) -> None:
    print(f"{res['documents']} articles, {res['sentences']} sentences, {res['text_mb']:.1f} MB of text; "
          f"{res['cores']} cores; load average {res['load_average_start'][0]:.1f}")
    print(f"{'':44} {'seconds':>8} {'MB/s':>6} {'docs/s':>7} {'vs VADER':>8}")
    for name, r in res["throughput"].items():
        note = "" if "identical_to_1_process" not in r else ("  identical" if r["identical_to_1_process"] else "  DIFFERENT")
        if "main_cpu_seconds" in r:
            note += f"; main process {r['main_cpu_seconds']:.2f} s CPU"
        print(f"{name:44} {r['seconds']:>8.2f} {r['mb_per_s']:>6.2f} {r['docs_per_s']:>7.0f} {r['vs_vader']:>7.2f}x{note}")
    for k, v in res["ratios"].items():
        print(f"  {k}: {v:.2f}")
    for i, r in enumerate(res.get("rounds", []), 1):
        name = next(k for k in r if k.endswith("_vs_one_process"))
        print(f"  round {i}: {name} {r[name]:.2f} (load {r['load_average_1min']:.1f}, main process {r['main_cpu_seconds']:.2f} s CPU)")
    if "stages_cpu_seconds" in res:
        total = sum(res["stages_cpu_seconds"].values())
        print("time by stage (one process, CPU):")
        for k, v in sorted(res["stages_cpu_seconds"].items(), key=lambda kv: -kv[1]):
            print(f"  {k:34} {v:7.2f} s {100 * v / total:5.1f} %  {res['text_mb'] / v if v else 0:7.1f} MB/s")
    if "lexicon_edit_rerun" in res:
        r = res["lexicon_edit_rerun"]
        print(f"lexicon edit: first run {r['first_seconds']:.1f} s, rerun {r['rerun_seconds']:.1f} s "
              f"({r['speedup']:.1f}x; same tables as without cache: {r['rerun_equals_uncached_run']})")
    if "import_seconds" in res:
        print("import: " + ", ".join(f"{k} {v:.2f} s" for k, v in res["import_seconds"].items()))
    if "report_seeds_cold" in res:
        r = res["report_seeds_cold"]
        print(f"framing report seeds (cold): {r['seconds']:.1f} s" + ("" if r["ok"] else f" FAILED: {r['error']}"))
    for r in res.get("peak_memory", []):
        print(f"peak memory, {r['documents']:>6} articles: {r['peak_rss_mb']:.0f} MB ({r['seconds']:.0f} s)")


if __name__ == "__main__":
    raise SystemExit(main())
