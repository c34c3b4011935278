"""LexiconVectorizer follows the scikit-learn estimator contract."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from sklearn.base import clone
from sklearn.exceptions import NotFittedError
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline

from framing.sklearn import LexiconVectorizer

TEXTS = [
    "Azerbaijani forces shelled Stepanakert and Shushi, the capital of Artsakh.",
    "Residents returned to Khankendi and Shusha in Karabakh.",
    'The Russian "peacekeepers" in Xankandi said nothing.',
    "Weather in Paris was mild.",
]


def test_counts_per_side() -> None:
    X = LexiconVectorizer(features="side").set_output(transform="pandas").fit_transform(TEXTS)
    assert isinstance(X, pd.DataFrame)
    assert list(X.index) == [0, 1, 2, 3]
    # by hand: text 0 has Stepanakert, Shushi, Artsakh (armenian) and Azerbaijani (azerbaijani)
    assert X.loc[0, "karabakh:armenian"] == 3
    assert X.loc[0, "karabakh:azerbaijani"] == 1
    # text 1: Khankendi and Karabakh (azerbaijani); Shusha is the Azerbaijani and the international
    # form alike, so the pack files it as neutral
    assert X.loc[1, "karabakh:azerbaijani"] == 2
    assert X.loc[1, "karabakh:neutral"] == 1
    assert X.loc[1, "karabakh:armenian"] == 0
    # text 2: Xankandi (authorial); "peacekeepers" is scare-quoted, not counted in the authorial voice
    assert X.loc[2, "karabakh:azerbaijani"] == 1
    assert X.loc[2, "karabakh:neutral"] == 0
    assert X.loc[3].sum() == 0


def test_voice_parameter_selects_scare_quotes() -> None:
    X = LexiconVectorizer(features="concept", voice="scare-quoted").set_output(transform="pandas").fit_transform(TEXTS)
    assert X.loc[2, "karabakh:russian_peacekeepers"] == 1
    assert X["karabakh:russian_peacekeepers"].sum() == 1


def test_feature_names_and_shape() -> None:
    vec = LexiconVectorizer().fit(TEXTS)
    names = vec.get_feature_names_out()
    assert "karabakh:stepanakert:armenian" in names
    assert "karabakh:stepanakert:azerbaijani" in names
    assert vec.transform(TEXTS).shape == (4, len(names))


def test_clone_keeps_params_and_drops_state() -> None:
    vec = LexiconVectorizer(features="side", voice="all").fit(TEXTS)
    c = clone(vec)
    assert c.get_params() == vec.get_params()
    assert not hasattr(c, "feature_names_")


def test_transform_before_fit_is_rejected() -> None:
    with pytest.raises(NotFittedError):
        LexiconVectorizer().transform(TEXTS)


@pytest.mark.parametrize("bad", ["a single string", b"bytes", [1, 2], None])
def test_bad_input_is_rejected(bad: object) -> None:
    with pytest.raises(ValueError):
        LexiconVectorizer().fit(bad)  # type: ignore[arg-type]


def test_bad_parameter_is_rejected_at_fit() -> None:
    with pytest.raises(ValueError, match="features="):
        LexiconVectorizer(features="nope").fit(TEXTS)


def test_in_a_pipeline() -> None:
    y = np.array([1, 0, 0, 0])
    pipe = Pipeline([("lex", LexiconVectorizer(features="side")), ("clf", LogisticRegression())])
    pipe.fit(TEXTS, y)
    assert pipe.predict(TEXTS).shape == (4,)
    pipe.set_output(transform="pandas")
    assert list(pipe[:-1].transform(TEXTS).columns)[:1] == ["distancing:neutral"]


def test_accepts_a_pandas_series() -> None:
    X = LexiconVectorizer(features="side").fit_transform(pd.Series(TEXTS, index=[10, 11, 12, 13]))
    assert X.shape[0] == 4


# --- tone, readability and sourcing transformers -------------------------------------------

from framing import analyze_text  # noqa: E402
from framing.sklearn import ReadabilityFeatures, SourcingFeatures, ToneFeatures  # noqa: E402

NEWS = [
    '"We will never give up Shushi," the minister said. A user claimed the town had fallen. Residents fled.',
    "The ceasefire held. Trade resumed and families were happy to return home.",
]


@pytest.mark.parametrize("cls", [ToneFeatures, ReadabilityFeatures, SourcingFeatures])
def test_feature_transformers_follow_the_contract(cls) -> None:
    est = cls()
    with pytest.raises(NotFittedError):
        est.transform(NEWS)
    with pytest.raises(ValueError, match="single str"):
        est.fit("one text")
    X = clone(est).set_output(transform="pandas").fit_transform(NEWS)
    assert list(X.columns) == list(est.fit(NEWS).get_feature_names_out())
    assert X.shape[0] == 2


def test_tone_features_match_the_analysis_tables() -> None:
    X = ToneFeatures().set_output(transform="pandas").fit_transform(NEWS)
    for i, text in enumerate(NEWS):
        row = analyze_text(text).documents.iloc[0]
        for col in ("tone_mean", "tone_pos_share", "tone_neg_share", "tone_authorial"):
            assert X.loc[i, col] == pytest.approx(row[col], nan_ok=True)
    # text 0: sentence 1 is a direct quote (quoted), 2 reported ("A user claimed that ..."), 3 authorial
    assert X.loc[0, "quoted_sentence_share"] == pytest.approx(1 / 3)
    # text 1 quotes nobody
    assert X.loc[1, "quoted_sentence_share"] == 0 and np.isnan(X.loc[1, "tone_quoted"])


def test_sourcing_features_by_hand() -> None:
    X = SourcingFeatures().set_output(transform="pandas").fit_transform(NEWS)
    # text 0: two quotes (the minister: a role, named; "a user": anonymous) in 18 words
    # (We will never give up Shushi / the minister said / A user claimed the town had fallen / Residents fled)
    assert X.loc[0, "quotes_per_1k_words"] == pytest.approx(2 * 1000 / 18)
    assert (X.loc[0, "share_named"], X.loc[0, "share_anonymous"], X.loc[0, "share_unattributed"]) == (0.5, 0.5, 0.0)
    # "said" is neutral, "claimed" distancing
    assert (X.loc[0, "cue_neutral"], X.loc[0, "cue_distancing"]) == (0.5, 0.5)
    # text 1: no quotes → rate 0, shares undefined
    assert X.loc[1, "quotes_per_1k_words"] == 0 and np.isnan(X.loc[1, "share_named"])


def test_readability_features_are_nan_for_short_texts() -> None:
    X = ReadabilityFeatures().fit_transform(NEWS)
    assert np.isnan(X).all()  # both texts are far below 100 words


def test_features_in_a_pipeline_predicting_a_label() -> None:
    from sklearn.pipeline import make_union

    texts = ["The attack killed many. Horrible, brutal war."] * 3 + ["A wonderful, happy peace deal. Great news."] * 3
    y = [0, 0, 0, 1, 1, 1]
    pipe = Pipeline([("f", make_union(ToneFeatures(), SourcingFeatures())),
                     ("impute", __import__("sklearn.impute", fromlist=["SimpleImputer"]).SimpleImputer(keep_empty_features=True)),
                     ("clf", LogisticRegression())])
    pipe.fit(texts, y)
    assert list(pipe.predict(["Brutal attack, horrible losses.", "Happy, wonderful news of peace."])) == [0, 1]
