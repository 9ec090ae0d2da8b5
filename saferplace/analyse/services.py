"""The three analyses as the CLI and the dashboard run them: read the store (data.py), call the pure library
(saferplace.analysis), and turn its dataclasses into plain JSON-ready dicts. No statistics here."""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd

from saferplace.analysis.emerging import emerging_issues
from saferplace.analysis.exceedance import ExceedanceConfig
from saferplace.analysis.hotspots import (
    DEFAULT_CELL,
    GridSpec,
    centroids_from_points,
    classify_periods,
    grid_hotspots,
    lsoa_hotspots,
    to_bng,
)
from saferplace.analysis.locations import top_locations
from saferplace.analysis.performance import performance
from saferplace.analysis.periods import Period, as_month, month_label, month_name, preceding, year_earlier
from saferplace.analysis.taxonomy import PARTNER, POLICE_UK, WORCESTER_DEFAULT
from saferplace.analysis.wording import number
from saferplace.core.dates import add_months

from . import data
from .data import Scope


class NoData(ValueError):
    """Nothing is loaded for what was asked (the CLI says so and exits 1)."""


def _round(value, digits=3):
    if value is None:
        return None
    value = float(value)
    if np.isinf(value) or np.isnan(value):
        return None
    return round(value, digits)


def taxonomy_for(scope: Scope):
    """The partnership's priority taxonomy (saferplace.interventions.taxonomy: its outcome indicators, or the
    library's default while it has recorded none) and a phrase saying which."""
    if scope.partnership is None:
        return WORCESTER_DEFAULT, "the default Worcester priorities (docs/methods.md §3)"
    from saferplace.interventions.taxonomy import taxonomy_for as partnership_taxonomy

    taxonomy, recorded = partnership_taxonomy(scope.partnership)
    if not recorded:
        return taxonomy, "the default Worcester priorities (docs/methods.md §3)"
    return taxonomy, f"the outcome indicators recorded for {scope.partnership.name}'s priorities"


# Performance ----------------------------------------------------------------------------------------------

def run_performance(scope: Scope, current: Period) -> dict:
    """Every priority's measures in `current` against the same period a year earlier."""
    previous = year_earlier(current)
    gaps = data.gap_months(scope, [current, previous])
    counts = data.counts_frame(scope, previous.start, current.end)
    notes = []
    kept_pairs = [(b, a) for b, a in zip(previous.month_labels(), current.month_labels(), strict=True)
                  if b not in gaps and a not in gaps]
    if not kept_pairs:
        counts = counts.iloc[0:0]
        notes.append(f"No police.uk months are loaded for both {previous.label} and {current.label}.")
    taxonomy, taxonomy_source = taxonomy_for(scope)
    partner = None
    current_only: dict[str, float] = {}
    names: dict[str, str] = {}
    if scope.whole_partnership:
        pdata = data.partner_data(current, previous)
        partner, current_only, names = pdata.frame, pdata.current_only, pdata.names
    else:
        notes.append("Partner measures are recorded for a partnership as a whole, so they are not shown for a "
                     "smaller area.")
    with_records = set(counts["lsoa"].unique())
    before_pop = data.residents(scope, previous, with_records)
    after_pop = data.residents(scope, current, with_records)
    population = None
    rates = {}
    if before_pop and after_pop:
        population = {"before": before_pop.total, "after": after_pop.total, "before_year": before_pop.year,
                      "after_year": after_pop.year, "rates": not (before_pop.missing or after_pop.missing)}
        notes += [f"{previous.label}: {before_pop.note}", f"{current.label}: {after_pop.note}"]
        if population["rates"]:
            rates = {"population_before": before_pop.total, "population_after": after_pop.total}
    results = performance(counts, current, taxonomy, partner=partner, gap_months=gaps, **rates)
    priorities = []
    for result in results:
        measures = []
        for mr in result.measures:
            measures.append(_measure_json(mr, current, previous, current_only, names))
        priorities.append({"theme": result.priority.theme, "priority": result.priority.name,
                           "status": result.status, "note": result.priority.note, "measures": measures})
    excluded = [m for m in gaps if previous.contains(m) or current.contains(m)]
    if excluded:
        notes.append("Months left out (publication gaps or not loaded), with the same month of the other year: "
                     + ", ".join(excluded) + ".")
    return {"analysis": "performance", "area": scope.code, "area_name": scope.name, "period": current.label,
            "compared_with": previous.label, "taxonomy": taxonomy_source, "population": population,
            "priorities": priorities, "notes": notes}


