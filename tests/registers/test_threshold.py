"""The ASB case review threshold, tested against a table of cases covering every rule and boundary.

Expected values are worked out by hand from the calendar (see each row's note), not by the code under test.
"""

from datetime import date

import pytest

from saferplace.registers.models import LocalProcedure
from saferplace.registers.rules.asb import (
    ComplaintFacts,
    application_within_time_of_complaint,
    assess_threshold,
    complaint_made_within_time_of_behaviour,
)

D = date


def c(behaviour, reported, agency="West Mercia Police", incident="", hate=False, reporter="", location=""):
    return ComplaintFacts(behaviour, reported, agency, incident, hate, reporter, location)


def three_timely():
    return [c(D(2021, 3, 1), D(2021, 3, 2)), c(D(2021, 3, 10), D(2021, 3, 12)), c(D(2021, 4, 1), D(2021, 4, 2))]


HATE = {"asb_hate_incident_route": True}
LOCATION = {"asb_location_route": True}
PEOPLE = ["Resident A", "Resident B", "Resident C", "Resident D", "Resident E"]

CASES = [
    # (id, application, complaints, procedure overrides, met, qualifying incidents, routes)
    ("three timely complaints", D(2021, 6, 1), three_timely(), {}, True, 3, ("complaints",)),
    ("two complaints are not enough", D(2021, 6, 1), three_timely()[:2], {}, False, 2, ()),
    ("no complaints", D(2021, 6, 1), [], {}, False, 0, ()),
    # 1 April + 1 month = 1 May: 30 days later is the last qualifying day; 31 days (2 May) is too late.
    ("30 days after behaviour in April qualifies", D(2021, 6, 1),
     [c(D(2021, 4, 1), D(2021, 5, 1)), *three_timely()[:2]], {}, True, 3, ("complaints",)),
    ("31 days after behaviour in April is too late", D(2021, 6, 1),
     [c(D(2021, 4, 1), D(2021, 5, 2)), *three_timely()[:2]], {}, False, 2, ()),
    # 1 March + 1 month = 1 April: 30 days (31 March) and 31 days (1 April) qualify, 32 days (2 April) not.
    ("30 days after behaviour in March qualifies", D(2021, 6, 1),
     [c(D(2021, 3, 1), D(2021, 3, 31)), *three_timely()[:2]], {}, True, 3, ("complaints",)),
    ("31 days after behaviour in March qualifies (a calendar month)", D(2021, 6, 1),
     [c(D(2021, 3, 1), D(2021, 4, 1)), *three_timely()[:2]], {}, True, 3, ("complaints",)),
    ("32 days after behaviour in March is too late", D(2021, 6, 1),
     [c(D(2021, 3, 1), D(2021, 4, 2)), *three_timely()[:2]], {}, False, 2, ()),
    # 31 January + 1 month is clipped to 28 February 2021.
    ("behaviour 31 January, reported 28 February qualifies", D(2021, 6, 1),
     [c(D(2021, 1, 31), D(2021, 2, 28)), *three_timely()[:2]], {}, True, 3, ("complaints",)),
    ("behaviour 31 January, reported 1 March is too late", D(2021, 6, 1),
     [c(D(2021, 1, 31), D(2021, 3, 1)), *three_timely()[:2]], {}, False, 2, ()),
    # Reported 2 March 2021 + 6 months = 2 September 2021: application that day qualifies, the day after not.
    ("application 6 months to the day after the first complaint", D(2021, 9, 2), three_timely(), {}, True, 3,
     ("complaints",)),
    ("application 6 months and 1 day after the first complaint", D(2021, 9, 3), three_timely(), {}, False, 2, ()),
    # 31 August + 6 months is clipped to 28 February.
    ("reported 31 August, application 28 February", D(2021, 2, 28),
     [c(D(2020, 8, 30), D(2020, 8, 31)), c(D(2020, 12, 1), D(2020, 12, 1)), c(D(2021, 1, 5), D(2021, 1, 6))],
     {}, True, 3, ("complaints",)),
    ("reported 31 August, application 1 March", D(2021, 3, 1),
     [c(D(2020, 8, 30), D(2020, 8, 31)), c(D(2020, 12, 1), D(2020, 12, 1)), c(D(2021, 1, 5), D(2021, 1, 6))],
     {}, False, 2, ()),
    ("a complaint reported after the application does not count", D(2021, 4, 1),
     [*three_timely()[:2], c(D(2021, 4, 1), D(2021, 4, 2))], {}, False, 2, ()),
    # One incident reported to the police and to the council counts once.
    ("same incident reported to two agencies counts once", D(2021, 6, 1),
     [c(D(2021, 3, 1), D(2021, 3, 2), "West Mercia Police", "INC-1"),
      c(D(2021, 3, 1), D(2021, 3, 3), "Worcester City Council", "inc-1 "),
      c(D(2021, 4, 1), D(2021, 4, 2))], {}, False, 2, ()),
    ("same incident twice plus two others meets the threshold", D(2021, 6, 1),
     [c(D(2021, 3, 1), D(2021, 3, 2), "West Mercia Police", "INC-1"),
      c(D(2021, 3, 1), D(2021, 3, 3), "Worcester City Council", "INC-1"),
      c(D(2021, 3, 20), D(2021, 3, 21)), c(D(2021, 4, 1), D(2021, 4, 2))], {}, True, 3, ("complaints",)),
    ("an incident qualifies when one of its reports was in time", D(2021, 6, 1),
     [c(D(2021, 3, 1), D(2021, 4, 20), "West Mercia Police", "INC-1"),
      c(D(2021, 3, 1), D(2021, 3, 3), "Worcester City Council", "INC-1"),
      c(D(2021, 3, 20), D(2021, 3, 21)), c(D(2021, 4, 1), D(2021, 4, 2))], {}, True, 3, ("complaints",)),
    # The hate-incident route: one qualifying hate incident, only when the local procedure has the route.
    ("one hate incident on the hate-incident route", D(2021, 6, 1),
     [c(D(2021, 5, 1), D(2021, 5, 2), hate=True)], HATE, True, 1, ("hate incident",)),
    ("one hate incident without the route", D(2021, 6, 1),
     [c(D(2021, 5, 1), D(2021, 5, 2), hate=True)], {}, False, 1, ()),
    ("a late-reported hate incident does not meet the route", D(2021, 6, 1),
     [c(D(2021, 3, 1), D(2021, 4, 2), hate=True)], HATE, False, 0, ()),
    ("hate incident and three complaints meet both routes", D(2021, 6, 1),
     [*three_timely()[:2], c(D(2021, 5, 1), D(2021, 5, 2), hate=True)], HATE, True, 3,
     ("complaints", "hate incident")),
    # N reports from different people about one location (Wales: five within six months).
    ("five different people about one location", D(2021, 6, 1),
     [c(D(2021, 5, 1), D(2021, 5, 1 + i), reporter=p, location="Rose Park") for i, p in enumerate(PEOPLE)],
     LOCATION, True, 5, ("complaints", "location")),
    ("five people, the first report 6 months and a day before the application", D(2021, 7, 16),
     [c(D(2021, 1, 14), D(2021, 1, 15), reporter=PEOPLE[0], location="Rose Park"),
      *[c(D(2021, 7, 1), D(2021, 7, 1 + i), reporter=p, location="rose park") for i, p in enumerate(PEOPLE[1:])]],
     {**LOCATION, "asb_threshold_complaints": 10}, False, 4, ()),
    ("five people, the first report 6 months to the day before the application", D(2021, 7, 15),
     [c(D(2021, 1, 14), D(2021, 1, 15), reporter=PEOPLE[0], location="Rose Park"),
      *[c(D(2021, 7, 1), D(2021, 7, 1 + i), reporter=p, location="rose park") for i, p in enumerate(PEOPLE[1:])]],
     {**LOCATION, "asb_threshold_complaints": 10}, True, 5, ("location",)),
    ("five reports but the same person twice", D(2021, 6, 1),
     [c(D(2021, 5, 1), D(2021, 5, 1 + i), reporter=p, location="Rose Park")
      for i, p in enumerate([*PEOPLE[:4], "resident a"])], {**LOCATION, "asb_threshold_complaints": 10}, False, 5, ()),
    ("five people about different locations", D(2021, 6, 1),
     [c(D(2021, 5, 1), D(2021, 5, 1 + i), reporter=p, location=f"Street {i}") for i, p in enumerate(PEOPLE)],
     {**LOCATION, "asb_threshold_complaints": 10}, False, 5, ()),
    ("location route off: five people about one location", D(2021, 6, 1),
     [c(D(2021, 5, 1), D(2021, 5, 1 + i), reporter=p, location="Rose Park") for i, p in enumerate(PEOPLE)],
     {"asb_threshold_complaints": 10}, False, 5, ()),
    # The local procedure sets the numbers.
    ("a local threshold of two complaints", D(2021, 6, 1), three_timely()[:2],
     {"asb_threshold_complaints": 2}, True, 2, ("complaints",)),
    ("a local two-month window for reporting", D(2021, 6, 1),
     [c(D(2021, 3, 1), D(2021, 5, 1)), *three_timely()[:2]], {"asb_complaint_within_months": 2}, True, 3,
     ("complaints",)),
]


