"""Roles × pages: each role sees and edits exactly what it should (docs/adr/0051-partnership-roles.md).

The data are the Safer Worcester demo records. The partner contributor acts for Worcester City Council, which
hosts Safer Worcester's meetings (Appendix 2: it provides the secretariat) and owns one of two actions.
Every page fetched is checked by the CheckingClient (valid HTML, <title> matches <h1>, labelled fields).
"""

from dataclasses import dataclass
from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from saferplace.accounts.models import Role
from saferplace.partnership.models import (
    Action,
    Group,
    Meeting,
    Organisation,
    Partnership,
    Priority,
    StrategicAssessment,
    TermsOfReference,
    Theme,
)
from tests.conftest import ALL_ROLES

A, N, C, V = Role.ADMINISTRATOR, Role.ANALYST, Role.CONTRIBUTOR, Role.VIEWER
EVERYONE = {A, N, C, V}
EXEMPT_TITLE = "South Worcestershire Community Safety Partnership Strategic Assessment Report 2020"


@pytest.fixture
def records(demo):
    safer_worcester = Partnership.objects.get(slug="safer-worcester")
    council = Organisation.objects.get(name="Worcester City Council")
    police = Organisation.objects.get(name="West Mercia Police")
    sw_group = Group.objects.get(name="Safer Worcester")
    soc_group = Group.objects.get(name="Serious Organised Crime Focus Group")
    return {
        "council": council,
        "police": police,
        "sw_group": sw_group,
        "sw_meeting": Meeting.objects.filter(group=sw_group).first(),
        "soc_meeting": Meeting.objects.filter(group=soc_group).first(),
        "terms": TermsOfReference.objects.get(group=sw_group),
        "assessment": StrategicAssessment.objects.get(title=EXEMPT_TITLE),
        "theme": Theme.objects.get(name="Safer Homes"),
        "priority": Priority.objects.get(name="Domestic Abuse"),
        "council_action": Action.objects.create(
            partnership=safer_worcester, title="Refresh the Safe Places scheme stickers", owner=council,
            due_date=date(2021, 3, 31)),
        "police_action": Action.objects.create(
            partnership=safer_worcester, title="Bike marking events at the university", owner=police,
            due_date=date(2021, 6, 30)),
    }


@dataclass(frozen=True)
class Page:
    name: str
    url: object  # records -> url
    allowed: frozenset  # roles that get the page (200); every other role is refused (403)
    linked_from: object = None  # records -> url of the page that links here only for the allowed roles


def _r(name, *args):
    return lambda rec: reverse(f"partnership:{name}", args=[a(rec) if callable(a) else a for a in args])


def _pk(key):
    return lambda rec: rec[key].pk


PAGES = [
    # Reading the register: every role.
    Page("index", _r("index"), EVERYONE),
    Page("overview", _r("overview", "safer-worcester"), EVERYONE),
    Page("partners", _r("partners", "safer-worcester"), EVERYONE),
    Page("organisation", _r("organisation", _pk("police")), EVERYONE),
    Page("governance", _r("governance"), EVERYONE),
    Page("group", _r("group", _pk("sw_group")), EVERYONE),
    Page("terms", _r("terms", _pk("terms")), EVERYONE),
    Page("meetings", _r("meetings"), EVERYONE),
    Page("meeting", _r("meeting", _pk("sw_meeting")), EVERYONE),
    Page("actions", _r("actions", "safer-worcester"), EVERYONE),
    Page("assessments", _r("assessments", "south-worcestershire"), EVERYONE),
    # The exempt strategic assessment: administrators and analysts only.
    Page("exempt assessment", _r("assessment", "south-worcestershire", _pk("assessment")), {A, N},
         _r("assessments", "south-worcestershire")),
    # Changing records.
    Page("edit own organisation", _r("organisation-edit", _pk("council")), {A, C}, _r("organisation", _pk("council"))),
    Page("edit another organisation", _r("organisation-edit", _pk("police")), {A}, _r("organisation", _pk("police"))),
    Page("add organisation", _r("organisation-new"), {A}, _r("index")),
    Page("add group", _r("group-new"), {A}, _r("governance")),
    Page("edit group", _r("group-edit", _pk("sw_group")), {A}, _r("group", _pk("sw_group"))),
    Page("add terms", _r("terms-new", _pk("sw_group")), {A}, _r("group", _pk("sw_group"))),
    Page("edit terms", _r("terms-edit", _pk("terms")), {A}, _r("terms", _pk("terms"))),
    Page("add meeting", _r("meeting-new"), {A, C}, _r("meetings")),
    Page("edit meeting of a hosted group", _r("meeting-edit", _pk("sw_meeting")), {A, C},
         _r("meeting", _pk("sw_meeting"))),
    Page("edit meeting of another group", _r("meeting-edit", _pk("soc_meeting")), {A},
         _r("meeting", _pk("soc_meeting"))),
    Page("add action", _r("action-new", "safer-worcester"), {A, C}, _r("actions", "safer-worcester")),
    Page("edit own action", _r("action-edit", "safer-worcester", _pk("council_action")), {A, C},
         _r("actions", "safer-worcester")),
    Page("edit another's action", _r("action-edit", "safer-worcester", _pk("police_action")), {A},
         _r("actions", "safer-worcester")),
    Page("add assessment", _r("assessment-new", "south-worcestershire"), {A, N},
         _r("assessments", "south-worcestershire")),
    Page("add priority", _r("priority-new", _pk("theme")), {A, N}, _r("overview", "south-worcestershire")),
    Page("edit priority", _r("priority-edit", _pk("priority")), {A, N}, _r("overview", "south-worcestershire")),
    Page("edit assessment", _r("assessment-edit", "south-worcestershire", _pk("assessment")), {A, N},
         _r("assessment", "south-worcestershire", _pk("assessment"))),
]


