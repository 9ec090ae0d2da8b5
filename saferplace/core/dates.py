"""Calendar helpers shared by the registers, the statutory calendar and the analysis adapters."""

import calendar
from datetime import date


def add_months(day: date, months: int) -> date:
    """The same day `months` later, clipped to the month's end (31 Jan + 1 month = 28/29 Feb)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def financial_year_label(day: date) -> str:
    """'2020-21' for any day from 1 April 2020 to 31 March 2021."""
    start = day.year if day.month >= 4 else day.year - 1
    return f"{start}-{(start + 1) % 100:02d}"


def financial_year_bounds(label: str) -> tuple[date, date]:
    """First and last day of a financial year given as '2020-21' or '2020/21'."""
    start = int(label.replace("/", "-").split("-")[0])
    return date(start, 4, 1), date(start + 1, 3, 31)
