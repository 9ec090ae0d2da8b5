"""How concentrated crime is: the share in the busiest 10% of places, and the Gini coefficient.

Weisburd (2015) found that about half of crime happens at 4–5% of street segments; on police.uk data the
unit is a grid cell or an LSOA (snapped points are too coarse to be places). Units with no crime must be
included, or concentration is understated: pass every cell of the study area, zeros and all.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Concentration:
    units: int
    total: float
    top_share: float          # share of all crime in the top `top_fraction` of units
    top_fraction: float
    top_units: int
    gini: float
    units_for_half: int       # fewest units holding at least half of all crime

    @property
    def sentence(self) -> str:
        if self.total == 0:
            return "No crime recorded, so concentration is not defined."
        return (f"The busiest {self.top_fraction:.0%} of areas ({self.top_units:,} of {self.units:,}) hold "
                f"{self.top_share:.0%} of recorded crime; half of it is in {self.units_for_half:,} "
                f"({self.units_for_half / self.units:.0%}) of them (Gini {self.gini:.2f}).")


def gini(values) -> float:
    """Gini coefficient of non-negative values: 0 when all equal, near 1 when one unit holds everything."""
    x = np.sort(np.asarray(values, dtype=float))
    n = x.size
    if n == 0 or x.sum() == 0:
        return 0.0
    ranks = np.arange(1, n + 1)
    return float((2 * (ranks * x).sum()) / (n * x.sum()) - (n + 1) / n)


def lorenz(values) -> tuple[np.ndarray, np.ndarray]:
    """Lorenz curve points (share of units, share of crime), busiest units first — for charts."""
    x = np.sort(np.asarray(values, dtype=float))[::-1]
    units = np.arange(0, x.size + 1) / max(x.size, 1)
    crime = np.concatenate([[0.0], np.cumsum(x) / x.sum()]) if x.sum() else np.zeros(x.size + 1)
    return units, crime


def concentration(values, top_fraction: float = 0.10) -> Concentration:
    x = np.sort(np.asarray(values, dtype=float))[::-1]
    if (x < 0).any():
        raise ValueError("counts cannot be negative")
    n, total = x.size, float(x.sum())
    top = max(1, math.ceil(top_fraction * n)) if n else 0
    share = float(x[:top].sum() / total) if total else 0.0
    half = int(np.searchsorted(np.cumsum(x), total / 2) + 1) if total else 0
    return Concentration(n, total, share, top_fraction, top, gini(x), half)
