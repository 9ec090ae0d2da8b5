"""Who sees personal details, and that every read of a case review or DHR is in the audit log."""

import csv
import io

import pytest
from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.test import Client

from saferplace.accounts.models import Role
from saferplace.partnership.models import Organisation
from saferplace.registers.models import CaseReview, DomesticHomicideReview
from tests.conftest import ALL_ROLES
from tests.htmlcheck import CheckingClient


@pytest.fixture
def named_case(demo):
    case = CaseReview.objects.get(reference="CT-2020-21-01")
    case.applicant_name = "Alex Example"
    case.save()
    return case


@pytest.fixture
def named_review(demo):
    review = DomesticHomicideReview.objects.get(reference="SWCSP DHR 2020/01")
    review.victim_name = "Sam Example"
    review.save()
    return review


def city():
    return Organisation.objects.get(name="Worcester City Council")


def reads(record, user=None):
    entries = LogEntry.objects.filter(content_type=ContentType.objects.get_for_model(record),
                                      object_pk=str(record.pk), action=LogEntry.Action.ACCESS)
    return entries.filter(actor=user) if user else entries


def _client(user):
    c = CheckingClient()
    c.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return c


@pytest.mark.parametrize("role", ALL_ROLES)
def test_owning_organisation_sees_names_others_do_not(make_user, named_case, role):
    page = _client(make_user(role, city(), "insider")).get(named_case.get_absolute_url())
    assert page.status_code == 200 and "Alex Example" in page.text
    if role != Role.ADMINISTRATOR:
        outsider = make_user(role, Organisation.objects.get(name="Worcester Community Trust"), "outsider")
        page = _client(outsider).get(named_case.get_absolute_url())
        assert page.status_code == 200 and "Alex Example" not in page.text
        assert "shown only to administrators" in page.text


def test_administrator_of_any_organisation_sees_names(signed_in, named_case, named_review):
    admin = signed_in(Role.ADMINISTRATOR, Organisation.objects.get(name="Victim Support"))
    assert "Alex Example" in admin.get(named_case.get_absolute_url()).text
    assert "Sam Example" in admin.get(named_review.get_absolute_url()).text


def test_every_read_is_audited_with_the_reader_and_what_was_shown(make_user, named_case, named_review):
    viewer = make_user(Role.VIEWER, Organisation.objects.get(name="Worcester Community Trust"), "outsider")
    owner = make_user(Role.VIEWER, Organisation.objects.get(name="Wychavon District Council"), "dhr-owner")
    for user, record in [(viewer, named_case), (viewer, named_review), (owner, named_review)]:
        c = _client(user)
        before = reads(record, user).count()
        assert c.get(record.get_absolute_url()).status_code == 200
        entries = reads(record, user)
        assert entries.count() == before + 1
        shown = entries.latest("timestamp").additional_data
        assert shown["personal_details_shown"] is (user == owner), shown
        assert shown["view"].endswith("page")


def test_names_csv_holds_only_permitted_names_and_is_audited(make_user, named_case, named_review):
    user = make_user(Role.CONTRIBUTOR, city(), "city-officer")
    c = _client(user)
    rows = list(csv.DictReader(io.StringIO(c.get("/registers/asb/export.csv?personal=1").content.decode())))
    assert {r["applicant_name"] for r in rows if r["reference"] == "CT-2020-21-01"} == {"Alex Example"}
    assert reads(named_case, user).latest("timestamp").additional_data["view"] == "case review CSV with names"
    assert reads(named_case, user).count() == 1
    # Worcester City Council owns the DHRs too (with Wychavon and Malvern Hills).
    rows = list(csv.DictReader(io.StringIO(c.get("/registers/dhr/export.csv?personal=1").content.decode())))
    assert "Sam Example" in {r["victim_name"] for r in rows}
    outsider = make_user(Role.ANALYST, Organisation.objects.get(name="YSS"), "yss")
    c.force_login(outsider, backend="django.contrib.auth.backends.ModelBackend")
    text = c.get("/registers/asb/export.csv?personal=1").content.decode()
    assert "Alex Example" not in text and not reads(named_case, outsider).exists()


def test_public_safe_csvs_carry_no_personal_fields(signed_in, named_case, named_review):
    c = signed_in(Role.ADMINISTRATOR)
    for url, name in [("/registers/asb/export.csv", "Alex Example"), ("/registers/dhr/export.csv", "Sam Example")]:
        response = c.get(url)
        assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
        text = response.content.decode()
        assert name not in text and "applicant_name" not in text and "victim_name" not in text
    assert not reads(named_case).exists()  # the public-safe export is not a read of personal data


def test_admin_change_page_is_for_administrators_and_audited(make_user, named_case):
    admin = make_user(Role.ADMINISTRATOR, city(), "boss")
    admin.is_staff = True
    admin.is_superuser = True
    admin.save()
    raw = Client()  # the admin's own pages are not under the page checker's rules
    raw.force_login(admin, backend="django.contrib.auth.backends.ModelBackend")
    assert raw.get(f"/admin/registers/casereview/{named_case.pk}/change/").status_code == 200
    assert reads(named_case, admin).latest("timestamp").additional_data["view"] == "admin"
    staff = make_user(Role.ANALYST, city(), "staff-analyst")
    staff.is_staff = True
    staff.save()
    raw.force_login(staff, backend="django.contrib.auth.backends.ModelBackend")
    assert raw.get(f"/admin/registers/casereview/{named_case.pk}/change/").status_code in {302, 403}


def test_only_owners_and_administrators_change_cases(signed_in, named_case):
    assert signed_in(Role.CONTRIBUTOR, city()).get(f"/registers/asb/{named_case.pk}/edit/").status_code == 200
    other = signed_in(Role.CONTRIBUTOR, Organisation.objects.get(name="YSS"))
    assert other.get(f"/registers/asb/{named_case.pk}/edit/").status_code == 403
    assert other.post(f"/registers/asb/{named_case.pk}/complaints/new/", {}).status_code == 403
    viewer = signed_in(Role.VIEWER, city())
    assert viewer.get(f"/registers/asb/{named_case.pk}/edit/").status_code == 403


def test_public_outputs_need_no_sign_in_and_hold_counts_only(client, named_case):
    page = client.get("/registers/asb/publication/?year=2020-21")
    assert page.status_code == 200 and "Alex Example" not in page.text
    assert client.get("/registers/pspo/").status_code == 200
    assert client.get("/registers/pspo/city-centre/").status_code == 200
    assert client.get("/registers/pspo/export.csv").status_code == 200
    for url in ["/registers/asb/", f"/registers/asb/{named_case.pk}/", "/registers/asb/export.csv", "/registers/dhr/"]:
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith("/sign-in/"), url
