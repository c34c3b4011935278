"""More property-based tests: hostile text through sentences, term matching and scare quotes.

This extends tests/test_fuzz_extractors.py with what it does not check:

- a harsher text generator: Armenian, Cyrillic, Azerbaijani Latin (``İ``, whose
  lower case is two characters long), Arabic with its own punctuation, emoji
  sequences, stacked combining marks, zero-width, bidi and other format
  controls, every kind of line end (``\\r``, ``\\r\\n``, U+2028, U+0085), tokens of
  thousands of letters, lines of tens of thousands of characters, and runs of
  empty paragraphs;
- the cleaning path (page furniture removed), not only uncleaned text;
- coverage (no visible character is left outside every sentence), quote spans
  that nest but never cross, lexicon hits of one pack that never overlap and
  really spell a lexicon term, scare-quote rows whose text is the text at their
  offsets;
- independence from state: a warm matcher (with its word cache full of other
  documents' words) finds exactly what a fresh one finds, hits before a
  paragraph break do not depend on what follows it, and a document analysed
  alone gives the same rows as in a batch processed in either order.

CI runs a few examples (FRAMING_FUZZ_EXAMPLES, default 60); failures found by
long campaigns are kept as explicit examples (``@example``) below.
"""

from __future__ import annotations

import json
import os

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from framing.analysis import Analyzer, analyze_text_document, default_analyzer
from framing.cleaning import prepare
from framing.lexicon import load_packs
from framing.matcher import TermMatcher, _forms
from framing.model import Source
from framing.quotemarks import classify_spans, find_quote_spans
from framing.sentences import split_sentences
from framing.terms import quote_spans
from framing.tokens import term_key

