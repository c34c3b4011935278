"""The fast paths of speaker and cue finding give exactly what the plain scans give.

framing/wordindex.py answers range look-ups from one scan of the text, and cue finding
picks its candidates from that scan; these tests hold both to the regular expressions
they replace, on hand cases and on random strings built from the characters that matter
(letters of both cases, digits, apostrophes, dots, hyphens, underscores, accents).
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framing.attribution import _cue_first_words, _find_cues
from framing.speakers import _WORD
from framing.tokens import TOKEN
from framing.wordindex import WordIndex, _splitter, word_index

# the scan cue finding used before: lower-case a-z words bounded by non-alphanumerics
_LOWER_WORD = re.compile(r"(?<![^\W_])[a-z]+(?![^\W_])")


def _plain(pattern: re.Pattern[str], text: str, a: int, b: int) -> list[tuple[str, int, int]]:
    return [(m.group(), m.start(), m.end()) for m in pattern.finditer(text, a, max(a, b))]


def _index(text: str, pattern: re.Pattern[str]) -> WordIndex:
    return WordIndex(text, pattern, _splitter(pattern))


@pytest.mark.parametrize(
    ("pattern", "text", "a", "b", "expected"),
    [
        # 'O'Brien' is one _WORD (0-7); from 2 the scan starts inside it: 'Brien' (2-7), 'said' (8-12)
        (_WORD, "O'Brien said 3rd-place", 2, 12, [("Brien", 2, 7), ("said", 8, 12)]),
        # the range ends inside '3rd-place' (13-22): the word is cut at 16 -> '3rd'
        (_WORD, "O'Brien said 3rd-place", 8, 16, [("said", 8, 12), ("3rd", 13, 16)]),
        # TOKEN splits at the apostrophe and the hyphen: 'O' (0-1), 'Brien' (2-7)
        (TOKEN, "O'Brien said 3rd-place", 0, 7, [("O", 0, 1), ("Brien", 2, 7)]),
        # '3rd's': _WORD from 0 is '3rd' (digits take no apostrophe), then 's' (4-5); from 1, 'rd's' (1-5)
        (_WORD, "3rd's x", 0, 7, [("3rd", 0, 3), ("s", 4, 5), ("x", 6, 7)]),
        (_WORD, "3rd's x", 1, 7, [("rd's", 1, 5), ("x", 6, 7)]),
        # empty and reversed ranges, and ranges past the end
        (_WORD, "he said", 3, 3, []),
        (_WORD, "he said", 5, 2, []),
        (_WORD, "he said", 0, 99, [("he", 0, 2), ("said", 3, 7)]),
        (_WORD, "he said", -5, 2, [("he", 0, 2)]),
    ],
)
def test_between_hand_cases(pattern: re.Pattern[str], text: str, a: int, b: int, expected: list) -> None:
    assert _index(text, pattern).between(a, b) == expected
    assert _plain(pattern, text, a, b) == expected  # the plain scan agrees with the worked-out words


_TEXT = st.text(alphabet="abZ9_'’.- ,\n\u00e9x", max_size=40)


@settings(max_examples=300, deadline=None)
@given(text=_TEXT, cuts=st.lists(st.tuples(st.integers(-2, 42), st.integers(-2, 42)), max_size=12))
def test_between_equals_finditer(text: str, cuts: list[tuple[int, int]]) -> None:
    for pattern in (_WORD, TOKEN):
        idx = _index(text, pattern)
        for a, b in cuts:
            assert idx.between(a, b) == _plain(pattern, text, a, b)


@settings(max_examples=300, deadline=None)
@given(text=_TEXT)
def test_lower_case_tokens_are_the_lower_word_matches(text: str) -> None:
    # cue candidates are whole TOKEN tokens of a-z only: the same words, at the same places,
    # as the look-around pattern finds
    idx = _index(text, TOKEN)
    tokens = [(w, s) for w, s in zip(idx.tokens, idx.starts, strict=True) if re.fullmatch("[a-z]+", w)]
    assert tokens == [(m.group(), m.start()) for m in _LOWER_WORD.finditer(text)]


def test_cue_first_words_are_lower_case_letters() -> None:
    firsts = _cue_first_words()
    assert "said" in firsts and "according" not in firsts  # 'according to' is found by its own pattern
    assert all(re.fullmatch("[a-z]+", w) for w in firsts)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 'said' (3-7) is a cue; 'According to' (9-21) too, by its pattern
        ("He said. According to her, no.", [("said", 3), ("According to", 9)]),
        # 'his comments': a noun after a possessive, no cue; 'In his opinion' (0-14) is one
        ("In his opinion, his comments hurt.", [("In his opinion", 0)]),
        # 'state-of-the-state': a compound, no cue; 'must say': an obligation, no cue
        ("A state-of-the-state speech. They must say it.", []),
        # 'is of the view' (5-19) is a cue; 'view' alone is not
        ("Baku is of the view that the view is fine.", [("is of the view", 5)]),
    ],
)
def test_find_cues_hand_cases(text: str, expected: list[tuple[str, int]]) -> None:
    assert [(c.text, c.start) for c in _find_cues(text)] == expected


def test_word_index_is_kept_per_text() -> None:
    text = "one two three"
    assert word_index(text, TOKEN) is word_index(text, TOKEN)
    other = "".join(["one two ", "three"])  # equal, but another string object
    assert word_index(other, TOKEN).tokens == ["one", "two", "three"]
