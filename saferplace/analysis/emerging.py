"""Emerging issues from the monthly count table: frames in, plain dataclasses out.

This is the function the CLI (`saferplace analyse emerging`) and the dashboard call; the statistics are in
exceedance.py and farrington.py.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field
from datetime import date

import numpy as np
import pandas as pd

from saferplace.analysis.exceedance import ExceedanceConfig, scan_counts
from saferplace.analysis.periods import as_month, month_label, month_name
from saferplace.analysis.series import cube_from_frame, gap_matrix
from saferplace.analysis.wording import exceedance_sentence


@dataclass(frozen=True)
class Flag:
    area: str
    category: str
    month: str
    kind: str            # "single month" or "sustained" (the three months to `month`)
    observed: int
    expected: float
    threshold: float
    p_value: float
    q_value: float
    sentence: str

    def as_json(self) -> dict:
        data = asdict(self)
        data["expected"] = round(self.expected, 1)
        data["threshold"] = round(self.threshold, 1)
        data["p_value"] = float(f"{self.p_value:.3g}")
        data["q_value"] = float(f"{self.q_value:.3g}")
        return data


@dataclass(frozen=True)
class EmergingResult:
    month: str
    area: str
    flags: list[Flag]
    series_scanned: int
    series_eligible: int
    month_is_gap: bool
    gap_months: tuple[str, ...] = field(default_factory=tuple)
    note: str = ""

    def as_json(self) -> dict:
        """The document `saferplace analyse emerging --format json` prints."""
        return {
            "month": self.month, "area": self.area, "flags": [f.as_json() for f in self.flags],
            "series_scanned": self.series_scanned, "series_eligible": self.series_eligible,
            "month_is_gap": self.month_is_gap, "gap_months": list(self.gap_months), "note": self.note,
        }


def emerging_issues(frame: pd.DataFrame, month: date | str, *, area: str = "", area_name: str | None = None,
                    gap_months: Iterable[date | str] = (),
                    area_gap_months: Mapping[str, Iterable[date | str]] | None = None,
                    names: Mapping[str, str] | None = None, include_area_totals: bool = True,
                    config: ExceedanceConfig | None = None) -> EmergingResult:
    """Scan every LSOA × category series in `frame` (columns lsoa, category, month, count) and, when
    `include_area_totals`, each category's total over all of them (reported under `area`).

    A month inside the loaded range with no rows at all is treated as a publication gap (nothing was loaded
    for it). Flags are ordered by q-value, then by how far the count is above expectation.
    """
    config = config or ExceedanceConfig()
    target_month = as_month(month)
    label = month_label(target_month)
    area_text = area_name or area or "the area"
    years = config.baseline.years
    cube = cube_from_frame(frame, end=target_month, months_back=12 * years + config.baseline.half_window + 1)
    target = cube.column(target_month)
    if target < 0 or target >= cube.n_months:
        return EmergingResult(label, area, [], 0, 0, False, note=f"No counts loaded up to {month_name(target_month)}.")
    gaps = gap_matrix(cube, gap_months, area_gap_months)
    counts = cube.counts
    n_cat = len(cube.categories)
    series_area = np.repeat(cube.areas, n_cat)
    series_category = np.tile(cube.categories, len(cube.areas))
    if include_area_totals and len(cube.areas) > 1:
        counts = np.vstack([counts, cube.area_totals()])
        total_gaps = gaps.reshape(len(cube.areas), n_cat, -1).any(axis=0)
        gaps = np.vstack([gaps, total_gaps])
        series_area = np.concatenate([series_area, np.full(n_cat, area or "area", dtype=object)])
        series_category = np.concatenate([series_category, cube.categories])
    result = scan_counts(counts, target, gaps, config)
    names = dict(names or {})
    if area:
        names.setdefault(area, area_text)
    flags = []
    for i in np.nonzero(result.flagged)[0]:
        observed, expected, threshold = result.reported(i)
        code = str(series_area[i])
        sentence = exceedance_sentence(str(series_category[i]), names.get(code, code), month_name(target_month),
                                       str(result.kind[i]), observed, expected, threshold)
        flags.append(Flag(code, str(series_category[i]), label, str(result.kind[i]), int(observed), float(expected),
                          float(threshold), float(result.p_value[i]), float(result.q_value[i]), sentence))
    flags.sort(key=lambda f: (f.q_value, -(f.observed - f.expected)))
    gap_labels = tuple(m for m, g in zip(cube.month_labels(), gaps.all(axis=0), strict=True) if g)
    note = ""
    if result.target_is_gap:
        note = f"{month_name(target_month)} is a publication gap: nothing is flagged for it."
    elif not result.eligible.any():
        note = "No series had enough history (3 years) and enough recent counts (5 in 4 months) to be judged."
    return EmergingResult(label, area, flags, int(counts.shape[0]), int(result.eligible.sum()),
                          result.target_is_gap, gap_labels, note)
