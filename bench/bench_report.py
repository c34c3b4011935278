"""How long the main job takes: `framing report` on the seeds and on 1,000 real articles, from a cold start.

Each run is a fresh `framing report` process (imports, lexicons, analysis,
charts, PDF, HTML, tables) with no document cache (`--no-cache`), timed from
the outside, so the figures are what a user waits for on a first run. The
machine's load average before each run is recorded, since other work on the
cores shows in the wall time. The 1,000 articles are the first 1,000 of
../shared/corpora/abp-10k.jsonl.gz, written to a temporary JSONL file.
Writes bench/results/report.json.

    .venv/bin/python bench/bench_report.py [--articles 1000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DEFAULT = ROOT.parent / "shared" / "corpora" / "abp-10k.jsonl.gz"
FRAMING = Path(sys.executable).with_name("framing")


def timed_report(corpus: Path, out: Path, *extra: str) -> tuple[float, float]:
    """Wall and child CPU seconds of one `framing report` process."""
    before = os.times()
    t0 = time.perf_counter()
    subprocess.run([str(FRAMING), "report", str(corpus), "-o", str(out), "-q", "--force", "--no-cache", *extra],
                   check=True)
    wall = time.perf_counter() - t0
    after = os.times()
    return wall, (after.children_user - before.children_user) + (after.children_system - before.children_system)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT)
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--out", type=Path, default=HERE / "results" / "report.json")
    args = ap.parse_args()
    result: dict[str, object] = {"benchmark": "report", "cores": os.cpu_count()}
    with tempfile.TemporaryDirectory(prefix="framing-bench-") as tmp:
        tmpdir = Path(tmp)
        seeds, loads = [], []
        for i in range(args.repeat):
            loads.append(round(os.getloadavg()[0], 2))
            seeds.append(timed_report(ROOT / "seeds", tmpdir / f"seeds-{i}"))
        result["seeds"] = {"wall_seconds": [round(w, 2) for w, _ in seeds],
                           "cpu_seconds": [round(c, 2) for _, c in seeds],
                           "load_before": loads,
                           "median_cpu": round(statistics.median(c for _, c in seeds), 2),
                           "median_wall": round(statistics.median(w for w, _ in seeds), 2)}
        print(f"framing report seeds/: median {result['seeds']['median_wall']} s wall over {args.repeat} cold runs "
              f"(cpu {', '.join(f'{c:.1f}' for _, c in seeds)} s)")
        if args.corpus.exists():
            sample = tmpdir / "sample.jsonl"
            n = 0
            with gzip.open(args.corpus, "rt", encoding="utf-8") as src, sample.open("w", encoding="utf-8") as dst:
                for line in src:
                    dst.write(line)
                    n += 1
                    if n == args.articles:
                        break
            wall, cpu = timed_report(sample, tmpdir / "sample-report")
            out = tmpdir / "sample-report"
            result["sample"] = {
                "articles": n, "wall_seconds": round(wall, 1), "cpu_seconds": round(cpu, 1),
                "text_mb": round(sample.stat().st_size / 1e6, 1),
                "report_pdf_mb": round((out / "report.pdf").stat().st_size / 1e6, 1),
                "report_html_mb": round((out / "report.html").stat().st_size / 1e6, 1),
                "figures": len(list((out / "figures").glob("*.png"))),
            }
            print(f"framing report on {n} abp-10k articles: {wall:.1f} s wall, {cpu:.1f} s cpu; "
                  f"PDF {result['sample']['report_pdf_mb']} MB, HTML {result['sample']['report_html_mb']} MB")
        else:
            print(f"bench: {args.corpus} not found; only the seeds were timed", file=sys.stderr)
    args.out.parent.mkdir(exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
