"""Benjamini–Hochberg false-discovery-rate control, used wherever many areas are tested at once.

Scanning hundreds of LSOA series (or grid cells) at the 5% level would flag about one in twenty by chance
alone; controlling the false-discovery rate keeps the expected share of false flags among those reported
at or below `alpha` (Benjamini & Hochberg 1995).
"""

from __future__ import annotations

import numpy as np


def bh_qvalues(p_values) -> np.ndarray:
    """Benjamini–Hochberg adjusted p-values (q-values). NaN p-values count as 1: a test that could not be
    run still belongs to the family, so skipping it cannot make the others easier to flag."""
    p = np.asarray(p_values, dtype=float).ravel()
    p = np.where(np.isnan(p), 1.0, np.clip(p, 0.0, 1.0))
    m = p.size
    if m == 0:
        return p
    order = np.argsort(p, kind="mergesort")
    ranked = p[order] * m / np.arange(1, m + 1)
    ranked = np.minimum.accumulate(ranked[::-1])[::-1]
    q = np.empty(m)
    q[order] = np.minimum(ranked, 1.0)
    return q.reshape(np.shape(p_values))


def bh_cutoff(p_values, alpha: float = 0.05) -> float:
    """The largest p-value that BH rejects at level `alpha`; when nothing is rejected, alpha / m, the
    level a single p-value would have had to reach. Every p ≤ the cutoff is a discovery."""
    p = np.asarray(p_values, dtype=float).ravel()
    p = np.where(np.isnan(p), 1.0, p)
    m = p.size
    if m == 0:
        return alpha
    ranked = np.sort(p)
    passing = np.nonzero(ranked <= alpha * np.arange(1, m + 1) / m)[0]
    if passing.size == 0:
        return alpha / m
    return float(ranked[passing[-1]])
