"""Term and scare-quote matching against plain VADER, on the same texts, in one run.

Reads ../shared/corpora/abp-10k.jsonl.gz (or --corpus), cleans the documents
once, then times, side by side:

* plain vaderSentiment ``polarity_scores`` on every sentence (the reference
  cost every VADER-based tool pays),
* framing's term matching (all bundled packs, one pass per document),
* framing's quote-mark pairing and span classification,

and prints MB/s and the ratio of each to VADER. Writes bench/results/terms.json.

    .venv/bin/python bench/bench_terms.py [--limit 10000]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
DEFAULT = HERE.parent.parent / "shared" / "corpora" / "abp-10k.jsonl.gz"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT)
    ap.add_argument("--limit", type=int, default=10000)
    ap.add_argument("--out", type=Path, default=HERE / "results" / "terms.json")
    args = ap.parse_args()
    if not args.corpus.exists():
        print(f"bench: {args.corpus} not found", file=sys.stderr)
        return 2
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    from framing import load_corpus
    from framing.analysis import default_analyzer
    from framing.terms import quote_spans

    docs = []
    for doc in load_corpus(args.corpus):
        docs.append(doc)
        if len(docs) >= args.limit:
            break
    mb = sum(len(d.text.encode("utf-8")) for d in docs) / 1e6
    sentences = [d.text[s.start : s.end] for d in docs for s in d.sentences]

    analyzer = default_analyzer()
    t0 = time.perf_counter()
    n_hits = sum(len(analyzer.matcher.find(d.text)) for d in docs)
    t_terms = time.perf_counter() - t0

    t0 = time.perf_counter()
    n_spans = sum(len(quote_spans(d)) for d in docs)
    t_quotes = time.perf_counter() - t0

    vader = SentimentIntensityAnalyzer()
    t0 = time.perf_counter()
    for s in sentences:
        vader.polarity_scores(s)
    t_vader = time.perf_counter() - t0

    rows = {
        "vaderSentiment (reference)": t_vader,
        "framing term matching": t_terms,
        "framing quote spans + kinds": t_quotes,
    }
    print(f"{len(docs)} documents, {len(sentences)} sentences, {mb:.1f} MB of cleaned text; "
          f"{n_hits} term hits, {n_spans} quoted spans; {os.cpu_count()} cores")
    print(f"{'stage':<30} {'seconds':>8} {'MB/s':>7} {'share of VADER time':>20}")
    for name, secs in rows.items():
        print(f"{name:<30} {secs:>8.2f} {mb / secs:>7.1f} {secs / t_vader:>19.1%}")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps({
        "benchmark": "terms", "cores": os.cpu_count(), "documents": len(docs), "sentences": len(sentences),
        "text_mb": mb, "term_hits": n_hits, "quoted_spans": n_spans,
        "seconds": rows, "mb_per_s": {k: mb / v for k, v in rows.items()},
        "fraction_of_vader": {k: v / t_vader for k, v in rows.items()},
    }, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
