"""`saferplace import population`: the ONS small-area estimates layout, all-or-nothing refusals naming file, row,
field and rule, and rates per 1,000 residents once a table is loaded.

The residents in these files are ILLUSTRATIVE (1,500 + 10 × i for the i-th LSOA), written by the test in the
layout ONS publishes; they are not ONS figures. What is checked is the arithmetic against them.
"""

import csv

import pytest
from openpyxl import Workbook

from saferplace.geography.models import Area, Level, Population

from .conftest import run, run_json

pytestmark = pytest.mark.django_db
SHEET = "Mid-2023 LSOA 2021"
HEADER = ["LAD 2021 Code", "LAD 2021 Name", "LSOA 2021 Code", "LSOA 2021 Name", "Total", "F0", "M0"]


def worcester_lsoas() -> list[tuple[str, str]]:
    """The 2021 LSOAs of Worcester (013C is the 2011 LSOA split into 013E and 013F, so it is not in a 2021 table)."""
    return list(Area.objects.filter(level=Level.LSOA, parent__code="E07000237").exclude(code="E01032295")
                .order_by("code").values_list("code", "name"))


def ons_workbook(path, lsoas, sheet=SHEET, tweak=None):
    book = Workbook()
    cover = book.active
    cover.title = "Cover"
    cover.append(["Lower layer Super Output Area population estimates (illustrative test file)"])
    ws = book.create_sheet(sheet)
    ws.append([f"{sheet[:8]} population estimates for 2021 Lower layer Super Output Areas in England and Wales"])
    ws.append(["Illustrative figures written by the Saferplace tests"])
    ws.append(["Source: the layout of ONS small area population estimates"])
    ws.append(HEADER)
    rows = [["E07000237", "Worcester", code, name, 1500 + 10 * i, 10, 11] for i, (code, name) in enumerate(lsoas)]
    if tweak:
        tweak(rows)
    for row in rows:
        ws.append(row)
    book.save(path)
    return sum(r[4] for r in rows if isinstance(r[4], int))


def snapshot():
    return Population.objects.count(), Area.objects.count()


def test_bad_files_are_refused_naming_file_row_field_and_rule_and_change_nothing(demo, tmp_path):
    lsoas = worcester_lsoas()
    before = snapshot()
    cases = {
        "total": (lambda rows: rows[3].__setitem__(4, "12x"), "row 8, field 'Total': POP-TOTAL"),
        "code": (lambda rows: rows[0].__setitem__(2, "Worcester"), "row 5, field 'LSOA 2021 Code': POP-CODE"),
        "duplicate": (lambda rows: rows.append(list(rows[1])),
                      f"row {5 + len(lsoas)}, field 'LSOA 2021 Code': POP-DUPLICATE"),
        "negative": (lambda rows: rows[2].__setitem__(4, -3), "row 7, field 'Total': POP-TOTAL"),
    }
    for label, (tweak, expected) in cases.items():
        path = tmp_path / f"{label}.xlsx"
        ons_workbook(path, lsoas, tweak=tweak)
        status, out, _ = run("import", "population", path)
        assert status == 1, label
        assert f"REFUSED {path}" in out and f"{path.name}, sheet '{SHEET}', {expected}" in out, (label, out)
        assert snapshot() == before
    no_header = tmp_path / "no-header.csv"
    no_header.write_text("code,name,people\nE01032296,Worcester 001A,1500\n")
    status, out, _ = run("import", "population", no_header, "--year", "2023")
    assert status == 1 and "POP-HEADER" in out and snapshot() == before
    csv_file = tmp_path / "ons.csv"
    with open(csv_file, "w", newline="") as handle:
        csv.writer(handle).writerows([["LSOA 2021 Code", "LSOA 2021 Name", "Total"], ["E01032296", "Worcester 001A",
                                                                                       "1,512"]])
    status, out, _ = run("import", "population", csv_file)
    assert status == 1 and "POP-YEAR" in out and snapshot() == before
    status, _, err = run("import", "population", tmp_path / "missing.xlsx")
    assert status == 2 and snapshot() == before


def test_rates_per_1000_appear_once_a_population_table_is_loaded(demo, tmp_path):
    without = run_json("analyse", "performance", "--area", "safer-worcester", "--period", "2023-24")
    assert without["population"] is None
    path = tmp_path / "sapelsoasyoa2023.xlsx"
    residents = ons_workbook(path, worcester_lsoas())
    report = run_json("import", "population", path)
    assert report["refused"] is False and report["years"]["2023"]["residents"] == residents
    assert Population.objects.filter(year=2023).count() == len(worcester_lsoas())
    again = run_json("import", "population", path)  # loading the same file again changes nothing
    assert again["years"] == report["years"] and Population.objects.count() == len(worcester_lsoas())
    doc = run_json("analyse", "performance", "--area", "safer-worcester", "--period", "2023-24")
    assert doc["population"] == {"before": residents, "after": residents, "before_year": 2023, "after_year": 2023,
                                 "rates": True}
    asb = next(m for p in doc["priorities"] for m in p["measures"] if m["code"] == "Anti-social behaviour")
    assert asb["rate_after"] == pytest.approx(round(1000 * asb["after"] / residents, 2))
    assert asb["rate_before"] == pytest.approx(round(1000 * asb["before"] / residents, 2))
    assert "per 1,000 residents" in asb["sentence"]
    assert "2022-23: Residents: ONS mid-2023 estimates for 64 LSOAs" in " ".join(doc["notes"])
    assert any(n.startswith("2022-23") and "the nearest year loaded to mid-2022" in n for n in doc["notes"])
    status, out, _ = run("analyse", "performance", "--area", "safer-worcester", "--period", "2023-24")
    assert "Rate after" in out


def test_an_lsoa_without_an_estimate_withholds_rates(demo, tmp_path):
    lsoas = worcester_lsoas()
    path = tmp_path / "partial.xlsx"
    ons_workbook(path, lsoas[1:])
    assert run_json("import", "population", path)["refused"] is False
    doc = run_json("analyse", "performance", "--area", "E07000237", "--period", "2023-24")
    assert doc["population"]["rates"] is False
    assert any(lsoas[0][0] in n and "not given" in n for n in doc["notes"])
    asb = next(m for p in doc["priorities"] for m in p["measures"] if m["code"] == "Anti-social behaviour")
    assert asb["rate_after"] is None
