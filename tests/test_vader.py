"""framing.vader: the same four numbers as vaderSentiment 3.3.2, on every input.

Three layers: a few scores worked out by hand from the lexicon (so a bug shared
with the reference would still show), a table of tricky sentences that exercise
every rule compared with vaderSentiment itself, a property test over random
mixes of the words the rules look at, and real news sentences from abp-10k.
"""

from __future__ import annotations

import gzip
import json
import random
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from framing.errors import InputError
from framing.vader import VaderScorer, score_sentence

from .conftest import shared_corpus

SIA = SentimentIntensityAnalyzer()
SCORER = VaderScorer(cache_size=0)


def reference(text: str) -> tuple[float, float, float, float]:
    d = SIA.polarity_scores(text)
    return (d["neg"], d["neu"], d["pos"], d["compound"])


def assert_same(text: str, scorer: VaderScorer = SCORER) -> None:
    got = scorer.score(text)
    want = reference(text)
    assert got == want, f"{text!r}: framing {got} != vaderSentiment {want}"
    assert all(type(x) is float for x in got), got


# --- worked by hand from vader_lexicon.txt (good 1.9, bad -2.5) --------------------------------

HAND = [
    # good = 1.9; compound = 1.9 / sqrt(1.9**2 + 15) = 1.9 / 4.3139 = 0.44043;
    # pos = (1.9 + 1) / (2.9 + 3 neutral words) = 0.49153; neu = 3 / 5.9 = 0.50847
    ("The book was good.", (0.0, 0.508, 0.492, 0.4404)),
    # "not" one word before: 1.9 * -0.74 = -1.406; compound = -1.406 / sqrt(1.976836 + 15) = -0.34124;
    # neg = (1.406 + 1) / (2.406 + 4) = 0.37559; neu = 4 / 6.406 = 0.62441
    ("The book was not good.", (0.376, 0.624, 0.0, -0.3412)),
    # three "!" add 3 * 0.292 = 0.876: sum 2.776, compound = 2.776 / sqrt(7.706176 + 15) = 0.58257;
    # the only word is positive, so pos = 1
    ("Good!!!", (0.0, 0.0, 1.0, 0.5826)),
    # "very" boosts by 0.293 a negative word away from zero: -2.5 - 0.293 = -2.793;
    # compound = -2.793 / sqrt(7.800849 + 15) = -0.58494; neg = 3.793 / (3.793 + 1) = 0.79136
    ("very bad", (0.791, 0.209, 0.0, -0.5849)),
    # no words at all: every score 0 (vaderSentiment's convention, kept for exactness)
    ("", (0.0, 0.0, 0.0, 0.0)),
    (" \n\t ", (0.0, 0.0, 0.0, 0.0)),
    # one token with no sentiment ("..." keeps its dots: stripping would leave <= 2 characters)
    ("...", (0.0, 1.0, 0.0, 0.0)),
]


@pytest.mark.parametrize("text,expected", HAND)
def test_hand_worked_scores(text: str, expected: tuple[float, float, float, float]) -> None:
    assert SCORER.score(text) == expected
    assert reference(text) == expected


# --- every rule, against vaderSentiment --------------------------------------------------------

