"""scikit-learn transformers over raw texts.

:class:`LexiconVectorizer` turns texts into counts of lexicon terms per
concept and side (in the outlet's own voice by default); :class:`ToneFeatures`,
:class:`ReadabilityFeatures` and :class:`SourcingFeatures` give each text's
tone, readability and sourcing. All follow the
scikit-learn estimator contract: parameters are only stored in ``__init__``,
what is learned is set in ``fit`` with a trailing underscore, and
``get_feature_names_out`` makes ``set_output(transform="pandas")`` work.

Example:
    >>> from framing.sklearn import LexiconVectorizer
    >>> vec = LexiconVectorizer(features="side").set_output(transform="pandas")
    >>> X = vec.fit_transform(["Shelling hit Stepanakert.", "Khankendi was quiet."])
    >>> X[["karabakh:armenian", "karabakh:azerbaijani"]].values.tolist()
    [[1.0, 0.0], [0.0, 1.0]]
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import numpy as np
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.utils.validation import check_is_fitted

from .lexicon import NEUTRAL, load_packs
from .matcher import TermMatcher
from .readability_profile import METRICS
from .terms import VOICES
from .verbs import CUE_CLASSES

_FEATURES = ("concept_side", "side", "concept")


def check_texts(X: Any, owner: str) -> list[str]:
    """Accept an iterable of strings (list, Series, array); reject a bare string."""
    if isinstance(X, str | bytes):
        raise ValueError(f"{owner} expects an iterable of texts, got a single {type(X).__name__}; wrap it in a list")
    if hasattr(X, "ndim") and getattr(X, "ndim", 1) == 2:
        if X.shape[1] != 1:
            raise ValueError(f"{owner} expects one column of texts, got {X.shape[1]} columns")
        X = X.iloc[:, 0] if hasattr(X, "iloc") else X[:, 0]
    try:
        texts = list(X)
    except TypeError:
        raise ValueError(f"{owner} expects an iterable of texts, got {type(X).__name__}") from None
    for i, t in enumerate(texts):
        if not isinstance(t, str):
            raise ValueError(f"{owner}: item {i} is {type(t).__name__}, not a text (str)")
    return texts


class LexiconVectorizer(TransformerMixin, BaseEstimator):
    """Count lexicon terms in each text, per concept and side.

    Args:
        lexicons: Pack files or folders (default: the bundled naming and distancing packs).
        features: ``"concept_side"`` (one column per pack, concept and side),
            ``"side"`` (per pack and side) or ``"concept"`` (per pack and concept).
        voice: Which uses to count: ``"authorial"`` (the text's own voice, the
            default), ``"quoted"``, ``"scare-quoted"``, ``"mentioned"`` or ``"all"``.
        diacritics: Match ignoring diacritics.
        normalize: ``None`` for counts, ``"per_1k_words"`` for rates.

    Attributes:
        feature_names_: Column names, learned in :meth:`fit` from the packs.
        packs_: The loaded packs.
    """

    def __init__(
        self,
        lexicons: list[str] | None = None,
        *,
        features: str = "concept_side",
        voice: str = "authorial",
        diacritics: bool = False,
        normalize: str | None = None,
    ) -> None:
        self.lexicons = lexicons
        self.features = features
        self.voice = voice
        self.diacritics = diacritics
        self.normalize = normalize

    def fit(self, X: Iterable[str], y: Any = None) -> LexiconVectorizer:
        """Load the packs and fix the feature names (the texts are only validated)."""
        check_texts(X, type(self).__name__)
        if self.features not in _FEATURES:
            raise ValueError(f"features={self.features!r}; choose one of {', '.join(_FEATURES)}")
        if self.voice not in (*VOICES, "all"):
            raise ValueError(f"voice={self.voice!r}; choose one of {', '.join((*VOICES, 'all'))}")
        if self.normalize not in (None, "per_1k_words"):
            raise ValueError(f"normalize={self.normalize!r}; choose None or 'per_1k_words'")
        self.packs_ = load_packs(self.lexicons)
        names: list[str] = []
        for pack in self.packs_:
            sides = [*pack.sides, NEUTRAL]
            if self.features == "side":
                names += [f"{pack.name}:{s}" for s in sides]
            elif self.features == "concept":
                names += [f"{pack.name}:{c.id}" for c in pack.concepts]
            else:
                for c in pack.concepts:
                    for s in dict.fromkeys(v.side for v in c.variants):
                        names.append(f"{pack.name}:{c.id}:{s}")
        self.feature_names_ = names
        self._index = {n: i for i, n in enumerate(names)}
        self._matcher = TermMatcher(self.packs_, diacritics=self.diacritics)
        return self

    def transform(self, X: Iterable[str]) -> np.ndarray:
        """Count terms in each text; rows follow the order of ``X``."""
        check_is_fitted(self, "feature_names_")
        from .analysis import analyze_text_document
        from .model import count_words
        from .terms import find_terms

        texts = check_texts(X, type(self).__name__)
        out = np.zeros((len(texts), len(self.feature_names_)), dtype=float)
        for row, text in enumerate(texts):
            doc = analyze_text_document(text)
            for rec in find_terms(doc, self._matcher):
                if self.voice != "all" and rec.voice != self.voice:
                    continue
                h = rec.hit
                key = {"side": f"{h.pack}:{h.side}", "concept": f"{h.pack}:{h.concept}"}.get(
                    self.features, f"{h.pack}:{h.concept}:{h.side}"
                )
                col = self._index.get(key)
                if col is not None:
                    out[row, col] += 1
            if self.normalize == "per_1k_words":
                n = count_words(text)
                out[row] = out[row] * 1000 / n if n else np.nan
        return out

    def get_feature_names_out(self, input_features: Any = None) -> np.ndarray:
        """Feature names: ``pack:concept:side``, ``pack:side`` or ``pack:concept``."""
        check_is_fitted(self, "feature_names_")
        return np.asarray(self.feature_names_, dtype=object)


class _DocumentFeatures(TransformerMixin, BaseEstimator):
    """Shared contract for transformers computed from framing's per-document analysis of each text."""

    _names: tuple[str, ...] = ()

    def fit(self, X: Iterable[str], y: Any = None) -> _DocumentFeatures:
        """Validate the texts and fix the feature names (nothing is learned from the data)."""
        check_texts(X, type(self).__name__)
        self.feature_names_ = list(self._names)
        return self

    def transform(self, X: Iterable[str]) -> np.ndarray:
        """One row per text, in the order of ``X``; NaN where a feature is undefined."""
        check_is_fitted(self, "feature_names_")
        texts = check_texts(X, type(self).__name__)
        out = np.full((len(texts), len(self.feature_names_)), np.nan)
        for row, text in enumerate(texts):
            values = self._features(text)
            out[row] = [values[n] for n in self.feature_names_]
        return out

    def get_feature_names_out(self, input_features: Any = None) -> np.ndarray:
        check_is_fitted(self, "feature_names_")
        return np.asarray(self.feature_names_, dtype=object)

    def _features(self, text: str) -> dict[str, float]:  # pragma: no cover - abstract
        raise NotImplementedError


