"""Benchmark: the whole emerging-issue scan over 35,000 LSOAs × 14 categories × 60 months (synthetic).

Times, in one run:
* seconds — the full scan from the long count table (only non-zero rows, as the incidents app stores them)
  to the list of flags: pivot, baselines for the single-month and sustained rules, p-values, BH across all
  490,014 series (490,000 LSOA × category + 14 totals);
* seconds_partnership — the same for one partnership of 70 LSOAs;
* ratio_vs_loop — a straightforward per-series statsmodels GLM loop (saferplace.analysis.reference: the same
  method, two fits per baseline) timed on a sample and scaled up to all series, divided by `seconds`;
* peak_mb — the process's peak resident memory.

Run: .venv/bin/python benchmarks/emerging_scan.py [--lsoas 35000] [--loop-sample 300]
"""

from __future__ import annotations

import argparse
import resource
import time

import numpy as np
import pandas as pd

from saferplace.analysis.emerging import emerging_issues
from saferplace.analysis.farrington import BaselineConfig
from saferplace.analysis.reference import fit_one

CATEGORIES = [
    "Anti-social behaviour", "Bicycle theft", "Burglary", "Criminal damage and arson", "Drugs", "Other crime",
    "Other theft", "Possession of weapons", "Public order", "Robbery", "Shoplifting", "Theft from the person",
    "Vehicle crime", "Violence and sexual offences",
]
MONTHS = 60


def synthetic_counts(lsoas: int, seed: int = 1) -> tuple[pd.DataFrame, np.ndarray]:
    """Seasonal negative-binomial counts; LSOA × category means gamma-distributed around 1 a month."""
    rng = np.random.default_rng(seed)
    means = rng.gamma(0.8, 1.25, lsoas * len(CATEGORIES))
    season = 1 + 0.25 * np.cos(2 * np.pi * (np.arange(MONTHS) - 6) / 12)
    mu = means[:, None] * season[None, :]
    counts = rng.negative_binomial(40, 40 / (40 + mu)).astype(np.int32)
    series, month = np.nonzero(counts)
    area_names = pd.Categorical.from_codes(series // len(CATEGORIES), [f"E01{i:06d}" for i in range(lsoas)])
    category = pd.Categorical.from_codes(series % len(CATEGORIES), CATEGORIES)
    labels = pd.period_range("2020-01", periods=MONTHS, freq="M").strftime("%Y-%m")
    frame = pd.DataFrame({"lsoa": area_names, "category": category,
                          "month": pd.Categorical.from_codes(month, labels), "count": counts[series, month]})
    return frame, counts


def scan(frame: pd.DataFrame) -> tuple[float, int]:
    started = time.perf_counter()
    result = emerging_issues(frame, "2024-12", area="E92000001", area_name="England and Wales")
    return time.perf_counter() - started, len(result.flags)


def loop_seconds(counts: np.ndarray, sample: int, n_series: int, seed: int = 2) -> float:
    """Per-series statsmodels: the single-month and the three-month baselines, as the scan fits them."""
    rng = np.random.default_rng(seed)
    rows = rng.choice(counts.shape[0], sample, replace=False)
    config = BaselineConfig()
    started = time.perf_counter()
    for i in rows:
        fit_one(counts[i], MONTHS - 1, config=config)
        fit_one(counts[i], MONTHS - 1, config=config, block=3)
    return (time.perf_counter() - started) / sample * n_series


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lsoas", type=int, default=35_000)
    parser.add_argument("--loop-sample", type=int, default=300)
    args = parser.parse_args()
    frame, counts = synthetic_counts(args.lsoas)
    seconds, _ = scan(frame)
    partnership = frame[frame["lsoa"].cat.codes < 70].copy()
    partnership["lsoa"] = partnership["lsoa"].cat.remove_unused_categories()
    scan(partnership)  # warm-up of the small path
    seconds_partnership = min(scan(partnership)[0] for _ in range(3))
    n_series = counts.shape[0] + len(CATEGORIES)
    loop = loop_seconds(counts, args.loop_sample, n_series)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"benchmark=emerging_scan series={n_series} seconds={seconds:.2f} "
          f"seconds_partnership={seconds_partnership:.3f} ratio_vs_loop={loop / seconds:.0f} peak_mb={peak_mb:.0f}")


if __name__ == "__main__":
    main()