TRICKY = [
    # negation: one, two, three words before; "n't" anywhere in a word; "never so/this"; "without doubt"
    "The plan is not good.", "The plan is not very good.", "The plan is not at all good.",
    "It isn't a horrible book.", "They wouldn't say it was bad.", "He hasnt been kind.",
    "Sentiment analysis has never been good.", "Sentiment analysis has never been this good!",
    "It was never so bad.", "Without a doubt, excellent idea.", "Without doubt excellent.",
    "Not bad at all", "Nothing good came of it.", "Seldom a happy day.", "Despite the good news, war.",
    # "no": negates the next lexicon word, or the one after "or"/"nor"
    "There was no good outcome.", "No problems, no worries.", "no love or hate", "no fear nor hope",
    "No.", "no no good",
    # "least"
    "Roger Dodger is one of the least compelling variations on this theme.",
    "Roger Dodger is at least compelling as a variation on the theme.",
    "It is the very least helpful thing.", "least helpful", "Least helpful, he said.",
    # "but"
    "The plot was good, but the characters are uncompelling and the dialog is not great.",
    "good good but bad bad", "bad, good, but good and bad", "But it was fine.", "fine but",
    "great but great but terrible", "hate love but love hate",
    # ALL CAPS among lower case; all caps everywhere (no differential); caps boosters
    "VADER is VERY SMART, handsome, and FUNNY.", "VADER is VERY SMART, handsome, and FUNNY!!!",
    "THE WHOLE SENTENCE IS GREAT", "Today SUX!", "It is EXTREMELY bad.", "NO GOOD deed", "I LOVE it",
    "The KIND OF man", "HATE. Love. OK",
    # boosters and dampeners, "kind of", "sort of"
    "The book was only kind of good.", "It was kinda good.", "It is sort of bad.",
    "Extremely happy, incredibly sad.", "He was barely alive.", "It was just enough good",
    "What kind of man.", "kind", "A kind of", "so so good", "this is so good",
    # idioms and special cases
    "With VADER, sentiment analysis is the shit!", "The new phone is the bomb.",
    "On the other hand, VADER is quite bad ass", "VADER is such a badass!", "Yeah right, great job.",
    "That cake was to die for.", "a kiss of death", "his beating heart", "at the bus stop today",
    "He can cut the mustard.", "Under the weather but fine.", "It was sort of a good day.",
    "the bomb was good", "kiss of death is sad", "so the shit happy", "just enough of it good",
    # emoticons and emoji
    "Make sure you :) or :D today!", "Catch utf-8 emoji such as 💘 and 💋 and 😁",
    "😁😁", "good😁", "x 😁 y", "🔛 on!", "Emoji at end 😡", "flags 🇦🇲 🇦🇿 are two characters",
    # punctuation emphasis
    "Good!!!!", "Good!!!!!!!", "Bad??", "Bad???", "Bad????", "Good?!", "?!?!", "!!!", "??",
    "What a surprise?", "No way!!!",
    # empty, whitespace, punctuation only, URLs, long tokens, non-Latin scripts, odd spacing
    "", " ", "\n", ".", "!!", "-- -- --", "https://example.com/good-news?bad=1 is good",
    "www.happy.com", "a" * 300, "good" * 80, ("good " * 200).strip(),
    "Xankəndi Şuşa Ağdam are places.", "Это хорошо, а не плохо.", "这是好消息。", "مرحبا بكم جيد",
    "ΟΔΟΣ ΚΑΛΗ good ΣΑΣ bad", "İyi good İİ. bad", "good\u00a0bad\u2003nice", "tab\tgood\nnew line bad",
    "“Good,” he said. ‘Bad’", "(good) [bad] {nice}", "'good' \"bad\"", "good's bad's",
    "I don't know.", "He can't stand it.", "uh-uh, not good", "Ain't nothing good",
    ":)", ":-)", "<3", "</3", ";)", ":(", "(:", ":-(", "ok", "OK", "Ok",
    # wire-copy style news sentences
    "Azerbaijan said the attack killed 12 civilians and wounded dozens more.",
    "The ceasefire, brokered by Russia, largely held on Tuesday, officials said.",
    "\"We will never surrender,\" the prime minister said, calling the deal a betrayal.",
]


@pytest.mark.parametrize("text", TRICKY)
def test_tricky_sentences_match_vadersentiment(text: str) -> None:
    assert_same(text)


def test_default_scorer_and_score_many_match() -> None:
    texts = TRICKY[:20]
    assert [score_sentence(t) for t in texts] == [reference(t) for t in texts]
    assert VaderScorer().score_many(texts) == [reference(t) for t in texts]


def test_cache_returns_the_same_scores_and_stays_bounded() -> None:
    scorer = VaderScorer(cache_size=2)
    texts = ["good", "bad", "nice", "good", "bad", "good"]  # forces evictions and re-scoring
    assert scorer.score_many(texts) == [reference(t) for t in texts]
    assert len(scorer._cache) <= 2
    scorer.clear_cache()
    assert scorer._cache == {}
    assert VaderScorer(cache_size=0).score_many(texts) == [reference(t) for t in texts]


