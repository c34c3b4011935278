"""The report's comparison tables compute scikit-learn's numbers without importing scikit-learn.

Distinctive words (CountVectorizer), event grouping (TfidfVectorizer + normalize) and the
outlet map (PCA) are reimplemented so that `framing report` does not pay scikit-learn's
import (about 1.5 s of a cold start). These tests run scikit-learn itself on the same input
and require identical results: the same integers, and the same floats bit for bit (same
sparse storage order, since later sums follow it).
"""

from __future__ import annotations

import gzip
import itertools
import json
import subprocess
import sys

import numpy as np
import pandas as pd
import pytest

from framing.corpus import load_corpus
from framing.distinctive import ENGLISH_STOP_WORDS, TermAnalyzer, term_counts
from framing.events import _TOKEN, _tfidf
from framing.profile import principal_components

from .conftest import ROOT, SEEDS, shared_corpus

sklearn_text = pytest.importorskip("sklearn.feature_extraction.text")

TRICKY = [
    "",
    "the and of it",  # stop words only
    "Zürich – Nagorno-Karabakh’s 'quoted' don't 123 abc1 x. Lachin corridor; Lachin   corridor!",
    "Stepanakert (Xankəndi) self-proclaimed self-proclaimed SELF-PROCLAIMED",
    "a" * 5,
    "Putin Putin Putin said, said: the war the war",
]


def seed_texts() -> dict[str, str]:
    return {d.id: d.text for d in load_corpus(SEEDS)}


def abp_texts(n: int) -> list[str]:
    path = shared_corpus("abp-10k.jsonl.gz")
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return [json.loads(line).get("text") or "" for line in itertools.islice(f, n)]


def test_stop_words_are_scikit_learns() -> None:
    assert ENGLISH_STOP_WORDS == sklearn_text.ENGLISH_STOP_WORDS
    assert len(ENGLISH_STOP_WORDS) == 318


def sklearn_term_counts(texts: dict[str, str], labels: dict[str, str]) -> pd.DataFrame:
    """The former implementation: CountVectorizer, then documents summed per label."""
    ids = sorted(texts)
    names = sorted(set(labels.values()))
    vec = sklearn_text.CountVectorizer(analyzer=TermAnalyzer(), lowercase=False)
    X = vec.fit_transform([texts[d] for d in ids])
    indicator = np.zeros((len(names), len(ids)))
    indicator[[names.index(labels[d]) for d in ids], np.arange(len(ids))] = 1.0
    counts = pd.DataFrame(np.asarray(X.T @ indicator.T).astype(np.int64),
                          index=pd.Index(vec.get_feature_names_out(), name="term"), columns=names)
    return counts[counts.sum(axis=1) >= 2].sort_index()


@pytest.mark.parametrize("which", ["seeds", "tricky", "two labels"])
def test_term_counts_equal_count_vectorizer(which: str) -> None:
    if which == "seeds":
        texts = seed_texts()
        labels = {d: f"outlet{i % 3}" for i, d in enumerate(sorted(texts))}
    else:
        texts = {f"d{i}": t for i, t in enumerate(TRICKY)}
        labels = {d: ("x" if which == "two labels" and i % 2 else "y") for i, d in enumerate(texts)}
    ours = term_counts(texts, labels)
    theirs = sklearn_term_counts(texts, labels)
    assert len(ours) > 3
    pd.testing.assert_frame_equal(ours, theirs)
    assert ours.index.dtype == theirs.index.dtype


def test_term_counts_by_hand() -> None:
    # "war war peace" (A) and "war peace peace" (B): unigrams war 2+1, peace 1+2;
    # bigrams "war war" 1 (A), "war peace" 1+1, "peace peace" 1 (B); min_count=2 keeps 3 terms.
    counts = term_counts({"1": "war war peace", "2": "war peace peace"}, {"1": "A", "2": "B"})
    assert counts.index.tolist() == ["peace", "war", "war peace"]
    assert counts.to_numpy().tolist() == [[1, 2], [2, 1], [1, 1]]
    # only stop words: no term, an empty table with the label columns
    empty = term_counts({"1": "the of and", "2": "it is"}, {"1": "A", "2": "B"})
    assert empty.shape == (0, 2) and list(empty.columns) == ["A", "B"]


