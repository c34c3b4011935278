"""Bootstrap intervals, permutation tests and Wilson intervals, checked against hand-worked values."""

from __future__ import annotations

import math

import pytest

from framing.errors import InputError
from framing.stats import PermutationResult, bootstrap_mean_ci, permutation_test, share_ci

# ---------------------------------------------------------------- share_ci (Wilson)


@pytest.mark.parametrize(
    ("k", "n", "low", "high"),
    [
        # z = 1.959964, z^2 = 3.841459; denominator 1 + z^2/n
        # 0 of 10: centre = (0 + 3.841459/20) / 1.3841459 = 0.138766;
        #          half = 1.959964/1.3841459 * sqrt(0 + 3.841459/400) = 1.416009 * 0.097998 = 0.138766
        (0, 10, 0.0, 0.277532),
        # 5 of 10: centre = (0.5 + 0.192073) / 1.3841459 = 0.5;
        #          half = 1.416009 * sqrt(0.025 + 0.0096036) = 1.416009 * 0.186020 = 0.263406
        (5, 10, 0.236594, 0.763406),
        # 10 of 10 mirrors 0 of 10
        (10, 10, 0.722468, 1.0),
        # 1 of 1: denominator 4.841459; centre = (1 + 1.920729)/4.841459 = 0.603275;
        #         half = 1.959964/4.841459 * sqrt(0 + 3.841459/4) = 0.404831 * 0.979982 = 0.396725
        (1, 1, 0.206549, 1.0),
    ],
)
def test_share_ci_wilson_by_hand(k: int, n: int, low: float, high: float) -> None:
    lo, hi = share_ci(k, n)
    assert lo == pytest.approx(low, abs=2e-6)
    assert hi == pytest.approx(high, abs=2e-6)


def test_share_ci_level_changes_width() -> None:
    # 90 %: z = 1.644854, z^2 = 2.705543; 5 of 10: half = 1.644854/1.2705543 * sqrt(0.025 + 0.0067639)
    # = 1.294594 * 0.178224 = 0.230728
    lo, hi = share_ci(5, 10, level=0.90)
    assert (lo, hi) == pytest.approx((0.5 - 0.230728, 0.5 + 0.230728), abs=2e-6)


def test_share_ci_empty_is_nan() -> None:
    lo, hi = share_ci(0, 0)
    assert math.isnan(lo) and math.isnan(hi)


@pytest.mark.parametrize(("k", "n", "level"), [(-1, 5, 0.95), (6, 5, 0.95), (1, -2, 0.95), (1, 2, 1.0), (1, 2, 0.0)])
def test_share_ci_rejects_bad_input(k: int, n: int, level: float) -> None:
    with pytest.raises(InputError):
        share_ci(k, n, level=level)


# ---------------------------------------------------------------- bootstrap_mean_ci


def test_bootstrap_plain_vs_cluster() -> None:
    values = [0.0, 0.0, 0.0, 0.0, 1.0]
    # Plain bootstrap: the resampled mean is Binomial(5, 0.2)/5. P(X = 0) = 0.8^5 = 0.328 > 0.025, so the
    # 2.5 % quantile is 0; P(X >= 4) = 0.0067 < 0.025 < P(X >= 3) = 0.058, so the 97.5 % quantile is 3/5.
    assert bootstrap_mean_ci(values) == pytest.approx((0.0, 0.6))
    # Two clusters: doc a = four zeros, doc b = one 1. Draws: aa (p 1/4) -> 0, bb (1/4) -> 1,
    # ab (1/2) -> 1/5. Both extremes have probability 0.25 > 0.025, so the interval is (0, 1).
    assert bootstrap_mean_ci(values, clusters=["a", "a", "a", "a", "b"]) == pytest.approx((0.0, 1.0))