def _measure_json(mr, current: Period, previous: Period, current_only: dict, names: dict) -> dict:
    m, c = mr.measure, mr.change
    item = {"code": m.code, "source": m.source, "name": m.name, "status": mr.status,
            "judged": m.lower_is_better is not None, "sentence": mr.sentence}
    if c is None:
        if m.source == PARTNER and m.code in current_only:
            value = current_only[m.code]
            item.update(status="no comparison", after=value, sentence=(
                f"{m.name}: {number(value)} in {current.label}; no figure for {previous.label} is loaded, so there "
                "is nothing to compare with."))
        elif m.source == PARTNER:
            loaded = f" (loaded as “{names[m.code]}”)" if m.code in names else ""
            item["sentence"] = (f"{m.name}: no figures for {previous.label} and {current.label} are loaded; a "
                                f"partner measure with the code {m.code}{loaded} supplies them.")
        return item
    item.update({
        "before": c.before, "after": c.after, "absolute": c.absolute, "percent": _round(c.percent, 1),
        "rate_before": _round(c.rate_before, 2), "rate_after": _round(c.rate_after, 2),
        "rate_ratio": _round(c.rate_ratio), "direction": c.direction, "exact_p": float(f"{c.exact_p:.3g}"),
        "adjusted_p": float(f"{c.adjusted_p:.3g}"), "dispersion": _round(c.dispersion, 2),
        "interval_95": [_round(c.adjusted_ci[0]), _round(c.adjusted_ci[1])],
        "excluded_months": list(c.excluded_months), "target_status": mr.target_status,
    })
    return item


# Emerging issues ------------------------------------------------------------------------------------------

def run_emerging(scope: Scope, month: date, config: ExceedanceConfig | None = None):
    """The emerging-issue scan of every LSOA × category series in the scope (and each category's total) for
    one month. Returns the library's EmergingResult."""
    config = config or ExceedanceConfig()
    back = 12 * config.baseline.years + config.baseline.half_window + 1
    frame = data.counts_frame(scope, add_months(month, -back), month)
    loaded = data.loaded_months(scope)
    names = data.lsoa_names(frame["lsoa"].unique())
    result = emerging_issues(frame, month, area=scope.code, area_name=scope.name,
                             gap_months=data.gap_months(scope), names=names, config=config)
    if not loaded or as_month(month) > loaded[-1] or as_month(month) < loaded[0]:
        span = f"loaded months run {month_label(loaded[0])} to {month_label(loaded[-1])}" if loaded else \
            "no police.uk data are loaded"
        result = type(result)(result.month, result.area, [], result.series_scanned, 0, True, result.gap_months,
                              f"Nothing is loaded for {month_name(month)} ({span}), so nothing can be flagged.")
    return result


def emerging_history(scope: Scope, month: date, months: int = 24) -> pd.DataFrame:
    """Monthly totals by category over the scope for the chart beside the flags."""
    frame = data.counts_frame(scope, add_months(month, -(months - 1)), month)
    return frame.groupby(["month", "category"], as_index=False)["count"].sum()


# Hotspots -------------------------------------------------------------------------------------------------

