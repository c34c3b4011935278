"""Framing profile: one row per outlet joining naming, sourcing, tone and readability.

:func:`framing_profile` reads the aggregate tables of an analysis and puts, for
each outlet (or group), its naming lean per side, its sourcing ratios, its
tone (authorial, quoted, toward each actor group) and its readability side by
side, with the counts behind them in columns starting with ``n_``. Missing
tables or columns are skipped: the profile holds what the analysis has.

:func:`outlet_map` places the outlets on a plane (PCA of the standardised
profile) and :func:`outlet_similarity` gives the cosine similarity of every
pair of standardised profiles. Both compare outlets *with each other*: the
features are standardised across the outlets present, so adding an outlet
moves the others.
"""

from __future__ import annotations

import logging
import math
import re
from collections.abc import Mapping

import numpy as np
import pandas as pd

from .errors import InputError

log = logging.getLogger(__name__)

__all__ = ["feature_columns", "framing_profile", "outlet_map", "outlet_similarity", "standardise"]

SOURCING_COLUMNS = ("quoted_share", "share_named", "share_anonymous", "share_unattributed")
TONE_VOICES = ("all", "authorial", "quoted")
MAP_COLUMNS = ["outlet", "pc1", "pc2", "explained_pc1", "explained_pc2", "n_docs"]


def _slug(value: object) -> str:
    return re.sub(r"[^0-9a-z]+", "_", str(value).casefold()).strip("_") or "unknown"


def _has(table: pd.DataFrame | None, *columns: str) -> bool:
    return table is not None and not table.empty and all(c in table.columns for c in columns)


def _naming(t: pd.DataFrame, by: str) -> pd.DataFrame:
    """lean_<side>: mean over packs, weighted by the concepts each pack names, of the outlet's lean."""
    t = t.copy()
    if "n_concepts" not in t.columns:
        t["n_concepts"] = 1
    if "pack" not in t.columns:
        t["pack"] = ""
    concepts = t.drop_duplicates([by, "pack"]).groupby(by)["n_concepts"].sum()
    weighted = (t["lean"] * t["n_concepts"]).groupby([t[by], t["side"]]).sum().unstack("side", fill_value=0.0)
    out = weighted.div(concepts, axis=0)
    out.columns = [f"lean_{_slug(s)}" for s in out.columns]
    out["n_naming_concepts"] = concepts
    if "n_hits" in t.columns:
        out["n_naming_hits"] = t.groupby(by)["n_hits"].sum()
    return out


def _sourcing(t: pd.DataFrame, by: str) -> pd.DataFrame:
    t = t.set_index(by)
    out = pd.DataFrame(index=t.index)
    for c in SOURCING_COLUMNS:
        if c in t.columns:
            out[c] = t[c].astype(float)
    if "n_quotes" in t.columns:
        n = t["n_quotes"].astype(float)
        for c in sorted(col for col in t.columns if col.startswith("cue_") and col != "cue_none"):
            out[f"{c}_share"] = (t[c] / n).where(n > 0)
        out["n_quotes"] = t["n_quotes"]
    return out


def _tone(t: pd.DataFrame, by: str) -> pd.DataFrame:
    out = pd.DataFrame(index=pd.Index(sorted(t[by].unique()), name=by))
    for voice in TONE_VOICES:
        part = t[t["voice"] == voice].set_index(by)
        if part.empty:
            continue
        out[f"tone_{voice}"] = part["mean"].astype(float)
        if "n_sentences" in part.columns:
            out[f"n_tone_{voice}_sentences"] = part["n_sentences"]
    return out


def _actor_tone(t: pd.DataFrame, by: str) -> pd.DataFrame:
    """tone_toward_<group>: authorial mean compound of sentences mentioning the group."""
    if "voice" in t.columns:
        t = t[t["voice"] == "authorial"]
    out = pd.DataFrame(index=pd.Index(sorted(t[by].unique()), name=by))
    for group in sorted(t["group"].unique()):
        part = t[t["group"] == group].set_index(by)
        out[f"tone_toward_{_slug(group)}"] = part["mean"].astype(float)
        if "n_sentences" in part.columns:
            out[f"n_toward_{_slug(group)}_sentences"] = part["n_sentences"]
    return out


def _readability(t: pd.DataFrame, by: str) -> pd.DataFrame:
    out = t.pivot_table(index=by, columns="metric", values="mean", aggfunc="first")
    out.columns = [f"read_{_slug(m)}" for m in out.columns]
    return out