def sklearn_tfidf(texts: list[str]):
    from sklearn.preprocessing import normalize

    vec = sklearn_text.TfidfVectorizer(token_pattern=_TOKEN, lowercase=True, stop_words="english",
                                       sublinear_tf=True, dtype=np.float64)
    return normalize(vec.fit_transform(texts).tocsr()).tocsr(), vec.get_feature_names_out()


def assert_same_matrix(texts: list[str]) -> None:
    (A, va), (B, vb) = sklearn_tfidf(texts), _tfidf(texts)
    assert A.shape == B.shape
    assert va.tolist() == vb.tolist()
    assert np.array_equal(A.indptr, B.indptr)
    assert np.array_equal(A.indices, B.indices)  # same storage order, not only the same cells
    assert np.array_equal(A.data, B.data)  # bit for bit


@pytest.mark.parametrize("which", ["seeds", "tricky"])
def test_tfidf_equals_scikit_learn(which: str) -> None:
    texts = list(seed_texts().values()) if which == "seeds" else TRICKY
    assert_same_matrix(texts)


def test_tfidf_equals_scikit_learn_on_real_news() -> None:
    assert_same_matrix(abp_texts(600))


def test_tfidf_by_hand_and_empty() -> None:
    # two documents: "peace peace war" and "war". df(peace)=1, df(war)=2, n=2:
    # idf(peace) = ln(3/2) + 1, idf(war) = ln(3/3) + 1 = 1; tf(peace) = 1 + ln 2, tf(war) = 1.
    X, vocab = _tfidf(["peace peace war", "war"])
    assert vocab.tolist() == ["peace", "war"]
    p, w = (1 + np.log(2)) * (np.log(1.5) + 1), 1.0
    norm = np.hypot(p, w)
    assert np.allclose(X.toarray(), [[p / norm, w / norm], [0.0, 1.0]])
    X, vocab = _tfidf(["the", ""])  # no word left: no column
    assert X.shape == (2, 0) and len(vocab) == 0


def sklearn_pca(X: np.ndarray, k: int):
    from sklearn.decomposition import PCA

    pca = PCA(n_components=k, svd_solver="full")
    scores = pca.fit_transform(X)
    return scores, pca.components_, pca.explained_variance_ratio_


@pytest.mark.parametrize("shape,k,order", [((5, 44), 2, "C"), ((5, 44), 2, "F"), ((3, 2), 2, "F"),
                                           ((2, 7), 2, "C"), ((59, 41), 2, "F"), ((4, 1), 1, "C")])
def test_principal_components_equal_scikit_learn(shape: tuple[int, int], k: int, order: str) -> None:
    rng = np.random.default_rng(sum(shape))
    X = np.asarray(rng.normal(size=shape), order=order)
    for ours, theirs in zip(principal_components(X.copy(order="K"), k), sklearn_pca(X.copy(order="K"), k),
                            strict=True):
        assert ours.shape == theirs.shape
        assert np.array_equal(ours, theirs)


def test_principal_components_by_hand() -> None:
    # points (-1, 0), (1, 0): all variance on the first axis, which loads positively;
    # scores are the centred x values -1 and 1, the share explained is 1.
    scores, comps, ratio = principal_components(np.array([[-1.0, 0.0], [1.0, 0.0]]), 1)
    assert np.allclose(comps, [[1.0, 0.0]]) and np.allclose(scores.ravel(), [-1.0, 1.0])
    assert np.allclose(ratio, [1.0])


def test_report_tables_do_not_import_scikit_learn() -> None:
    code = ("import sys; from framing.analysis import analyze; from framing.corpus import load_corpus; "
            "from framing.report import comparison_tables; "
            f"t = comparison_tables(analyze(load_corpus({str(SEEDS)!r}))); "
            "assert {'distinctive_words', 'events', 'outlet_map'} <= set(t), sorted(t); "
            "print(sorted(m for m in sys.modules if m.split('.')[0] == 'sklearn'))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout.strip() == "[]"