@pytest.fixture
def as_role(signed_in, records):
    """A client signed in with `role`; the contributor (and every other role) acts for Worcester City Council."""
    return lambda role: signed_in(role, records["council"])


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_each_role_gets_exactly_its_pages(as_role, records, page):
    """For every role: 200 or 403 as the table says, and a link to the page only where the role may use it."""
    url = page.url(records)
    got, links = {}, {}
    for role in ALL_ROLES:
        c = as_role(role)
        got[role] = c.get(url).status_code
        if page.linked_from:
            linking = c.get(page.linked_from(records))
            links[role] = linking.status_code == 200 and f'href="{url}"' in linking.content.decode()
    assert got == {role: 200 if role in page.allowed else 403 for role in ALL_ROLES}, url
    if page.linked_from:
        assert links == {role: role in page.allowed for role in ALL_ROLES}, f"links to {url}"


def test_a_signed_in_account_without_a_role_sees_nothing(records, client, django_user_model):
    user = django_user_model.objects.create_user("norole", password="x" * 16)
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    for page in PAGES:
        assert client.get(page.url(records)).status_code == 403, page.name


# Changes: (what, url, form data, how to read the changed value, the value after a permitted change)
def _org_post(rec):
    return {"name": rec["council"].name, "kind": "council", "website": "https://www.worcester.gov.uk/"}


def _meeting_post(rec):
    return {"group": rec["sw_group"].pk, "date": "2020-09-15", "financial_year": "", "format": "remote",
            "minutes": "Agreed the bike marking plan.", "new_topics": "Bike thefts"}


def _action_post(rec, owner):
    return {"title": "Refresh the Safe Places scheme stickers", "owner": rec[owner].pk, "due_date": "2021-04-30",
            "status": "done"}


def _assessment_post(rec):
    return {"title": EXEMPT_TITLE, "period_start": "2018-07-01", "period_end": "2020-06-30",
            "author": "PCC Analysts Team", "approved_date": "2020-10-01", "exempt": "on"}


