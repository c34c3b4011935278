"""Property-based tests: extractors never fail on generated text and keep their invariants.

Text mixes quote styles and unbalanced marks, scripts (Armenian, Cyrillic,
Azerbaijani Latin, Arabic), emoji, combining marks, zero-width and bidi
controls, long tokens and empty paragraphs. CI runs a short campaign; set
FRAMING_FUZZ_EXAMPLES for a long one.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from framing.analysis import analyze_text_document, default_analyzer
from framing.quotemarks import classify_spans, find_quote_spans
from framing.quotes import find_quotes
from framing.sentences import split_sentences

EXAMPLES = int(os.environ.get("FRAMING_FUZZ_EXAMPLES", "150"))

PIECES = [
    "“", "”", '"', "'", "‘", "’", "«", "»", "„", "`", "''", " said ", " he said.", ", she claimed,", ": ",
    " according to Reuters, ", " — ", " ― Ann Lee\n", "Stepanakert", "Xankəndi", "Shushi", "Şuşa",
    "Nagorno-Karabakh", "Artsakh's", "so-called ", "Russian \"peacekeepers\"", "Mr. ", "Lt-Col. ", "U.S. ",
    "Ստեփանակերտ", "Ханкенди", "قره باغ", "🇦🇲", "e\u0301", "\u200b", "\u200f", "\u202e", "\n\n", "\n",
    ".", "?", "!", "…", ",", " ", "word", "Aliyev", "who", " that ", "x" * 300,
]

texts = st.lists(st.sampled_from(PIECES) | st.text(max_size=12), max_size=60).map("".join)
FUZZ = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FUZZ
@given(texts)
def test_sentences(text: str) -> None:
    spans = split_sentences(text)
    prev = 0
    for a, b in spans:
        assert prev <= a < b <= len(text)
        assert text[a:b] == text[a:b].strip()
        prev = b


@FUZZ
@given(texts)
def test_quote_marks(text: str) -> None:
    spans = classify_spans(text, find_quote_spans(text))
    for s in spans:
        assert 0 <= s.open_at < s.start <= s.end <= len(text)
        assert s.kind in ("speech", "scare", "title", "mention")


@FUZZ
@given(texts)
def test_quotes_and_terms(text: str) -> None:
    doc = analyze_text_document(text)
    quotes = find_quotes(doc)
    prev_end = -1
    for q in sorted(quotes, key=lambda q: q.start):
        assert 0 <= q.start <= q.end <= len(text)
        assert q.start >= prev_end, "quotes never overlap"
        prev_end = q.end
        for a, b in q.spans:
            assert q.start <= a <= b <= q.end
        if q.speaker_start >= 0:
            assert text[q.speaker_start : q.speaker_end] == q.speaker
        if q.cue_start >= 0 and q.cue not in (":",):
            assert text[q.cue_start : q.cue_end] == q.cue
    result = default_analyzer().analyze_document(doc)
    for row in result.rows["terms"]:
        assert text[row["start"] : row["end"]] == row["text"]
    for row in result.rows["sentences"]:
        assert text[row["start"] : row["end"]] == row["text"]


@FUZZ
@given(st.lists(texts, min_size=2, max_size=4))
def test_results_do_not_depend_on_document_order(batch: list[str]) -> None:
    analyzer = default_analyzer()
    docs = [analyze_text_document(t, doc_id=f"d{i}") for i, t in enumerate(batch)]
    forward = [_comparable(analyzer.analyze_document(d).rows) for d in docs]
    backward = [_comparable(analyzer.analyze_document(d).rows) for d in reversed(docs)]
    assert forward == list(reversed(backward))


def _comparable(rows: dict) -> str:
    """Rows as JSON text, so that NaN compares equal to NaN."""
    import json

    return json.dumps(rows, sort_keys=True, default=str)
