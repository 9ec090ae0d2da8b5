"""Harm-weighted counts: each crime counted by how much harm its category typically does.

Default weights are the median Cambridge Crime Harm Index (CCHI 2020) score of the offences in each police.uk
category (saferplace/analysis/data/cchi_category_weights.csv; source and licence caveat beside it). They are
approximate — see docs/methods.md §6 — and any table of category → weight can replace them.
"""

from __future__ import annotations

import csv
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources

import pandas as pd

DEFAULT_SOURCE = ("Cambridge Crime Harm Index 2020, median score (days of imprisonment) of the offences in each "
                  "police.uk category; approximate")


@dataclass(frozen=True)
class HarmWeights:
    weights: Mapping[str, float]
    source: str
    approximate: bool = True

    def weight(self, category: str) -> float | None:
        return self.weights.get(category)


@dataclass(frozen=True)
class HarmResult:
    total: float
    by_category: dict[str, float]
    counts: dict[str, int]
    unweighted: tuple[str, ...]   # categories present but without a weight (e.g. anti-social behaviour)
    source: str
    approximate: bool

    @property
    def note(self) -> str:
        parts = [f"Harm weights: {self.source}."]
        if self.unweighted:
            parts.append("Not harm-weighted (no weight): " + ", ".join(self.unweighted) + ".")
        return " ".join(parts)


@cache
def default_weights() -> HarmWeights:
    text = resources.files("saferplace.analysis").joinpath("data/cchi_category_weights.csv").read_text("utf-8")
    rows = csv.DictReader(text.splitlines())
    return HarmWeights({r["category"]: float(r["weight_days"]) for r in rows if r["weight_days"]}, DEFAULT_SOURCE)


def weights_from_csv(path, source: str | None = None) -> HarmWeights:
    """Read `category,weight_days` (other columns ignored). Errors name the file, row and field."""
    weights = {}
    with open(path, newline="", encoding="utf-8-sig") as handle:
        reader = csv.DictReader(handle)
        if not reader.fieldnames or not {"category", "weight_days"} <= set(reader.fieldnames):
            raise ValueError(f"{path}: the header must include 'category' and 'weight_days'")
        for line, row in enumerate(reader, start=2):
            value = (row["weight_days"] or "").strip()
            if not value:
                continue
            try:
                weight = float(value)
            except ValueError:
                raise ValueError(f"{path}, row {line}, field 'weight_days': {value!r} is not a number") from None
            if weight < 0:
                raise ValueError(f"{path}, row {line}, field 'weight_days': a weight cannot be negative")
            weights[row["category"].strip()] = weight
    return HarmWeights(weights, source or f"weights from {path}", approximate=False)


def harm_weighted(counts: Mapping[str, float] | pd.Series | pd.DataFrame, weights: HarmWeights | None = None,
                  *, category_col: str = "category", count_col: str = "count") -> HarmResult:
    """Total harm (days) and harm by category from counts by category (a mapping, a Series indexed by category
    or a frame with category and count columns)."""
    weights = weights or default_weights()
    if isinstance(counts, pd.DataFrame):
        counts = counts.groupby(category_col)[count_col].sum()
    totals = {str(k): int(v) for k, v in dict(counts).items()}
    by_category = {c: n * weights.weights[c] for c, n in totals.items() if c in weights.weights}
    unweighted = tuple(sorted(c for c, n in totals.items() if c not in weights.weights and n))
    return HarmResult(float(sum(by_category.values())), by_category, totals, unweighted, weights.source,
                      weights.approximate)


def harm_frame(frame: pd.DataFrame, weights: HarmWeights | None = None, *, by: tuple[str, ...] = ("lsoa",),
               category_col: str = "category", count_col: str = "count") -> pd.DataFrame:
    """Harm by any grouping of the count table (e.g. by LSOA or by month): columns `by` + count + harm."""
    weights = weights or default_weights()
    data = frame.assign(_w=frame[category_col].map(weights.weights))
    data = data.assign(harm=data[count_col] * data["_w"].fillna(0.0))
    return data.groupby(list(by), as_index=False).agg(count=(count_col, "sum"), harm=("harm", "sum"))
