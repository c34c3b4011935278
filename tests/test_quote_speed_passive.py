"""cue_patterns.passive_before (attribution._passive's test) reads the end of the text before a cue instead of searching it
with :data:`cue_patterns._PASSIVE_AUX`: both must agree on every string."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framing.cue_patterns import _PASSIVE_AUX
from framing.cue_patterns import passive_before as _passive_before


@pytest.mark.parametrize(
    ("before", "expected"),
    [
        ("the letter was ", True),  # 'was' then white space
        ("they were widely ", True),  # 'were', white space, an -ly word, white space
        ("it has been\n", True),  # 'been' and a newline
        ("what is  ", True),  # two spaces after 'is'
        ("is ", True),  # the form opens the text: a word boundary
        ("this ", False),  # 'is' ends 'this': no word boundary before it
        ("_is ", False),  # '_' is a word character
        ("he was", False),  # no white space after the form
        ("was widely", False),  # nothing after the -ly word
        ("was ly ", False),  # 'ly' alone: \w+ly needs a letter before 'ly'
        ("was un-ly ", False),  # '-' is not a word character
        ("was very reportedly ", False),  # two words after the form
        ("they said ", False),  # no form of 'be'
        ("being\u00a0", True),  # a no-break space is white space
        ("was\tfirmly\n", True),
        ("", False),
    ],
)
def test_passive_before_hand_cases(before: str, expected: bool) -> None:
    assert _passive_before(before) is expected
    assert (_PASSIVE_AUX.search(before) is not None) is expected  # the definition agrees


_PIECES = st.sampled_from(
    ["was", "were", "is", "are", "been", "be", "being", "this", "widely", "ly", "xly", "said", "_", "-", "é",
     "1", " ", "  ", "\n", "\t", "\u00a0", ".", ",", "'", "s", "a"]
)


@settings(max_examples=3000, deadline=None)
@given(st.lists(_PIECES, max_size=8).map("".join))
def test_passive_before_equals_the_pattern(before: str) -> None:
    assert _passive_before(before) == (_PASSIVE_AUX.search(before) is not None)


@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet=st.sampled_from("wasbeingrly _-é1\n\t\u00a0\u2028"), max_size=25))
def test_passive_before_equals_the_pattern_on_random_text(before: str) -> None:
    assert _passive_before(before) == (_PASSIVE_AUX.search(before) is not None)
