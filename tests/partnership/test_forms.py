"""Forms refuse bad input with a message that names the field and the rule, and change nothing."""

from datetime import date

import pytest
from django.urls import reverse

from saferplace.partnership.forms import clean_financial_year
from saferplace.partnership.models import Group, Meeting, StrategicAssessment, Topic


@pytest.fixture
def admin_client(demo, signed_in):
    return signed_in("administrator")


def _meeting(admin_client, **data):
    sw = Group.objects.get(name="Safer Worcester")
    return admin_client.post(reverse("partnership:meeting-new"), {"group": sw.pk, "format": "remote", **data})


def test_meeting_financial_year_is_worked_out_from_its_date(admin_client):
    before = Meeting.objects.count()
    response = _meeting(admin_client, date="2021-03-31", new_topics="County lines\n\nCounty  lines\nRough sleeping")
    assert response.status_code == 302
    meeting = Meeting.objects.get(pk=response["Location"].rstrip("/").split("/")[-1])
    assert (meeting.date, meeting.financial_year) == (date(2021, 3, 31), "2020-21")
    assert sorted(meeting.topics.values_list("name", flat=True)) == ["County lines", "Rough sleeping"]
    assert Topic.objects.filter(name="Rough sleeping").count() == 1  # the demo's topic is reused, not copied
    assert Meeting.objects.count() == before + 1


@pytest.mark.parametrize(("data", "message"), [
    ({"date": "2021-04-01", "financial_year": "2020-21"}, "1 April 2021 falls in financial year 2021-22, not 2020-21"),
    ({"financial_year": ""}, "Enter the financial year when the date is not known"),
    ({"financial_year": "2020"}, "Enter the financial year like 2020-21"),
    ({"financial_year": "2020-22"}, "A financial year that starts in 2020 ends in 2021: enter 2020-21"),
    ({"date": "2021-02-30", "financial_year": "2020-21"}, "Enter a valid date."),
    ({"group": "", "financial_year": "2020-21"}, "Select the group that met"),
])
def test_meeting_refused_with_the_rule_it_breaks(admin_client, data, message):
    before = Meeting.objects.count()
    response = _meeting(admin_client, **data)
    assert response.status_code == 200
    page = response.content.decode()
    assert "There is a problem" in page and message in page
    assert Meeting.objects.count() == before


def test_financial_year_accepts_a_slash():
    assert clean_financial_year(" 2020/21 ") == "2020-21"
    assert clean_financial_year("1999-00") == "1999-00"


def test_assessment_period_must_run_forwards(admin_client):
    before = StrategicAssessment.objects.count()
    response = admin_client.post(reverse("partnership:assessment-new", args=["south-worcestershire"]), {
        "title": "Strategic Assessment 2022", "period_start": "2022-06-30", "period_end": "2020-07-01",
        "author": "PCC Analysts Team",
    })
    assert "The last day of the period must be on or after its first day" in response.content.decode()
    assert StrategicAssessment.objects.count() == before


def test_action_list_flags_overdue_open_actions_only(admin_client):
    url = reverse("partnership:action-new", args=["safer-worcester"])
    from saferplace.partnership.models import Organisation

    owner = Organisation.objects.get(name="Worcester City Council").pk
    for title, status in [("Late and open", "open"), ("Late but done", "done")]:
        assert admin_client.post(url, {"title": title, "owner": owner, "due_date": "2021-01-31",
                                       "status": status}).status_code == 302
    open_page = admin_client.get(reverse("partnership:actions", args=["safer-worcester"])).content.decode()
    assert "Late and open" in open_page and "Late but done" not in open_page
    assert open_page.count("Overdue") == 1
    all_page = admin_client.get(reverse("partnership:actions", args=["safer-worcester"]) + "?show=all")
    assert "Late but done" in all_page.content.decode() and all_page.content.decode().count("Overdue") == 1


def test_a_theme_cannot_have_the_same_priority_twice(admin_client):
    from saferplace.partnership.models import Priority, Theme

    theme = Theme.objects.get(name="Safer Homes")
    response = admin_client.post(reverse("partnership:priority-new", args=[theme.pk]),
                                 {"name": "domestic  abuse", "order": 3})
    assert "Safer Homes already has the priority domestic abuse" in response.content.decode()
    assert theme.priorities.count() == 2
    assert admin_client.post(reverse("partnership:priority-new", args=[theme.pk]),
                             {"name": "Fraud against older people", "order": 3}).status_code == 302
    assert Priority.objects.filter(theme=theme).count() == 3
