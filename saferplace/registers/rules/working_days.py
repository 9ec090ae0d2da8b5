"""Working days in England and Wales: Monday to Friday, less the bank holidays.

England and Wales share one set of bank holidays (Banking and Financial Dealings Act 1971 Sch 1 plus the
royal proclamations); the `holidays` package's UK calendar for England ("ENG") gives them. Its Wales
calendar ("WLS") is the same, which tests/registers/test_working_days.py checks year by year.
"""

from datetime import date, timedelta
from functools import lru_cache

import holidays


@lru_cache(maxsize=64)
def bank_holidays(year: int) -> frozenset[date]:
    return frozenset(holidays.UK(subdiv="ENG", years=year).keys())


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and day not in bank_holidays(day.year)


def add_working_days(start: date, days: int) -> date:
    """The `days`-th working day after `start` (the day of receipt itself is not counted)."""
    if days < 0:
        raise ValueError("days must not be negative")
    day = start
    counted = 0
    while counted < days:
        day += timedelta(days=1)
        if is_working_day(day):
            counted += 1
    return day


def working_days_between(start: date, end: date) -> int:
    """Working days after `start` up to and including `end` (0 when end <= start)."""
    count, day = 0, start
    while day < end:
        day += timedelta(days=1)
        count += is_working_day(day)
    return count
