"""Partner measures from their CSV/XLSX templates: loaded whole or refused whole."""

from datetime import date
from decimal import Decimal

import pytest
from openpyxl import Workbook

from saferplace.incidents.models import ImportBatch, Measure, MeasureValue
from saferplace.incidents.periods import parse_period, period_label
from saferplace.partnership.models import Organisation

from .helpers import run, run_json, snapshot, write_rows

pytestmark = pytest.mark.django_db
HEADER = ["measure", "period", "value", "note"]


@pytest.fixture
def measures():
    council = Organisation.objects.create(name="Worcester City Council", kind="council")
    cctv = Measure.objects.create(name="CCTV incidents witnessed", slug="cctv-incidents-witnessed",
                                  unit="incidents", organisation=council, period="year")
    patrols = Measure.objects.create(name="ASB targeted patrols", slug="asb-patrols", unit="patrols",
                                     organisation=council, period="quarter")
    return cctv, patrols


def xlsx(path, rows):
    book = Workbook()
    sheet = book.active
    sheet.title = "Data"
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def test_periods():
    assert parse_period("year", "2020-21") == date(2020, 4, 1)
    assert parse_period("year", "2020/21") == date(2020, 4, 1)
    assert parse_period("year", "2020-22") is None
    assert parse_period("quarter", "2020-21 Q4") == date(2021, 1, 1)
    assert parse_period("month", "2021-03") == date(2021, 3, 1)
    assert period_label("quarter", date(2020, 10, 1)) == "2020-21 Q3"


def test_csv_template_loads(tmp_path, measures):
    path = write_rows(tmp_path / "cctv.csv", HEADER, [["cctv-incidents-witnessed", "2020-21", "2,074", "seed 6.2"],
                                                      ["asb-patrols", "2020-21 Q2", "31", ""]])
    status, out, _ = run("import", "measures", path)
    assert status == 0, out
    assert MeasureValue.objects.get(measure__slug="cctv-incidents-witnessed").value == Decimal(2074)
    assert MeasureValue.objects.get(measure__slug="asb-patrols").period_start == date(2020, 7, 1)
    assert ImportBatch.objects.get().kind == "measures"
    # Loading again changes nothing; a new value replaces the old one with a note.
    before = snapshot()
    assert run("import", "measures", path)[0] == 0 and snapshot() == before
    write_rows(path, HEADER, [["cctv-incidents-witnessed", "2020-21", "2075", ""]])
    status, payload = run_json("import", "measures", path)
    assert status == 0 and payload["counts_by_rule"] == {"DQ-MEASURE-REPLACED": 1}


def test_xlsx_with_a_formula_in_a_value_cell_is_refused(tmp_path, measures):
    path = xlsx(tmp_path / "cctv.xlsx", [["cctv-incidents-witnessed", "2020-21", "=1000+1074", ""],
                                         ["asb-patrols", "2020-21 Q1", 25, ""]])
    before = snapshot()
    status, out, _ = run("import", "measures", path)
    assert status == 1
    assert "row 2, cell C2 '=1000+1074': DQ-MEASURE-FORMULA (blocking) The cell holds a formula; type the number " \
           "itself." in out
    assert snapshot() == before
    assert ImportBatch.objects.get().status == "refused"


def test_xlsx_with_numbers_loads(tmp_path, measures):
    path = xlsx(tmp_path / "cctv.xlsx", [["cctv-incidents-witnessed", "2020-21", 2074, "witnessed"]])
    assert run("import", "measures", path)[0] == 0
    assert MeasureValue.objects.get().value == 2074


@pytest.mark.parametrize(("row", "rule"), [
    (["no-such-measure", "2020-21", "5", ""], "DQ-MEASURE-UNKNOWN"),
    (["cctv-incidents-witnessed", "2020-04", "5", ""], "DQ-MEASURE-PERIOD"),
    (["cctv-incidents-witnessed", "2020-21", "five", ""], "DQ-MEASURE-VALUE"),
    (["cctv-incidents-witnessed", "2020-21", "-5", ""], "DQ-MEASURE-VALUE"),
])
def test_bad_rows_refuse_the_whole_file(tmp_path, measures, row, rule):
    path = write_rows(tmp_path / "m.csv", HEADER, [["asb-patrols", "2020-21 Q1", "25", ""], row])
    before = snapshot()
    status, out, _ = run("import", "measures", path)
    assert status == 1 and f"row 3, {HEADER[1 if 'PERIOD' in rule else 2 if 'VALUE' in rule else 0]}" in out
    assert rule in out
    assert snapshot() == before


def test_duplicate_period_and_bad_header(tmp_path, measures):
    path = write_rows(tmp_path / "m.csv", HEADER, [["asb-patrols", "2020-21 Q1", "25", ""],
                                                   ["asb-patrols", "2020-21 Q1", "26", ""]])
    status, out, _ = run("import", "measures", path)
    assert status == 1 and "DQ-MEASURE-DUPLICATE" in out and "Also in row 2" in out
    path = write_rows(tmp_path / "m2.csv", ["Measure", "Year", "Value"], [["asb-patrols", "2020-21 Q1", "25"]])
    status, out, _ = run("import", "measures", path)
    assert status == 1 and "DQ-MEASURE-HEADER" in out
    assert not MeasureValue.objects.exists()
