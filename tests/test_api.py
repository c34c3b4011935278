"""The Python API: tables as DataFrames, offsets into the given string, purity."""

from __future__ import annotations

import pandas as pd
import pytest

import framing
from framing import analyze, analyze_document, analyze_text, load_corpus
from framing.tables import COLUMNS

from .conftest import SEEDS


def test_analyze_returns_dataframes_with_the_contract_columns() -> None:
    result = analyze(SEEDS)
    assert isinstance(result.documents, pd.DataFrame)
    assert list(result.documents.columns) == COLUMNS["documents"]
    assert list(result.sentences.columns) == COLUMNS["sentences"]
    assert list(result.documents["doc_id"]) == sorted(p.stem for p in SEEDS.glob("0*.txt"))
    # every sentence row points into its document's cleaned text
    texts = {d.id: d.text for d in result.documents_list}
    for row in result.sentences.itertuples():
        assert texts[row.doc_id][row.start : row.end] == row.text


def test_analyze_text_offsets_refer_to_the_given_string() -> None:
    # Deliberately un-normalised: CRLF line ends, a decomposed é, leading spaces.
    text = "  Cafe\u0301 owners fled Stepanakert.\r\nThey went to Goris. Mr. Smith stayed."
    r = analyze_text(text, outlet="Example")
    spans = [(row.start, row.end) for row in r.sentences.itertuples()]
    assert [text[a:b] for a, b in spans] == [
        "Cafe\u0301 owners fled Stepanakert.",
        "They went to Goris.",
        "Mr. Smith stayed.",
    ]
    assert r.documents.loc[0, "outlet"] == "Example"
    assert r.documents.loc[0, "n_chars"] == len(text)


def test_analyze_text_rejects_bytes_and_bad_dates() -> None:
    with pytest.raises(framing.InputError):
        analyze_text(b"bytes")  # type: ignore[arg-type]
    with pytest.raises(framing.InputError, match="unreadable date"):
        analyze_text("Some text.", date="the day before yesterday")


def test_analyze_document_is_pure_and_order_independent() -> None:
    docs = list(load_corpus(SEEDS))
    forward = [analyze_document(d).rows for d in docs]
    backward = [analyze_document(d).rows for d in reversed(docs)]
    assert forward == list(reversed(backward))
    assert analyze_document(docs[0]).rows == analyze_document(docs[0]).rows


def test_import_is_light() -> None:
    import subprocess
    import sys

    code = "import sys, framing; print(','.join(m for m in ('pandas','sklearn','matplotlib','trafilatura') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == ""


def test_write_is_deterministic(tmp_path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    framing.write_analysis(SEEDS, a)
    framing.write_analysis(SEEDS, b)
    names = sorted(p.name for p in a.iterdir())
    assert names == sorted(p.name for p in b.iterdir())
    assert len(names) == 15
    for name in names:
        assert (a / name).read_bytes() == (b / name).read_bytes(), name


def test_analysis_write_matches_streaming_write(tmp_path) -> None:
    framing.write_analysis(SEEDS, tmp_path / "stream")
    analyze(SEEDS).write(tmp_path / "memory")
    for p in (tmp_path / "stream").iterdir():
        if p.name != "run.json":
            assert p.read_bytes() == (tmp_path / "memory" / p.name).read_bytes(), p.name
