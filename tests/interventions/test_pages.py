"""Project pages, outputs entry (form, XLSX template and upload) and who may do what."""

from datetime import date
from decimal import Decimal
from io import BytesIO

import pytest
from openpyxl import load_workbook

from saferplace.incidents.models import MeasureValue
from saferplace.interventions.models import Output, Project
from saferplace.partnership.models import Organisation, Priority
from tests.conftest import ALL_ROLES


@pytest.mark.parametrize("role", ALL_ROLES)
def test_every_role_reads_the_pages(seed, signed_in, role):
    c = signed_in(role)
    dawn = Project.objects.get(name="Dawn Project")
    da = Priority.objects.get(name="Domestic Abuse")
    for url in ["/interventions/", "/interventions/?year=2020-21", f"/interventions/projects/{dawn.pk}/",
                "/interventions/traceability/", "/interventions/traceability/?partnership=south-worcestershire",
                f"/interventions/priorities/{da.pk}/?year=2020-21"]:
        assert c.get(url).status_code == 200, url
    keeps = role in ("administrator", "analyst")
    assert c.get("/interventions/projects/new/").status_code == (200 if keeps else 403)
    assert c.get(f"/interventions/projects/{dawn.pk}/edit/").status_code == (200 if keeps else 403)


def test_project_page_shows_outputs_and_cost_per_output(seed, signed_in):
    dawn = Project.objects.get(name="Dawn Project")
    page = signed_in("viewer").get(f"/interventions/projects/{dawn.pk}/").content.decode()
    for text in ["Allocated £32,890.00 of £32,890.00 requested", "157 referrals", "£209.49", "198 children",
                 "£166.11", "worked out from the money allocated"]:
        assert text in page, text
    assert "No Police-recorded domestic abuse figures are loaded" in page


def test_priority_page_totals(seed, signed_in):
    da = Priority.objects.get(name="Domestic Abuse")
    page = signed_in("viewer").get(f"/interventions/priorities/{da.pk}/?year=2020-21").content.decode()
    assert "£49,022.00" in page  # 32,890 + 12,000 + 4,132
    assert "also serve other priorities" in page


def test_contributor_records_outputs_only_for_its_own_projects(seed, signed_in):
    wct = Organisation.objects.get(name="Worcester Community Trust")
    c = signed_in("contributor", org=wct)
    dawn = Project.objects.get(name="Dawn Project")
    pastors = Project.objects.get(name="Worcester Street Pastors")
    assert c.get(f"/interventions/projects/{pastors.pk}/outputs/new/").status_code == 403
    url = f"/interventions/projects/{dawn.pk}/outputs/new/"
    assert c.get(url).status_code == 200
    # a whole-year figure of an output Dawn already has is written as its partner measure's value
    data = {"measure": "Referrals received", "unit": "referrals", "financial_year": "2021/22", "quarter": "0",
            "value": "41", "note": ""}
    assert c.post(url, data).status_code == 302
    value = MeasureValue.objects.get(measure__slug="dawn-referrals", period_start=date(2021, 4, 1))
    assert (value.value, value.entered_by.username) == (Decimal("41"), "contributor")
    refused = c.post(url, data)  # the same measure and period again
    assert refused.status_code == 200 and "already has a value for that period" in refused.content.decode()
    by_quarter = c.post(url, {**data, "quarter": "1"}).content.decode()  # dawn-referrals is counted by year
    assert "&#x27;Referrals received&#x27; is counted by financial year: choose Whole year." in by_quarter
    # a new measure recorded by quarter becomes a new output with its own partner measure, owned by the lead
    new = {**data, "measure": "Safety plans completed", "unit": "plans", "quarter": "1", "value": "12"}
    assert c.post(url, new).status_code == 302
    plans = Output.objects.get(project=dawn, name="Safety plans completed").measure
    assert (plans.period, plans.organisation, plans.unit) == ("quarter", wct, "plans")
    assert [(v.period_start, v.value, v.entered_by.username) for v in plans.values.all()] == [
        (date(2021, 4, 1), Decimal("12"), "contributor")]
    bad = c.post(url, {**data, "financial_year": "2021-23", "quarter": "2"}).content.decode()
    assert "A financial year starting in 2021 ends in 2022: write 2021-22, not 2021-23." in bad