def test_bootstrap_is_deterministic_and_seeded() -> None:
    values = [0.1, 0.5, -0.3, 0.8, 0.2, -0.1, 0.4]
    first = bootstrap_mean_ci(values, seed=3)
    assert bootstrap_mean_ci(values, seed=3) == first
    assert bootstrap_mean_ci(values, seed=4) != first
    mean = sum(values) / len(values)
    assert first[0] < mean < first[1]
    # a narrower level gives a narrower interval
    lo90, hi90 = bootstrap_mean_ci(values, seed=3, level=0.80)
    assert first[0] <= lo90 and hi90 <= first[1] and (hi90 - lo90) < (first[1] - first[0])


@pytest.mark.parametrize(
    ("values", "clusters"),
    [
        ([], None),
        ([0.4], None),
        ([0.4, math.nan], None),  # one value left after dropping NaN
        ([0.1, 0.2, 0.3], ["d1", "d1", "d1"]),  # one document
        ([0.1, math.nan], ["d1", "d2"]),  # d2 has only NaN
    ],
)
def test_bootstrap_too_small_is_nan(values: list[float], clusters: list[str] | None) -> None:
    lo, hi = bootstrap_mean_ci(values, clusters=clusters)
    assert math.isnan(lo) and math.isnan(hi)


def test_bootstrap_ignores_nan() -> None:
    # NaN dropped: the same as the clean sample
    assert bootstrap_mean_ci([0.0, math.nan, 0.0, 0.0, 0.0, 1.0]) == bootstrap_mean_ci([0.0, 0.0, 0.0, 0.0, 1.0])


def test_bootstrap_cluster_labels_of_any_hashable() -> None:
    # 1 and "1" are different documents: two clusters, as in test_bootstrap_plain_vs_cluster -> (0, 1)
    assert bootstrap_mean_ci([0.0, 0.0, 0.0, 0.0, 1.0], clusters=[1, 1, 1, 1, "1"]) == pytest.approx((0.0, 1.0))


def test_bootstrap_constant_values() -> None:
    # every resample of identical values has mean 2
    assert bootstrap_mean_ci([2.0, 2.0, 2.0], clusters=["a", "b", "c"]) == pytest.approx((2.0, 2.0))


@pytest.mark.parametrize(
    "kwargs", [{"level": 1.5}, {"level": 0.0}, {"n_boot": 0}, {"clusters": ["a"]}],
)
def test_bootstrap_rejects_bad_options(kwargs: dict) -> None:
    with pytest.raises(InputError):
        bootstrap_mean_ci([1.0, 2.0, 3.0], **kwargs)


# ---------------------------------------------------------------- permutation_test


def test_permutation_exact_p_by_hand() -> None:
    # {1,2,3} vs {4,5,6}: diff = 2 - 5 = -3. Of the C(6,3) = 20 splits only the observed one and its mirror
    # reach |diff| >= 3, so the exact p is 2/20 = 0.1; 10,000 random shuffles estimate it within ~0.006 (1 sd).
    r = permutation_test([1, 2, 3], [4, 5, 6])
    assert isinstance(r, PermutationResult)
    assert r.diff == pytest.approx(-3.0)
    assert r.p_value == pytest.approx(0.1, abs=0.02)
    assert (r.n_a, r.n_b, r.n_perm, r.note) == (3, 3, 10000, "")
    # deterministic
    assert permutation_test([1, 2, 3], [4, 5, 6]) == r


def test_permutation_no_difference_gives_p_one() -> None:
    # identical samples: every shuffle has |diff| >= 0, so p = (n_perm + 1) / (n_perm + 1) = 1
    r = permutation_test([1.0, 1.0, 1.0], [1.0, 1.0], n_perm=500)
    assert r.diff == 0.0
    assert r.p_value == 1.0


def test_permutation_p_never_zero() -> None:
    # clearly separated samples: p is at least 1 / (n_perm + 1)
    r = permutation_test(list(range(20)), list(range(100, 120)), n_perm=999)
    assert r.p_value == pytest.approx(1 / 1000)