@pytest.mark.parametrize(("application", "complaints", "overrides", "met", "qualifying", "routes"),
                         [row[1:] for row in CASES], ids=[row[0] for row in CASES])
def test_threshold_table(application, complaints, overrides, met, qualifying, routes):
    result = assess_threshold(application, complaints, LocalProcedure(**overrides))
    assert result.met is met, result.reasons
    assert result.qualifying_incidents == qualifying, result.reasons
    assert result.routes_met == routes
    assert result.reasons[0].startswith("Threshold met" if met else "Threshold not met")


def test_reasons_name_the_rule_and_the_dates():
    result = assess_threshold(D(2021, 6, 1), [c(D(2021, 3, 1), D(2021, 4, 2)), *three_timely()[:2]],
                              LocalProcedure())
    late = result.complaint_reasons[0]
    assert "does not qualify" in late and "after 1 April 2021" in late and "more than 1 month" in late
    assert "Complaints route not met: 2 qualifying incidents; the local procedure needs 3." in result.reasons
    same = assess_threshold(D(2021, 6, 1), CASES[15][2], LocalProcedure())
    assert any("counts once" in r and "West Mercia Police, Worcester City Council" in r
               for r in same.complaint_reasons)


@pytest.mark.parametrize(("behaviour", "reported", "ok"), [
    (D(2021, 4, 1), D(2021, 4, 1), True),  # same day
    (D(2021, 4, 1), D(2021, 3, 31), False),  # before the behaviour
    (D(2021, 4, 1), D(2021, 5, 1), True),
    (D(2021, 4, 1), D(2021, 5, 2), False),
    (D(2020, 1, 31), D(2020, 2, 29), True),  # leap year clip
    (D(2020, 1, 31), D(2020, 3, 1), False),
    (D(2020, 12, 15), D(2021, 1, 15), True),  # across the year end
])
def test_within_one_month_of_the_behaviour(behaviour, reported, ok):
    assert complaint_made_within_time_of_behaviour(behaviour, reported, 1) is ok


@pytest.mark.parametrize(("reported", "application", "ok"), [
    (D(2021, 1, 15), D(2021, 7, 15), True),
    (D(2021, 1, 15), D(2021, 7, 16), False),
    (D(2021, 1, 15), D(2021, 1, 14), False),
    (D(2020, 8, 31), D(2021, 2, 28), True),
    (D(2020, 8, 31), D(2021, 3, 1), False),
])
def test_application_within_six_months_of_the_complaint(reported, application, ok):
    assert application_within_time_of_complaint(reported, application, 6) is ok
