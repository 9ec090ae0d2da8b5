"""The improved-Farrington baseline, fitted for many count series at once.

For one month (the "target") and every series, the baseline is the counts in the same month ± `half_window`
months in each of the previous `years` years (Farrington et al. 1996; Noufaily et al. 2013; R
`surveillance::farringtonFlexible` with noPeriods = 1). On it a quasi-Poisson log-linear GLM is fitted:

1. fit log μ = α + β t (t = months before the target) and, separately, log μ = α;
2. compute the dispersion φ (Pearson χ² / residual df, at least 1) and the standardised Anscombe residuals
   s = 3/2 (y^{2/3} μ^{-1/6} − μ^{1/2}) / √(φ (1 − h)); points with s > 2.58 (past exceedances) get weight
   γ s^{-2}, the rest γ, with γ making the weights sum to the number of points; refit with these weights;
3. keep the trend only when its quasi-likelihood t-test gives p < 0.05 AND the prediction does not exceed the
   largest baseline count (no wild extrapolation); otherwise use the constant model;
4. return the prediction μ0 = exp(α) at the target, Var(log μ0) from the fit, and φ.

Everything is closed-form or a fixed-size Newton/IRLS loop written with NumPy over the whole (series ×
baseline points) array, so a national scan is a few array passes rather than half a million GLM calls.
`saferplace.analysis.reference` holds the per-series statsmodels version the tests compare this with.
Months that are publication gaps carry weight 0, i.e. they are left out of the baseline.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import stats


@dataclass(frozen=True)
class BaselineConfig:
    years: int = 5                  # b: at most this many previous years
    min_years: int = 3              # fewer complete years of history: no baseline
    half_window: int = 1            # w: ± months around the same month in earlier years
    weights_threshold: float = 2.58  # Anscombe residual above which a past month is down-weighted
    trend_p: float = 0.05           # trend kept only when its p-value is below this
    min_points: int = 6             # fewer usable (non-gap) baseline months: no baseline
    max_iterations: int = 30
    tolerance: float = 1e-8


@dataclass
class Baseline:
    """Per-series prediction for one target month (arrays of length n_series)."""

    expected: np.ndarray     # μ0
    var_log: np.ndarray      # Var(log μ0): uncertainty of the fitted baseline
    phi: np.ndarray          # dispersion (≥ 1)
    trend: np.ndarray        # bool: trend kept
    usable: np.ndarray       # bool: enough history to judge
    points: np.ndarray       # number of non-gap baseline months used


def baseline_indices(target: int, config: BaselineConfig, block: int = 1) -> np.ndarray | None:
    """Column indexes of the baseline months for the `block` months ending at `target`: the same months ± w
    in each earlier year (None when fewer than `min_years` years exist)."""
    w = config.half_window
    years = min(config.years, (target - (block - 1) - w) // 12)
    if years < config.min_years:
        return None
    return np.array([target - 12 * j + k for j in range(1, years + 1) for k in range(-(block - 1) - w, w + 1)])


def _safe_pow(x: np.ndarray, power: float) -> np.ndarray:
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(x > 0, np.power(np.maximum(x, 1e-300), power), 0.0)


def _reweight(y, mu, phi, hat, valid, n_valid, threshold):
    """Farrington/Noufaily weights: γ s^{-2} where the Anscombe residual s exceeds the threshold, else γ."""
    with np.errstate(divide="ignore", invalid="ignore"):
        s = 1.5 * (_safe_pow(y, 2 / 3) * _safe_pow(mu, -1 / 6) - np.sqrt(mu))
        s = s / np.sqrt(phi[:, None] * np.clip(1 - hat, 1e-12, None))
        big = (s > threshold) & valid
        raw = np.where(big, 1.0 / np.where(big, s, 1.0) ** 2, 1.0) * valid
    gamma = n_valid / np.maximum(raw.sum(axis=1), 1e-300)
    return raw * gamma[:, None]


def _constant_fit(y, p, n_valid):
    """Weighted Poisson GLM with intercept only: μ = Σpy / Σp; returns μ, raw dispersion, hat values."""
    sp = p.sum(axis=1)
    mu = (p * y).sum(axis=1) / np.maximum(sp, 1e-300)
    with np.errstate(divide="ignore", invalid="ignore"):
        phi_raw = (p * (y - mu[:, None]) ** 2).sum(axis=1) / mu / np.maximum(n_valid - 1, 1)
    hat = p / np.maximum(sp, 1e-300)[:, None]
    return mu, np.nan_to_num(phi_raw, nan=1.0), hat


def _trend_fit(y, p, t, n_valid, config, start=None):
    """Weighted Poisson GLM log μ = a + b t by Newton–Raphson (= IRLS for the canonical link), all series at
    once (from `start` = (a, b) when given). Returns a, b, raw dispersion, the inverse-information entries,
    hat values, fitted means and a convergence mask."""
    if start is None:
        mean = (p * y).sum(axis=1) / np.maximum(p.sum(axis=1), 1e-300)
        a, b = np.log(np.maximum(mean, 1e-8)), np.zeros(y.shape[0])
    else:
        a, b = start[0].copy(), start[1].copy()
    t2 = t * t
    converged = np.zeros(a.shape, dtype=bool)
    active = np.arange(a.size)  # series still iterating: finished ones drop out, so the loop shrinks
    ya, pa, aa, ba = y, p, a.copy(), b.copy()
    for _ in range(config.max_iterations):
        mu = np.exp(np.clip(aa[:, None] + ba[:, None] * t, -30, 30))
        weight = pa * mu
        resid = pa * (ya - mu)
        s0, s1, s2 = weight.sum(1), weight @ t, weight @ t2
        g0, g1 = resid.sum(1), resid @ t
        det = s0 * s2 - s1 * s1
        with np.errstate(divide="ignore", invalid="ignore"):
            d0 = np.nan_to_num((s2 * g0 - s1 * g1) / det)
            d1 = np.nan_to_num((s0 * g1 - s1 * g0) / det)
        aa += d0
        ba += d1
        done = np.maximum(np.abs(d0), np.abs(d1)) < config.tolerance
        # A slope beyond ×7 a month only arises when the fit runs off to infinity (e.g. one event at the edge
        # of the window): stop iterating it; it stays unconverged, so its trend is not used.
        diverged = (np.abs(ba) > 2.0) | (np.abs(aa) > 30.0)
        stop = done | diverged
        if stop.any():
            a[active[stop]], b[active[stop]] = aa[stop], ba[stop]
            converged[active[stop & ~diverged]] = True
            keep = ~stop
            active, ya, pa, aa, ba = active[keep], ya[keep], pa[keep], aa[keep], ba[keep]
            if active.size == 0:
                break
    a[active], b[active] = aa, ba
    eta = np.clip(a[:, None] + b[:, None] * t, -30, 30)
    mu = np.exp(eta)
    weight = p * mu
    s0, s1, s2 = weight.sum(1), weight @ t, weight @ t2
    det = s0 * s2 - s1 * s1
    with np.errstate(divide="ignore", invalid="ignore"):
        phi_raw = (p * (y - mu) ** 2 / mu).sum(axis=1) / np.maximum(n_valid - 2, 1)
        inv00, inv11, inv01 = s2 / det, s0 / det, -s1 / det
        hat = weight * (inv00[:, None] + 2 * inv01[:, None] * t + inv11[:, None] * t2)
    ok = converged & np.isfinite(det) & (det > 0) & np.isfinite(phi_raw)
    return a, b, np.nan_to_num(phi_raw, nan=1.0), inv00, inv11, inv01, hat, mu, ok


def fit_baseline(counts: np.ndarray, target: int, gaps: np.ndarray | None = None,
                 config: BaselineConfig | None = None, block: int = 1) -> Baseline:
    """Fit the improved-Farrington baseline of month column `target` for every row of `counts`; with
    `block` > 1, the expected TOTAL of the `block` months ending at `target` (the sustained rule).

    counts: (series × months) array of counts; gaps: a boolean array of the same shape, or one row per month
    (True = publication gap, left out); columns are consecutive months.
    """
    config = config or BaselineConfig()
    n_series = counts.shape[0]
    idx = baseline_indices(target, config, block)
    if idx is None:
        empty = np.full(n_series, np.nan)
        return Baseline(empty, empty.copy(), np.ones(n_series), np.zeros(n_series, bool),
                        np.zeros(n_series, bool), np.zeros(n_series, int))
    y = counts[:, idx].astype(float)
    if gaps is None:
        valid = np.ones_like(y, dtype=bool)
    else:
        gaps = np.asarray(gaps, dtype=bool)
        valid = ~(gaps[:, idx] if gaps.ndim == 2 else np.broadcast_to(gaps[idx], y.shape))
    y = np.where(valid, y, 0.0)
    p = valid.astype(float)
    n_valid = p.sum(axis=1)
    t = (idx - target).astype(float)
    total = y.sum(axis=1)
    threshold = config.weights_threshold

    # Constant model, reweighted.
    mu_c, phi_raw_c, hat_c = _constant_fit(y, p, n_valid)
    omega_c = _reweight(y, np.broadcast_to(mu_c[:, None], y.shape), np.maximum(phi_raw_c, 1.0), hat_c, valid,
                        n_valid, threshold)
    mu_c, phi_raw_c, _ = _constant_fit(y, omega_c, n_valid)
    phi_c = np.maximum(phi_raw_c, 1.0)
    with np.errstate(divide="ignore"):
        var_c = phi_c / (mu_c * n_valid)

    # Trend model, reweighted, then the three conditions for keeping the trend.
    a, b, phi_raw_t, _, _, _, hat_t, mu_t, ok = _trend_fit(y, p, t, n_valid, config)
    omega_t = _reweight(y, mu_t, np.maximum(phi_raw_t, 1.0), hat_t, valid, n_valid, threshold)
    a, b, phi_raw_t, inv00, inv11, inv_ab, _, _, ok2 = _trend_fit(y, omega_t, t, n_valid, config, (a, b))
    df_t = np.maximum(n_valid - 2, 1)
    with np.errstate(divide="ignore", invalid="ignore"):
        t_stat = b / np.sqrt(np.maximum(phi_raw_t, 1e-12) * inv11)
    p_trend = 2 * stats.t.sf(np.abs(np.nan_to_num(t_stat)), df_t)
    max_y = np.where(valid, y, -np.inf).max(axis=1)
    # Predictions for the block's months (t = 0, −1, …) and the delta-method variance of log(their sum).
    offsets = -np.arange(block, dtype=float)
    mu_block = np.exp(np.clip(a[:, None] + b[:, None] * offsets, -30, 30))
    total_t = mu_block.sum(axis=1)
    slope_grad = (mu_block * offsets).sum(axis=1)
    phi_t = np.maximum(phi_raw_t, 1.0)
    with np.errstate(divide="ignore", invalid="ignore"):
        var_t = phi_t * (inv00 * total_t ** 2 + 2 * inv_ab * total_t * slope_grad + inv11 * slope_grad ** 2)
        var_t = var_t / total_t ** 2
    keep = ok & ok2 & (p_trend < config.trend_p) & (mu_block.max(axis=1) <= max_y) & (total > 0)

    expected = np.where(keep, total_t, block * mu_c)
    var_log = np.where(keep, var_t, var_c)
    phi = np.where(keep, phi_t, phi_c)

    # A baseline of zeros says "rare", not "impossible": use half an event spread over the baseline.
    zero = total == 0
    expected = np.where(zero, block * 0.5 / np.maximum(n_valid, 1), expected)
    var_log = np.where(zero, 2.0, var_log)
    phi = np.where(zero, 1.0, phi)
    usable = n_valid >= config.min_points
    return Baseline(expected, var_log, phi, keep & ~zero, usable, n_valid.astype(int))