def run_hotspots(scope: Scope, current: Period, *, cell: float = DEFAULT_CELL, categories: list[str] | None = None,
                 periods: int = 3, permutations: int = 999, top: int = 10) -> dict:
    """Gi* on a grid and on LSOAs for `current`, classified against up to `periods` − 1 preceding periods that
    have data, with the top snap points and the concentration of records."""
    frames: list[tuple[Period, pd.DataFrame, int]] = []
    period = current
    for _ in range(periods):
        points, without = data.points_frame(scope, period, categories)
        if frames and points.empty:
            break
        frames.append((period, points, without))
        period = preceding(period)
    frames.reverse()  # oldest first
    points = frames[-1][1]
    if points.empty:
        raise NoData(f"No located police.uk records are loaded for {scope.name} in {current.label}.")
    everything = pd.concat([f[1] for f in frames], ignore_index=True)
    x, y = to_bng(everything["longitude"], everything["latitude"])
    grid = GridSpec.covering(x, y, cell)
    from shapely import MultiPoint

    study_area = MultiPoint(np.column_stack([x, y])).convex_hull
    grid_results, lsoa_results = [], []
    lsoa_codes = sorted(everything["lsoa"].unique())
    centroids = data.lsoa_centroids(lsoa_codes)
    centroid_note = "LSOA centroids: stored centroids."
    if not centroids:
        reps = everything.loc[everything.index.repeat(everything["n"])]
        centroids = centroids_from_points(reps["lsoa"].to_numpy(), reps["longitude"].to_numpy(),
                                          reps["latitude"].to_numpy())
        centroid_note = ("LSOA centroids: none are stored, so each LSOA is placed at the mean of its records' snap "
                         "points (rough).")
    for _, frame, _ in frames:
        lon = np.repeat(frame["longitude"].to_numpy(float), frame["n"].to_numpy(int))
        lat = np.repeat(frame["latitude"].to_numpy(float), frame["n"].to_numpy(int))
        grid_results.append(grid_hotspots(lon, lat, grid=grid, area=study_area, permutations=permutations))
        by_lsoa = frame.groupby("lsoa")["n"].sum().to_dict()
        lsoa_results.append(lsoa_hotspots(by_lsoa, centroids, permutations=permutations))
    grid_classes = classify_periods(grid_results) if len(grid_results) > 1 else {}
    lsoa_classes = classify_periods(lsoa_results) if len(lsoa_results) > 1 else {}
    latest, latest_lsoa = grid_results[-1], lsoa_results[-1]
    names = data.lsoa_names(lsoa_codes)
    residents = data.lsoa_residents(lsoa_codes, data.mid_year_for(current))
    top_frame = points.loc[points.index.repeat(points["n"])].rename(columns={"n": "_n"})
    tops = top_locations(top_frame, top)
    cells = []
    for u in latest.hot:
        row, col = divmod(int(u.id), grid.cols)
        cells.append({"cell": grid.label(int(u.id)), "easting": grid.x0 + col * grid.cell,
                      "northing": grid.y0 + row * grid.cell, "count": int(u.count), "z": _round(u.z, 2),
                      "q": float(f"{u.q_value:.3g}"), "class": grid_classes.get(u.id, "")})
    lsoas = []
    for u in latest_lsoa.hot:
        pop = residents.get(u.id)
        lsoas.append({"lsoa": u.id, "name": names.get(u.id, u.id), "count": int(u.count), "z": _round(u.z, 2),
                      "q": float(f"{u.q_value:.3g}"), "class": lsoa_classes.get(u.id, ""),
                      "rate_per_1000": _round(1000 * u.count / pop, 1) if pop else None})
    diminishing = sorted(uid for uid, cls in grid_classes.items() if cls == "diminishing" and
                         not latest.by_id()[uid].hot) if grid_classes else []
    conc = latest.concentration
    busiest = []
    for u in sorted(latest.units, key=lambda u: (-u.count, int(u.id)))[:top]:
        busiest.append({"cell": grid.label(int(u.id)), "count": int(u.count), "hot": u.hot,
                        "class": grid_classes.get(u.id, "")})
    return {
        "analysis": "hotspots", "area": scope.code, "area_name": scope.name, "period": current.label,
        "periods_compared": [p.label for p, _, _ in frames],
        "categories": categories or "all police.uk street-level records (crime and anti-social behaviour)",
        "grid": {"crs": "EPSG:27700", "cell_metres": grid.cell, "x0": grid.x0, "y0": grid.y0, "rows": grid.rows,
                 "cols": grid.cols, "cells_in_study_area": len(latest.units)},
        "method": "Getis-Ord Gi* (esda), binary queen weights with the cell itself, conditional permutations, "
                  "Benjamini–Hochberg false discovery rate",
        "alpha": latest.alpha, "permutations": latest.permutations, "seed": latest.seed,
        "records_located": latest.points_used, "records_without_location": frames[-1][2],
        "concentration": {"units": conc.units, "total": int(conc.total), "top_fraction": conc.top_fraction,
                          "top_units": conc.top_units, "top_share": _round(conc.top_share),
                          "gini": _round(conc.gini), "units_for_half": conc.units_for_half,
                          "sentence": conc.sentence},
        "hotspots": cells,
        "no_longer_hot": [grid.label(int(uid)) for uid in diminishing],
        "busiest_cells": busiest,
        "lsoa_hotspots": lsoas,
        "top_locations": [{"location": t.label, "count": t.count, "share": _round(t.share),
                           "lsoa": t.lsoa, "longitude": t.longitude, "latitude": t.latitude} for t in tops],
        "notes": latest.notes + latest_lsoa.notes + [centroid_note,
                 "police.uk locations are snapped to anonymous map points: cells and LSOAs are analysed, never the "
                 "points as exact places, and a location is always “on or near”."],
    }


def measure_source_label(source: str) -> str:
    return "police.uk" if source == POLICE_UK else "partner measure"
