"""Publication-gap detection on the real Birmingham series, where a harvester skipped API sub-areas."""

import csv
from datetime import date

from saferplace.incidents.completeness import check_series

from .helpers import DATA


def birmingham() -> dict[date, int]:
    with open(DATA / "derived" / "birmingham_monthly_totals.csv", newline="") as handle:
        return {date(int(r["month"][:4]), int(r["month"][5:]), 1): int(r["crimes"]) for r in csv.DictReader(handle)}


def test_birmingham_2024_09_is_the_flagged_gap():
    series = birmingham()
    assert series[date(2024, 9, 1)] == 3767  # SOURCES.md
    checks = check_series(series)
    flagged = [c for c in checks if c.gap]
    assert [c.month for c in flagged] == [date(2024, 9, 1)]
    window = [series[date(2023, 9, 1) if i == 0 else _month(2023, 9 + i)] for i in range(12)]
    from statistics import median

    assert flagged[0].expected == median(window) and 3767 < 0.5 * median(window)


def _month(year: int, month: int) -> date:
    return date(year + (month - 1) // 12, (month - 1) % 12 + 1, 1)


def test_a_missing_month_between_loaded_months_is_a_gap():
    series = {date(2024, m, 1): 100 for m in range(1, 13) if m != 7}
    checks = {c.month: c for c in check_series(series)}
    assert checks[date(2024, 7, 1)].gap and checks[date(2024, 7, 1)].rows == 0
    assert not any(c.gap for m, c in checks.items() if m != date(2024, 7, 1))


def test_too_little_history_flags_nothing():
    assert not any(c.gap for c in check_series({date(2024, 1, 1): 1000, date(2024, 2, 1): 10}))