def test_permutation_median() -> None:
    # medians: [1, 2, 100] -> 2; [3, 4, 5] -> 4; diff = -2 (the mean difference would be +30.33)
    r = permutation_test([1, 2, 100], [3, 4, 5], statistic="median", n_perm=200)
    assert r.diff == pytest.approx(-2.0)
    assert r.statistic == "median"
    assert 0 < r.p_value <= 1


@pytest.mark.parametrize(("a", "b"), [([1.0], [2.0, 3.0]), ([1.0, 2.0], [math.nan, 3.0]), ([], [1.0, 2.0])])
def test_permutation_too_few_values(a: list[float], b: list[float]) -> None:
    r = permutation_test(a, b)
    assert math.isnan(r.p_value)
    assert "too few values" in r.note
    assert r.n_perm == 0
    if a and b:
        # the difference itself is still reported: 1 - 2.5 or 1.5 - 3
        assert r.diff == pytest.approx(-1.5)
    else:
        assert math.isnan(r.diff)


@pytest.mark.parametrize("kwargs", [{"statistic": "mode"}, {"n_perm": 0}])
def test_permutation_rejects_bad_options(kwargs: dict) -> None:
    with pytest.raises(InputError):
        permutation_test([1, 2], [3, 4], **kwargs)


@pytest.mark.parametrize(
    "labels",
    [
        ["b", "a", "b", "c", "a"],  # codes by first appearance: b=0, a=1, c=2
        ["doc-2", "doc-1"],
        ["a", None, "b", None],  # a missing label: pandas' own rule decides
        [1.0, float("nan"), 1.0],
    ],
)
def test_cluster_codes_are_those_of_pandas_factorize(labels) -> None:
    import pandas as pd

    from framing.stats import _factorize

    expected = pd.factorize(pd.Series(labels, dtype=object), use_na_sentinel=False)[0]
    assert list(_factorize(labels)) == list(expected)


def test_first_appearance_codes_by_hand() -> None:
    from framing.stats import _factorize

    assert list(_factorize(["b", "a", "b", "c", "a"])) == [0, 1, 0, 2, 1]


# ---------------------------------------------------------------- the fast bootstrap equals the plain one


