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
