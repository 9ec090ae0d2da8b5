"""Periods of partner measures: a month ('2020-04'), a financial quarter ('2020-21 Q1') or a financial year
('2020-21'). Each is stored as its first day; quarters run April–June (Q1) to January–March (Q4)."""

import re
from datetime import date

from saferplace.core.dates import add_months, financial_year_label

YEAR = re.compile(r"^(\d{4})[-/](\d{2})$")
QUARTER = re.compile(r"^(\d{4})[-/](\d{2})\s*Q([1-4])$", re.IGNORECASE)
MONTH = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")


def _fy_start(first: str, second: str) -> int | None:
    start = int(first)
    return start if (start + 1) % 100 == int(second) else None


def parse_period(kind: str, text: str) -> date | None:
    """The first day of the period written `text` for a measure counted by `kind`; None if it is not one."""
    text = (text or "").strip()
    if kind == "year" and (m := YEAR.match(text)) and (start := _fy_start(m[1], m[2])) is not None:
        return date(start, 4, 1)
    if kind == "quarter" and (m := QUARTER.match(text)) and (start := _fy_start(m[1], m[2])) is not None:
        return add_months(date(start, 4, 1), 3 * (int(m[3]) - 1))
    if kind == "month" and (m := MONTH.match(text)):
        return date(int(m[1]), int(m[2]), 1)
    return None


def period_label(kind: str, start: date) -> str:
    if kind == "year":
        return financial_year_label(start)
    if kind == "quarter":
        return f"{financial_year_label(start)} Q{((start.month - 4) % 12) // 3 + 1}"
    return f"{start:%Y-%m}"


def period_end(kind: str, start: date) -> date:
    from datetime import timedelta

    months = {"year": 12, "quarter": 3, "month": 1}[kind]
    return add_months(start, months) - timedelta(days=1)


EXAMPLES = {"year": "2020-21", "quarter": "2020-21 Q1", "month": "2020-04"}
