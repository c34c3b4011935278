"""Predict an outlet's lean (left / center / right) from framing's features, with scikit-learn.

An example of framing's transformers in a research pipeline, on
../shared/corpora/abp-10k.jsonl.gz: ToneFeatures + SourcingFeatures +
ReadabilityFeatures → SimpleImputer → StandardScaler → LogisticRegression,
scored with 5-fold cross-validation grouped by outlet (no outlet is in both
the training and the test fold, so the model cannot simply learn each
outlet's house style), against the majority-class baseline. Writes
bench/results/lean_pipeline.json.

    .venv/bin/python bench/lean_pipeline.py [--limit 2000]
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
DEFAULT = HERE.parent.parent / "shared" / "corpora" / "abp-10k.jsonl.gz"


def read(path: Path, limit: int) -> tuple[list[str], list[str], list[str]]:
    """Texts, lean labels and outlets of the first ``limit`` articles (every n-th, to mix outlets)."""
    rows = []
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            if r.get("text") and r.get("bias"):
                rows.append((r["text"], r["bias"], r["outlet"]))
    step = max(1, len(rows) // limit)
    rows = rows[::step][:limit]
    return [r[0] for r in rows], [r[1] for r in rows], [r[2] for r in rows]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT)
    ap.add_argument("--limit", type=int, default=2000)
    ap.add_argument("--out", type=Path, default=HERE / "results" / "lean_pipeline.json")
    args = ap.parse_args()
    if not args.corpus.exists():
        print(f"bench: {args.corpus} not found", file=sys.stderr)
        return 2
    import numpy as np
    from sklearn.dummy import DummyClassifier
    from sklearn.impute import SimpleImputer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GroupKFold, cross_val_score
    from sklearn.pipeline import make_pipeline, make_union
    from sklearn.preprocessing import StandardScaler

    from framing.sklearn import ReadabilityFeatures, SourcingFeatures, ToneFeatures

    texts, y, outlets = read(args.corpus, args.limit)
    t0 = time.perf_counter()
    features = make_union(ToneFeatures(), SourcingFeatures(), ReadabilityFeatures())
    X = features.fit_transform(texts)
    seconds = time.perf_counter() - t0
    model = make_pipeline(SimpleImputer(keep_empty_features=True), StandardScaler(),
                          LogisticRegression(max_iter=2000, class_weight="balanced"))
    cv = GroupKFold(n_splits=5)
    acc = cross_val_score(model, X, y, cv=cv, groups=outlets, scoring="balanced_accuracy")
    base = cross_val_score(DummyClassifier(strategy="most_frequent"), X, y, cv=cv, groups=outlets,
                           scoring="balanced_accuracy")
    result = {
        "benchmark": "lean_pipeline",
        "articles": len(texts),
        "outlets": len(set(outlets)),
        "labels": {k: y.count(k) for k in sorted(set(y))},
        "features": int(X.shape[1]),
        "feature_seconds": round(seconds, 1),
        "balanced_accuracy": {"mean": float(np.mean(acc)), "folds": [float(a) for a in acc]},
        "baseline_balanced_accuracy": float(np.mean(base)),
        "cv": "GroupKFold(5) by outlet",
    }
    print(f"{len(texts)} articles from {result['outlets']} outlets, {X.shape[1]} features ({seconds:.0f} s)")
    print(f"balanced accuracy {np.mean(acc):.3f} (folds {', '.join(f'{a:.2f}' for a in acc)}); "
          f"majority baseline {np.mean(base):.3f}")
    args.out.parent.mkdir(exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
