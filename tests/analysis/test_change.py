"""The change test agrees with statsmodels and the exact binomial test; wording follows the result."""

import numpy as np
import pytest
import statsmodels.api as sm
from scipy import stats
from statsmodels.stats import rates  # the module, so pytest does not collect test_poisson_2indep

from saferplace.analysis.change import compare, compare_periods, dispersion_from_months
from saferplace.analysis.periods import financial_year
from saferplace.analysis.wording import change_sentence

KNOWN_PAIRS = [(9573, 8023), (120, 131), (12, 5), (0, 4), (40, 62), (1000, 1000), (3, 0)]


@pytest.mark.parametrize(("before", "after"), KNOWN_PAIRS)
def test_exact_test_agrees_with_statsmodels_and_binomial(before, after):
    result = compare(before, after)
    sm_result = rates.test_poisson_2indep(after, 1, before, 1, method="exact-cond")
    assert result.exact_p == pytest.approx(sm_result.pvalue, rel=1e-9, abs=1e-300)
    if before + after:
        binomial = stats.binomtest(after, before + after, 0.5)
        assert result.exact_p == pytest.approx(binomial.pvalue, rel=1e-9, abs=1e-300)
        ci = binomial.proportion_ci(0.95, method="exact")
        def to_ratio(p):
            return (p / (1 - p) if p < 1 else float("inf"))
        assert result.exact_ci[0] == pytest.approx(to_ratio(ci.low), rel=1e-9)
        assert result.exact_ci[1] == pytest.approx(to_ratio(ci.high), rel=1e-9)


def test_exposures_agree_with_statsmodels():
    # 12 burglaries in 6 months of a 3,000-resident area against 5 in 12 months of 2,000 residents.
    result = compare(5, 12, population_before=2000, population_after=3000, months_before=12, months_after=6)
    reference = rates.test_poisson_2indep(12, 6 * 3000, 5, 12 * 2000, method="exact-cond")
    assert result.exact_p == pytest.approx(reference.pvalue, rel=1e-9)
    assert result.rate_ratio == pytest.approx((12 / 18000) / (5 / 24000))


def test_worcester_2020_21_is_a_clear_fall():
    """Seed §3.7: 8,023 crimes in 2020-21, 1,550 fewer than 2019-20 (9,573)."""
    result = compare(9573, 8023, before_label="2019-20", after_label="2020-21",
                     population_before=103_900, population_after=103_900)
    assert result.direction == "fell"
    assert result.absolute == -1550 and result.percent == pytest.approx(-16.19, abs=0.01)
    assert result.exact_p < 1e-30
    assert result.exact_ci[1] < 0.87 and result.exact_ci[0] > 0.81
    assert result.rate_after == pytest.approx(77.2, abs=0.1)
    sentence = change_sentence("Recorded crime", result)
    assert sentence.startswith("Recorded crime fell from 9,573 in 2019-20 to 8,023 in 2020-21 (down 1,550, 16.2%)")
    assert "statistically significant" in sentence


def test_small_change_is_no_clear_change_and_never_significant():
    result = compare(120, 131)
    assert result.direction == "no clear change"
    sentence = change_sentence("Burglary", result)
    assert "significant" not in sentence and "no clear change" in sentence and "went from 120" in sentence


def test_quasi_poisson_interval_matches_a_quasi_poisson_glm():
    """The over-dispersion-aware interval equals a Poisson GLM with a period indicator and scale φ."""
    before, after, phi = 200, 260, 2.7
    result = compare(before, after, dispersion=phi)
    fit = sm.GLM(np.array([before, after]), np.array([[1.0, 0.0], [1.0, 1.0]]),
                 family=sm.families.Poisson()).fit(scale=phi)
    low, high = np.exp(fit.conf_int()[1])
    assert result.adjusted_ci == pytest.approx((low, high), rel=1e-5)  # GLM stops at its IRLS tolerance
    assert result.adjusted_p == pytest.approx(fit.pvalues[1], rel=1e-4)
    # The exact test alone would call this a rise (p ≈ 0.005); with φ = 2.7 it is not clear.
    assert result.exact_p < 0.01 and result.direction == "no clear change"


def test_dispersion_from_year_on_year_months_allows_for_season():
    """A strong but identical seasonal pattern in both years is not over-dispersion."""
    season = np.array([30, 32, 40, 48, 55, 60, 62, 58, 50, 42, 35, 31])
    assert dispersion_from_months(season, season) == 1.0
    rng = np.random.default_rng(3)
    noisy = rng.negative_binomial(5, 5 / (5 + np.tile(season, 2)))
    phi = dispersion_from_months(noisy[:12], noisy[12:])
    assert phi > 3  # NB(size 5) at means 30–60 has variance/mean ≈ 7–13


def test_publication_gap_is_not_read_as_a_fall():
    """A month missing from police.uk (count near zero) is left out of both years with its partner month."""
    current, previous = financial_year("2024-25"), financial_year("2023-24")
    monthly = {m: 100 for m in previous.month_labels() + current.month_labels()}
    monthly["2024-09"] = 3  # the force published almost nothing for September 2024
    naive = compare(sum(monthly[m] for m in previous.month_labels()), sum(monthly[m] for m in current.month_labels()))
    assert naive.direction == "fell"
    result = compare_periods(monthly, current, gap_months=["2024-09"])
    assert result.direction == "no clear change" and (result.before, result.after) == (1100, 1100)
    assert result.excluded_months == ("2023-09", "2024-09")
    assert "publication gap" in change_sentence("Recorded crime", result)
