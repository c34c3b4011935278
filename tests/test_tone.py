"""Tone: sentence voices, VADER per sentence, tone toward actor groups, per-outlet tables."""

from __future__ import annotations

import math

import pytest
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

import framing
from framing.actors import load_actors
from framing.stats import bootstrap_mean_ci, cluster_sums_ci
from framing.tone import GroupFinder, ToneProfile, document_tone

from .conftest import SEEDS


@pytest.fixture(scope="module")
def seeds() -> framing.Analysis:
    return framing.analyze(SEEDS)


def test_each_sentence_gets_exactly_vaders_scores(seeds) -> None:
    sia = SentimentIntensityAnalyzer()
    rows = seeds.sentences
    assert len(rows) > 200
    for text, neg, neu, pos, compound in rows[["text", "neg", "neu", "pos", "compound"]].itertuples(index=False):
        ref = sia.polarity_scores(text)
        assert (neg, neu, pos, compound) == (ref["neg"], ref["neu"], ref["pos"], ref["compound"]), text


VOICE_CASES = [
    # (text, expected voice per sentence)
    (
        'The army advanced on the town. "We will win," the general said. '
        "Officials alleged that the town had fallen to the rebels. Residents fled.",
        ["authorial", "quoted", "reported", "authorial"],
    ),
    # a scare-quoted word does not make the outlet's sentence someone else's
    ('Russian "peacekeepers" stayed in the region for three years.', ["authorial"]),
    # a quote taking most of the sentence, attribution first
    ('The minister said: "The corridor will open next week and trade will resume."', ["quoted"]),
]


@pytest.mark.parametrize(("text", "voices"), VOICE_CASES)
def test_sentence_voice(text: str, voices: list[str]) -> None:
    r = framing.analyze_text(text)
    assert r.sentences["voice"].tolist() == voices


def test_document_tone_arithmetic() -> None:
    rows = [
        {"voice": "authorial", "compound": 0.5},
        {"voice": "authorial", "compound": -0.5},
        {"voice": "quoted", "compound": -0.8},
        {"voice": "reported", "compound": 0.02},
    ]
    t = document_tone(rows)
    # mean of 0.5, -0.5, -0.8, 0.02 = -0.78 / 4 = -0.195
    assert t["tone_mean"] == pytest.approx(-0.195)
    # positive >= 0.05: 0.5 → 1 of 4; negative <= -0.05: -0.5, -0.8 → 2 of 4; neutral: 0.02 → 1 of 4
    assert (t["tone_pos_share"], t["tone_neg_share"], t["tone_neu_share"]) == (0.25, 0.5, 0.25)
    assert t["tone_authorial"] == 0.0 and t["n_authorial_sentences"] == 2
    assert t["tone_quoted"] == -0.8 and t["n_quoted_sentences"] == 1


def test_document_tone_of_nothing_is_nan() -> None:
    t = document_tone([])
    assert math.isnan(t["tone_mean"]) and math.isnan(t["tone_authorial"]) and t["n_tone_sentences"] == 0


GROUP_CASES = [
    ("The Kremlin said Armenia and Azerbaijan agreed.", ["russia", "armenia", "azerbaijan"]),
    ("Armenian forces withdrew; Russian peacekeepers stayed.", ["armenia", "russia"]),
    ("Turkey's drones were decisive.", ["turkey"]),
    # adjectives and demonyms alone name no group; a word containing a term is not the term
    ("Armenians and Azerbaijanis met; Russian speakers listened.", []),
    ("The unusual Kremlinology of it.", []),
    # lower-case "un" and "us" are not the UN or the US
    ("It was un-American of us to ask the UN.", ["international"]),
]


@pytest.mark.parametrize(("text", "groups"), GROUP_CASES)
def test_actor_groups_in_a_sentence(text: str, groups: list[str]) -> None:
    finder = GroupFinder.from_actors(load_actors())
    assert [g for g, _ in finder.groups_in(text)] == groups


def test_actor_mentions_table_carries_voice_and_score() -> None:
    r = framing.analyze_text('Azerbaijan shelled the town. "Armenia is to blame," Aliyev said.')
    rows = r.tables["actor_mentions"][["sentence", "group", "voice"]].values.tolist()
    assert rows == [[0, "azerbaijan", "authorial"], [1, "armenia", "quoted"]]
    compounds = r.tables["actor_mentions"]["compound"].tolist()
    assert compounds == r.sentences["compound"].tolist()


def test_bootstrap_needs_two_documents() -> None:
    lo, hi = cluster_sums_ci([1.0], [2])
    assert math.isnan(lo) and math.isnan(hi)


def test_bootstrap_of_identical_documents_is_a_point() -> None:
    # every resample has mean 0.5 / 1 = 0.5
    assert cluster_sums_ci([0.5, 0.5, 0.5], [1, 1, 1]) == (0.5, 0.5)


def test_sums_and_counts_give_the_interval_of_every_value_with_its_document() -> None:
    # document a: 0.2, 0.4 (sum 0.6, 2); b: -0.5 (sum -0.5, 1); c: 0.1, 0.1, 0.7 (sum 0.9, 3)
    values, docs = [0.2, 0.4, -0.5, 0.1, 0.1, 0.7], ["a", "a", "b", "c", "c", "c"]
    assert cluster_sums_ci([0.6, -0.5, 0.9], [2, 1, 3]) == bootstrap_mean_ci(values, clusters=docs)


