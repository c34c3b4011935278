"""Long documents: every extractor stays linear in the length of the text.

Not a speed measurement (that is bench/): a guard against quadratic steps,
which turn a 200,000-word document from seconds into hours.
"""

from __future__ import annotations

import csv
import time
from pathlib import Path

from framing import write_analysis

from .conftest import SEEDS


def test_a_200000_word_document_is_analysed(tmp_path: Path) -> None:
    seed = (SEEDS / "000_fee2f20a42c07dc0.txt").read_text(encoding="utf-8")
    body = "\n\n".join([seed] * 115)  # about 200,000 words, dense with quotes and lexicon terms
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "long.txt").write_text(body, encoding="utf-8")
    t0 = time.perf_counter()
    summary = write_analysis(corpus, tmp_path / "out")
    elapsed = time.perf_counter() - t0
    assert summary.documents == 1
    with open(tmp_path / "out" / "documents.csv", encoding="utf-8", newline="") as fh:
        row = next(csv.DictReader(fh))
    words = int(row["n_words"])
    assert words > 195_000
    # tone and readability are scored on the long text too (per sentence; one readability score)
    assert int(row["n_tone_sentences"]) == int(row["n_sentences"]) > 8000
    assert -1 <= float(row["tone_mean"]) <= 1 and 0 < float(row["flesch_kincaid_grade"]) < 30
    assert row["readability_note"] == ""
    assert elapsed < 90, f"{elapsed:.0f} s for one long document: something is quadratic"
