"""One split of a document into words, shared by the word count, actor groups and term matching."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framing.actors import load_actors
from framing.model import Document, Sentence, count_words
from framing.terms import sentence_index
from framing.tokens import TOKEN, count_words_split, split_words, word_offsets
from framing.tone import GroupFinder, actor_mention_rows

_TEXT = st.text(alphabet=st.sampled_from(list("ab _-\n\t.,’\u00a0é1Ж")), max_size=25)


@pytest.mark.parametrize(
    ("text", "parts", "n_words"),
    [
        # separators and words alternate; the hyphen joins "Nagorno-Karabakh" into one white-space chunk
        ("Nagorno-Karabakh, 2020", ["", "Nagorno", "-", "Karabakh", ", ", "2020", ""], 2),
        # a chunk with no letter or digit ("—") is not a word; the underscore is a separator
        ("a — b_c", ["", "a", " — ", "b", "_", "c", ""], 2),
        ("", [""], 0),
        ("...", ["..."], 0),
        # a no-break space separates words as white space does
        ("x\u00a0y", ["", "x", "\u00a0", "y", ""], 2),
        # "_" is not part of a word (a text holding one takes the other pattern): one chunk, two words
        ("snake_case x2", ["", "snake", "_", "case", " ", "x2", ""], 2),
    ],
)
def test_split_words_by_hand(text: str, parts: list[str], n_words: int) -> None:
    assert split_words(text) == parts
    assert count_words_split(parts) == n_words == count_words(text)


@settings(max_examples=400, deadline=None)
@given(_TEXT, st.data())
def test_split_words_agree_with_the_regular_expressions(text: str, data: st.DataObject) -> None:
    parts = split_words(text)
    assert "".join(parts) == text
    assert parts[1::2] == TOKEN.findall(text)
    assert count_words_split(parts) == count_words(text)
    starts = [m.start() for m in TOKEN.finditer(text)]
    picked = sorted(data.draw(st.sets(st.integers(0, max(0, len(starts) - 1)))) if starts else set())
    assert word_offsets(parts, picked) == [starts[k] for k in picked]


def _doc(text: str, spans: list[tuple[int, int]]) -> Document:
    return Document(id="d", text=text, outlet="o", sentences=tuple(Sentence(a, b, 0) for a, b in spans))


FINDER = GroupFinder.from_actors(load_actors())
TEXT = "Talks stalled. The Kremlin said Baku agreed. Nothing else. Yerevan and Moscow met."


@pytest.mark.parametrize(
    "spans",
    [
        [(0, 14), (15, 44), (45, 58), (59, 82)],  # as prepare makes them
        [(0, 20), (15, 44), (45, 82)],  # overlapping, hand-made: every sentence is searched
        [(45, 58), (0, 14), (15, 44)],  # out of order
        [(4, 20), (21, 82)],  # cutting words: "s stalled. The Kr" and "emlin said Baku ..."
    ],
)
def test_actor_mentions_with_shared_words_equal_those_without(spans: list[tuple[int, int]]) -> None:
    doc = _doc(TEXT, spans)
    tone = [{"voice": "authorial", "compound": 0.1 * i} for i in range(len(spans))]
    plain = actor_mention_rows(doc, tone, FINDER)
    shared = actor_mention_rows(doc, tone, FINDER, words=split_words(TEXT))
    assert shared == plain


def test_actor_mentions_by_hand() -> None:
    doc = _doc(TEXT, [(0, 14), (15, 44), (45, 58), (59, 82)])
    tone = [{"voice": "authorial", "compound": c} for c in (0.0, -0.5, 0.0, 0.25)]
    rows = actor_mention_rows(doc, tone, FINDER, words=split_words(TEXT))
    # sentence 1 names the Kremlin (russia) and Baku (azerbaijan); sentence 3 Yerevan (armenia) and Moscow (russia)
    assert [(r["sentence"], r["group"], r["compound"]) for r in rows] == [
        (1, "russia", -0.5), (1, "azerbaijan", -0.5), (3, "armenia", 0.25), (3, "russia", 0.25)]


@pytest.mark.parametrize(
    ("spans", "offset", "expected"),
    [
        ([(0, 14), (15, 44), (45, 58)], 20, 1),  # inside the second sentence
        ([(0, 14), (15, 44), (45, 58)], 14, 0),  # the space after the first: the one before it
        ([(5, 14), (15, 44)], 2, 0),  # before the first sentence
        # out of order: the binary search as before: mid 1 (start 0 <= 50) gives 1, mid 2 (start 15 <= 50) gives 2
        ([(45, 58), (0, 14), (15, 44)], 50, 2),
    ],
)
def test_sentence_index(spans: list[tuple[int, int]], offset: int, expected: int) -> None:
    assert sentence_index(_doc(TEXT, spans), offset) == expected


@pytest.mark.parametrize(
    ("a", "b", "n"),
    [
        (0, 14, 2),  # "Talks stalled."
        (2, 9, 2),  # "lks sta": two cut words, one run each
        (5, 6, 0),  # the space alone
        (9, 9, 0),  # empty
        (20, 10, 0),  # reversed
        (0, 200, 13),  # past the end: all 13 words (Talks stalled The Kremlin said Baku agreed Nothing else Yerevan and Moscow met)
    ],
)
def test_word_index_count_by_hand(a: int, b: int, n: int) -> None:
    from framing.tokens import WordIndex

    assert WordIndex(TEXT).count(a, b) == n == len(TOKEN.findall(TEXT[a:b]))


@settings(max_examples=300, deadline=None)
@given(_TEXT, st.integers(0, 30), st.integers(0, 30))
def test_word_index_agrees_with_the_regular_expression(text: str, a: int, b: int) -> None:
    from framing.tokens import WordIndex

    index = WordIndex(text, split_words(text))
    assert index.count(a, b) == len(TOKEN.findall(text[a:b]))
    vocabulary = frozenset({"a", "b1", "ab", "Ж"})
    assert index.find(vocabulary) == [
        (k, m.start(), m.end()) for k, m in enumerate(TOKEN.finditer(text)) if m.group() in vocabulary]


_ACTOR_PIECES = st.sampled_from(
    ["the Kremlin", "Kremlin", "Baku", "Moscow", "Armenian forces", "Armenian", "forces", "Azerbaijani army",
     "Council of Europe", "Council", "x", "_", "-", "–", " ", "  ", ". ", ".\n\n", "\n", ", ", "Kremlin-backed",
     "Baku_", "pre", "DNR", "said", "(", ")", "Karabakh Armenian authorities", "Karabakh", "Armenian authorities",
     "ethnic Armenian forces", "U.S.", "U.S. forces", "Ethnic"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_ACTOR_PIECES, max_size=40))
def test_actor_mentions_tried_at_first_words_equal_a_scan_of_each_sentence(pieces: list[str]) -> None:
    from framing.sentences import split_sentences

    text = "".join(pieces)
    doc = _doc(text, split_sentences(text))
    tone = [{"voice": "authorial", "compound": 0.0} for _ in doc.sentences]
    shared = actor_mention_rows(doc, tone, FINDER, words=split_words(text))
    by_scan = [(i, g) for i, s in enumerate(doc.sentences) for g, _ in FINDER.groups_in(text[s.start : s.end])]
    assert [(r["sentence"], r["group"]) for r in shared] == by_scan
