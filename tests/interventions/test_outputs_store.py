"""A project's outputs are partner measures: one store for the figures (docs/adr/0801)."""

from datetime import date
from decimal import Decimal

from django.urls import reverse

from saferplace.incidents import demo_records as figures_seed
from saferplace.incidents.models import Measure, MeasureValue
from saferplace.interventions import demo_records as records
from saferplace.interventions.analysis import project_year
from saferplace.interventions.indicators import indicator_change_over_project_life
from saferplace.interventions.models import Output, Project
from saferplace.interventions.taxonomy import indicators_of
from saferplace.partnership.models import Organisation, Priority

FY_2020 = date(2020, 4, 1)


def test_every_section_6_output_is_a_measure_with_its_seed_figure(seed):
    seed_values = {slug: value for slug, _, _, _, value, *_ in figures_seed.MEASURES}
    assert len(records.OUTPUTS) == Output.objects.count() == 34
    for project, name, slug in records.OUTPUTS:
        output = Output.objects.get(project__name=project, name=name)
        assert output.measure.slug == slug
        assert [(v.period_start, v.value) for v in output.measure.values.all()] == [(FY_2020, seed_values[slug])]
    dawn = project_year(Project.objects.get(name="Dawn Project"), "2020-21")
    referrals = next(o.figure for o in dawn.outputs if o.figure.name == "Referrals received")
    assert referrals.record == MeasureValue.objects.get(measure__slug="dawn-referrals")  # the same row, not a copy


def test_a_figure_corrected_on_the_measure_page_is_the_projects_figure(seed, signed_in):
    trust = Organisation.objects.get(name="Worcester Community Trust")
    partner = signed_in("contributor", org=trust)
    partner.post(reverse("incidents:measure", args=["dawn-referrals"]), {"period": "2020-21", "value": "160",
                                                                         "note": ""})
    dawn = Project.objects.get(name="Dawn Project")
    costs = {o.figure.name: (o.figure.value, o.cost) for o in project_year(dawn, "2020-21").outputs}
    assert costs["Referrals received"] == (Decimal("160"), Decimal("205.56"))  # 32,890 / 160 = 205.5625
    page = signed_in("viewer").get(f"/interventions/projects/{dawn.pk}/").content.decode()
    assert "160 referrals" in page and "£205.56" in page


def test_indicator_change_reads_yearly_partner_measures(seed):
    abuse = Priority.objects.get(name="Domestic Abuse")
    campaign = Project.objects.get(name="White Ribbon Campaign 2020")  # no dates; outputs in 2020-21 only
    indicator = next(i for i in indicators_of(abuse) if i.partner_measure == "dawn-referrals")
    assert not indicator_change_over_project_life(indicator, campaign).available  # 2019-20 is not loaded
    measure = Measure.objects.get(slug="dawn-referrals")
    MeasureValue.objects.create(measure=measure, period_start=date(2019, 4, 1), value=Decimal(100))
    result = indicator_change_over_project_life(indicator, campaign)
    assert result.available
    assert (result.change.before, result.change.after, result.change.direction) == (100, 157, "rose")
    assert "from 100 in April 2019 to March 2020 to 157 in April 2020 to March 2021" in result.sentence
    assert "not a measure of what it achieved" in result.sentence


def test_the_outputs_workbook_writes_measure_values_in_the_measures_own_periods(seed, signed_in, tmp_path):
    from io import BytesIO

    from openpyxl import load_workbook

    analyst = signed_in("analyst", org=Organisation.objects.get(name="Worcester City Council"))
    wb = load_workbook(BytesIO(analyst.get("/interventions/outputs/template.xlsx?year=2021-22").content))
    sheet = wb["Outputs"]
    sheet.append(["Youth Intervention", "Detached youth work sessions", "sessions", "2021-22", "April to June", 9, ""])
    sheet.append(["Youth Intervention", "Detached youth work sessions", "sessions", "2021-22", "July to September",
                  11, ""])
    path = tmp_path / "outputs.xlsx"
    wb.save(path)
    with path.open("rb") as handle:
        assert analyst.post("/interventions/outputs/upload/", {"file": handle}).status_code == 302
    sessions = Output.objects.get(name="Detached youth work sessions").measure
    assert (sessions.period, sessions.unit, sessions.organisation.name) == ("quarter", "sessions",
                                                                            "Worcester City Council")
    assert [(v.period_start, v.value) for v in sessions.values.all()] == [(date(2021, 4, 1), 9), (date(2021, 7, 1), 11)]
    # the next template offers every quarter of it, with the values held
    wb = load_workbook(BytesIO(analyst.get("/interventions/outputs/template.xlsx?year=2021-22").content))
    rows = [r[4:6] for r in wb["Outputs"].iter_rows(min_row=2, values_only=True)
            if r[1] == "Detached youth work sessions"]
    assert rows == [("April to June", 9), ("July to September", 11), ("October to December", None),
                    ("January to March", None)]
    # a quarter for a measure counted by year is refused, and nothing changes
    sheet = wb["Outputs"]
    sheet.append(["Youth Intervention", "YMCA residents at the weekly drop-in", "residents", "2021-22",
                  "April to June", 12, ""])
    wb.save(path)
    before = MeasureValue.objects.count()
    with path.open("rb") as handle:
        page = analyst.post("/interventions/outputs/upload/", {"file": handle}).content.decode()
    assert "is counted by financial year: choose Whole year. [OUTPUT-PERIOD]" in page
    assert MeasureValue.objects.count() == before
