"""Simulated monthly crime series for the emerging-issue tests (fixed seeds).

Means are chosen to look like real partnership data (Worcester, ~100,000 residents, ~1,100 crimes a month over
~65 LSOAs): an LSOA × category series averages about 0.1–4 crimes a month; a busy town-centre LSOA's violence or
ASB about 10 a month; a category's total over the partnership 30–300 a month (burglary ≈ 40, ASB ≈ 200).
Seasonality: ±25% around the mean, peaking in July (violence and ASB peak in summer).
"""

import numpy as np

MONTHS = 72  # six years: the scan months 61–72 each have at least four earlier years


def seasonal(mean, months=MONTHS):
    month = np.arange(months)
    return np.asarray(mean, float)[:, None] * (1 + 0.25 * np.cos(2 * np.pi * (month - 6) / 12))[None, :]


def draw(rng, mu, size=None):
    """Poisson counts, or negative binomial with variance μ + μ²/size when `size` is given."""
    if size is None:
        return rng.poisson(mu)
    return rng.negative_binomial(size, size / (size + mu))


def small_area_means(rng, n):
    """LSOA × category means: gamma-distributed with mean 1 a month (most well under 1, a few up to ~5)."""
    return rng.gamma(0.8, 1.25, n)
