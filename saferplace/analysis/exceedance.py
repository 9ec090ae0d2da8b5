"""Emerging issues: which series are higher than their own history says they should be.

For every series (LSOA × category, and each category's total over the area) and one month:

* single month — the month's count against its improved-Farrington baseline (saferplace.analysis.farrington);
* sustained — the last three months together against the sum of their three baselines, because a small area's
  single month rarely stands out once the false-discovery rate is controlled across hundreds of series.

Both use Farrington's 2/3-power transformation: z = (y^{2/3} − μ^{2/3}) / sd, with
sd² = 4/9 μ^{-2/3} (φ μ + μ² Var(log μ)) (the variance of a future count plus the uncertainty of the fitted
baseline), and p = 1 − Φ(z), as `surveillance::farringtonFlexible` reports it. A series' p-value is the
Bonferroni combination of its two rules; Benjamini–Hochberg then controls the false-discovery rate across ALL
series scanned (series that cannot alarm keep p = 1 and stay in the family). No alarm unless at least 5 were
recorded in the last 4 months (farringtonFlexible's limit54), and never for a month that is a publication gap.
The threshold reported is the count the series had to exceed to be flagged in this scan, i.e. the 2/3-power
bound at the false-discovery-controlled level.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from scipy import stats

from saferplace.analysis.farrington import BaselineConfig, fit_baseline
from saferplace.analysis.fdr import bh_cutoff, bh_qvalues

SINGLE, SUSTAINED = "single month", "sustained"


@dataclass(frozen=True)
class ExceedanceConfig:
    alpha: float = 0.05           # false-discovery rate across all series scanned
    min_count: int = 5            # limit54: at least this many …
    min_count_months: int = 4     # … in this many latest months (including the month scanned)
    sustained_months: int = 3
    baseline: BaselineConfig = field(default_factory=BaselineConfig)


@dataclass
class ScanArrays:
    """Per-series results of one scan (arrays of length n_series); `kind` is '' where not flagged."""

    observed: np.ndarray
    expected: np.ndarray
    threshold: np.ndarray
    p_single: np.ndarray
    p_sustained: np.ndarray
    observed_sustained: np.ndarray
    expected_sustained: np.ndarray
    threshold_sustained: np.ndarray
    p_value: np.ndarray
    q_value: np.ndarray
    flagged: np.ndarray
    kind: np.ndarray
    eligible: np.ndarray
    target_is_gap: bool
    cutoff: float

    def reported(self, i: int) -> tuple[float, float, float]:
        """(observed, expected, threshold) for the rule that flagged series i."""
        if self.kind[i] == SUSTAINED:
            return self.observed_sustained[i], self.expected_sustained[i], self.threshold_sustained[i]
        return self.observed[i], self.expected[i], self.threshold[i]


def _sd23(expected, variance):
    """Standard deviation of y^{2/3} by the delta method, for a count with this mean and variance."""
    return np.sqrt(4.0 / 9.0 * np.power(expected, -2.0 / 3.0) * variance)


def _p_upper(observed, expected, sd, df):
    with np.errstate(divide="ignore", invalid="ignore"):
        z = (np.power(observed, 2.0 / 3.0) - np.power(expected, 2.0 / 3.0)) / sd
    return stats.t.sf(z, df)


def _bound(expected, sd, level, df):
    """The count above which the one-sided 2/3-power test rejects at `level`."""
    z = stats.t.isf(level, df)
    return np.power(np.power(expected, 2.0 / 3.0) + z * sd, 1.5)


def _gap_matrix(gaps, shape):
    if gaps is None:
        return np.zeros(shape, dtype=bool)
    gaps = np.asarray(gaps, dtype=bool)
    return np.broadcast_to(gaps if gaps.ndim == 2 else gaps[None, :], shape)


def scan_counts(counts: np.ndarray, target: int, gaps: np.ndarray | None = None,
                config: ExceedanceConfig | None = None) -> ScanArrays:
    """Scan column `target` of a (series × consecutive months) count array. `gaps`: bool per month, or
    per series and month, True where the month is a publication gap."""
    config = config or ExceedanceConfig()
    counts = np.asarray(counts)
    n_series = counts.shape[0]
    gap = _gap_matrix(gaps, counts.shape)
    k = config.sustained_months

    now = fit_baseline(counts, target, gap, config.baseline)
    observed = counts[:, target].astype(float)
    sd1 = _sd23(now.expected, now.phi * now.expected + now.expected ** 2 * now.var_log)
    df1 = np.maximum(now.points - 2, 1)
    p1 = _p_upper(observed, now.expected, sd1, df1)

    recent = slice(max(0, target - config.min_count_months + 1), target + 1)
    recent_total = np.where(gap[:, recent], 0, counts[:, recent]).sum(axis=1)
    target_gap = gap[:, target]
    eligible = now.usable & (recent_total >= config.min_count) & ~target_gap
    p1 = np.where(eligible, p1, 1.0)

    # Sustained: the last k months together against the expected total of the same months in earlier years.
    block = fit_baseline(counts, target, gap, config.baseline, block=k) if target >= k - 1 else None
    if block is not None and block.usable.any():
        window = slice(target - k + 1, target + 1)
        obs3 = counts[:, window].sum(axis=1).astype(float)
        exp3 = block.expected
        sd3 = _sd23(exp3, block.phi * exp3 + exp3 ** 2 * block.var_log)
        df3 = np.maximum(block.points - 2, 1)
        ok3 = eligible & block.usable & ~gap[:, window].any(axis=1)
        p3 = np.where(ok3, _p_upper(obs3, exp3, sd3, df3), 1.0)
    else:
        obs3 = exp3 = sd3 = np.full(n_series, np.nan)
        df3 = np.ones(n_series)
        ok3 = np.zeros(n_series, dtype=bool)
        p3 = np.ones(n_series)
    rules = np.where(ok3, 2, 1)
    p_value = np.minimum(1.0, rules * np.minimum(np.nan_to_num(p1, nan=1.0), np.nan_to_num(p3, nan=1.0)))
    q_value = bh_qvalues(p_value)
    cutoff = bh_cutoff(p_value, config.alpha)
    flagged = (p_value <= cutoff) & eligible & (q_value <= config.alpha)
    kind = np.where(flagged, np.where(ok3 & (p3 < p1), SUSTAINED, SINGLE), "")
    level = cutoff / rules
    return ScanArrays(
        observed=observed, expected=now.expected, threshold=_bound(now.expected, sd1, level, df1),
        p_single=p1, p_sustained=p3, observed_sustained=obs3, expected_sustained=exp3,
        threshold_sustained=_bound(exp3, sd3, level, df3), p_value=p_value, q_value=q_value, flagged=flagged,
        kind=kind, eligible=eligible, target_is_gap=bool(target_gap.all()), cutoff=cutoff,
    )
