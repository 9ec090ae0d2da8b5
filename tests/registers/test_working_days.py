"""Working days in England and Wales, checked against the published bank holidays (gov.uk/bank-holidays)."""

from datetime import date

import holidays
import pytest

from saferplace.registers.rules.working_days import add_working_days, is_working_day, working_days_between


@pytest.mark.parametrize("year", range(2000, 2036))
def test_england_and_wales_share_bank_holidays(year):
    assert dict(holidays.UK(subdiv="ENG", years=year)) == dict(holidays.UK(subdiv="WLS", years=year))


@pytest.mark.parametrize("day", [
    date(2020, 5, 8),  # VE Day bank holiday, moved from the first Monday of May
    date(2020, 12, 28),  # Boxing Day substitute
    date(2021, 4, 2), date(2021, 4, 5),  # Good Friday, Easter Monday
    date(2022, 6, 3),  # Platinum Jubilee
    date(2022, 9, 19),  # State funeral of Queen Elizabeth II
    date(2023, 5, 8),  # Coronation of King Charles III
])
def test_one_off_and_moved_bank_holidays_are_not_working_days(day):
    assert not is_working_day(day)


def test_working_day_arithmetic_over_christmas_and_easter():
    # Thursday 24 December 2020: 25th holiday, weekend, 28th substitute holiday; 29, 30, 31 count.
    assert add_working_days(date(2020, 12, 24), 3) == date(2020, 12, 31)
    # Thursday 1 April 2021: Good Friday, weekend, Easter Monday; Tuesday 6 April is the first working day.
    assert add_working_days(date(2021, 4, 1), 1) == date(2021, 4, 6)
    assert add_working_days(date(2021, 4, 1), 0) == date(2021, 4, 1)
    # Received on a Saturday: the first working day after it is Monday.
    assert add_working_days(date(2021, 1, 16), 1) == date(2021, 1, 18)
    # 25 working days from Monday 1 March 2021: 2-5 March (4), three full weeks (19), 29 March-1 April (23),
    # then Good Friday and Easter Monday are skipped: Tuesday 6 April is the 24th, Wednesday 7 April the 25th.
    assert add_working_days(date(2021, 3, 1), 25) == date(2021, 4, 7)
    assert working_days_between(date(2021, 3, 1), date(2021, 4, 7)) == 25