def _voices_and_quotes(text: str) -> tuple[Any, list[Any], list[str]]:
    from .analysis import analyze_text_document
    from .quotes import find_quotes
    from .terms import quote_spans
    from .tone import sentence_voices

    doc = analyze_text_document(text)
    spans = quote_spans(doc)
    quotes = find_quotes(doc, actors=_actors(), spans=spans)
    return doc, quotes, sentence_voices(doc, spans, quotes)


def _actors() -> Any:
    from .analysis import default_analyzer

    return default_analyzer().actors


class ToneFeatures(_DocumentFeatures):
    """VADER tone of each text, scored per sentence and split by voice.

    Features: ``tone_mean``, ``tone_pos_share``, ``tone_neg_share``,
    ``tone_neu_share`` (over all sentences), ``tone_authorial`` and
    ``tone_quoted`` (the outlet's own sentences and quoted ones; NaN when a
    text has none), ``quoted_sentence_share``. The same numbers as the
    ``documents`` table of :func:`framing.analyze`.

    Example:
        >>> from framing.sklearn import ToneFeatures
        >>> X = ToneFeatures().fit_transform(["Residents fled the terrible shelling."])
        >>> round(float(X[0, 0]), 4)
        -0.4767
    """

    _names = ("tone_mean", "tone_pos_share", "tone_neg_share", "tone_neu_share", "tone_authorial", "tone_quoted",
              "quoted_sentence_share")

    def _features(self, text: str) -> dict[str, float]:
        from .tone import default_scorer, document_tone, sentence_tone_rows

        doc, _quotes, voices = _voices_and_quotes(text)
        rows = sentence_tone_rows(doc, voices, default_scorer())
        t = document_tone(rows)
        n = len(rows)
        t["quoted_sentence_share"] = t["n_quoted_sentences"] / n if n else np.nan
        return t


class ReadabilityFeatures(_DocumentFeatures):
    """textstat readability scores of each text (NaN for texts too short to score).

    Features: ``flesch_reading_ease``, ``flesch_kincaid_grade``, ``gunning_fog``,
    ``smog_index``, ``dale_chall``. Put a ``SimpleImputer`` after it when short
    texts occur and the next step does not accept NaN.
    """

    _names = METRICS

    def _features(self, text: str) -> dict[str, float]:
        from .readability_profile import readability_columns

        return readability_columns(text)


class SourcingFeatures(_DocumentFeatures):
    """Who speaks in each text, as rates and shares.

    Features: ``quotes_per_1k_words``, ``quoted_share`` (share of the words
    inside quotes), ``share_named``, ``share_anonymous``, ``share_unattributed``
    (of the quotes; NaN without quotes), and the share of each attribution-verb
    class (``cue_neutral``, ``cue_distancing``, …).
    """

    _names = ("quotes_per_1k_words", "quoted_share", "share_named", "share_anonymous", "share_unattributed",
              *(f"cue_{c}" for c in CUE_CLASSES))

    def _features(self, text: str) -> dict[str, float]:
        from .voices import quote_rows, sourcing

        doc, quotes, _voices = _voices_and_quotes(text)
        rows = quote_rows(doc, quotes)
        n, words = len(quotes), doc.n_words
        out: dict[str, float] = {
            "quotes_per_1k_words": n * 1000 / words if words else np.nan,
            "quoted_share": sum(r["n_words"] for r in rows) / words if words else np.nan,
        }
        kinds = [sourcing(q) for q in quotes]
        for s in ("named", "anonymous", "unattributed"):
            out[f"share_{s}"] = kinds.count(s) / n if n else np.nan
        for c in CUE_CLASSES:
            out[f"cue_{c}"] = sum(q.cue_class == c for q in quotes) / n if n else np.nan
        return out
