"""Streaming benchmark: load, clean and tabulate ../shared/corpora/abp-10k.jsonl.gz.

Measures, in separate fresh processes, the time and peak memory (max RSS) of
``framing.write_analysis`` over the first 1,000 articles and over all 10,000,
to show that memory stays flat as the corpus grows. Writes the figures to
bench/results/load.json and prints a table.

    .venv/bin/python bench/bench_load.py [--corpus PATH] [--sizes 1000,10000]
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT = HERE.parent.parent / "shared" / "corpora" / "abp-10k.jsonl.gz"

CHILD = r"""
import json, resource, sys, time
t0 = time.perf_counter()
import framing
summary = framing.write_analysis(sys.argv[1], sys.argv[2])
secs = time.perf_counter() - t0
print(json.dumps({
    "documents": summary.documents,
    "sentences": summary.sentences,
    "seconds": secs,
    "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
}))
"""


def subset(src: Path, n: int, dest: Path) -> tuple[int, int]:
    """Copy the first ``n`` lines of a .jsonl.gz; return (lines, text bytes)."""
    lines = 0
    size = 0
    with gzip.open(src, "rt", encoding="utf-8") as fin, gzip.open(dest, "wt", encoding="utf-8") as fout:
        for line in fin:
            if lines >= n:
                break
            fout.write(line)
            size += len(json.loads(line).get("text", "").encode("utf-8"))
            lines += 1
    return lines, size


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT)
    ap.add_argument("--sizes", default="1000,10000")
    ap.add_argument("--out", type=Path, default=HERE / "results" / "load.json")
    args = ap.parse_args()
    if not args.corpus.exists():
        print(f"bench: {args.corpus} not found (it lives in ../shared/corpora beside the checkout)", file=sys.stderr)
        return 2
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in [int(s) for s in args.sizes.split(",")]:
            part = Path(tmp) / f"abp-{n}.jsonl.gz"
            docs, text_bytes = subset(args.corpus, n, part)
            out = subprocess.run(
                [sys.executable, "-c", CHILD, str(part), str(Path(tmp) / f"out-{n}")],
                capture_output=True, text=True, check=True, env={**os.environ, "PYTHONHASHSEED": "0"},
            )
            res = json.loads(out.stdout.strip().splitlines()[-1])
            res.update({"requested": n, "text_mb": text_bytes / 1e6, "mb_per_s": text_bytes / 1e6 / res["seconds"],
                        "docs_per_s": res["documents"] / res["seconds"]})
            rows.append(res)
    print(f"{'docs':>7} {'text MB':>8} {'seconds':>8} {'MB/s':>6} {'docs/s':>7} {'peak RSS MB':>12}")
    for r in rows:
        print(f"{r['documents']:>7} {r['text_mb']:>8.1f} {r['seconds']:>8.1f} {r['mb_per_s']:>6.2f} "
              f"{r['docs_per_s']:>7.0f} {r['peak_rss_mb']:>12.0f}")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps({"benchmark": "load", "cores": os.cpu_count(), "runs": rows}, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
