"""Performance against priorities: each priority's measures compared with the same period a year earlier.

Status rule (docs/methods.md §3):
* a measure is "better" when it clearly moved in its good direction (saferplace.analysis.change: both the exact
  and the over-dispersion-aware test at 5%), "worse" when it clearly moved the other way, otherwise
  "no clear change"; measures marked context only get "context only"; missing data gives "no data";
* against a target (a relative change, e.g. −5%), "met" when the change is at least as good as the target and
  "missed" otherwise — "clearly" only when the 95% interval of the rate ratio lies wholly on that side;
* a priority is "worse" if any of its judged measures is worse and none better, "better" if any is better and
  none worse, "mixed" if both, "no clear change" if judged measures exist but none moved, "context only" when its
  only measures are context measures, and "no measure" when it has none with data.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

import pandas as pd

from saferplace.analysis.change import FELL, NO_CLEAR_CHANGE, ROSE, Change, compare_periods
from saferplace.analysis.periods import Period, as_month, month_label, year_earlier
from saferplace.analysis.taxonomy import POLICE_UK, WORCESTER_DEFAULT, Measure, Priority, Taxonomy
from saferplace.analysis.wording import change_sentence

BETTER, WORSE, NO_CLEAR, CONTEXT, NO_DATA, MIXED, NO_MEASURE = (
    "better", "worse", "no clear change", "context only", "no data", "mixed", "no measure")


@dataclass(frozen=True)
class MeasureResult:
    measure: Measure
    status: str
    change: Change | None
    target_status: str | None = None      # "met" / "missed"
    target_clear: bool = False
    sentence: str = ""


@dataclass(frozen=True)
class PriorityResult:
    priority: Priority
    status: str
    measures: tuple[MeasureResult, ...]
    period: str
    compared_with: str


def _monthly(frame: pd.DataFrame | None, key_col: str, key: str, value_col: str) -> dict[str, float] | None:
    if frame is None or frame.empty:
        return None
    rows = frame[frame[key_col] == key]
    if rows.empty:
        return None
    months = rows["month"].map(lambda m: month_label(as_month(m if isinstance(m, date) else str(m)[:7])))
    return rows.groupby(months)[value_col].sum().to_dict()


def measure_status(measure: Measure, change: Change) -> tuple[str, str | None, bool]:
    if measure.lower_is_better is None:
        status = CONTEXT
    elif change.direction == NO_CLEAR_CHANGE:
        status = NO_CLEAR
    else:
        good = FELL if measure.lower_is_better else ROSE
        status = BETTER if change.direction == good else WORSE
    target_status, clear = None, False
    if measure.target_change is not None and change.rate_ratio is not None and measure.lower_is_better is not None:
        target = 1.0 + measure.target_change
        low, high = change.adjusted_ci
        if measure.lower_is_better:
            target_status = "met" if change.rate_ratio <= target else "missed"
            clear = high <= target if target_status == "met" else low > target
        else:
            target_status = "met" if change.rate_ratio >= target else "missed"
            clear = low >= target if target_status == "met" else high < target
    return status, target_status, clear




def _priority_status(results: Iterable[MeasureResult], has_measures: bool) -> str:
    statuses = [r.status for r in results]
    if BETTER in statuses and WORSE in statuses:
        return MIXED
    if WORSE in statuses:
        return WORSE
    if BETTER in statuses:
        return BETTER
    if NO_CLEAR in statuses:
        return NO_CLEAR
    if CONTEXT in statuses:
        return CONTEXT
    return NO_DATA if has_measures else NO_MEASURE


def performance(counts: pd.DataFrame, current: Period, taxonomy: Taxonomy = WORCESTER_DEFAULT, *,
                partner: pd.DataFrame | None = None, previous: Period | None = None,
                gap_months: Iterable[date | str] = (), population_before: float | None = None,
                population_after: float | None = None) -> list[PriorityResult]:
    """Evaluate every priority. `counts`: the count table (category, month, count; any LSOA column is summed);
    `partner`: partner measures as (measure, month, value). With the area's residents in each period
    (population_before/after), police.uk measures are compared as rates per 1,000 residents."""
    previous = previous or year_earlier(current)
    gaps = list(gap_months)
    results = []
    for priority in taxonomy.priorities:
        measure_results = []
        for measure in priority.measures:
            if measure.source == POLICE_UK:
                monthly = _monthly(counts, "category", measure.code, "count")
            else:
                monthly = _monthly(partner, "measure", measure.code, "value")
            if monthly is None:
                measure_results.append(MeasureResult(measure, NO_DATA, None,
                                                     sentence=f"{measure.name}: no data loaded."))
                continue
            rates = {}
            if measure.source == POLICE_UK and population_before and population_after:
                rates = {"population_before": population_before, "population_after": population_after}
            change = compare_periods(monthly, current, previous, gap_months=gaps, **rates)
            status, target_status, clear = measure_status(measure, change)
            sentence = change_sentence(measure.name, change)
            if target_status:
                way = "clearly " if clear else ""
                sentence += (f" Target ({measure.target_change:+.0%}): {way}{target_status}"
                             + ("." if clear else " (the 95% interval includes the target, so this may be chance)."))
            if measure.note:
                sentence += f" Note: {measure.note}"
            measure_results.append(MeasureResult(measure, status, change, target_status, clear, sentence))
        status = _priority_status(measure_results, bool(priority.measures))
        results.append(PriorityResult(priority, status, tuple(measure_results), current.label, previous.label))
    return results
