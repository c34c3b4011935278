"""Distinctive words: log-odds with an informative Dirichlet prior, checked by hand."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from framing.distinctive import (
    DISTINCTIVE_COLUMNS,
    TermAnalyzer,
    distinctive_words,
    log_odds_scores,
    log_odds_table,
    place_names,
    term_counts,
)
from framing.errors import InputError

# Outlet A: war x2, peace x1 (n_A = 3); outlet B: peace x2, talks x1 (n_B = 3); corpus N = 6.
TINY = {"a1": "war war peace", "b1": "peace peace talks"}
TINY_LABELS = {"a1": "A", "b1": "B"}
PLAIN = {"ngram_range": (1, 1), "min_count": 1, "stop_words": None, "top": None}


def _row(df: pd.DataFrame, outlet: str, term: str) -> pd.Series:
    hit = df[(df.outlet == outlet) & (df.term == term)]
    assert len(hit) == 1, (outlet, term)
    return hit.iloc[0]


def test_formula_by_hand_default_prior() -> None:
    # Default alpha0 = N = 6, so a_w = the corpus counts: war 2, peace 3, talks 1; a0 = 6.
    # war, A vs rest: log((2+2)/(3+6-2-2)) - log((0+2)/(3+6-0-2)) = log(4/5) - log(2/7) = log(2.8) = 1.029619
    #                 var = 1/(2+2) + 1/(0+2) = 0.75; z = 1.029619 / 0.866025 = 1.188902
    # peace:          log((1+3)/(3+6-1-3)) - log((2+3)/(3+6-2-3)) = log(4/5) - log(5/4) = log(0.64) = -0.446287
    #                 var = 1/4 + 1/5 = 0.45; z = -0.446287 / 0.670820 = -0.665286
    # talks:          log((0+1)/(3+6-0-1)) - log((1+1)/(3+6-1-1)) = log(1/8) - log(2/7) = log(7/16) = -0.826679
    #                 var = 1/1 + 1/2 = 1.5; z = -0.826679 / 1.224745 = -0.674980
    df = distinctive_words(TINY, TINY_LABELS, **PLAIN)
    expected = {"war": (1.029619, 0.75, 1.188902), "peace": (-0.446287, 0.45, -0.665286), "talks": (-0.826679, 1.5, -0.674980)}
    for term, (delta, var, z) in expected.items():
        row = _row(df, "A", term)
        assert row.delta == pytest.approx(delta, abs=1e-6)
        assert row["var"] == pytest.approx(var)
        assert row.z == pytest.approx(z, abs=1e-6)
    war = _row(df, "A", "war")
    assert (war.n_outlet, war.n_rest) == (2, 0)
    # rows of one outlet are ordered by z, largest first: war, peace, talks
    assert list(df[df.outlet == "A"].term) == ["war", "peace", "talks"]


def test_formula_by_hand_smaller_prior() -> None:
    # alpha0 = 3: a_w = counts * 3/6 -> war 1. A: log((2+1)/(3+3-2-1)) = log(1) = 0;
    # rest: log((0+1)/(3+3-0-1)) = log(1/5); delta = log 5 = 1.609438; var = 1/3 + 1/1 = 1.333333;
    # z = 1.609438 / 1.154701 = 1.393814
    df = distinctive_words(TINY, TINY_LABELS, alpha0=3, **PLAIN)
    war = _row(df, "A", "war")
    assert war.delta == pytest.approx(1.609438, abs=1e-6)
    assert war["var"] == pytest.approx(4 / 3)
    assert war.z == pytest.approx(1.393814, abs=1e-6)


def test_two_groups_are_mirror_images() -> None:
    df = distinctive_words(TINY, TINY_LABELS, **PLAIN)
    a = df[df.outlet == "A"].set_index("term").z.sort_index()
    b = df[df.outlet == "B"].set_index("term").z.sort_index()
    assert list(a.index) == ["peace", "talks", "war"]
    np.testing.assert_allclose(a.to_numpy(), -b.to_numpy())
    # swapping the labels flips every sign
    swapped = distinctive_words(TINY, {"a1": "B", "b1": "A"}, **PLAIN)
    a2 = swapped[swapped.outlet == "A"].set_index("term").z.sort_index()
    np.testing.assert_allclose(a2.to_numpy(), -a.to_numpy())


def test_sign_convention_in_every_row() -> None:
    df = distinctive_words(TINY, TINY_LABELS, **PLAIN)
    assert list(df.columns) == DISTINCTIVE_COLUMNS
    for row in df.itertuples():
        assert row.favours == row.outlet
        assert row.sign_convention == f"z > 0: the term is more typical of {row.outlet} than of the other outlets"


def test_obvious_answer_and_top() -> None:
    texts = {
        "a1": "Shelling hit Khankendi overnight. Khankendi residents sheltered.",
        "a2": "Khankendi was quiet. Officials in Baku spoke.",
        "b1": "Shelling hit Stepanakert overnight. Stepanakert residents sheltered.",
        "b2": "Stepanakert was quiet. Officials in Yerevan spoke.",
    }
    labels = {"a1": "Az", "a2": "Az", "b1": "Am", "b2": "Am"}
    df = distinctive_words(texts, labels, top=1, min_count=2)
    # each outlet's single top term is its own name for the city; shared words score 0
    assert df[["outlet", "term"]].values.tolist() == [["Am", "stepanakert"], ["Az", "khankendi"]]
    full = distinctive_words(texts, labels, top=None, min_count=2)
    assert _row(full, "Az", "shelling").z == pytest.approx(0.0)
    # words used once in the corpus ("baku", "yerevan") fall under min_count=2
    assert "baku" not in set(full.term)


def test_place_names_kept_intact() -> None:
    an = TermAnalyzer()
    terms = an("Nagorno Karabakh and the Nagorno–Karabakh Republic. Xankəndi on the Lachin corridor.")
    # spaced and dashed spellings are one name, written as in the lexicon
    assert terms.count("nagorno-karabakh") == 1
    assert "nagorno-karabakh republic" in terms
    assert "nagorno karabakh" not in terms and "nagorno" not in terms and "karabakh" not in terms
    assert "xankəndi" in terms  # the diacritic is kept
    assert "lachin corridor" in terms and "lachin" not in terms
    # the bigram joins the two units (stop words between them dropped), and none crosses the sentence end
    assert "xankəndi lachin corridor" in terms
    assert "nagorno-karabakh republic xankəndi" not in terms


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        ("The self-proclaimed republic", ["self-proclaimed", "republic", "self-proclaimed republic"], ["self", "proclaimed", "the"]),
        ("Artsakh's army", ["artsakh", "army", "artsakh army"], ["artsakh's", "s"]),
        ("See https://example.org/page daily", ["daily"], ["https", "example", "org", "page"]),
        ("In 2020 troops came", ["troops", "came"], ["2020"]),
        ("Степанакерт и Баку", ["степанакерт", "баку"], []),
        ("Peace: talks; war", ["peace", "talks", "war"], ["peace talks", "talks war"]),
    ],
)
def test_analyzer_tokens(text: str, present: list[str], absent: list[str]) -> None:
    terms = TermAnalyzer(stop_words="english")(text)
    for t in present:
        assert t in terms, (t, terms)
    for t in absent:
        assert t not in terms, (t, terms)


def test_keep_intact_can_be_given_or_switched_off() -> None:
    # without protection the name is two words (and their bigram)
    assert TermAnalyzer(keep_intact=[])("the Lachin corridor") == ["lachin", "corridor", "lachin corridor"]
    assert TermAnalyzer(keep_intact=["Red Square"], ngram_range=(1, 1))("in red  square today") == ["red square", "today"]


def test_place_names_from_packs() -> None:
    names = place_names()
    assert "Lachin corridor" in names and "Nagorno-Karabakh" in names
    # phrases that are not proper names stay out
    assert "liberated territories" not in names
    assert "Stepanakert" not in names  # one word needs no protection


def test_one_outlet_gives_empty_table() -> None:
    df = distinctive_words({"a": "war war peace", "b": "war peace"}, {"a": "A", "b": "A"}, **PLAIN)
    assert df.empty and list(df.columns) == DISTINCTIVE_COLUMNS


def test_unlabelled_documents_left_out() -> None:
    labels = {**TINY_LABELS, "y": float("nan"), "z": ""}  # missing groups count as no label
    texts = {**TINY, "x": "war war war", "y": "war", "z": "war"}
    counts = term_counts(texts, labels, ngram_range=(1, 1), min_count=1, stop_words=None)
    assert counts.loc["war"].tolist() == [2, 0]
    assert list(counts.columns) == ["A", "B"]


def test_scorer_series_matches_table() -> None:
    counts = term_counts(TINY, TINY_LABELS, ngram_range=(1, 1), min_count=1, stop_words=None)
    z = log_odds_scores(counts["A"], counts["B"])
    table = log_odds_table(counts, top=None)
    a = table[table.outlet == "A"].set_index("term").z
    assert z.name == "z"
    assert "corpus a" in z.attrs["sign_convention"]
    assert z.to_dict() == pytest.approx(a.to_dict())
    # a background prior without "talks" gives it no pseudo-count: A never uses it, so log(0) -> z NaN;
    # war keeps a finite z (prior war 2, peace 3 scaled to a0 = 5: the same a_w as before)
    prior = pd.Series({"war": 2.0, "peace": 3.0})
    z2 = log_odds_scores(counts["A"], counts["B"], prior=prior)
    assert math.isnan(z2["talks"])
    assert math.isfinite(z2["war"])


@pytest.mark.parametrize(
    "kwargs", [{"min_count": 0}, {"top": 0}, {"alpha0": -1.0}, {"ngram_range": (2, 1)}, {"stop_words": "french"}],
)
def test_bad_options(kwargs: dict) -> None:
    opts = {**PLAIN, **kwargs}
    with pytest.raises(InputError):
        distinctive_words(TINY, TINY_LABELS, **opts)
