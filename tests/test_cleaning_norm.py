"""Comparing normalised head lines: a line over 80 characters is told apart by its start, with the same answer."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framing.cleaning import _norm, _norm_equals

_LONG = "Officials in Baku said on Monday that talks would resume, “soon”. " * 8  # 536 characters


@pytest.mark.parametrize(
    ("line", "target", "equal"),
    [
        # the same paragraph, punctuation and case aside: equal
        (_LONG, _norm(_LONG.upper().replace(",", " ;")), True),
        # a different first word: told apart by the first 40 characters
        (_LONG, _norm("Ministers" + _LONG[9:]), False),
        # the same first 40 characters, a different last word: told apart by the whole line
        (_LONG, _norm(_LONG[:-8] + "later."), False),
        # a line of 81 characters or more is told apart by its start too; one of 80 is compared whole
        ("Officials in Baku said on Monday that talks would resume soon, a spokesman added.",
         "ministers in baku said on monday that talks would resume soon a spokesman added", False),
        ("Officials in Baku said on Monday that talks would resume soon, a spokesman added.",
         "officials in baku said on monday that talks would resume soon a spokesman added", True),
        # the cut falls at the first space at or after character 40 (43, after "talks"); the head
        # "officials in baku said on monday that talks" starts the target, so the whole line decides
        ("Officials in Baku said on Monday that talks would resume soon, a spokesman added.",
         "officials in baku said on monday that talks would", False),
        # a short headline against a long paragraph that starts with it: not equal
        (_LONG, _norm("Officials in Baku said"), False),
        # short lines are compared whole: "U.S. talks" normalises to "u s talks"
        ("U.S. talks", "u s talks", True),
        ("U.S. talks", "us talks", False),
        # a long line of punctuation only normalises to "" (its start says nothing)
        ("-" * 400 + " " + "-" * 10, "", True),
    ],
)
def test_norm_equals(line: str, target: str, equal: bool) -> None:
    assert _norm_equals(line, target) is equal
    assert (_norm(line) == target) is equal


_pieces = st.sampled_from(["Baku", "talks", "ΣΑΣ", "İstanbul", " ", "  ", "\u00a0", ", ", "“", "”", "—", "x_y", "2020", ".", "\t"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_pieces, min_size=100, max_size=260), st.lists(_pieces, max_size=260), st.booleans())
def test_norm_equals_is_norm_then_compare(a: list[str], b: list[str], same: bool) -> None:
    line = "".join(a)
    other = line if same else "".join(a[: len(a) // 2] + b)
    target = _norm(other)
    assert _norm_equals(line, target) == (_norm(line) == target)
