"""Change between two periods: counts, rates, and whether the change is more than chance.

Two tests, both on the rate ratio (after ÷ before):

* the exact conditional test for two Poisson counts — given the total n = before + after, `after` is
  Binomial(n, π0) with π0 = e_after / (e_after + e_before) when nothing changed (e = exposure:
  months × population). Its p-value is the two-sided exact binomial p-value and its 95% interval is the
  Clopper–Pearson interval for π mapped to the rate ratio (the same as statsmodels'
  `test_poisson_2indep(method="exact-cond")`);
* an over-dispersion-aware (quasi-Poisson) test, because crime counts vary more than Poisson — repeat
  locations, seasonal swings, one-off events. The variance is φ × mean with φ estimated from the monthly
  series (Pearson χ² of the months around the level of each period and the season), and the Wald interval
  on the log rate ratio has standard error √(φ (1/before + 1/after)).

A change is called a fall or a rise only when BOTH tests say so at the 5% level; otherwise the wording is
"no clear change". See docs/methods.md §2.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

import numpy as np
from scipy import stats

from saferplace.analysis.periods import Period, as_month, month_label, year_earlier

ALPHA = 0.05
FELL, NO_CLEAR_CHANGE, ROSE = "fell", "no clear change", "rose"


@dataclass(frozen=True)
class Change:
    """One comparison of two periods. Rates are per 1,000 residents when populations were given."""

    before: int
    after: int
    absolute: int
    percent: float | None
    rate_ratio: float | None
    exact_p: float
    exact_ci: tuple[float, float]
    dispersion: float
    dispersion_source: str
    adjusted_p: float
    adjusted_ci: tuple[float, float]
    direction: str
    rate_before: float | None = None
    rate_after: float | None = None
    before_label: str = "the earlier period"
    after_label: str = "the later period"
    excluded_months: tuple[str, ...] = field(default_factory=tuple)

    @property
    def clear(self) -> bool:
        return self.direction != NO_CLEAR_CHANGE


def rate_per_1000(count: float, population: float | None) -> float | None:
    if population is None or population <= 0:
        return None
    return 1000.0 * count / population


def exact_rate_ratio_test(before: int, after: int, exposure_before: float = 1.0, exposure_after: float = 1.0,
                          alpha: float = ALPHA) -> tuple[float, tuple[float, float]]:
    """Exact conditional (binomial) test of rate ratio = 1, and the exact CI for the rate ratio."""
    n = before + after
    if n == 0:
        return 1.0, (0.0, float("inf"))
    pi0 = exposure_after / (exposure_after + exposure_before)
    p_value = float(stats.binomtest(int(after), int(n), pi0).pvalue)
    low = 0.0 if after == 0 else stats.beta.ppf(alpha / 2, after, n - after + 1)
    high = 1.0 if after == n else stats.beta.ppf(1 - alpha / 2, after + 1, n - after)
    scale = exposure_before / exposure_after

    def to_ratio(pi):
        return float("inf") if pi >= 1.0 else float(pi / (1 - pi) * scale)

    return p_value, (to_ratio(low), to_ratio(high))


def quasi_poisson_rate_ratio_test(before: int, after: int, dispersion: float, exposure_before: float = 1.0,
                                  exposure_after: float = 1.0,
                                  alpha: float = ALPHA) -> tuple[float, tuple[float, float]]:
    """Wald test and interval on log(rate ratio) with variance inflated by the dispersion φ. This is what a
    quasi-Poisson GLM with a period indicator gives; 0.5 is added to both counts when either is zero."""
    a, b = float(after), float(before)
    if a == 0 or b == 0:
        a, b = a + 0.5, b + 0.5
    log_ratio = np.log(a / exposure_after) - np.log(b / exposure_before)
    se = np.sqrt(dispersion * (1 / a + 1 / b))
    z = stats.norm.ppf(1 - alpha / 2)
    p_value = float(2 * stats.norm.sf(abs(log_ratio) / se))
    return p_value, (float(np.exp(log_ratio - z * se)), float(np.exp(log_ratio + z * se)))


def dispersion_from_months(before_months: Sequence[float], after_months: Sequence[float]) -> float | None:
    """φ ≥ 1 from the monthly counts behind the two totals.

    When the periods have the same number of months (year-on-year), month i of one is matched with month i of
    the other and φ is the Pearson χ² of the 2 × k table divided by its k − 1 degrees of freedom: it measures the
    variation left after the level of each period and the season of each month are allowed for. Otherwise φ is
    the Pearson χ² of each month about its own period's mean, pooled. None when there are too few months.
    """
    b = np.asarray(before_months, dtype=float)
    a = np.asarray(after_months, dtype=float)
    if b.size == a.size and b.size >= 2:
        table = np.vstack([b, a])
        total = table.sum()
        if total == 0:
            return None
        expected = table.sum(axis=1, keepdims=True) * table.sum(axis=0, keepdims=True) / total
        keep = table.sum(axis=0) > 0
        chi2 = ((table[:, keep] - expected[:, keep]) ** 2 / expected[:, keep]).sum()
        df = int(keep.sum()) - 1
    else:
        chi2, df = 0.0, b.size + a.size - 2
        for series in (b, a):
            if series.size and series.mean() > 0:
                chi2 += (((series - series.mean()) ** 2) / series.mean()).sum()
    if df < 1:
        return None
    return max(1.0, float(chi2 / df))


def compare(before: int, after: int, *, population_before: float | None = None, population_after: float | None = None,
            months_before: int = 1, months_after: int = 1, before_months: Sequence[float] | None = None,
            after_months: Sequence[float] | None = None, dispersion: float | None = None,
            before_label: str = "the earlier period", after_label: str = "the later period",
            excluded_months: Iterable[str] = (), alpha: float = ALPHA) -> Change:
    """Compare two counts. Give the monthly counts (before_months/after_months) to let φ be estimated, or
    `dispersion` directly (e.g. one φ for a category across a partnership's LSOAs)."""
    before, after = int(before), int(after)
    if before < 0 or after < 0:
        raise ValueError("counts cannot be negative")
    exposure_before = months_before * (population_before if population_before else 1.0)
    exposure_after = months_after * (population_after if population_after else 1.0)
    if population_before and not population_after or population_after and not population_before:
        raise ValueError("give populations for both periods or for neither")
    exact_p, exact_ci = exact_rate_ratio_test(before, after, exposure_before, exposure_after, alpha)
    if dispersion is not None:
        phi, source = max(1.0, float(dispersion)), "given"
    elif before_months is not None and after_months is not None:
        estimated = dispersion_from_months(before_months, after_months)
        phi, source = (estimated, "monthly counts") if estimated is not None else (1.0, "not estimated")
    else:
        phi, source = 1.0, "not estimated"
    if phi > 1.0:
        adjusted_p, adjusted_ci = quasi_poisson_rate_ratio_test(before, after, phi, exposure_before,
                                                                exposure_after, alpha)
    else:
        adjusted_p, adjusted_ci = exact_p, exact_ci
    ratio = None if before == 0 else (after / exposure_after) / (before / exposure_before)
    clear = exact_p < alpha and adjusted_p < alpha and before + after > 0
    if not clear or ratio == 1.0:
        direction = NO_CLEAR_CHANGE
    elif ratio is None or ratio > 1:
        direction = ROSE
    else:
        direction = FELL
    return Change(
        before=before, after=after, absolute=after - before,
        percent=None if before == 0 else 100.0 * (after - before) / before,
        rate_ratio=ratio, exact_p=exact_p, exact_ci=exact_ci, dispersion=phi, dispersion_source=source,
        adjusted_p=adjusted_p, adjusted_ci=adjusted_ci, direction=direction,
        rate_before=rate_per_1000(before, population_before), rate_after=rate_per_1000(after, population_after),
        before_label=before_label, after_label=after_label, excluded_months=tuple(excluded_months),
    )


def compare_periods(monthly: Mapping[date | str, float], current: Period, previous: Period | None = None, *,
                    gap_months: Iterable[date | str] = (), population_before: float | None = None,
                    population_after: float | None = None, dispersion: float | None = None,
                    alpha: float = ALPHA) -> Change:
    """Compare a period with the same period a year earlier (or `previous`) from monthly counts.

    Months flagged as publication gaps are left out of BOTH periods together with their partner month, so
    that a force's missing month can never read as a fall (or its absence from the earlier year as a rise).
    Months with no entry in `monthly` count as zero.
    """
    previous = previous or year_earlier(current)
    if previous.length != current.length:
        raise ValueError(f"{current.label} and {previous.label} have different numbers of months")
    counts = {month_label(m): float(v) for m, v in monthly.items()}
    gaps = {month_label(as_month(m)) for m in gap_months}
    pairs = list(zip(previous.month_labels(), current.month_labels(), strict=True))
    kept = [(b, a) for b, a in pairs if b not in gaps and a not in gaps]
    excluded = tuple(m for b, a in pairs if b in gaps or a in gaps for m in (b, a))
    before_series = [counts.get(b, 0.0) for b, _ in kept]
    after_series = [counts.get(a, 0.0) for _, a in kept]
    return compare(
        int(round(sum(before_series))), int(round(sum(after_series))),
        population_before=population_before, population_after=population_after,
        before_months=before_series, after_months=after_series, dispersion=dispersion,
        before_label=previous.label, after_label=current.label, excluded_months=excluded, alpha=alpha,
    )
