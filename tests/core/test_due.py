"""The statutory calendar: what is due or missed on the demo, and which rule says so."""

import json
from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command

from saferplace.core.deadlines import due_items
from saferplace.partnership.models import Action, Group, Meeting, Organisation, Partnership, StrategicAssessment


@pytest.fixture
def demo(db):
    call_command("demo", "--no-serve", stdout=StringIO())


def _due_json(*args) -> dict:
    out = StringIO()
    call_command("due", *args, "--format", "json", stdout=out)
    return json.loads(out.getvalue())  # the whole of stdout is one JSON document


def _by_rule(items, rule):
    return [i for i in items if i["rule"] == rule]


def test_demo_scrutiny_and_assessment_are_overdue_by_2024(demo):
    items = _due_json("--on", "2024-01-01", "--within", "365")["items"]
    [scrutiny] = _by_rule(items, "SCRUTINY-12-MONTHS")
    # Last dated Communities Committee meeting: 26 May 2021 (the report's own meeting) + 12 months.
    assert (scrutiny["due"], scrutiny["status"]) == ("2022-05-26", "overdue")
    assert scrutiny["whom"] == "Worcester City Council"
    assert "26 May 2021" in scrutiny["basis"]
    [assessment] = _by_rule(items, "STRATEGIC-ASSESSMENT-12-MONTHS")
    # No approval date in the report: counted from the end of its period, 30 June 2020.
    assert (assessment["due"], assessment["status"]) == ("2021-06-30", "overdue")
    assert "period ended 30 June 2020" in assessment["basis"]


PARTNERSHIP_RULES = {"SCRUTINY-12-MONTHS", "STRATEGIC-ASSESSMENT-12-MONTHS", "ACTION-DUE"}


def test_nothing_is_due_before_the_window_opens(demo):
    # On 1 June 2021 the committee has just met and the assessment is within its year.
    def partnership_items(within):
        items = _due_json("--on", "2021-06-01", "--within", within)["items"]
        return [i["due"] for i in items if i["rule"] in PARTNERSHIP_RULES]

    assert partnership_items("28") == []
    assert partnership_items("29") == ["2021-06-30"]


def test_approval_date_counts_when_recorded(demo):
    StrategicAssessment.objects.update(approved_date=date(2020, 9, 15))
    [item] = [i for i in due_items(date(2021, 1, 1), 365) if i.rule == "STRATEGIC-ASSESSMENT-12-MONTHS"]
    assert item.due == date(2021, 9, 15) and "approved 15 September 2020" in item.basis


def test_open_actions_are_listed_closed_ones_are_not(demo):
    partnership = Partnership.objects.get(slug="safer-worcester")
    owner = Organisation.objects.get(name="Worcester Community Trust")
    Action.objects.create(partnership=partnership, title="Refresh the DA leaflet", owner=owner,
                          due_date=date(2023, 12, 1))
    Action.objects.create(partnership=partnership, title="Done already", owner=owner, due_date=date(2023, 12, 1),
                          status=Action.Status.DONE)
    Action.objects.create(partnership=partnership, title="Far ahead", owner=owner, due_date=date(2025, 6, 1))
    items = _by_rule(_due_json("--on", "2024-01-01", "--within", "365")["items"], "ACTION-DUE")
    assert [(i["title"], i["status"], i["whom"]) for i in items] == [
        ("Action: Refresh the DA leaflet", "overdue", "Worcester Community Trust")
    ]


def test_a_committee_with_no_dated_meeting_is_due_now(db):
    Group.objects.create(name="Scrutiny Panel", kind=Group.Kind.SCRUTINY)
    [item] = due_items(date(2024, 1, 1), 0)
    assert item.rule == "SCRUTINY-12-MONTHS" and item.due == date(2024, 1, 1)


def test_leap_day_meeting_falls_due_on_the_last_day_of_february(db):
    committee = Group.objects.create(name="Scrutiny Panel", kind=Group.Kind.SCRUTINY)
    Meeting.objects.create(group=committee, date=date(2024, 2, 29), financial_year="2023-24")
    [item] = due_items(date(2025, 1, 1), 365)
    assert item.due == date(2025, 2, 28)


def test_dashboard_shows_the_same_items(demo, signed_in):
    page = signed_in("viewer").get("/?on=2024-01-01").content.decode()
    assert "Communities Committee: crime and disorder scrutiny meeting" in page
    assert "SCRUTINY-12-MONTHS" in page and "STRATEGIC-ASSESSMENT-12-MONTHS" in page
