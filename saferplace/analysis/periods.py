"""Reporting periods: financial years, quarters, rolling 12 months, and the same period a year earlier.

A month is a `datetime.date` on the 1st; every function also accepts 'YYYY-MM' text, because that is how
police.uk labels months. Periods are whole months because police.uk publishes nothing finer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from saferplace.core.dates import add_months, financial_year_bounds, financial_year_label

_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_FY = re.compile(r"^(\d{4})[-/](\d{2})$")
_FQ = re.compile(r"^(\d{4})[-/](\d{2})\s*Q([1-4])$", re.IGNORECASE)
MONTH_NAMES = (
    "January February March April May June July August September October November December"
).split()


def as_month(value: date | str) -> date:
    """The first day of the month named by `value` ('2024-03', a date, or a datetime)."""
    if isinstance(value, date):
        return date(value.year, value.month, 1)
    match = _MONTH.match(str(value).strip())
    if not match or not 1 <= int(match.group(2)) <= 12:
        raise ValueError(f"month {value!r} is not in the form YYYY-MM")
    return date(int(match.group(1)), int(match.group(2)), 1)


def month_label(value: date | str) -> str:
    """'2024-03' for March 2024."""
    month = as_month(value)
    return f"{month.year:04d}-{month.month:02d}"


def month_name(value: date | str) -> str:
    """'March 2024' — how a month is written for readers."""
    month = as_month(value)
    return f"{MONTH_NAMES[month.month - 1]} {month.year}"


def month_number(value: date | str) -> int:
    """A running month number (year × 12 + month − 1) so months can be subtracted and used as indexes."""
    month = as_month(value)
    return month.year * 12 + month.month - 1


def month_from_number(number: int) -> date:
    return date(number // 12, number % 12 + 1, 1)


@dataclass(frozen=True)
class Period:
    """A run of whole months from `start` to `end` inclusive, with the label a report prints."""

    start: date
    end: date
    label: str

    def __post_init__(self):
        if self.start.day != 1 or self.end.day != 1:
            raise ValueError("a period's start and end are given as first-of-month dates")
        if self.end < self.start:
            raise ValueError(f"period {self.label!r} ends before it starts")

    @property
    def length(self) -> int:
        """Number of months."""
        return month_number(self.end) - month_number(self.start) + 1

    def months(self) -> list[date]:
        return [add_months(self.start, i) for i in range(self.length)]

    def month_labels(self) -> list[str]:
        return [month_label(m) for m in self.months()]

    def contains(self, month: date | str) -> bool:
        return self.start <= as_month(month) <= self.end

    def shifted(self, months: int, label: str | None = None) -> Period:
        return Period(add_months(self.start, months), add_months(self.end, months), label or self.label)


def financial_year(label: str) -> Period:
    """April to March: financial_year('2023-24') runs April 2023 to March 2024."""
    if not _FY.match(label.strip()):
        raise ValueError(f"financial year {label!r} is not in the form 2023-24")
    first, last = financial_year_bounds(label.strip())
    if (first.year + 1) % 100 != int(label.strip()[5:7]):
        raise ValueError(f"financial year {label!r}: the second year must follow the first (e.g. 2023-24)")
    return Period(first, as_month(last), financial_year_label(first))


def financial_year_of(month: date | str) -> Period:
    """The financial year a month falls in."""
    return financial_year(financial_year_label(as_month(month)))


def financial_quarter(label: str) -> Period:
    """Quarters of the financial year: '2023-24 Q1' is April–June 2023, Q4 is January–March 2024."""
    match = _FQ.match(label.strip())
    if not match:
        raise ValueError(f"quarter {label!r} is not in the form 2023-24 Q1")
    year = financial_year(f"{match.group(1)}-{match.group(2)}")
    quarter = int(match.group(3))
    start = add_months(year.start, 3 * (quarter - 1))
    return Period(start, add_months(start, 2), f"{year.label} Q{quarter}")


def financial_quarter_of(month: date | str) -> Period:
    month = as_month(month)
    year = financial_year_of(month)
    quarter = (month_number(month) - month_number(year.start)) // 3 + 1
    return financial_quarter(f"{year.label} Q{quarter}")


# Series counted by month, financial quarter or financial year (partner measures) -------------------------

KINDS = ("month", "quarter", "year")
EXAMPLES = {"year": "2020-21", "quarter": "2020-21 Q1", "month": "2020-04"}


def period_of_kind(kind: str, text: str) -> Period:
    """The period written `text` in a series counted by `kind` — '2020-04' (month), '2020-21 Q1' (quarter) or
    '2020-21' (year). The kind settles what parse_period has to guess: '2011-12' is December 2011 in a monthly
    series. ValueError when the text is not a period of that kind."""
    text = (text or "").strip()
    if kind == "year":
        return financial_year(text)
    if kind == "quarter":
        return financial_quarter(text)
    if kind == "month":
        return period_starting("month", as_month(text))
    raise ValueError(f"period kind {kind!r} is not one of {', '.join(KINDS)}")


def period_starting(kind: str, start: date) -> Period:
    """The month, quarter or financial year of that kind that contains `start` (normally its first day), labelled
    the way period_of_kind reads it ('2020-04', '2020-21 Q1', '2020-21')."""
    if kind == "year":
        return financial_year_of(start)
    if kind == "quarter":
        return financial_quarter_of(start)
    if kind == "month":
        month = as_month(start)
        return Period(month, month, month_label(month))
    raise ValueError(f"period kind {kind!r} is not one of {', '.join(KINDS)}")


def rolling_12_months(ending: date | str) -> Period:
    """The 12 months ending with (and including) `ending`: the usual way to compare years without
    waiting for a financial year to close and without seasonal effects."""
    end = as_month(ending)
    return Period(add_months(end, -11), end, f"12 months to {month_name(end)}")


def months_between(start: date | str, end: date | str, label: str | None = None) -> Period:
    first, last = as_month(start), as_month(end)
    if first == last:
        default = month_name(first)
    else:
        default = f"{month_name(first)} to {month_name(last)}"
    return Period(first, last, label or default)


def parse_period(text: str) -> Period:
    """Read a period as the CLI takes it: '2023-24', '2023-24 Q2', or a single month '2024-03'.

    '2011-12' could be a financial year or December 2011; the financial year wins, as the CLI's
    `--period` takes financial years and `--month` takes months.
    """
    text = text.strip()
    if _FQ.match(text):
        return financial_quarter(text)
    fy = _FY.match(text)
    if fy and (int(fy.group(1)) + 1) % 100 == int(fy.group(2)):
        return financial_year(text)
    if _MONTH.match(text):
        return months_between(text, text)
    raise ValueError(f"period {text!r} is not a financial year (2023-24), a quarter (2023-24 Q1) or a month (2024-03)")


def year_earlier(period: Period) -> Period:
    """The same months a year before, for year-on-year comparison that removes seasonality."""
    if _FY.match(period.label):
        label = financial_year_label(add_months(period.start, -12))
    elif _FQ.match(period.label):
        label = financial_quarter_of(add_months(period.start, -12)).label
    elif period.label.startswith("12 months to "):
        label = f"12 months to {month_name(add_months(period.end, -12))}"
    else:
        label = months_between(add_months(period.start, -12), add_months(period.end, -12)).label
    return period.shifted(-12, label)


def preceding(period: Period) -> Period:
    """The period of the same length immediately before (used to follow hotspots period by period)."""
    start = add_months(period.start, -period.length)
    end = add_months(period.start, -1)
    if _FY.match(period.label):
        return financial_year_of(start)
    if _FQ.match(period.label):
        return financial_quarter_of(start)
    if period.label.startswith("12 months to "):
        return rolling_12_months(end)
    return months_between(start, end)
