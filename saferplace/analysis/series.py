"""Turn the long monthly count table [area, category, month, count] into a dense (series × month) array.

The incidents app stores only non-zero counts; every area × category pair seen is a series and a missing
row is a zero. Columns are consecutive months, so the analysis can index "the same month a year earlier"
by subtracting 12.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd

from saferplace.analysis.periods import as_month, month_from_number, month_label, month_number

COLUMNS = ("lsoa", "category", "month", "count")


@dataclass
class CountCube:
    """counts[a * n_categories + c, m] = count for areas[a], categories[c], months[m]."""

    areas: np.ndarray
    categories: np.ndarray
    first_month: int          # month number (year × 12 + month − 1) of column 0
    counts: np.ndarray        # (n_areas × n_categories, n_months) int64
    empty_months: np.ndarray  # bool per column: no rows at all (nothing loaded for that month)

    @property
    def n_months(self) -> int:
        return self.counts.shape[1]

    def month_labels(self) -> list[str]:
        return [month_label(month_from_number(self.first_month + i)) for i in range(self.n_months)]

    def column(self, month: date | str) -> int:
        return month_number(as_month(month)) - self.first_month

    def area_totals(self) -> np.ndarray:
        """(n_categories × n_months): each category summed over all areas."""
        return self.counts.reshape(len(self.areas), len(self.categories), -1).sum(axis=0)


def _month_numbers(column: pd.Series) -> np.ndarray:
    codes, uniques = pd.factorize(column, sort=False)
    if (codes < 0).any():
        raise ValueError("count table: a row has no month")
    try:
        numbers = np.array([month_number(as_month(u if isinstance(u, date) else str(u)[:7])) for u in uniques])
    except ValueError as error:
        raise ValueError(f"count table, column 'month': {error}") from None
    return numbers[codes]


def cube_from_frame(frame: pd.DataFrame, *, end: date | str | None = None, months_back: int | None = None,
                    columns: tuple[str, str, str, str] = COLUMNS) -> CountCube:
    """Pivot a long count table. `end` drops later months; `months_back` keeps only that many months up to
    `end` (the scan needs at most 5 years + 1 month)."""
    area_col, category_col, month_col, count_col = columns
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise ValueError(f"count table: missing column(s) {', '.join(missing)}")
    months = _month_numbers(frame[month_col])
    last = month_number(as_month(end)) if end is not None else int(months.max())
    first = int(months.min()) if len(months) else last
    if months_back is not None:
        first = max(first, last - months_back + 1)
    keep = (months >= first) & (months <= last)
    area_codes, areas = pd.factorize(frame[area_col], sort=True)
    category_codes, categories = pd.factorize(frame[category_col], sort=True)
    values = frame[count_col].to_numpy()
    if (values < 0).any():
        raise ValueError("count table, column 'count': counts cannot be negative")
    n_months = last - first + 1
    n_categories = len(categories)
    series = area_codes[keep].astype(np.int64) * n_categories + category_codes[keep]
    flat = series * n_months + (months[keep] - first)
    size = len(areas) * n_categories * n_months
    counts = np.bincount(flat, weights=values[keep], minlength=size).astype(np.int64)
    counts = counts.reshape(len(areas) * n_categories, n_months)
    seen = np.bincount(months[keep] - first, minlength=n_months) > 0
    return CountCube(np.asarray(areas, dtype=object), np.asarray(categories, dtype=object), first, counts, ~seen)


def gap_matrix(cube: CountCube, gap_months: Iterable[date | str] = (),
               area_gap_months: Mapping[str, Iterable[date | str]] | None = None) -> np.ndarray:
    """Boolean (series × months): True where the month is a publication gap for that series."""
    n_cat = len(cube.categories)
    gaps = np.zeros(cube.counts.shape, dtype=bool)
    gaps |= cube.empty_months[None, :]
    for month in gap_months:
        col = cube.column(month)
        if 0 <= col < cube.n_months:
            gaps[:, col] = True
    if area_gap_months:
        position = {a: i for i, a in enumerate(cube.areas)}
        for area, months in area_gap_months.items():
            if area not in position:
                continue
            rows = slice(position[area] * n_cat, (position[area] + 1) * n_cat)
            for month in months:
                col = cube.column(month)
                if 0 <= col < cube.n_months:
                    gaps[rows, col] = True
    return gaps
