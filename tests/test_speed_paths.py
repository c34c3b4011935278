"""The shortcuts of the one-process speed work give what the plain definitions give.

Each shortcut is compared with the definition it replaces, on hand-made cases
(with negatives) and on generated text: the abbreviation check's word before a
period, VADER without a per-sentence emoji test, VADER's words looked up only
where a rule reads them, and the scope words the term matcher reports.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from framing.lexicon import load_packs
from framing.matcher import TermMatcher
from framing.sentences import _word_before
from framing.vader import VaderScorer

_WORD_BEFORE = re.compile(r"([\w.'’-]+)$")  # the definition _word_before stands for


def _word_before_by_definition(text: str, lo: int, dot: int) -> str:
    m = _WORD_BEFORE.search(text, max(lo, dot - 40), dot)
    return m.group(1) if m else ""


WORD_BEFORE_CASES = [
    # (text, lo, dot, expected): the run of word characters, periods, apostrophes and hyphens ending at dot
    ("He met Mr. Smith.", 0, 9, "Mr"),  # "Mr" follows the space at 6
    ("Talks with Lt-Col. Ivanov", 0, 17, "Lt-Col"),  # hyphen kept
    ("in the U.S. economy", 0, 10, "U.S"),  # inner period kept
    ("(Gen. Hasanov)", 0, 4, "Gen"),  # no space: the bracket ends the run
    ('said "Dr. No', 0, 8, "Dr"),  # the quote mark ends the run
    ("word .", 0, 5, ""),  # a space right before the dot: no run
    ("x" * 50 + ".", 0, 50, "x" * 40),  # the window is 40 characters
    ("ab cd.", 4, 5, "d"),  # not before lo
    ("Mon\n.", 0, 4, "Mon"),  # a line feed right before the dot is passed over, as $ does
]


@pytest.mark.parametrize(("text", "lo", "dot", "expected"), WORD_BEFORE_CASES)
def test_word_before_cases(text: str, lo: int, dot: int, expected: str) -> None:
    assert _word_before(text, lo, dot) == expected
    assert _word_before_by_definition(text, lo, dot) == expected


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab .-'’\n(\"Mr", max_size=60), st.data())
def test_word_before_equals_definition(text: str, data: st.DataObject) -> None:
    dot = data.draw(st.integers(0, len(text)))
    lo = data.draw(st.integers(0, dot))
    assert _word_before(text, lo, dot) == _word_before_by_definition(text, lo, dot)


_REFERENCE = SentimentIntensityAnalyzer()


def _reference(text: str) -> tuple[float, float, float, float]:
    s = _REFERENCE.polarity_scores(text)
    return (s["neg"], s["neu"], s["pos"], s["compound"])


SENTENCES = [
    "The talks were good, but the ceasefire is not holding.",  # 'but' weighting
    "It was kind of awful and the bomb went off.",  # 'kind of' skipped, idiom 'the bomb'
    "Nobody is happy; it is not good at all.",  # negation right before
    "The attack was VERY BAD for the GREAT people.",  # capitals with some words in lower case
    "There was no doubt, without doubt a great success.",  # 'no' and 'without doubt'
    "This was at least a fair deal, the least bad one.",  # 'least' after 'at' and alone
    "Never so happy! Really?? Truly!!!",  # 'never so', ! and ? emphasis
    "But nothing happened",  # 'but' first, a negation
    "Weather report for Monday.",  # no lexicon word: neutral
    "",  # no words
]


@pytest.mark.parametrize("text", SENTENCES)
def test_scores_match_vadersentiment(text: str) -> None:
    scorer = VaderScorer(cache_size=0)
    assert scorer.score(text) == _reference(text)
    assert scorer.scorer_for(text)(text) == _reference(text)


def test_scorer_for_skips_the_emoji_test_only_without_emoji() -> None:
    scorer = VaderScorer()
    plain = "“Peace” is good."  # not ASCII (curly quotes) but no emoji
    with_emoji = "Peace is good \U0001f600 today."  # an emoji: vaderSentiment replaces it by its description
    assert scorer.scorer_for(plain) == scorer._score_plain
    assert scorer.scorer_for("ascii only") == scorer._score_plain
    assert scorer.scorer_for(with_emoji) == scorer.score  # the emoji pass is kept
    assert scorer.scorer_for(with_emoji)(with_emoji) == _reference(with_emoji)
    assert scorer.scorer_for(plain)(plain) == _reference(plain)
    # the emoji's description changes the score: the plain path would be wrong for it
    assert _reference(with_emoji) != _reference("Peace is good today.")


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["good", "bad", "not", "very", "but", "kind", "of", "the", "bomb", "NO", "least",
                                 "at", "never", "so", "GREAT", "happy!", "sad?", "without", "doubt", "x"]),
                max_size=12))
def test_lazy_word_lookup_matches_vadersentiment(words: list[str]) -> None:
    text = " ".join(words)
    scorer = VaderScorer(cache_size=0)
    assert scorer.score(text) == _reference(text)
    assert scorer._score_plain(text) == _reference(text)


def test_scan_reports_scope_words_found() -> None:
    matcher = TermMatcher(load_packs())
    # "Stepanakert" and "Baku" are scope words of the Karabakh pack, "Kyiv" of the Russia-Ukraine pack;
    # "Paris" is none; folded to lower case as terms.py folds them
    hits, scope = matcher.scan("Talks in Baku and Stepanakert, not Paris. Kyiv waits.")
    assert scope == {"baku", "stepanakert", "kyiv"}
    assert any(h.concept for h in hits)  # Stepanakert is also a term of the pack
    assert matcher.scan("Talks in Paris.")[1] == set()
    assert matcher.scan("")[1] == set()
    # with diacritics folded away the scope words are not reported (terms.py looks for them itself)
    assert TermMatcher(load_packs(), diacritics=True).scan("Talks in Baku.")[1] is None
