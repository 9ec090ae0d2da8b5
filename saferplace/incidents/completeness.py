"""Likely publication gaps: a force-month with fewer than half the median rows of its previous 12 months.

Pure Python (no Django), so the analysis library and the tests can use it on any monthly series.
police.uk gives no machine-readable sign of a missing force-month; a count far below the force's own
recent level is the signal (shared/data/derived/birmingham_*, 2024-09, is the real example).
"""

from dataclasses import dataclass
from datetime import date
from statistics import median

WINDOW_MONTHS = 12
MIN_HISTORY = 3
RATIO = 0.5


@dataclass(frozen=True)
class MonthCheck:
    month: date
    rows: int
    expected: float | None  # median of the previous months in the window (None: too little history)
    gap: bool


def _next_month(day: date) -> date:
    return date(day.year + day.month // 12, day.month % 12 + 1, 1)


def check_series(rows_by_month: dict[date, int], window: int = WINDOW_MONTHS, min_history: int = MIN_HISTORY,
                 ratio: float = RATIO) -> list[MonthCheck]:
    """Every month from the first to the last given (a month missing in between counts as 0 rows)."""
    if not rows_by_month:
        return []
    months, day, last = [], min(rows_by_month), max(rows_by_month)
    while day <= last:
        months.append(day)
        day = _next_month(day)
    series = [rows_by_month.get(m, 0) for m in months]
    checks = []
    for i, month in enumerate(months):
        history = series[max(0, i - window):i]
        expected = median(history) if len(history) >= min_history else None
        gap = expected is not None and series[i] < ratio * expected
        checks.append(MonthCheck(month, series[i], expected, gap))
    return checks