def framing_profile(tables: Mapping[str, pd.DataFrame], *, by: str = "outlet") -> pd.DataFrame:
    """One row per outlet: naming lean, sourcing, tone and readability, with their counts.

    Args:
        tables: Analysis tables by name. Used when present: ``documents`` (``n_docs``,
            ``n_words``), ``naming_lean`` (``lean_<side>``, ``n_naming_concepts``,
            ``n_naming_hits``), ``voices`` (``quoted_share``, ``share_named``,
            ``share_anonymous``, ``share_unattributed``, ``cue_<class>_share`` = quotes
            introduced by that class of verb / all quotes, ``n_quotes``), ``tone``
            (``tone_all``, ``tone_authorial``, ``tone_quoted`` and ``n_tone_<voice>_sentences``),
            ``actor_tone`` (authorial ``tone_toward_<group>`` and ``n_toward_<group>_sentences``),
            ``readability`` (``read_<metric>``).
        by: The key column of those tables (``outlet``, or ``group`` for tables built per group).

    Returns:
        One row per outlet, sorted, with ``by`` first, then ``n_docs``; columns starting with
        ``n_`` are counts, the others are the features :func:`outlet_map` uses. A naming lean
        is the mean over packs weighted by the number of concepts the outlet names in each.
    """
    parts: list[pd.DataFrame] = []
    docs = tables.get("documents")
    if _has(docs, by):
        counts = docs.groupby(by).agg(n_docs=(by, "size"))
        if "n_words" in docs.columns:
            counts["n_words"] = docs.groupby(by)["n_words"].sum()
        parts.append(counts)
    builders = [
        ("naming_lean", ("side", "lean"), _naming),
        ("voices", (), _sourcing),
        ("tone", ("voice", "mean"), _tone),
        ("actor_tone", ("group", "mean"), _actor_tone),
        ("readability", ("metric", "mean"), _readability),
    ]
    for name, needed, build in builders:
        t = tables.get(name)
        if _has(t, by, *needed):
            parts.append(build(t, by))
        elif t is not None:
            log.info("profile: table %s lacks %s; skipped", name, ", ".join((by, *needed)))
    if not parts:
        return pd.DataFrame({by: pd.Series(dtype=object), "n_docs": pd.Series(dtype=float)})
    profile = pd.concat(parts, axis=1, join="outer", sort=True)
    profile = profile.loc[:, ~profile.columns.duplicated()]
    if "n_docs" not in profile.columns:
        voices = tables.get("voices")
        profile["n_docs"] = voices.set_index(by)["n_docs"] if _has(voices, by, "n_docs") else math.nan
    profile.index.name = by
    profile = profile.reset_index()
    first = [by, "n_docs"]
    return profile[first + [c for c in profile.columns if c not in first]]


def feature_columns(profile: pd.DataFrame, *, by: str = "outlet") -> list[str]:
    """The numeric columns of a profile that describe framing (not counts, not the key)."""
    return [
        c for c in profile.columns
        if c != by and not str(c).startswith("n_") and pd.api.types.is_numeric_dtype(profile[c])
    ]


def standardise(profile: pd.DataFrame, *, by: str = "outlet") -> pd.DataFrame:
    """z-scores of the feature columns across outlets; ``NaN`` → 0 (the mean).

    A feature is used only when at least two outlets have a value and the values
    differ (otherwise it cannot tell outlets apart). The standard deviation is the
    population one (ddof 0).

    Returns:
        Features indexed by ``by``.
    """
    if by not in profile.columns:
        raise InputError(f"profile: no {by!r} column; pass the table from framing_profile")
    X = profile.set_index(by)[feature_columns(profile, by=by)].astype(float)
    mean = X.mean(axis=0, skipna=True)
    std = X.std(axis=0, skipna=True, ddof=0)
    keep = (X.notna().sum(axis=0) >= 2) & std.notna() & (std > 1e-12)
    Z = (X.loc[:, keep] - mean[keep]) / std[keep]
    return Z.fillna(0.0)


