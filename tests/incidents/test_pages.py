"""The data pages, the import page's upload → report → confirm flow, measures and the dashboard panel."""

import io

import pytest
from django.urls import reverse

from saferplace.accounts.models import Role
from saferplace.incidents import demo
from saferplace.incidents.models import Crime, ImportBatch, Measure, MeasureValue
from saferplace.partnership.models import Organisation
from tests.conftest import ALL_ROLES

from .helpers import CITY, WORCESTER_SAMPLE, snapshot

pytestmark = pytest.mark.django_db


@pytest.fixture
def worcester_demo():
    demo.load(io.StringIO())


def test_demo_dashboard_shows_monthly_crime_and_asb_for_the_24_months(worcester_demo, signed_in):
    from saferplace.geography import demo as geography_demo
    from saferplace.partnership import demo as partnership_demo

    geography_demo.load(io.StringIO())
    partnership_demo.load(io.StringIO())
    page = signed_in(Role.VIEWER).get(reverse("dashboard"))
    html = page.content.decode()
    assert "Crime and anti-social behaviour in Safer Worcester Partnership" in html
    for month, asb in (("2022-04", 266), ("2023-02", 172), ("2024-03", 159)):  # SOURCES.md ASB rows
        assert f'<th scope="row" class="govuk-table__header">{month}</th>' in html
        assert f'<td class="govuk-table__cell govuk-table__cell--numeric">{asb}</td>' in html
    assert "2022-03" not in html and "2024-04" not in html
    assert "All 24 months" in html
    assert "<svg" in html and "<script>" not in html
    assert ">4,784<" in html and ">21,343<" in html  # 4,784 ASB of 26,127 rows


def test_demo_is_idempotent(worcester_demo):
    before = snapshot()
    batches = ImportBatch.objects.count()
    demo.load(io.StringIO())
    assert snapshot() == before and ImportBatch.objects.count() == batches
    assert Crime.objects.count() == 26127
    recorded = Measure.objects.get(slug="recorded-crime-worcester")
    assert recorded.published and recorded.organisation.name == "West Mercia Police"
    values = dict(recorded.values.values_list("period_start__year", "value"))
    assert values == {2020: 8023, 2019: 9573} and values[2019] - values[2020] == 1550


@pytest.mark.parametrize("role", ALL_ROLES)
def test_every_role_reads_the_data_pages(worcester_demo, signed_in, role):
    client = signed_in(role)
    for name in ("incidents:index", "incidents:history", "incidents:quality", "incidents:measures"):
        assert client.get(reverse(name)).status_code == 200
    batch = ImportBatch.objects.first()
    assert client.get(batch.get_absolute_url()).status_code == 200
    assert client.get(reverse("incidents:measure", args=["cctv-incidents-witnessed"])).status_code == 200
    can_import = role in (Role.ADMINISTRATOR, Role.ANALYST, Role.CONTRIBUTOR)
    assert client.get(reverse("incidents:import")).status_code == (200 if can_import else 403)


def test_import_page_checks_then_loads_on_confirm(signed_in):
    client = signed_in(Role.ANALYST)
    with open(WORCESTER_SAMPLE, "rb") as handle:
        page = client.post(reverse("incidents:import"), {"kind": "policeuk", "file": handle, "release": "2024-09"},
                           follow=True)
    html = page.content.decode()
    assert "Check before loading" in html and "277 rows would be loaded" in html
    assert "Nothing is stored until you confirm" in html
    assert Crime.objects.count() == 0 and not ImportBatch.objects.exists()
    page = client.post(reverse("incidents:import-confirm"), follow=True)
    assert Crime.objects.count() == 277
    assert "Loaded 277 rows" in page.content.decode()
    batch = ImportBatch.objects.get()
    assert batch.release == "2024-09" and batch.user.username == "analyst" and batch.sha256


