"""The language check: English by its function words, other scripts by their letters."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framing.language import _EN, _WORD, _count_words, guess_language


def _reference_counts(low: str) -> tuple[int, int]:
    """The definition: the runs of letters, and how many are English function words."""
    words = _WORD.findall(low)
    return len(words), sum(1 for w in words if w in _EN)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the cat sat on the mat: 6 words, 'the', 'on', 'the' are function words -> 3/6 = 0.5 >= 0.12
        ("The cat sat on the mat.", "en"),
        # Cyrillic letters only: 4 words, none English; every letter is Cyrillic (> half) -> ru
        ("Жили-были дед и баба", "ru"),
        # Armenian: 2 words of Armenian letters -> too few words (< 3) -> und
        ("Բարև աշխարհ", "und"),
        # three Armenian words, no English -> hy
        ("Բարև մեծ աշխարհ", "hy"),
        # Latin letters, no function word among 4 words: 0/4 < 0.12, and Latin is not named -> und
        ("Xankendi Stepanakert Shusha Lachin", "und"),
        # digits and underscores are not letters: 'x', 'y' and 'z' only -> 3 words, none English -> und
        ("2020 x_y_z 42", "und"),
        ("", "und"),
    ],
)
def test_guess_language(text: str, expected: str) -> None:
    assert guess_language(text) == expected


@pytest.mark.parametrize(
    ("low", "expected"),
    [
        # “the” don’t 2020 x_y: runs the, don, t, x, y -> 5 words; 'the' is the one function word
        ("“the” don’t 2020 x_y", (5, 1)),
        # é is a letter: 'café' is one word; 'and' is a function word -> (3, 1)
        ("café and tea", (3, 1)),
        # a curly quote alone is no word; 'of' after it is -> (1, 1)
        ("’ of", (1, 1)),
        ("—", (0, 0)),
        ("", (0, 0)),
        # ASCII only: 'theory' is not 'the' (whole words only) -> (2, 0)
        ("theory thereof", (2, 0)),
    ],
)
def test_count_words_cases(low: str, expected: tuple[int, int]) -> None:
    assert _count_words(low) == expected
    assert _reference_counts(low) == expected


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("aAbéÉ_1²½ .,’“—\u00a0\n\tİΣσtheandЖжԱ\ud800x")), max_size=60))
def test_count_words_equals_the_regular_expression(text: str) -> None:
    low = text.lower()
    assert _count_words(low) == _reference_counts(low)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80))
def test_count_words_any_text(text: str) -> None:
    low = text.lower()
    assert _count_words(low) == _reference_counts(low)