def _plain_cluster_ci(sums, counts, *, n_boot=2000, level=0.95, seed=0):
    """The bootstrap written out plainly (fresh generator, np.quantile): what _cluster_ci must equal."""
    import numpy as np

    sums, counts = np.asarray(sums, dtype=float), np.asarray(counts, dtype=float)
    keep = counts > 0
    sums, counts = sums[keep], counts[keep]
    n = len(sums)
    if n < 2:
        return (math.nan, math.nan)
    rng = np.random.default_rng(seed)
    batch = max(1, 1_000_000 // n)
    means = np.empty(n_boot)
    for lo in range(0, n_boot, batch):
        hi = min(n_boot, lo + batch)
        idx = rng.integers(0, n, size=(hi - lo, n))
        means[lo:hi] = sums[idx].sum(axis=1) / counts[idx].sum(axis=1)
    alpha = (1.0 - level) / 2.0
    low, high = np.quantile(means, [alpha, 1.0 - alpha])
    return (float(low), float(high))


def _same_floats(a, b) -> bool:
    # equal bit for bit: NaN with NaN, and 0.0 is not -0.0
    return all(math.isnan(x) and math.isnan(y) or (x == y and math.copysign(1, x) == math.copysign(1, y))
               for x, y in zip(a, b, strict=True))


@pytest.mark.parametrize(
    ("sums", "counts", "kwargs"),
    [
        ([1.0, 2.0, 4.0], [1, 2, 3], {}),
        ([0.5, -0.25, 0.0, 3.0, 1.5], [2, 1, 0, 4, 3], {"level": 0.8, "seed": 2}),
        ([1.0, 1.0, 1.0], [1, 1, 1], {}),  # every mean 1: both quantiles 1
        ([-0.0, -0.0], [1, 1], {}),  # a mean of -0.0 keeps its sign
        ([1.0, float("inf")], [1, 1], {}),  # inf - inf in the interpolation: NaN, as numpy gives
        ([1.0, float("nan"), 2.0], [1, 1, 1], {}),  # a NaN mean: (nan, nan)
        ([0.3, 0.7], [1, 1], {"n_boot": 1}),  # one resample: both ends are that mean
        ([0.3, 0.7, 0.9], [1, 2, 1], {"n_boot": 3, "level": 0.5}),
        ([2.0], [1], {}),  # one cluster: no interval
    ],
)
def test_cluster_sums_ci_equals_the_plain_bootstrap(sums, counts, kwargs) -> None:
    import warnings

    from framing.stats import cluster_sums_ci

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # inf - inf
        expected = _plain_cluster_ci(sums, counts, **kwargs)
        assert _same_floats(cluster_sums_ci(sums, counts, **kwargs), expected)
        assert _same_floats(cluster_sums_ci(sums, counts, **kwargs), expected)  # again, from the cached draws


def test_cluster_sums_ci_equals_the_plain_bootstrap_on_random_cells() -> None:
    import numpy as np

    from framing.stats import bootstrap_mean_ci, cluster_sums_ci

    rng = np.random.default_rng(7)
    # sizes across the batch limit (1,000,000 cells: more than 500 clusters take several batches)
    for n in (2, 3, 7, 40, 499, 501, 900):
        counts = rng.integers(0, 5, size=n)
        # one decimal: many ties among the means; signed zeros among the values
        values = np.round(rng.normal(size=n), 1) * rng.choice([1.0, -1.0], size=n)
        sums = values * counts
        assert _same_floats(cluster_sums_ci(sums, counts), _plain_cluster_ci(sums, counts))
        # without clusters each value is a cluster of one, its sum the value plus 0.0 (as np.bincount makes it)
        assert _same_floats(bootstrap_mean_ci(values), _plain_cluster_ci(values + 0.0, np.ones(n)))


def test_quantiles_are_numpys() -> None:
    import numpy as np

    from framing.stats import _quantiles

    rng = np.random.default_rng(3)
    arrays = [rng.normal(size=2000), np.round(rng.normal(size=2000), 1), np.array([-0.0, 0.0, -0.0, 0.0]),
              np.array([5.0]), np.array([1.0, 2.0]), np.array([3.0, np.nan, 1.0]), rng.integers(0, 3, 11) * 1.0]
    for values in arrays:
        for qs in ((0.025, 0.975), (0.0, 1.0), (0.5, 0.25), (0.1, 0.9)):
            expected = tuple(float(v) for v in np.quantile(values, list(qs)))
            assert _same_floats(_quantiles(values.copy(), *qs), expected), (values[:5], qs)


def test_draw_cache_keeps_at_most_its_cells(monkeypatch) -> None:
    import numpy as np

    from framing import stats

    monkeypatch.setattr(stats, "_draw_cache", {})
    monkeypatch.setattr(stats, "_DRAW_CACHE_CELLS", 50)
    first = stats._draws(0, 10, 3)  # 30 cells: kept
    assert stats._draws(0, 10, 3) is first
    stats._draws(1, 10, 2)  # 20 more: 50 in all, kept
    assert set(stats._draw_cache) == {(0, 10, 3), (1, 10, 2)}
    stats._draws(0, 10, 4)  # 40 cells: the two older (30 + 20) leave
    assert set(stats._draw_cache) == {(0, 10, 4)}
    stats._draws(0, 10, 6)  # 60 cells: never kept
    assert set(stats._draw_cache) == {(0, 10, 4)}
    expected = np.random.default_rng(0).integers(0, 3, size=(10, 3))
    assert (first[0] == expected).all()