def test_import_page_refuses_a_bad_file_with_its_report(signed_in, tmp_path):
    client = signed_in(Role.ADMINISTRATOR)
    data = (CITY / "2024-02-city-of-london-street.csv").read_bytes()
    upload = io.BytesIO(data[: len(data) // 3])
    upload.name = "2024-02-city-of-london-street.csv"
    page = client.post(reverse("incidents:import"), {"kind": "policeuk", "file": upload}, follow=True)
    html = page.content.decode()
    assert "cannot be loaded" in html and "DQ-TRUNCATED" in html and "Confirm and load" not in html
    assert Crime.objects.count() == 0


def test_history_and_quality_pages_show_the_batches_and_gaps(signed_in):
    from .helpers import run

    run("import", "policeuk", CITY)
    client = signed_in(Role.VIEWER)
    html = client.get(reverse("incidents:history")).content.decode()
    assert html.count("city-of-london-street.csv") == 12
    html = client.get(reverse("incidents:quality")).content.decode()
    assert "City of London Police" in html and "DQ-CRIME-ID-DUPLICATE" in html


def test_measure_value_form_and_contributor_limits(worcester_demo, signed_in):
    trust = Organisation.objects.get(name="Worcester Community Trust")
    partner = signed_in(Role.CONTRIBUTOR, trust)
    own = reverse("incidents:measure", args=["dawn-referrals"])
    page = partner.post(own, {"period": "2021-22", "value": "164", "note": ""}, follow=True)
    assert page.status_code == 200
    assert MeasureValue.objects.get(measure__slug="dawn-referrals", period_start__year=2021).value == 164
    page = partner.post(own, {"period": "2021-04", "value": "-3"})
    assert "Enter a financial year written like 2020-21" in page.content.decode()
    assert "Enter a value of 0 or more" in page.content.decode()
    other = reverse("incidents:measure", args=["cctv-incidents-witnessed"])
    assert partner.post(other, {"period": "2021-22", "value": "1"}).status_code == 403


def test_measure_templates_download(worcester_demo, signed_in):
    from openpyxl import load_workbook

    client = signed_in(Role.VIEWER)
    csv_text = client.get(reverse("incidents:measure-template-csv", args=["cctv-incidents-witnessed"])).content
    assert csv_text.decode().splitlines() == ["measure,period,value,note", "cctv-incidents-witnessed,2020-21,2074.00,"]
    xlsx = client.get(reverse("incidents:measure-template-xlsx", args=["cctv-incidents-witnessed"])).content
    book = load_workbook(io.BytesIO(xlsx))
    assert [c.value for c in book["Data"][1]] == ["measure", "period", "value", "note"]
    assert book["Data"]["C2"].value == 2074


def test_contributor_uploads_its_own_measures_template(worcester_demo, signed_in, tmp_path):
    trust = Organisation.objects.get(name="Worcester Community Trust")
    partner = signed_in(Role.CONTRIBUTOR, trust)
    html = partner.get(reverse("incidents:import")).content.decode()
    assert "A partner measure template" in html and "police.uk files (street" not in html

    def upload(text: str):
        handle = io.BytesIO(text.encode())
        handle.name = "dawn.csv"
        return partner.post(reverse("incidents:import"), {"kind": "measures", "file": handle}, follow=True)

    page = upload("measure,period,value,note\r\ndawn-referrals,2021-22,170,\r\n")
    assert "1 row would be loaded" in page.content.decode()
    partner.post(reverse("incidents:import-confirm"))
    assert MeasureValue.objects.get(measure__slug="dawn-referrals", period_start__year=2021).value == 170

    page = upload("measure,period,value,note\r\ncctv-incidents-witnessed,2021-22,1,\r\n")
    html = page.content.decode()
    assert "cannot be loaded" in html and "DQ-MEASURE-NOT-YOURS" in html
    assert not MeasureValue.objects.filter(measure__slug="cctv-incidents-witnessed", period_start__year=2021).exists()


def test_a_load_in_progress_shows_on_the_history_page(signed_in, settings, tmp_path):
    from saferplace.incidents.services import ProgressFile, running_imports

    settings.VAR_DIR = tmp_path
    tracker = ProgressFile("latest.zip (uploaded by analyst)")
    tracker.file_done(150_000)
    tracker.update(25_000, "2024-03-metropolitan-street.csv")
    assert running_imports()[0]["rows"] == 175_000
    html = signed_in(Role.VIEWER).get(reverse("incidents:history")).content.decode()
    assert "Loading now" in html and "latest.zip (uploaded by analyst)" in html and "175,000" in html
    tracker.close()
    assert running_imports() == []


def test_dashboard_flags_a_publication_gap(signed_in, tmp_path):
    import csv
    import shutil

    from .helpers import run

    folder = tmp_path / "city"
    shutil.copytree(CITY, folder)
    september = folder / "2024-09-city-of-london-street.csv"
    rows = list(csv.reader(open(september, newline="", encoding="utf-8")))
    with open(september, "w", newline="", encoding="utf-8") as handle:
        csv.writer(handle, lineterminator="\r\n").writerows(rows[:301])
    assert run("import", "policeuk", folder)[0] == 0
    html = signed_in(Role.VIEWER).get(reverse("dashboard")).content.decode()
    assert "Likely publication gaps: City of London Police 2024-09 (300 rows against about" in html
    html = signed_in(Role.ANALYST).get(reverse("incidents:quality")).content.decode()
    assert "Likely publication gap</strong>" in html
