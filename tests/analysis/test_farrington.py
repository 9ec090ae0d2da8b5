"""The vectorised improved-Farrington fit gives the same numbers as a per-series statsmodels GLM."""

import numpy as np
import pytest

from saferplace.analysis.farrington import BaselineConfig, baseline_indices, fit_baseline
from saferplace.analysis.reference import fit_one


def _series(seed=11, n=240, months=61):
    rng = np.random.default_rng(seed)
    month = np.arange(months)
    level = rng.choice([0.3, 1.0, 3.0, 10.0, 40.0], n)[:, None]
    trend = np.exp(rng.choice([0.0, 0.02, -0.02], n)[:, None] * month)
    mu = level * trend * (1 + 0.3 * np.sin(2 * np.pi * month / 12))[None, :]
    counts = rng.negative_binomial(5, 5 / (5 + mu))
    counts[:8, 24] = 60  # past outbreaks, to be down-weighted
    return counts


@pytest.mark.parametrize("block", [1, 3])
def test_vectorised_fit_matches_statsmodels(block):
    counts = _series()
    gaps = np.zeros(counts.shape[1], bool)
    gaps[[30, 47]] = True
    fit = fit_baseline(counts, 60, gaps, block=block)
    assert fit.trend.sum() > 10  # some series keep their trend, so both branches are compared
    compared = 0
    for i in range(counts.shape[0]):
        expected, var_log, phi, trend = fit_one(counts[i], 60, gaps, block=block)
        if counts[i, baseline_indices(60, BaselineConfig(), block)].sum() <= 1:
            continue  # degenerate (a single event): statsmodels' trend fit does not converge
        assert fit.expected[i] == pytest.approx(expected, rel=1e-7)
        assert fit.var_log[i] == pytest.approx(var_log, rel=1e-6)
        assert fit.phi[i] == pytest.approx(phi, rel=1e-7)
        assert bool(fit.trend[i]) == trend
        compared += 1
    assert compared > 200


def test_baseline_window_is_previous_years_plus_minus_one_month():
    assert list(baseline_indices(60, BaselineConfig())) == [47, 48, 49, 35, 36, 37, 23, 24, 25, 11, 12, 13]
    assert baseline_indices(36, BaselineConfig()) is None  # under three years of history: no baseline
    assert len(baseline_indices(80, BaselineConfig())) == 15  # at most five years


def test_past_outbreak_is_down_weighted():
    """A one-off spike of 100 in a series averaging 20 (five years of baseline) barely moves the expected count.

    (A spike in a short baseline can mask itself: it inflates φ, so its own Anscombe residual may stay under
    2.58 — the same as R's farringtonFlexible; docs/methods.md §4 says so.)"""
    rng = np.random.default_rng(5)
    counts = rng.poisson(20, (1, 73))
    clean = fit_baseline(counts, 72).expected[0]
    counts[0, 60] = 100
    spiked = fit_baseline(counts, 72).expected[0]
    unweighted_shift = 80 / 15
    assert abs(spiked - clean) < unweighted_shift / 3
