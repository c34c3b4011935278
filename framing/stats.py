"""Honest uncertainty for small samples: bootstrap intervals, permutation tests, Wilson intervals.

Everything here is deterministic (a seeded :class:`numpy.random.Generator`) and
gives ``NaN`` rather than a fake number when the sample is too small to say
anything: an interval needs at least two documents (clusters), a test at least
two values on each side.

Sentences of one article are not independent observations: pass the document
id of every value as ``clusters`` and :func:`bootstrap_mean_ci` resamples whole
documents (a cluster bootstrap), so five articles of forty sentences each give
the interval of five articles, not of two hundred sentences.
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from statistics import NormalDist
from typing import Any

import numpy as np

from .errors import InputError

__all__ = ["PermutationResult", "bootstrap_mean_ci", "cluster_sums_ci", "permutation_test", "share_ci"]

# Largest number of random draws held in memory at once (rows x columns of one batch).
_BATCH_CELLS = 1_000_000
_STATISTICS = ("mean", "median")
# The cluster draws of recent (seed, n_boot, n_clusters) triples, kept for reuse: every interval of a
# run uses seed 0 and 2000 resamples, and units of the same size (in clusters) draw the same indices.
# At most this many cells (8 bytes each) are kept per process.
_DRAW_CACHE_CELLS = 4_000_000
_draw_cache: dict[tuple[int, int, int], list[np.ndarray]] = {}


def _factorize(labels: list[Any]) -> np.ndarray:
    """Codes by order of first appearance, as ``pandas.factorize(..., use_na_sentinel=False)`` gives
    them (pandas, a 0.25 s import, is only loaded when a label is missing)."""
    if any(v is None or isinstance(v, float) and math.isnan(v) for v in labels):
        import pandas as pd

        return pd.factorize(pd.Series(labels, dtype=object), use_na_sentinel=False)[0]
    codes: dict[Any, int] = {}
    return np.fromiter((codes.setdefault(v, len(codes)) for v in labels), dtype=np.intp, count=len(labels))


def _check_level(level: float) -> None:
    if not 0.0 < level < 1.0:
        raise InputError(f"level={level!r}: must lie strictly between 0 and 1 (e.g. 0.95)")


def _as_float_array(values: Sequence[float], name: str) -> np.ndarray:
    try:
        return np.asarray(values, dtype=float).reshape(-1)
    except (TypeError, ValueError) as exc:
        raise InputError(f"{name}: expected numbers ({exc})") from None


def bootstrap_mean_ci(
    values: Sequence[float],
    *,
    clusters: Sequence[Hashable] | None = None,
    n_boot: int = 2000,
    level: float = 0.95,
    seed: int = 0,
) -> tuple[float, float]:
    """Percentile bootstrap interval of the mean, optionally resampling whole clusters.

    Without ``clusters`` each value is resampled on its own. With ``clusters``
    (one label per value, e.g. the document id of each sentence) the clusters
    are drawn with replacement and the statistic is the mean of all values in
    the drawn clusters (pooled), so large documents weigh by their size as in
    the plain mean.

    Args:
        values: The observations; ``NaN`` values are ignored.
        clusters: Optional cluster label per value (same length as ``values``).
        n_boot: Number of bootstrap resamples.
        level: Coverage of the interval (0.95 for a 95 % interval).
        seed: Seed of the random generator (the result is deterministic).

    Returns:
        ``(low, high)``; ``(nan, nan)`` with fewer than two clusters (or two
        values without clusters) left after dropping ``NaN``.

    Raises:
        InputError: ``level`` outside (0, 1), ``n_boot < 1``, or ``clusters`` of another length.

    References:
        Efron, B. & Tibshirani, R. (1993). *An Introduction to the Bootstrap*, ch. 13
        (percentile interval). Field, C. A. & Welsh, A. H. (2007). Bootstrapping clustered
        data. *JRSS B* 69(3), 369-390 (resampling clusters).
    """
    _check_level(level)
    if n_boot < 1:
        raise InputError(f"n_boot={n_boot!r}: must be at least 1")
    x = _as_float_array(values, "values")
    if clusters is not None:
        if len(clusters) != len(x):
            raise InputError(f"clusters: {len(clusters)} labels for {len(x)} values; give one label per value")
        labels = _factorize(list(clusters))
    keep = ~np.isnan(x)
    if clusters is None:
        # one value per cluster: the sums np.bincount gives (0.0 + value: -0.0 becomes 0.0) and counts of 1
        return _cluster_ci(x[keep] + 0.0, None, n_boot=n_boot, level=level, seed=seed)
    x, labels = x[keep], labels[keep]
    if len(x) == 0:
        return (math.nan, math.nan)
    _, labels = np.unique(labels, return_inverse=True)
    n_clusters = int(labels.max()) + 1
    sums = np.bincount(labels, weights=x, minlength=n_clusters)
    counts = np.bincount(labels, minlength=n_clusters).astype(float)
    return cluster_sums_ci(sums, counts, n_boot=n_boot, level=level, seed=seed)


def cluster_sums_ci(
    sums: Sequence[float],
    counts: Sequence[float],
    *,
    n_boot: int = 2000,
    level: float = 0.95,
    seed: int = 0,
) -> tuple[float, float]:
    """The cluster bootstrap of :func:`bootstrap_mean_ci`, from each cluster's sum and count.

    Streaming aggregates keep only one (sum, count) pair per document; this
    gives the same interval as passing every value with its document id.
    Clusters with a count of 0 are left out; ``(nan, nan)`` with fewer than two.
    """
    _check_level(level)
    if n_boot < 1:
        raise InputError(f"n_boot={n_boot!r}: must be at least 1")
    sums, counts = _as_float_array(sums, "sums"), _as_float_array(counts, "counts")
    keep = counts > 0
    return _cluster_ci(sums[keep], counts[keep], n_boot=n_boot, level=level, seed=seed)


def _cluster_ci(sums: np.ndarray, counts: np.ndarray | None, *, n_boot: int, level: float,
                seed: int) -> tuple[float, float]:
    """The percentile interval of the resampled pooled means (``counts`` None: every count is 1).

    The draws are those of ``np.random.default_rng(seed).integers(0, n, size=(rows, n))`` in
    batches of at most :data:`_BATCH_CELLS` cells, reused from :func:`_draws`; the means and
    the quantiles are computed by the same numpy operations as ever, so the interval is the same.
    """
    n_clusters = len(sums)
    if n_clusters < 2:
        return (math.nan, math.nan)
    means = np.empty(n_boot)
    lo = 0
    for idx in _draws(seed, n_boot, n_clusters):
        hi = lo + len(idx)
        total = sums[idx].sum(axis=1)
        # a sum of counts of 1 is exact in any order: n_clusters
        means[lo:hi] = total / (counts[idx].sum(axis=1) if counts is not None else float(n_clusters))
        lo = hi
    alpha = (1.0 - level) / 2.0
    return _quantiles(means, alpha, 1.0 - alpha)


def _draws(seed: int, n_boot: int, n: int) -> list[np.ndarray]:
    """The bootstrap's cluster indices, batch by batch, as the seeded generator draws them (cached)."""
    key = (seed, n_boot, n)
    got = _draw_cache.get(key)
    if got is not None:
        return got
    rng = np.random.default_rng(seed)
    batch = max(1, _BATCH_CELLS // n)
    got = [rng.integers(0, n, size=(min(n_boot, lo + batch) - lo, n)) for lo in range(0, n_boot, batch)]
    cells = n_boot * n
    if cells <= _DRAW_CACHE_CELLS:
        held = sum(k[1] * k[2] for k in _draw_cache)
        while _draw_cache and held + cells > _DRAW_CACHE_CELLS:  # the oldest go first
            old = next(iter(_draw_cache))
            held -= old[1] * old[2]
            del _draw_cache[old]
        _draw_cache[key] = got
    return got


def _quantiles(values: np.ndarray, *qs: float) -> tuple[float, ...]:
    """``np.quantile(values, qs)`` (method "linear") of a 1-D float array, without its per-call overhead.

    The same steps as numpy's ``_quantile``: virtual index (n - 1) q, its floor and the next
    index (the last element when it is at or past the end), one partition at the same indices,
    the same two-sided linear interpolation; NaN when the array holds a NaN. ``values`` is
    partitioned in place.
    """
    n = len(values)
    virtual = [(n - 1) * q for q in qs]
    prev = [-1 if v >= n - 1 else math.floor(v) for v in virtual]
    nxt = [-1 if v >= n - 1 else math.floor(v) + 1 for v in virtual]
    values.partition(np.array(sorted({0, -1, *prev, *nxt}), dtype=np.intp))  # np.unique of the same
    if math.isnan(values[-1]):
        return tuple(math.nan for _ in qs)
    out = []
    for v, p, x in zip(virtual, prev, nxt, strict=True):
        a, b = values[p], values[x]
        t = v - p
        diff = b - a
        out.append(float(b - diff * (1 - t)) if t >= 0.5 else float(a + diff * t))
    return tuple(out)


@dataclass(frozen=True, slots=True)
class PermutationResult:
    """Outcome of a two-sample permutation test.

    Attributes:
        diff: ``statistic(a) - statistic(b)`` (``NaN`` when a side is empty).
        p_value: Two-sided p value, ``(count + 1) / (n_perm + 1)``; ``NaN`` when a side has < 2 values.
        n_a: Number of values in ``a`` (after dropping ``NaN``).
        n_b: Number of values in ``b`` (after dropping ``NaN``).
        n_perm: Number of random permutations drawn (0 when no test was run).
        statistic: ``mean`` or ``median``.
        note: Why ``p_value`` is ``NaN``, else ``""``.
    """

    diff: float
    p_value: float
    n_a: int
    n_b: int
    n_perm: int
    statistic: str = "mean"
    note: str = ""


def permutation_test(
    a: Sequence[float],
    b: Sequence[float],
    *,
    n_perm: int = 10000,
    seed: int = 0,
    statistic: str = "mean",
) -> PermutationResult:
    """Two-sided permutation test for a difference in mean (or median) between two samples.

    The group labels are shuffled ``n_perm`` times; the p value counts the
    shuffles whose absolute difference is at least the observed one, plus one
    for the observed split itself, so it is never 0.

    Args:
        a: Values of the first outlet or group (e.g. one value per document); ``NaN`` ignored.
        b: Values of the second.
        n_perm: Number of random permutations.
        seed: Seed of the random generator (the result is deterministic).
        statistic: ``"mean"`` or ``"median"``.

    Returns:
        A :class:`PermutationResult`; ``p_value`` is ``NaN`` with a ``note`` when either
        side has fewer than two values.

    Raises:
        InputError: Unknown ``statistic`` or ``n_perm < 1``.

    References:
        Good, P. (2005). *Permutation, Parametric and Bootstrap Tests of Hypotheses*, 3rd ed., ch. 3.
        Phipson, B. & Smyth, G. K. (2010). Permutation p-values should never be zero.
        *Stat. Appl. Genet. Mol. Biol.* 9(1), art. 39.
    """
    if statistic not in _STATISTICS:
        raise InputError(f"statistic={statistic!r}: use one of {', '.join(_STATISTICS)}")
    if n_perm < 1:
        raise InputError(f"n_perm={n_perm!r}: must be at least 1")
    xa = _as_float_array(a, "a")
    xb = _as_float_array(b, "b")
    xa, xb = xa[~np.isnan(xa)], xb[~np.isnan(xb)]
    na, nb = len(xa), len(xb)
    stat = np.mean if statistic == "mean" else np.median
    diff = float(stat(xa) - stat(xb)) if na and nb else math.nan
    if na < 2 or nb < 2:
        note = f"too few values to test ({na} and {nb}; at least 2 on each side are needed)"
        return PermutationResult(diff, math.nan, na, nb, 0, statistic, note)
    pooled = np.concatenate([xa, xb])
    n = len(pooled)
    rng = np.random.default_rng(seed)
    batch = max(1, _BATCH_CELLS // n)
    observed = abs(diff)
    # Differences equal to the observed one up to rounding count as "at least as extreme".
    tol = 1e-12 * max(1.0, observed)
    count = 0
    for lo in range(0, n_perm, batch):
        rows = min(batch, n_perm - lo)
        perm = rng.permuted(np.broadcast_to(pooled, (rows, n)), axis=1)
        if statistic == "mean":
            d = perm[:, :na].mean(axis=1) - perm[:, na:].mean(axis=1)
        else:
            d = np.median(perm[:, :na], axis=1) - np.median(perm[:, na:], axis=1)
        count += int(np.count_nonzero(np.abs(d) >= observed - tol))
    return PermutationResult(diff, (count + 1) / (n_perm + 1), na, nb, n_perm, statistic, "")


def share_ci(k: int, n: int, *, level: float = 0.95) -> tuple[float, float]:
    """Wilson score interval for the proportion ``k / n``.

    Args:
        k: Number of successes (e.g. hits using one side's name).
        n: Number of trials (all hits); ``0`` gives ``(nan, nan)``.
        level: Coverage of the interval.

    Returns:
        ``(low, high)`` within [0, 1].

    Raises:
        InputError: ``k`` or ``n`` negative, or ``k > n``, or ``level`` outside (0, 1).

    References:
        Wilson, E. B. (1927). Probable inference, the law of succession, and statistical
        inference. *JASA* 22(158), 209-212. Brown, L. D., Cai, T. T. & DasGupta, A. (2001).
        Interval estimation for a binomial proportion. *Statistical Science* 16(2), 101-133.
    """
    _check_level(level)
    if n < 0 or k < 0 or k > n:
        raise InputError(f"share_ci: k={k!r}, n={n!r}; need 0 <= k <= n")
    if n == 0:
        return (math.nan, math.nan)
    z = NormalDist().inv_cdf(1.0 - (1.0 - level) / 2.0)
    p = k / n
    z2 = z * z
    denom = 1.0 + z2 / n
    centre = (p + z2 / (2 * n)) / denom
    half = z / denom * math.sqrt(p * (1 - p) / n + z2 / (4 * n * n))
    return (max(0.0, centre - half), min(1.0, centre + half))
