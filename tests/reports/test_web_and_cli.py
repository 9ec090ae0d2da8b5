"""The reports page (build with options, progress, downloads, the version a role allows) and the command."""

import io
from importlib import import_module

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import override_settings

from saferplace.accounts.models import Role
from saferplace.reports.models import ReportBuild


@pytest.fixture
def partnership_demo(db):
    for app in ("geography", "partnership", "funding", "interventions"):
        import_module(f"saferplace.{app}.demo").load(io.StringIO())


@pytest.fixture
def inline(tmp_path):
    with override_settings(VAR_DIR=tmp_path):
        yield tmp_path


def test_analyst_builds_the_restricted_annual_report_and_downloads_it(partnership_demo, inline, signed_in):
    client = signed_in(Role.ANALYST)
    page = client.get("/reports/")
    assert page.status_code == 200 and b"Restricted" in page.content
    response = client.post("/reports/", {"kind": "annual", "partnership": "safer-worcester", "period": "2020-21",
                                         "audience": "restricted"})
    job = ReportBuild.objects.get()
    assert response.status_code == 302 and response.url == job.get_absolute_url()
    assert job.status == ReportBuild.Status.DONE, job.error
    assert job.files == ["html", "pdf", "docx", "xlsx"]
    page = client.get(job.get_absolute_url())
    assert b"Download" in page.content and b"Word (DOCX)" in page.content
    read = client.get(f"/reports/builds/{job.pk}/read/")
    assert read.status_code == 200
    assert b"Appendix 1 Safer Worcester partners" in read.content and b"THIS IS AN EXEMPT ITEM" not in read.content
    docx = client.get(f"/reports/builds/{job.pk}/file.docx")
    assert docx.status_code == 200 and docx["Content-Type"].startswith("application/vnd.openxmlformats")
    assert "annual-2020-21-restricted.docx" in docx["Content-Disposition"]
    status = client.get(f"/reports/builds/{job.pk}/status.json").json()
    assert status["status"] == "done"


def test_viewer_gets_only_the_public_version(partnership_demo, inline, signed_in, make_user):
    viewer = signed_in(Role.VIEWER)
    page = viewer.get("/reports/")
    assert b'value="restricted"' not in page.content
    refused = viewer.post("/reports/", {"kind": "annual", "partnership": "safer-worcester", "period": "2020-21",
                                        "audience": "restricted"})
    assert refused.status_code == 200 and not ReportBuild.objects.exists()  # the form refuses the choice
    restricted = ReportBuild.objects.create(kind="annual", partnership="safer-worcester", period="2020-21",
                                            audience="restricted", status="done", files=["html"])
    assert viewer.get(restricted.get_absolute_url()).status_code == 403
    assert viewer.get(f"/reports/builds/{restricted.pk}/file.html").status_code == 403
    viewer.post("/reports/", {"kind": "annual", "partnership": "safer-worcester", "period": "2020-21",
                              "audience": "public"})
    public = ReportBuild.objects.get(audience="public")
    assert public.status == "done"
    read = viewer.get(f"/reports/builds/{public.pk}/read/")
    assert b"THIS IS AN EXEMPT ITEM" in read.content


def test_form_explains_a_wrong_period(partnership_demo, signed_in):
    page = signed_in(Role.ANALYST).post("/reports/", {"kind": "annual", "partnership": "safer-worcester",
                                                      "period": "2023", "audience": "public"})
    assert page.status_code == 200 and b"Enter the financial year, for example 2023-24." in page.content


def test_report_command_writes_the_chosen_formats(partnership_demo, tmp_path):
    out = io.StringIO()
    call_command("report", "annual", "--period", "2020-21", "--format", "html,xlsx", "--out", str(tmp_path),
                 stdout=out)
    assert out.getvalue().split() == [str(tmp_path / "annual-2020-21-public.html"),
                                      str(tmp_path / "annual-2020-21-public.xlsx")]


@pytest.mark.parametrize("args, code", [
    (["annual", "--period", "2023"], 1),
    (["annual", "--period", "2020-21", "--format", "odt"], 2),
    (["meeting", "--period", "2020-21"], 2),
    (["strategic", "--period", "2024-03..2022-04"], 1),
    (["annual", "--period", "2020-21", "--partnership", "nowhere"], 1),
])
def test_report_command_refuses_bad_options(partnership_demo, tmp_path, args, code):
    with pytest.raises(CommandError) as error:
        call_command("report", *args, "--out", str(tmp_path), stdout=io.StringIO())
    assert error.value.returncode == code
    assert not list(tmp_path.iterdir())