CHANGES = [
    ("own organisation's website", lambda r: _r("organisation-edit", _pk("council"))(r), _org_post,
     lambda r: Organisation.objects.get(pk=r["council"].pk).website, "https://www.worcester.gov.uk/", {A, C}),
    ("a Safer Worcester meeting's minutes", lambda r: _r("meeting-edit", _pk("sw_meeting"))(r), _meeting_post,
     lambda r: Meeting.objects.get(pk=r["sw_meeting"].pk).minutes, "Agreed the bike marking plan.", {A, C}),
    ("own action's status", lambda r: _r("action-edit", "safer-worcester", _pk("council_action"))(r),
     lambda r: _action_post(r, "council"),
     lambda r: Action.objects.get(pk=r["council_action"].pk).status, "done", {A, C}),
    ("another organisation's action", lambda r: _r("action-edit", "safer-worcester", _pk("police_action"))(r),
     lambda r: _action_post(r, "police"),
     lambda r: Action.objects.get(pk=r["police_action"].pk).status, "done", {A}),
    ("the strategic assessment's approval date",
     lambda r: _r("assessment-edit", "south-worcestershire", _pk("assessment"))(r), _assessment_post,
     lambda r: StrategicAssessment.objects.get(pk=r["assessment"].pk).approved_date, date(2020, 10, 1), {A, N}),
    ("a priority's description", lambda r: _r("priority-edit", _pk("priority"))(r),
     lambda r: {"name": "Domestic Abuse", "order": 2, "description": "Including stalking and harassment"},
     lambda r: Priority.objects.get(pk=r["priority"].pk).description, "Including stalking and harassment", {A, N}),
    ("the terms of reference's meeting frequency", lambda r: _r("terms-edit", _pk("terms"))(r),
     lambda r: {**{f: getattr(r["terms"], f) or "" for f in ["purpose", "chair_rule", "aims"]},
                "meeting_frequency": "quarterly"},
     lambda r: TermsOfReference.objects.get(pk=r["terms"].pk).meeting_frequency, "quarterly", {A}),
]


@pytest.mark.parametrize("change", CHANGES, ids=lambda c: c[0])
def test_each_role_changes_exactly_its_records(as_role, records, change):
    """Refused roles post first (403, nothing changes), then each permitted role makes the change."""
    _, url, data, read, after, allowed = change
    before = read(records)
    assert before != after
    for role in sorted(ALL_ROLES, key=lambda r: r in allowed):
        response = as_role(role).post(url(records), data(records))
        if role in allowed:
            assert response.status_code == 302, (role, response.content.decode()[:3000])
            assert read(records) == after, role
        else:
            assert response.status_code == 403, role
            assert read(records) == before, role


def test_contributor_adds_actions_only_for_its_own_organisation(as_role, records):
    c = as_role(C)
    url = reverse("partnership:action-new", args=["safer-worcester"])
    refused = c.post(url, {"title": "Police patrols", "owner": records["police"].pk, "due_date": "2021-05-01",
                           "status": "open"})
    assert refused.status_code == 200 and "Select a valid choice" in refused.content.decode()
    assert not Action.objects.filter(title="Police patrols").exists()
    made = c.post(url, {"title": "Night-time economy walkabout", "owner": records["council"].pk,
                        "due_date": "2021-05-01", "status": "open"})
    assert made.status_code == 302
    assert Action.objects.get(title="Night-time economy walkabout").owner == records["council"]


def test_contributor_records_meetings_only_for_groups_its_organisation_hosts(as_role, records):
    c = as_role(C)
    page = c.get(reverse("partnership:meeting-new")).content.decode()
    assert "Safer Worcester" in page and "Serious Organised Crime Focus Group" not in page
    soc = Group.objects.get(name="Serious Organised Crime Focus Group")
    response = c.post(reverse("partnership:meeting-new"), {"group": soc.pk, "financial_year": "2020-21",
                                                            "format": "remote"})
    assert response.status_code == 200 and "Select a valid choice" in response.content.decode()
    assert soc.meetings.count() == 4


def test_contributor_without_a_hosted_group_cannot_record_meetings(signed_in, records):
    c = signed_in(C, records["police"])  # West Mercia Police hosts tasking meetings in the demo
    assert c.get(reverse("partnership:meeting-new")).status_code == 200
    c = signed_in(C, Organisation.objects.get(name="Victim Support"))
    assert c.get(reverse("partnership:meeting-new")).status_code == 403


def test_exempt_assessment_is_listed_only_for_administrators_and_analysts(as_role):
    for role in ALL_ROLES:
        c = as_role(role)
        for url in [reverse("partnership:assessments", args=["south-worcestershire"]),
                    reverse("partnership:overview", args=["south-worcestershire"])]:
            assert (EXEMPT_TITLE in c.get(url).content.decode()) == (role in {A, N}), (role, url)


def test_only_administrators_reach_the_django_admin(make_user, records):
    for role in ALL_ROLES:
        c = Client()  # the Django admin's pages follow Django's conventions, not the project's page checker
        c.force_login(make_user(role, records["council"]), backend="django.contrib.auth.backends.ModelBackend")
        for model in ["organisation", "group", "meeting", "action", "strategicassessment", "termsofreference"]:
            response = c.get(f"/admin/partnership/{model}/")
            assert response.status_code == (200 if role == A else 302), (role, model)