def outlet_map(profile: pd.DataFrame, *, by: str = "outlet") -> pd.DataFrame:
    """Outlets on a plane: the first two principal components of the standardised profile.

    Sign convention: each component is oriented so that the feature with the largest
    absolute loading loads positively (ties: the first such feature in column order).

    Args:
        profile: The table from :func:`framing_profile`.
        by: Its key column.

    Returns:
        ``by``, ``pc1``, ``pc2``, ``explained_pc1``, ``explained_pc2`` (share of variance),
        ``n_docs``; ``attrs["loadings"]`` (feature × component DataFrame) and
        ``attrs["note"]``. Components are ``NaN`` with a note when fewer than two outlets
        or no feature that differs between outlets; ``pc2`` is 0 when only one component exists.

    References:
        Jolliffe, I. T. & Cadima, J. (2016). Principal component analysis: a review and recent
        developments. *Phil. Trans. R. Soc. A* 374, 20150202.
    """
    Z = standardise(profile, by=by)
    n_docs = profile.set_index(by)["n_docs"] if "n_docs" in profile.columns else pd.Series(math.nan, index=Z.index)
    out = pd.DataFrame({by: Z.index, "pc1": math.nan, "pc2": math.nan, "explained_pc1": math.nan, "explained_pc2": math.nan})
    out["n_docs"] = n_docs.reindex(Z.index).to_numpy()
    out = out.rename(columns={"outlet": by}) if by != "outlet" else out
    if len(Z) < 2 or Z.shape[1] == 0:
        note = f"{len(Z)} outlet(s) and {Z.shape[1]} differing feature(s): at least 2 of each are needed"
        out.attrs.update(note=note, loadings=pd.DataFrame())
        return out.reset_index(drop=True)
    k = min(2, len(Z), Z.shape[1])
    scores, comps, explained = principal_components(Z.to_numpy(), k)
    for j in range(k):
        if comps[j, int(np.argmax(np.abs(comps[j])))] < 0:
            comps[j] *= -1
            scores[:, j] *= -1
    for j in range(2):
        out[f"pc{j + 1}"] = scores[:, j] if j < k else 0.0
        out[f"explained_pc{j + 1}"] = float(explained[j]) if j < k else 0.0
    loadings = pd.DataFrame(comps.T, index=Z.columns, columns=[f"pc{j + 1}" for j in range(k)])
    out.attrs.update(note="", loadings=loadings)
    return out.reset_index(drop=True)


def principal_components(X: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Scores, components and explained-variance ratios of the first ``k`` principal components.

    The same numbers, bit for bit, as scikit-learn's ``PCA(n_components=k, svd_solver="full")``
    (``fit_transform``, ``components_``, ``explained_variance_ratio_``), computed the same way
    (centre, LAPACK ``gesdd`` through SciPy, each component's sign set so that its largest
    absolute loading is positive) without importing scikit-learn (about 1.5 s).

    Args:
        X: Samples × features (float64).
        k: Components kept (at most ``min(X.shape)``).

    References:
        Jolliffe, I. T. & Cadima, J. (2016). Principal component analysis: a review and recent
        developments. *Phil. Trans. R. Soc. A* 374, 20150202.
    """
    from scipy import linalg

    n = X.shape[0]
    centred = np.asarray(X, dtype=np.float64).copy(order="K")
    centred -= np.mean(centred, axis=0)
    U, S, Vt = linalg.svd(centred, full_matrices=False)
    variance = (S**2) / (n - 1)
    rows = np.arange(Vt.shape[0])
    signs = np.sign(Vt[rows, np.argmax(np.abs(Vt), axis=1)])
    U *= signs[np.newaxis, :]
    Vt *= signs[:, np.newaxis]
    ratio = variance / np.sum(variance)
    scores = U[:, :k]
    scores *= S[:k]
    return scores, Vt[:k].copy(), ratio[:k].copy()


def outlet_similarity(profile: pd.DataFrame, *, by: str = "outlet") -> pd.DataFrame:
    """Cosine similarity of every pair of standardised outlet profiles.

    Returns:
        Square DataFrame (index and columns: outlets, sorted as in ``profile``), values in
        [-1, 1]; ``NaN`` for an outlet whose standardised profile is all zeros (at the mean
        on every feature, or no differing feature at all).
    """
    Z = standardise(profile, by=by)
    M = Z.to_numpy()
    norms = np.linalg.norm(M, axis=1) if M.size else np.zeros(len(Z))
    with np.errstate(invalid="ignore", divide="ignore"):
        unit = M / norms[:, None] if M.size else M
        sim = unit @ unit.T if M.size else np.full((len(Z), len(Z)), math.nan)
    zero = norms < 1e-12
    sim[zero, :] = math.nan
    sim[:, zero] = math.nan
    sim = np.clip(sim, -1.0, 1.0)
    return pd.DataFrame(sim, index=pd.Index(Z.index, name=by), columns=list(Z.index))