@pytest.mark.parametrize("bad", [None, 3, b"good", ["good"]])
def test_non_text_is_rejected(bad: object) -> None:
    with pytest.raises(InputError, match="VADER scores text"):
        SCORER.score(bad)  # type: ignore[arg-type]


def test_negative_cache_size_is_rejected() -> None:
    with pytest.raises(InputError, match="cache_size"):
        VaderScorer(cache_size=-1)


def test_import_does_not_load_the_lexicon() -> None:
    code = (
        "import framing, framing.vader as v, framing.tone;"
        "print(v._resources.cache_info().currsize, v._default is None)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["0", "True"]


@pytest.mark.parametrize("text", [*TRICKY, "İİ, good", "İİ. Σ. ΑΣ.", "x İ, İx. ΣΣ's"])
def test_words_are_vadersentiments_words(text: str) -> None:
    """The lower-cased words used by every rule are vaderSentiment's, position by position."""
    from vaderSentiment.vaderSentiment import SentiText

    from framing.vader import _WordCache

    words = _WordCache(limit=3)  # small: emptied while filling
    low = [words[t] for t in text.split()]
    assert low == [w.lower() for w in SentiText(text).words_and_emoticons]
    assert len(words) <= 3


# --- property test: random mixes of the words the rules look at --------------------------------

_LEX = sorted(w for w in SIA.lexicon if " " not in w)
_RULE_WORDS = (
    "not no never without doubt least at very so this but kind of sort or nor the bomb shit kiss "
    "death yeah right bus stop to die for beating heart bad ass badass just enough cut mustard "
    "isn't don't can't aint nothing nope rarely despite extremely barely kinda slightly totally "
    "fucking uber most more little less quite really hardly almost somewhat"
).split()
_ODD = [":)", ":D", ":-(", "<3", "😁", "💘", "😡", "🔛", "İ", "İİ", "ΣΑΣ", "Σ", "n't", "—", "“", "”",
        "'", "-", "a", "I", "OK", "https://x.y/z?good=1"]
_PUNCT_AROUND = ["", "", "", ".", ",", "!", "?", "!!", "??", "...", "'", '"', "(", ")", ":", ";", "-"]
_SPACES = [" ", " ", " ", "  ", "\n", "\t", "\u00a0", ""]


_POOLS = (_LEX, _RULE_WORDS, _RULE_WORDS, _ODD)


def mix(rng: random.Random) -> str:
    """A random sentence of lexicon words, rule words and odd tokens, in random case and punctuation."""
    parts = []
    for _ in range(rng.randint(0, 14)):
        word = rng.choice(rng.choice(_POOLS))
        word = rng.choice([word.lower(), word.lower(), word.upper(), word.title(), word])
        word = rng.choice(_PUNCT_AROUND) + word + rng.choice(_PUNCT_AROUND)
        parts.append(word + rng.choice(_SPACES))
    return "".join(parts)


@settings(max_examples=500, deadline=None)
@given(st.randoms(use_true_random=False))
def test_random_rule_mixes_match_vadersentiment(rng: random.Random) -> None:
    assert_same(mix(rng))


def test_many_seeded_rule_mixes_match_vadersentiment() -> None:
    rng = random.Random(20240601)
    for _ in range(5000):
        assert_same(mix(rng))


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80))
def test_arbitrary_unicode_matches_vadersentiment(text: str) -> None:
    assert_same(text)


# --- real news sentences -----------------------------------------------------------------------

def test_abp_sentences_match_vadersentiment() -> None:
    """Every sentence of the first 80 abp-10k articles (about 3,000 sentences)."""
    from framing.analysis import analyze_text_document

    path = shared_corpus("abp-10k.jsonl.gz")
    texts: list[str] = []
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for k, line in enumerate(f):
            if k >= 80:
                break
            doc = analyze_text_document(json.loads(line)["text"])
            texts.extend(doc.text[s.start : s.end] for s in doc.sentences)
    assert len(texts) > 2000
    got = VaderScorer().score_many(texts)
    mismatches = [(t, g, reference(t)) for t, g in zip(texts, got, strict=True) if g != reference(t)]
    assert mismatches == []
