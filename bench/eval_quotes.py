"""Quote-attribution benchmark: framing's extractor against PolNeAR.

Loads a PolNeAR split (../shared/corpora/polnear by default), runs
``framing.quotes.find_quotes`` on every article and scores it the way
../shared/reference/quote-attribution.md describes: P/R/F1 at 30 % and 80 %
character coverage, speaker and verb accuracy on matched quotes, separately
for attributions whose content holds a quote mark and for indirect ones, then
per publisher. Prints a table and writes the figures as JSON.

    .venv/bin/python bench/eval_quotes.py [--split dev|train] [--polnear PATH]
                                          [--out bench/results/quotes-dev.json] [--limit N]

Exit status: 0 on success, 2 when the corpus or the extractor is missing.
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import platform
import sys
import time
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

import framing
from framing.evaluation import GoldArticle, Scores, load_polnear, predict_with_framing, score_split

if TYPE_CHECKING:
    from framing.quotes import Quote

HERE = Path(__file__).resolve().parent
DEFAULT_POLNEAR = HERE.parent.parent / "shared" / "corpora" / "polnear"
SUBSETS = {
    "quote": "quote-mark attributions",
    "indirect": "indirect attributions",
    "indirect_speech": "  of them, reporting verbs",
    "all": "all attributions",
}


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", choices=("dev", "train"), default="dev")
    ap.add_argument(
        "--polnear",
        type=Path,
        default=DEFAULT_POLNEAR,
        help="the polnear folder (holding dev/ and train/)",
    )
    ap.add_argument(
        "--out",
        type=Path,
        default=None,
        help="JSON output (default bench/results/quotes-<split>.json)",
    )
    ap.add_argument(
        "--limit", type=int, default=None, help="score only the first N articles (in name order)"
    )
    return ap.parse_args(argv)


def gold_digest(articles: Iterable[GoldArticle]) -> str:
    """SHA-256 of the gold as loaded (names, texts, spans), to tell runs on different data apart."""
    h = hashlib.sha256()
    for a in articles:
        h.update(f"{a.name}\t{a.publisher}\t{a.annotator}\n".encode())
        h.update(a.text.encode("utf-8"))
        for g in a.attributions:
            h.update(repr((g.content, g.cue, g.source)).encode())
    return h.hexdigest()


def fmt(x: float) -> str:
    return "   -" if x != x else f"{100 * x:5.1f}"  # NaN → "-"


COLUMNS = ("P30", "R30", "F30", "P80", "R80", "F80", "spk", "verb", "cue=")
HEADER = f"{'':<28}{'gold':>6}{'pred':>6}  " + " ".join(f"{c:>5}" for c in COLUMNS)
NOTE = (
    "P/R/F at >=30 % and >=80 % of gold content characters covered; "
    "spk/verb = accuracy on pairs matched at 30 % (verb: the cue's main verb; cue=: the whole cue span exactly)\n"
    "'of them, reporting verbs': the indirect gold attributions whose cue is a verb of framing's table or "
    "'according to' (PolNeAR also marks attitudes: 'endorsed', 'supports', 'wants'); read its recall only"
)


def row(label: str, s: Scores) -> str:
    figures = (
        s.precision_30, s.recall_30, s.f1_30, s.precision_80, s.recall_80, s.f1_80,
        s.speaker_accuracy, s.verb_accuracy, s.cue_exact_accuracy,
    )  # fmt: skip
    return f"{label:<28}{s.n_gold:>6}{s.n_pred:>6}  " + " ".join(fmt(x) for x in figures)


def print_table(results: dict[str, Scores]) -> None:
    print(HEADER)
    for key, label in SUBSETS.items():
        print(row(label, results[key]))
    for key in ("quote", "indirect"):
        print(f"\nper publisher, {SUBSETS[key]}")
        print(HEADER)
        for pub, s in results[key].per_publisher.items():
            print(row(f"  {pub} ({s.n_articles})", s))
    print(f"\n{NOTE}")


def summary_line(split: str, articles: list[GoldArticle]) -> str:
    n_att = sum(len(a.attributions) for a in articles)
    n_skipped = sum(a.n_without_content for a in articles)
    n_several = sum(len(a.annotators) > 1 for a in articles)
    return (
        f"PolNeAR {split}: {len(articles)} articles, {n_att} attributions "
        f"({n_skipped} without content left out), "
        f"{n_several} with several annotators (first file used)"
    )


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    split_dir = args.polnear / args.split
    if not (split_dir / "attributions").is_dir() or not (split_dir / "text").is_dir():
        print(
            f"eval_quotes: PolNeAR {args.split} split not found at {split_dir} "
            "(expected text/ and attributions/; pass --polnear PATH)",
            file=sys.stderr,
        )
        return 2
    try:
        from framing.quotes import find_quotes  # noqa: F401  (checked before a long run)
    except ImportError as e:
        print(f"eval_quotes: framing's quote extractor is not available: {e}", file=sys.stderr)
        return 2

    t0 = time.perf_counter()
    articles = list(itertools.islice(load_polnear(split_dir), args.limit))
    t_load = time.perf_counter() - t0

    t_extract = 0.0

    def predict(article: GoldArticle) -> list[Quote]:
        nonlocal t_extract
        t = time.perf_counter()
        quotes = predict_with_framing(article)
        t_extract += time.perf_counter() - t
        return quotes

    t1 = time.perf_counter()
    results = score_split(articles, predict, subsets=tuple(SUBSETS))
    t_score = time.perf_counter() - t1
    n = len(articles)

    print(summary_line(args.split, articles) + "\n")
    print_table(results)
    docs_per_s = n / t_extract if t_extract else float("nan")
    print(
        f"\nextractor: {t_extract:.2f} s, {docs_per_s:.1f} documents/s; "
        f"loading {t_load:.2f} s, extraction + scoring {t_score:.2f} s"
    )

    out = args.out or HERE / "results" / f"quotes-{args.split}.json"
    record = {
        "benchmark": "quotes",
        "framing_version": framing.__version__,
        "python": platform.python_version(),
        "corpus": "polnear",
        "split": args.split,
        "limit": args.limit,
        "articles": n,
        "gold_sha256": gold_digest(articles),
        "seconds": {"load": t_load, "extract": t_extract, "extract_and_score": t_score},
        "documents_per_second": docs_per_s if t_extract else None,
        "scores": {key: results[key].to_dict() for key in SUBSETS},
    }
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(
        json.dumps(record, indent=2, ensure_ascii=False, allow_nan=False) + "\n", encoding="utf-8"
    )
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