EXAMPLES = int(os.environ.get("FRAMING_FUZZ_EXAMPLES", "60"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
# Tests that build a fresh matcher or analyzer for every example run a fifth as many.
FUZZ_SLOW = settings(FUZZ, max_examples=max(5, EXAMPLES // 5))

WORDS = [
    # lexicon words in several spellings, scripts and cases
    "Stepanakert", "Khankendi", "Xankəndi", "XANKƏNDİ", "Şuşa", "Shushi", "Shusha", "Artsakh", "Artsakh’s",
    "Nagorno-Karabakh", "Nagorno–Karabakh", "Nagorno\u00adKarabakh", "Nagorno\u200bKarabakh", "Karabakh",
    "peacekeepers", "Peacekeeper", "so-called", "self-proclaimed", "separatist", "regime", "Lachin corridor",
    "Zangezur", "Syunik", "Kyiv", "Kiev", "Donbas", "special military operation",
    "Ստեփանակերտ", "Արցախ", "Ханкенди", "Степанакерт", "Нагорный Карабах", "İlham", "Əliyev", "ığüşöç",
    "قره\u200cباغ", "أذربيجان", "Aliyev", "Pashinyan", "Mr.", "Lt-Col.", "U.S.", "e.g.", "J.", "No.",
    "said", "told", "claimed", "according to", "who", "that", "the", "a",
]
MARKS = ["“", "”", '"', "'", "‘", "’", "«", "»", "„", "‚", "‹", "›", "`", "``", "''", "＂", "「", "」"]
PUNCT = [".", "?", "!", "…", ",", ":", ";", "—", "–", "-", "/", "(", ")", "[", "]", "։", "՝", "،", "؟", "。"]
SPACE = [
    " ", " ", " ", "\t", "\u00a0", "\u2009", "\n", "\n\n", "\n\n\n\n", "\r\n", "\r", "\r\n\r\n", "\u2028", "\u2029",
    "\u0085", "\x0b", "\x0c",
]
ODD = [
    "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u200e", "\u200f", "\u202a", "\u202b", "\u202c",
    "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069", "\u061c", "e\u0301", "a\u0300\u0301\u0302\u0303",
    "\u0301", "🇦🇲", "🇦🇿", "👩\u200d👩\u200d👧", "👍🏽", "\U0001f9d1\u200d\u2695\ufe0f", "\ufffd", "\x00", "\x07", "\ud7ff",
    "𝔄𝔯𝔱𝔰𝔞𝔨𝔥", "ﬁ", "Ⅻ", "²", "١٢٣",
]
FURNITURE = [
    "0 / 179", "Share", "LEAVE A REPLY", "Please enter your comment!", "Short link:", "Leave a review",
    "(Reuters) -", "via ZeroHedge", "— Ann Lee (@annlee) October 1, 2023", "Photo: AFP", "Read more:",
]

piece = st.one_of(
    st.sampled_from(WORDS),
    st.sampled_from(MARKS),
    st.sampled_from(PUNCT),
    st.sampled_from(SPACE),
    st.sampled_from(ODD),
    st.sampled_from(FURNITURE),
    st.text(max_size=8),
    st.integers(min_value=200, max_value=6000).map(lambda n: "x" * n),  # a very long token
    st.integers(min_value=1, max_value=400).map(lambda n: "Stepanakert " * n),  # a long line of lexicon words
)
texts = st.lists(piece, max_size=50).map("".join)
# Pieces glued with spaces more often than not, so words stay words.
spaced = st.lists(st.tuples(piece, st.sampled_from(SPACE)), max_size=50).map(
    lambda parts: "".join(p + s for p, s in parts)
)
any_text = texts | spaced

_PACKS = None


def packs():
    global _PACKS
    if _PACKS is None:
        _PACKS = load_packs()
    return _PACKS


_MATCHERS: dict[bool, TermMatcher] = {}


def shared_matcher(diacritics: bool = False) -> TermMatcher:
    """One matcher per mode for the whole module (built once: it takes a while)."""
    if diacritics not in _MATCHERS:
        _MATCHERS[diacritics] = TermMatcher(packs(), diacritics=diacritics)
    return _MATCHERS[diacritics]


# --- sentences ---------------------------------------------------------------------


@FUZZ
@given(any_text)
@example("\u2028A.\u2029B. " + "x" * 5000 + "?\r\n\r\nC")
@example("İİİ. Əliyev said.\u200f\u202e. “Fine.” ‘No.’ « Oui. »")
def test_sentences_cover_every_visible_character(text: str) -> None:
    spans = split_sentences(text)
    covered = [False] * len(text)
    prev = 0
    for a, b in spans:
        assert prev <= a < b <= len(text)
        assert not text[a].isspace() and not text[b - 1].isspace()
        for i in range(a, b):
            covered[i] = True
        prev = b
    lost = [text[i] for i in range(len(text)) if not covered[i] and not text[i].isspace()]
    assert lost == [], "visible characters outside every sentence"


@FUZZ
@given(any_text, st.integers(min_value=0, max_value=40), st.integers(min_value=0, max_value=40))
def test_sentences_of_a_slice_are_offsets_into_the_whole_text(text: str, cut_a: int, cut_b: int) -> None:
    start = min(cut_a, len(text))
    end = max(start, len(text) - cut_b)
    for a, b in split_sentences(text, start, end):
        assert start <= a < b <= end


@FUZZ
@given(any_text, st.booleans())
def test_documents_keep_paragraphs_and_sentences_inside_the_text(text: str, clean: bool) -> None:
    doc, _ = prepare(Source(id="d", text=text, meta={"outlet": "X"}, source="<fuzz>", clean=clean))
    n = len(doc.text)
    prev = 0
    for p in doc.paragraphs:
        assert prev <= p.start < p.end <= n
        prev = p.end
    prev = 0
    for s in doc.sentences:
        assert prev <= s.start < s.end <= n
        assert any(p.start <= s.start and s.end <= p.end for p in doc.paragraphs), "a sentence crosses paragraphs"
        prev = s.end
    if not clean:
        assert doc.text == text


# --- quote marks and scare quotes ---------------------------------------------------------


@FUZZ
@given(any_text)
@example('"a "b" c" \'d «e» f\' “g ‘h’ i” ``j\'\' „k“ ‚l‘')
def test_quote_spans_nest_but_never_cross(text: str) -> None:
    doc = analyze_text_document(text)
    paras = [(p.start, p.end) for p in doc.paragraphs]
    spans = find_quote_spans(text, paras)
    classified = classify_spans(text, spans, [(s.start, s.end) for s in doc.sentences])
    assert [(s.open_at, s.start, s.end) for s in classified] == [(s.open_at, s.start, s.end) for s in spans]
    outer = sorted((s.open_at, s.outer_end) for s in spans)
    for s in spans:
        pa, pb = paras[s.paragraph]
        assert pa <= s.open_at < s.start <= s.end <= s.outer_end <= pb
    for i, (a1, b1) in enumerate(outer):
        for a2, b2 in outer[i + 1 :]:
            if a2 >= b1:
                break
            assert b2 <= b1, f"spans cross: {text[a1:b1]!r} and {text[a2:b2]!r}"


@FUZZ
@given(any_text)
def test_scare_quote_rows_are_the_text_at_their_offsets(text: str) -> None:
    doc = analyze_text_document(text)
    result = default_analyzer().analyze_document(doc)
    rows = result.rows["scare_quotes"]
    assert len(rows) == len(quote_spans(doc))
    for row in rows:
        assert 0 <= row["start"] <= row["end"] <= len(text)
        assert text[row["start"] : row["end"]] == row["text"]
        assert row["kind"] in ("speech", "scare", "title", "mention")
    scare = sorted((r["start"], r["end"], r["depth"]) for r in rows if r["kind"] == "scare")
    for (_a1, b1, d1), (a2, b2, d2) in zip(scare, scare[1:], strict=False):
        assert a2 >= b1 or (b2 <= b1 and d2 > d1), "scare quotes of one level overlap"
    for row in result.rows["terms"]:
        assert text[row["start"] : row["end"]] == row["text"]
        assert row["voice"] in ("authorial", "quoted", "scare-quoted", "mentioned")
        if row["voice"] == "scare-quoted":
            assert row["in_scare_quotes"] is True


# --- term matching ----------------------------------------------------------------------


@FUZZ
@given(any_text, st.booleans())
def test_term_hits_spell_a_term_and_never_overlap_within_a_pack(text: str, diacritics: bool) -> None:
    matcher = shared_matcher(diacritics)
    hits = matcher.find(text)
    last_end: dict[str, int] = {}
    for h in hits:
        assert 0 <= h.start < h.end <= len(text)
        assert text[h.start : h.end] == h.text
        assert h.start >= last_end.get(h.pack, 0), "hits of one pack overlap"
        last_end[h.pack] = h.end
        forms = {term_key(f, diacritics=diacritics) for f in _forms(h.term, True)}
        assert term_key(h.text, diacritics=diacritics) in forms, f"{h.text!r} does not spell {h.term!r}"
    assert hits == sorted(hits, key=lambda h: (h.start, h.pack))


@FUZZ_SLOW
@given(any_text, st.lists(any_text, max_size=3))
def test_a_warm_matcher_finds_what_a_fresh_one_finds(text: str, others: list[str]) -> None:
    warm = shared_matcher()
    for other in others:
        warm.find(other)
    assert warm.find(text) == TermMatcher(packs()).find(text)


@FUZZ
@given(any_text, any_text)
def test_hits_before_a_paragraph_break_do_not_depend_on_what_follows(a: str, b: str) -> None:
    matcher = shared_matcher()
    alone = matcher.find(a)
    joined = [h for h in matcher.find(a + "\n\n" + b) if h.start < len(a)]
    assert joined == alone


# --- order of documents ----------------------------------------------------------------------


@FUZZ_SLOW
@given(any_text, any_text)
def test_rows_do_not_depend_on_the_order_or_on_other_documents(a: str, b: str) -> None:
    fresh = [Analyzer(packs()).analyze_document(analyze_text_document(t, doc_id=i)) for i, t in (("a", a), ("b", b))]
    shared = default_analyzer()
    docs = [analyze_text_document(a, doc_id="a"), analyze_text_document(b, doc_id="b")]
    ab = [shared.analyze_document(d) for d in docs]
    ba = [shared.analyze_document(d) for d in reversed(docs)][::-1]
    for alone, first, second in zip(fresh, ab, ba, strict=True):
        assert _comparable(alone.rows) == _comparable(first.rows) == _comparable(second.rows)
        assert _comparable(alone.record) == _comparable(first.record) == _comparable(second.record)


def _comparable(rows: object) -> str:
    """Rows as JSON text, so that NaN compares equal to NaN."""
    return json.dumps(rows, sort_keys=True, default=str)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "\n\n\n\n",
        "\u200b\u200f\u202e",
        "x" * 100_000,  # one token of 100,000 letters
        ("Stepanakert " * 9000).strip(),  # a line of 108,000 characters of lexicon words
        "“" * 5000 + "”" * 3,  # thousands of unbalanced opening marks
        "\"'" * 5000,
        "İ" * 3000 + " Xankəndi in Karabakh",  # İ folds to two characters: offsets must not drift
    ],
    ids=["empty", "empty paragraphs", "controls only", "long token", "long line", "unbalanced marks",
         "alternating marks", "dotted capital I"],
)
def test_extreme_texts_keep_offsets(text: str) -> None:
    doc = analyze_text_document(text)
    result = default_analyzer().analyze_document(doc)
    for name in ("sentences", "terms", "scare_quotes", "quotes"):
        for row in result.rows[name]:
            if "start" in row and "text" in row:
                assert text[row["start"] : row["end"]] == row["text"], name
    hits = [(r["start"], r["text"]) for r in result.rows["terms"]]
    if text.startswith("İ"):
        # 3000 İ and a space come first: the hit is at character 3001 of the text given.
        assert hits == [(3001, "Xankəndi"), (3013, "Karabakh")]  # 3001 + len("Xankəndi in ") = 3013
    if text.startswith("Stepanakert "):
        assert len(hits) == 9000 and hits[1] == (12, "Stepanakert")  # "Stepanakert " is 12 characters
