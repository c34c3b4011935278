"""The fast path of cue finding gives exactly what the plain scans give.

:func:`framing.attribution._cue_candidates` finds the words that can start a cue, and the
tokens around them, from one split of the text; these tests hold it to the regular
expressions it replaces, on hand cases and on random strings built from the characters
that matter (letters of both cases, digits, apostrophes, dots, hyphens, underscores, accents).
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framing.attribution import _cue_candidates, _cue_first_words, _find_cues
from framing.tokens import TOKEN

# the scan cue finding used before: lower-case a-z words bounded by non-alphanumerics
_LOWER_WORD = re.compile(r"(?<![^\W_])[a-z]+(?![^\W_])")


def _plain_candidates(text: str) -> list[tuple]:
    firsts = _cue_first_words()
    out = []
    for m in _LOWER_WORD.finditer(text):
        if m.group() not in firsts:
            continue
        s, e = m.span()
        before = [(t.group(), t.start(), t.end()) for t in list(TOKEN.finditer(text, max(0, s - 60), s))[-2:]]
        nxt = TOKEN.search(text, e, e + 60)
        out.append((m.group(), s, e, before, (nxt.group(), nxt.start(), nxt.end()) if nxt else None))
    return out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 'said' at 3-7: before it 'He' (0-2) alone, after it 'so' (8-10)
        ("He said so", [("said", 3, 7, [("He", 0, 2)], ("so", 8, 10))]),
        # 'Said' (capital) and 'saidx' are no candidates; 'said' at 11-15 has 'Said' (0-4), 'saidx' (5-10)
        # before it and nothing after
        ("Said saidx said", [("said", 11, 15, [("Said", 0, 4), ("saidx", 5, 10)], None)]),
        # 'said' after an accented letter is inside a word: no candidate; 'é' alone is a token
        ("ésaid, é said", [("said", 9, 13, [("ésaid", 0, 5), ("é", 7, 8)], None)]),
        # the token after is cut at end + 60: 'x' * 70 starts at 5 and is cut at 4 + 60 = 64
        ("said " + "x" * 70, [("said", 0, 4, [], ("x" * 59, 5, 64))]),
        # a token starting 60 or more characters after the word is not 'after'
        ("said" + " " * 60 + "x", [("said", 0, 4, [], None)]),
        # the 60 characters before start inside 'a' * 70 (0-70): the token is cut to 'a' * 59 (11-70)
        ("a" * 70 + " said", [("said", 71, 75, [("a" * 59, 11, 70)], None)]),
    ],
)
def test_candidates_hand_cases(text: str, expected: list[tuple]) -> None:
    assert list(_cue_candidates(text)) == expected
    assert _plain_candidates(text) == expected  # the plain scans agree with the worked-out values


_WORDS = st.sampled_from(["said", "says", "told", "say", "state", "according", "Said", "é", "to", "the", "his", "a1"])
_SEPS = st.sampled_from([" ", "", "-", "'", "’", ", ", "_", ".", "\n", " " * 25, "9"])


@settings(max_examples=400, deadline=None)
@given(pieces=st.lists(st.tuples(_WORDS, _SEPS), max_size=14), lead=_SEPS)
def test_candidates_equal_the_plain_scans(pieces: list[tuple[str, str]], lead: str) -> None:
    text = lead + "".join(w + sep for w, sep in pieces)
    assert list(_cue_candidates(text)) == _plain_candidates(text)


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet="asidtoZ9_'’.- ,\n\u00e9", max_size=60))
def test_candidates_equal_the_plain_scans_on_characters(text: str) -> None:
    assert list(_cue_candidates(text)) == _plain_candidates(text)


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
