"""Periods: financial years, quarters, rolling 12 months, a year earlier."""

from datetime import date

import pytest

from saferplace.analysis.periods import (
    as_month,
    financial_quarter,
    financial_quarter_of,
    financial_year,
    financial_year_of,
    parse_period,
    preceding,
    rolling_12_months,
    year_earlier,
)


def test_financial_year_runs_april_to_march():
    fy = financial_year("2020-21")
    assert (fy.start, fy.end, fy.length, fy.label) == (date(2020, 4, 1), date(2021, 3, 1), 12, "2020-21")
    assert fy.month_labels()[0] == "2020-04" and fy.month_labels()[-1] == "2021-03"
    assert financial_year("2020/21").label == "2020-21"
    assert financial_year_of("2021-03") == fy and financial_year_of(date(2021, 4, 30)).label == "2021-22"
    with pytest.raises(ValueError):
        financial_year("2020-22")


def test_quarters_and_year_earlier():
    q4 = financial_quarter("2023-24 Q4")
    assert (q4.start, q4.end) == (date(2024, 1, 1), date(2024, 3, 1))
    assert financial_quarter_of("2023-05").label == "2023-24 Q1"
    assert year_earlier(q4).label == "2022-23 Q4"
    assert year_earlier(financial_year("2020-21")).label == "2019-20"
    assert preceding(financial_year("2020-21")).label == "2019-20"
    assert preceding(q4).label == "2023-24 Q3"


def test_rolling_12_months():
    r = rolling_12_months("2024-03")
    assert (r.start, r.end, r.label) == (date(2023, 4, 1), date(2024, 3, 1), "12 months to March 2024")
    earlier = year_earlier(r)
    assert (earlier.start, earlier.end) == (date(2022, 4, 1), date(2023, 3, 1))
    assert earlier.label == "12 months to March 2023"


def test_parse_period_and_bad_months():
    assert parse_period("2023-24").label == "2023-24"
    assert parse_period("2023-24 Q2").label == "2023-24 Q2"
    assert parse_period("2024-03").length == 1
    assert as_month("2024-03") == date(2024, 3, 1)
    for bad in ("2024-13", "March 2024", "2024-3"):
        with pytest.raises(ValueError):
            as_month(bad)


def test_periods_of_a_kind_read_and_write_the_template_forms():
    from saferplace.analysis.periods import period_of_kind, period_starting

    assert period_of_kind("year", "2020/21").start == date(2020, 4, 1)
    assert period_of_kind("quarter", "2020-21 q4").start == date(2021, 1, 1)
    assert period_of_kind("month", "2011-12").start == date(2011, 12, 1)  # the kind settles it: a month
    assert period_of_kind("year", "2011-12").label == "2011-12"
    for kind, text in (("year", "2020-22"), ("quarter", "2020-21"), ("month", "2020-21 Q1"), ("week", "2020-04")):
        with pytest.raises(ValueError):
            period_of_kind(kind, text)
    for kind, text in (("year", "2020-21"), ("quarter", "2020-21 Q3"), ("month", "2020-10")):
        assert period_starting(kind, period_of_kind(kind, text).start).label == text
    assert period_starting("quarter", date(2020, 10, 1)).month_labels() == ["2020-10", "2020-11", "2020-12"]