def _template(client, year="2020-21"):
    response = client.get(f"/interventions/outputs/template.xlsx?year={year}")
    assert response.status_code == 200
    return load_workbook(BytesIO(response.content))


def test_outputs_template_lists_projects_with_values_held(seed, signed_in):
    sheet = _template(signed_in("analyst"))["Outputs"]
    rows = {(r[0], r[1]): r for r in sheet.iter_rows(min_row=2, values_only=True)}
    assert rows[("Dawn Project", "Referrals received")][3:6] == ("2020-21", "Whole year", 157)
    assert ("Out2gether", None) in rows  # funded, no output yet: a blank row to fill in


def test_outputs_upload_round_trip_and_refusal(seed, signed_in, tmp_path):
    wct = Organisation.objects.get(name="Worcester Community Trust")
    c = signed_in("contributor", org=wct)
    wb = _template(c)
    sheet = wb["Outputs"]
    assert {r[0] for r in sheet.iter_rows(min_row=2, values_only=True)} == {"Dawn Project"}  # only its own
    sheet.append(["Dawn Project", "Safety plans completed", "plans", "2020-21", "Whole year", 120, "New measure"])
    path = tmp_path / "outputs.xlsx"
    wb.save(path)
    with path.open("rb") as handle:
        assert c.post("/interventions/outputs/upload/", {"file": handle}).status_code == 302
    assert Output.objects.get(name="Safety plans completed").measure.values.get().value == 120
    dawn_referrals = MeasureValue.objects.get(measure__slug="dawn-referrals", period_start=date(2020, 4, 1))
    assert dawn_referrals.value == 157  # unchanged

    sheet.append(["Worcester Street Pastors", "People supported", "people", "2020-21", "Whole year", 1, ""])
    sheet.append(["Dawn Project", "Calls", "calls", "2020-21", "Fortnight", "many", ""])
    wb.save(path)
    count = (Output.objects.count(), MeasureValue.objects.count())
    with path.open("rb") as handle:
        page = c.post("/interventions/outputs/upload/", {"file": handle}).content.decode()
    assert (Output.objects.count(), MeasureValue.objects.count()) == count
    assert "outputs.xlsx, sheet Outputs, row 7, column A (Project): you may record outputs only for projects" in page
    assert "row 8, column E (Period): &#x27;Fortnight&#x27; is not a period" in page
    assert "row 8, column F (Value): Value: &#x27;many&#x27; is not a number [OUTPUT-VALUE]" in page


def test_indicator_change_over_project_life_is_worded_as_association(seed):
    incidents = pytest.importorskip("saferplace.incidents.models")
    from saferplace.geography.models import Area
    from saferplace.interventions.indicators import indicator_change_over_project_life

    force = incidents.Force.objects.create(slug="west-mercia", name="West Mercia Police")
    batch = incidents.ImportBatch.objects.create(kind="street", status="loaded", source_name="test")
    lsoa = Area.objects.filter(level="lsoa", parent__code="E07000237").first()
    for year, per_month in ((2019, 30), (2020, 20)):
        for i in range(12):
            month = date(year + (i + 3) // 12, (i + 3) % 12 + 1, 1)
            fm = incidents.ForceMonth.objects.create(kind="street", force=force, month=month, batch=batch,
                                                     release="2021-05")
            incidents.MonthlyCount.objects.create(force_month=fm, force=force, month=month, lsoa=lsoa,
                                                  category="Burglary", count=per_month)
    project = Project.objects.get(name="Acquisitive Crime")  # no dates; funded in 2020-21
    indicator = Priority.objects.get(name="Dwelling and Non-Dwelling Burglary").indicators.get()
    result = indicator_change_over_project_life(indicator, project)
    assert result.available
    assert (result.change.before, result.change.after, result.change.direction) == (360, 240, "fell")
    assert result.sentence.startswith("While Acquisitive Crime ran: Burglary (police.uk) in South Worcestershire")
    assert "from 360 in" in result.sentence and "to 240 in" in result.sentence
    assert "not a measure of what it achieved" in result.sentence
    assert "caused" not in result.sentence and "because of" not in result.sentence
