"""cue_patterns.phrase_cues given the text's tokens tries a pattern only when a word it needs is
a token: the same cues as without them (every pattern tried wherever its substrings occur)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framing.cue_patterns import phrase_cues
from framing.tokens import TOKEN, split_words


def _both(text: str) -> tuple[list, list]:
    return list(phrase_cues(text)), list(phrase_cues(text, tokens=split_words(text)[1::2]))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 'According to' at 0-12
        ("According to Baku, it fell.", [(0, 12, "According to", "according to", "according_to")]),
        # 'saw' at 5-8, then ' the vote as illegitimate': the word alone is the cue
        ("Baku saw the vote as illegitimate.", [(5, 8, "saw", "see as", "opinion")]),
        # 'raised' at 3-9 before 'concerns'
        ("He raised concerns.", [(3, 9, "raised", "raise", "neutral")]),
        # 'In his opinion' at 0-14, before the comma
        ("In his opinion, it was late.", [(0, 14, "In his opinion", "in the opinion of", "opinion")]),
        ("Xaccording to him", []),  # no word boundary before 'according'
        ("_according to him", []),  # '_' is a word character
        ("They oversaw the vote as planned.", []),  # 'saw' inside 'oversaw'
        ("the interview as planned", []),  # 'view' inside 'interview'
        ("He raised taxes.", []),  # not something said
        ("", []),
    ],
)
def test_phrase_cues_hand_cases(text: str, expected: list) -> None:
    plain, with_tokens = _both(text)
    assert plain == expected
    assert with_tokens == expected


_PIECES = st.sampled_from(
    ["According", "according", " to", "ccording", "In his", " opinion", " view", ",", " is of the opinion", "saw",
     "sees", " the vote", " as", " illegitimate", "raised", " concerns", "made", " the case", " that", "calls",
     " for", " a ceasefire", " from", " Russia", "based", "Based", " on", " footage", " published", " by", " x",
     "_", "-", "over", "inter", "\n", " "]
)


@settings(max_examples=1500, deadline=None)
@given(st.lists(_PIECES, max_size=14).map("".join))
def test_phrase_cues_with_tokens_equal_without(text: str) -> None:
    plain, with_tokens = _both(text)
    assert with_tokens == plain
    assert TOKEN.findall(text) == split_words(text)[1::2]  # the tokens given are TOKEN's


def test_phrase_cues_with_tokens_on_the_seeds(seeds_dir) -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted(seeds_dir.glob("*.txt"))]
    assert texts
    for text in texts:
        plain, with_tokens = _both(text)
        assert with_tokens == plain
