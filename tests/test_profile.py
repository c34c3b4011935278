"""Framing profile, outlet map and similarity on hand-made tables (and the seeds)."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from framing.errors import InputError
from framing.profile import (
    feature_columns,
    framing_profile,
    outlet_map,
    outlet_similarity,
    standardise,
)

NAMING_LEAN = pd.DataFrame(
    [
        # outlet, pack, side, lean, n_concepts, n_hits
        ("A", "p1", "armenian", 0.75, 4, 3),
        ("A", "p1", "azerbaijani", 0.25, 4, 1),
        ("A", "p2", "armenian", 1.0, 2, 2),
        ("B", "p1", "azerbaijani", 1.0, 3, 5),
    ],
    columns=["outlet", "pack", "side", "lean", "n_concepts", "n_hits"],
)
VOICES = pd.DataFrame(
    {
        "outlet": ["A", "B"], "n_docs": [2, 1], "n_quotes": [10, 0], "quoted_share": [0.4, 0.1],
        "share_named": [0.5, math.nan], "share_anonymous": [0.3, math.nan], "share_unattributed": [0.2, math.nan],
        "cue_distancing": [4, 0], "cue_neutral": [5, 0], "cue_none": [1, 0],
    }
)
TONE = pd.DataFrame(
    {
        "outlet": ["A", "A", "A", "B"], "voice": ["all", "authorial", "quoted", "authorial"],
        "n_docs": [2, 2, 2, 1], "n_sentences": [30, 20, 10, 8], "mean": [-0.1, -0.2, 0.1, 0.3],
    }
)
ACTOR_TONE = pd.DataFrame(
    {
        "outlet": ["A", "A", "B"], "group": ["russia", "russia", "armenia"], "voice": ["authorial", "quoted", "authorial"],
        "n_sentences": [4, 3, 2], "mean": [-0.5, 0.9, 0.2],
    }
)
READABILITY = pd.DataFrame(
    {"outlet": ["A", "A", "B"], "metric": ["flesch_kincaid_grade", "gunning_fog", "flesch_kincaid_grade"], "mean": [12.0, 14.0, 8.0]}
)
DOCUMENTS = pd.DataFrame({"doc_id": ["a1", "a2", "b1"], "outlet": ["A", "A", "B"], "n_words": [100, 200, 50]})
TABLES = {
    "documents": DOCUMENTS, "naming_lean": NAMING_LEAN, "voices": VOICES, "tone": TONE,
    "actor_tone": ACTOR_TONE, "readability": READABILITY,
}


def test_profile_joins_every_table() -> None:
    p = framing_profile(TABLES).set_index("outlet")
    assert list(p.index) == ["A", "B"]
    assert list(p.columns[:1]) == ["n_docs"]
    assert p.loc["A", "n_docs"] == 2 and p.loc["A", "n_words"] == 300
    # naming: concept-weighted over packs. A: armenian (0.75*4 + 1.0*2)/6 = 5/6, azerbaijani (0.25*4 + 0)/6 = 1/6
    assert p.loc["A", "lean_armenian"] == pytest.approx(5 / 6)
    assert p.loc["A", "lean_azerbaijani"] == pytest.approx(1 / 6)
    assert p.loc["A", "n_naming_concepts"] == 6 and p.loc["A", "n_naming_hits"] == 6
    # B names no Armenian variant in its one pack: lean 0, not missing
    assert p.loc["B", "lean_armenian"] == 0.0 and p.loc["B", "lean_azerbaijani"] == 1.0
    # sourcing: cue shares = cue count / quotes: 4/10, 5/10; B has no quote -> NaN, never 0
    assert p.loc["A", "cue_distancing_share"] == pytest.approx(0.4)
    assert p.loc["A", "cue_neutral_share"] == pytest.approx(0.5)
    assert math.isnan(p.loc["B", "cue_distancing_share"])
    assert "cue_none_share" not in p.columns
    assert p.loc["A", "share_anonymous"] == pytest.approx(0.3) and p.loc["B", "n_quotes"] == 0
    # tone by voice; B has only an authorial row
    assert (p.loc["A", "tone_all"], p.loc["A", "tone_authorial"], p.loc["A", "tone_quoted"]) == (-0.1, -0.2, 0.1)
    assert p.loc["A", "n_tone_authorial_sentences"] == 20
    assert math.isnan(p.loc["B", "tone_quoted"]) and p.loc["B", "tone_authorial"] == 0.3
    # actor tone: authorial only (A's quoted 0.9 toward Russia is not used)
    assert p.loc["A", "tone_toward_russia"] == -0.5 and p.loc["A", "n_toward_russia_sentences"] == 4
    assert math.isnan(p.loc["A", "tone_toward_armenia"]) and p.loc["B", "tone_toward_armenia"] == 0.2
    # readability
    assert p.loc["A", "read_gunning_fog"] == 14.0 and math.isnan(p.loc["B", "read_gunning_fog"])


def test_profile_tolerates_missing_tables_and_columns() -> None:
    p = framing_profile({"voices": VOICES}).set_index("outlet")
    # n_docs comes from voices when documents is absent
    assert p.loc["A", "n_docs"] == 2
    assert "lean_armenian" not in p.columns and "tone_all" not in p.columns
    p = framing_profile({"documents": DOCUMENTS, "tone": TONE.drop(columns="mean")}).set_index("outlet")
    assert list(p.columns) == ["n_docs", "n_words"]
    empty = framing_profile({})
    assert empty.empty and list(empty.columns) == ["outlet", "n_docs"]


def test_profile_by_group() -> None:
    t = VOICES.rename(columns={"outlet": "group"})
    p = framing_profile({"voices": t}, by="group")
    assert list(p.columns[:2]) == ["group", "n_docs"]
    assert list(p.group) == ["A", "B"]


def test_feature_columns_leave_out_counts() -> None:
    p = framing_profile(TABLES)
    feats = feature_columns(p)
    assert "lean_armenian" in feats and "tone_authorial" in feats
    assert not any(c.startswith("n_") for c in feats) and "outlet" not in feats


def _prof(values: dict[str, list[float]], outlets: list[str] | None = None) -> pd.DataFrame:
    outlets = outlets or ["P", "Q", "R"][: len(next(iter(values.values())))]
    return pd.DataFrame({"outlet": outlets, "n_docs": [1] * len(outlets), **values})


def test_standardise_by_hand() -> None:
    # x = 0, 1, 2: mean 1, population sd sqrt(2/3) = 0.816497 -> z = -1.224745, 0, 1.224745
    # c is constant and s has one value only: both dropped; m has a gap -> 0 after standardising
    p = _prof({"x": [0.0, 1.0, 2.0], "c": [5.0, 5.0, 5.0], "s": [1.0, math.nan, math.nan], "m": [1.0, math.nan, 3.0]})
    Z = standardise(p)
    assert list(Z.columns) == ["x", "m"]
    np.testing.assert_allclose(Z["x"], [-1.224745, 0.0, 1.224745], atol=1e-6)
    # m: mean 2, sd 1 -> -1, (NaN ->) 0, 1
    np.testing.assert_allclose(Z["m"], [-1.0, 0.0, 1.0])
    with pytest.raises(InputError):
        standardise(p.drop(columns="outlet"))


def test_outlet_map_by_hand() -> None:
    # x and y = 2x are perfectly correlated: both standardise to z = (-1.224745, 0, 1.224745);
    # PC1 loads 1/sqrt(2) on each, scores = z * sqrt(2) = (-1.732051, 0, 1.732051), all the variance
    p = _prof({"x": [0.0, 1.0, 2.0], "y": [0.0, 2.0, 4.0]})
    m = outlet_map(p)
    assert list(m.columns) == ["outlet", "pc1", "pc2", "explained_pc1", "explained_pc2", "n_docs"]
    np.testing.assert_allclose(m.pc1, [-1.732051, 0.0, 1.732051], atol=1e-6)
    np.testing.assert_allclose(m.pc2, [0.0, 0.0, 0.0], atol=1e-6)
    assert m.explained_pc1.iloc[0] == pytest.approx(1.0)
    assert m.explained_pc2.iloc[0] == pytest.approx(0.0, abs=1e-9)
    np.testing.assert_allclose(m.attrs["loadings"]["pc1"], [1 / math.sqrt(2)] * 2)
    # sign convention: the largest loading is positive, whatever the row order
    rev = outlet_map(p.iloc[::-1].reset_index(drop=True))
    assert dict(zip(rev.outlet, rev.pc1.round(6), strict=True)) == dict(zip(m.outlet, m.pc1.round(6), strict=True))
    # one feature only: one component, pc2 = 0
    one = outlet_map(_prof({"x": [0.0, 1.0, 2.0]}))
    np.testing.assert_allclose(one.pc1, [-1.224745, 0.0, 1.224745], atol=1e-6)
    assert (one.pc2 == 0).all() and (one.explained_pc2 == 0).all()


@pytest.mark.parametrize(
    "profile",
    [
        _prof({"x": [1.0]}, outlets=["P"]),  # one outlet
        _prof({"x": [1.0, 1.0]}, outlets=["P", "Q"]),  # no differing feature
    ],
)
def test_outlet_map_too_little(profile: pd.DataFrame) -> None:
    m = outlet_map(profile)
    assert m.pc1.isna().all() and "at least 2" in m.attrs["note"]
    assert list(m.outlet) == list(profile.outlet)


def test_outlet_similarity_by_hand() -> None:
    # x = 0, 1, 2 -> z = (-1.224745, 0, 1.224745); y = 0, 1, 0 -> mean 1/3, sd sqrt(2/9) = 0.471405
    # -> z = (-0.707107, 1.414214, -0.707107). Every profile has norm sqrt(2):
    # cos(P, R) = (-1.5 + 0.5) / 2 = -0.5; cos(P, Q) = (0 - 1) / 2 = -0.5; cos(Q, R) = -0.5
    p = _prof({"x": [0.0, 1.0, 2.0], "y": [0.0, 1.0, 0.0]})
    s = outlet_similarity(p)
    assert list(s.index) == ["P", "Q", "R"] and list(s.columns) == ["P", "Q", "R"]
    expected = np.array([[1.0, -0.5, -0.5], [-0.5, 1.0, -0.5], [-0.5, -0.5, 1.0]])
    np.testing.assert_allclose(s.to_numpy(), expected, atol=1e-9)
    # an outlet at the mean on every feature has no direction: NaN
    q = _prof({"x": [0.0, 1.0, 2.0]})
    sq = outlet_similarity(q)
    assert math.isnan(sq.loc["Q", "P"]) and math.isnan(sq.loc["Q", "Q"])
    assert sq.loc["P", "R"] == pytest.approx(-1.0)


def test_seed_profile_expectations(seeds_dir) -> None:
    import framing

    p = framing_profile(framing.analyze(seeds_dir).tables).set_index("outlet")
    # seed 000 (Azerbaijani Media Roundup) quotes "sources", social-media users ("a user", "another user")
    # and unnamed pundits: the largest anonymous share
    assert p["share_anonymous"].idxmax() == "Azerbaijani Media Roundup"
    # seed 002 (Al-Ahram Weekly) names places and the region mostly the Armenian way (Stepanakert, Artsakh …)
    leans = p.loc["Al-Ahram Weekly", [c for c in p.columns if c.startswith("lean_")]]
    assert leans.idxmax() == "lean_armenian"
    # seeds 000 and 001 (Azerbaijani outlets) lean Azerbaijani
    for outlet in ("Azerbaijani Media Roundup", "Turan"):
        row = p.loc[outlet, [c for c in p.columns if c.startswith("lean_")]]
        assert row.idxmax() == "lean_azerbaijani"
    assert (p["n_docs"] == 1).all()