def test_bootstrap_interval_brackets_the_mean_and_is_deterministic() -> None:
    sums, counts = [1.0, -2.0, 0.5, 3.0], [2, 4, 1, 3]
    a = cluster_sums_ci(sums, counts)
    assert a == cluster_sums_ci(sums, counts)
    pooled = sum(sums) / sum(counts)  # 2.5 / 10 = 0.25
    assert a[0] < pooled < a[1]
    # the interval cannot leave the range of single-document means (-0.5 … 1.0)
    assert a[0] >= -0.5 and a[1] <= 1.0


def test_tone_profile_pools_sentences_and_counts_documents() -> None:
    prof = ToneProfile(load_actors())
    prof.add_document("A", [{"voice": "authorial", "compound": 0.4}, {"voice": "quoted", "compound": -0.6}], [])
    prof.add_document("A", [{"voice": "authorial", "compound": 0.1}], [
        {"group": "russia", "voice": "authorial", "compound": 0.1}])
    rows = {(r["outlet"], r["voice"]): r for r in prof.tone_rows()}
    # all: 0.4 - 0.6 + 0.1 = -0.1 over 3 sentences; authorial: 0.5 / 2
    assert rows[("A", "all")]["mean"] == pytest.approx(-0.1 / 3)
    assert (rows[("A", "all")]["n_docs"], rows[("A", "all")]["n_sentences"]) == (2, 3)
    assert rows[("A", "authorial")]["mean"] == pytest.approx(0.25)
    assert rows[("A", "quoted")]["n_docs"] == 1 and math.isnan(rows[("A", "quoted")]["ci_low"])
    actor = prof.actor_rows()
    assert [(r["group"], r["side"], r["n_sentences"], r["mean"]) for r in actor] == [("russia", "russian", 1, 0.1)]


def test_seed_tone_tables_have_counts_behind_every_mean(seeds) -> None:
    tone = seeds.tone
    assert set(tone["voice"]) == {"all", "authorial", "quoted"}
    docs = seeds.documents.set_index("outlet")
    for r in tone[tone["voice"] == "all"].itertuples():
        assert r.n_sentences == docs.loc[r.outlet, "n_tone_sentences"]
        assert r.mean == pytest.approx(docs.loc[r.outlet, "tone_mean"])
        assert math.isnan(r.ci_low)  # one article per outlet: no interval
    assert (seeds.actor_tone["n_sentences"] > 0).all()


def test_group_comparison_pools_outlets(seeds) -> None:
    by_group = framing.analyze(SEEDS, by="group")
    tone = by_group.tone.set_index(["outlet", "voice"])
    # seeds/corpus.yaml: azerbaijani-press = Azerbaijani Media Roundup + Turan
    docs = seeds.documents.set_index("outlet")
    n = docs.loc[["Azerbaijani Media Roundup", "Turan"], "n_tone_sentences"].sum()
    assert tone.loc[("azerbaijani-press", "all"), "n_sentences"] == n
    assert tone.loc[("azerbaijani-press", "all"), "n_docs"] == 2
    assert not math.isnan(tone.loc[("azerbaijani-press", "all"), "ci_low"])
    assert set(by_group.voices["outlet"]) == {"azerbaijani-press", "foreign-press"}


def test_short_text_has_no_readability_score_and_says_why() -> None:
    r = framing.analyze_text("Stepanakert was shelled. Residents fled.")
    row = r.documents.iloc[0]
    assert math.isnan(row["flesch_reading_ease"]) and math.isnan(row["dale_chall"])
    assert "too short" in row["readability_note"]


@pytest.mark.parametrize(("text", "n_sentences"), [("", 0), ("Peace.", 1)])
def test_empty_and_one_word_texts(text: str, n_sentences: int) -> None:
    row = framing.analyze_text(text).documents.iloc[0]
    assert row["n_tone_sentences"] == n_sentences
    if n_sentences == 0:
        assert math.isnan(row["tone_mean"])
    else:
        # "Peace." alone: VADER's lexicon gives "peace" +2.5, compound 0.5423 (vaderSentiment, by hand:
        # 2.5 / sqrt(2.5**2 + 15) = 0.5423)
        assert row["tone_mean"] == pytest.approx(0.5423, abs=1e-4)
    assert math.isnan(row["flesch_reading_ease"]) and row["readability_note"].startswith("too short")


@pytest.mark.parametrize(
    ("intervals", "a", "b", "covered"),
    [
        ([], 0, 10, 0),
        ([(2, 5)], 0, 10, 3),  # inside: 5 - 2
        ([(0, 4), (6, 20)], 2, 10, 6),  # 4 - 2 = 2, then 10 - 6 = 4
        ([(0, 3)], 3, 8, 0),  # ends where the span starts: nothing
        ([(8, 12)], 3, 8, 0),  # starts where the span ends: nothing
        ([(1, 2), (4, 5), (7, 9)], 0, 8, 3),  # 1 + 1 + (8 - 7)
        ([(0, 100)], 10, 20, 10),  # covers the whole span: its length
        ([(5, 6)], 10, 20, 0),  # before it
    ],
)
def test_covered_characters(intervals: list[tuple[int, int]], a: int, b: int, covered: int) -> None:
    from framing.tone import _covered

    assert _covered(intervals, a, b) == covered
