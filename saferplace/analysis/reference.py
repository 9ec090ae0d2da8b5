"""A straightforward per-series statsmodels version of the improved-Farrington baseline.

Slow (one GLM fit after another) and kept only as the yardstick: the tests check that the vectorised
`saferplace.analysis.farrington.fit_baseline` gives the same numbers, and benchmarks/emerging_scan.py times it.
"""

from __future__ import annotations

import warnings

import numpy as np
import statsmodels.api as sm

from saferplace.analysis.farrington import BaselineConfig, baseline_indices


def _anscombe_weights(y, mu, phi, hat, threshold):
    s = 1.5 * (y ** (2 / 3) * mu ** (-1 / 6) - mu ** 0.5) / np.sqrt(phi * (1 - hat))
    raw = np.where(s > threshold, s ** -2.0, 1.0)
    return raw * len(y) / raw.sum()


def _fit(y, x, threshold):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        first = sm.GLM(y, x, family=sm.families.Poisson()).fit(scale="X2", use_t=True)
        phi = max(first.scale, 1.0)
        omega = _anscombe_weights(y, first.fittedvalues, phi, first.get_hat_matrix_diag(), threshold)
        refit = sm.GLM(y, x, family=sm.families.Poisson(), var_weights=omega).fit(scale="X2", use_t=True)
    return refit


def fit_one(series: np.ndarray, target: int, gaps: np.ndarray | None = None,
            config: BaselineConfig | None = None, block: int = 1) -> tuple[float, float, float, bool]:
    """(expected, Var(log expected), φ, trend kept) for one series, fitting with statsmodels; with `block` > 1
    the expected total of the `block` months ending at `target`."""
    config = config or BaselineConfig()
    idx = baseline_indices(target, config, block)
    if idx is None:
        return float("nan"), float("nan"), 1.0, False
    if gaps is not None:
        idx = idx[~np.asarray(gaps, bool)[idx]]
    y = np.asarray(series, float)[idx]
    if y.sum() == 0:
        return block * 0.5 / len(y), 2.0, 1.0, False
    t = (idx - target).astype(float)
    trend = _fit(y, np.column_stack([np.ones_like(t), t]), config.weights_threshold)
    offsets = -np.arange(block, dtype=float)
    x0 = np.column_stack([np.ones(block), offsets])
    mu = np.exp(x0 @ trend.params)
    if trend.pvalues[1] < config.trend_p and mu.max() <= y.max():
        phi = max(trend.scale, 1.0)
        gradient = mu @ x0
        variance = gradient @ (trend.cov_params() / trend.scale * phi) @ gradient
        return float(mu.sum()), float(variance / mu.sum() ** 2), phi, True
    const = _fit(y, np.ones((len(y), 1)), config.weights_threshold)
    phi = max(const.scale, 1.0)
    return block * float(np.exp(const.params[0])), float(const.cov_params()[0, 0] / const.scale * phi), phi, False
