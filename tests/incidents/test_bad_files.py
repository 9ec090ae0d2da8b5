"""Files that must be refused whole (with the right message, changing nothing), and the row-level rules."""

import csv
import os

import pytest

from saferplace.incidents.models import Crime, ImportBatch

from .helpers import CITY, SAMPLES, WORCESTER_SAMPLE, run, run_json, snapshot, write_rows

pytestmark = pytest.mark.django_db
JANUARY = CITY / "2024-01-city-of-london-street.csv"


@pytest.fixture
def loaded():
    """Some real data already stored, so that 'changes nothing' means something."""
    assert run("import", "policeuk", WORCESTER_SAMPLE)[0] == 0
    return snapshot()


def rows_of(path):
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.reader(handle))


def refused(path, *extra):
    status, out, err = run("import", "policeuk", path, *extra)
    assert status == 1, out
    assert out.startswith(f"REFUSED {path}: nothing was loaded from it.")
    return out


def test_truncated_file(tmp_path, loaded):
    data = JANUARY.read_bytes()
    cut = data.rfind(b"\r\n", 0, len(data) // 2) + 40  # 40 bytes into a row half-way through the file
    path = tmp_path / JANUARY.name
    path.write_bytes(data[:cut])
    out = refused(path)
    row = data[:cut].count(b"\r\n") + 1
    assert f"row {row}" in out and "DQ-TRUNCATED (blocking) The file ends part-way through a row" in out
    assert snapshot() == loaded
    batch = ImportBatch.objects.get(status="refused")
    assert batch.counts_by_rule == {"DQ-TRUNCATED": 1} and batch.sha256


def test_truncated_inside_a_quoted_field(tmp_path, loaded):
    path = tmp_path / "2024-01-city-of-london-street.csv"
    rows = rows_of(JANUARY)[:5]
    text = "\r\n".join(",".join(r) for r in rows[:4]) + '\r\n,2024-01,City of London Police,City of London Police,' \
        '-0.1,51.5,"On or near Sain'
    path.write_text(text, encoding="utf-8")
    out = refused(path)
    assert "DQ-TRUNCATED" in out
    assert snapshot() == loaded


def test_file_missing_a_column(tmp_path, loaded):
    rows = rows_of(JANUARY)
    at = rows[0].index("LSOA name")
    path = write_rows(tmp_path / JANUARY.name, rows[0][:at] + rows[0][at + 1:],
                      [r[:at] + r[at + 1:] for r in rows[1:]])
    out = refused(path)
    assert f"{path}: row 1, LSOA name '': DQ-HEADER-MISSING (blocking) A column the police.uk format requires" in out
    assert "A street file has these 12 columns" in out
    assert snapshot() == loaded


def test_row_with_a_missing_field_names_its_row(tmp_path, loaded):
    rows = rows_of(JANUARY)
    rows[10] = rows[10][:-1]
    path = write_rows(tmp_path / JANUARY.name, rows[0], rows[1:])
    out = refused(path)
    assert "row 11, '11 fields': DQ-ROW-FIELDS (blocking)" in out
    assert snapshot() == loaded


def test_cp1252_file_with_a_pound_sign_is_read_as_windows_1252(tmp_path, loaded):
    rows = rows_of(WORCESTER_SAMPLE)
    rows[5][6] = "On or near £1 Shop"
    path = write_rows(tmp_path / "2024-08-west-mercia-street.csv", rows[0], rows[1:], encoding="cp1252")
    assert b"\xa3" in path.read_bytes()  # the pound sign as Windows-1252 writes it
    status, payload = run_json("import", "policeuk", path)
    assert status == 0
    report = payload["files"][0]
    assert report["counts_by_rule"]["DQ-ENCODING-CP1252"] == 1
    assert any("read as Windows-1252" in i["message"] for i in report["issues"])
    assert Crime.objects.get(row=6).location == "On or near £1 Shop"
    assert Crime.objects.count() == 277  # replaced the same force-month, one copy


def test_undecodable_bytes_are_refused(tmp_path, loaded):
    path = tmp_path / "2024-08-west-mercia-street.csv"
    path.write_bytes(WORCESTER_SAMPLE.read_bytes().replace(b"On or near Supermarket", b"On or near \x81\x8d", 1))
    out = refused(path)
    assert "DQ-ENCODING (blocking) The file is neither UTF-8 nor Windows-1252 text." in out
    assert snapshot() == loaded


def test_200_megabytes_of_garbage(tmp_path, loaded):
    path = tmp_path / "2024-01-city-of-london-street.csv"
    with open(path, "wb") as handle:
        for _ in range(200):
            handle.write(os.urandom(1 << 20))
    assert path.stat().st_size == 200 * 1024 * 1024
    out = refused(path)
    assert "DQ-FILE-BINARY (blocking) The file is not text" in out
    assert snapshot() == loaded


def test_a_huge_text_line_is_not_a_header(tmp_path, loaded):
    path = tmp_path / "notes.csv"
    with open(path, "w", encoding="ascii") as handle:
        for _ in range(20):
            handle.write("lorem ipsum dolor sit amet " * 40_000)
    out = refused(path)
    assert "DQ-FILE-KIND" in out and "first line is longer than any police.uk header" in out
    assert snapshot() == loaded


def test_a_spreadsheet_of_something_else(tmp_path, loaded):
    path = write_rows(tmp_path / "budget.csv", ["Item", "Cost"], [["Cameras", "25240"]])
    out = refused(path)
    assert "DQ-FILE-KIND" in out
    assert snapshot() == loaded


@pytest.mark.parametrize(("column", "value", "rule", "shown"), [
    (1, "2024-8", "DQ-MONTH", "Month '2024-8'"),
    (1, "2024-13", "DQ-MONTH", "Month '2024-13'"),
    (9, "Fraud", "DQ-CATEGORY", "Crime type 'Fraud'"),
    (4, "west", "DQ-COORD-NUMBER", "Longitude/Latitude 'west,52.209357'"),
])
def test_blocking_row_rules(tmp_path, loaded, column, value, rule, shown):
    rows = rows_of(WORCESTER_SAMPLE)
    rows[7][column] = value
    path = write_rows(tmp_path / "2024-08-west-mercia-street.csv", rows[0], rows[1:])
    out = refused(path)
    assert f"{path}: row 8, {shown}: {rule} (blocking)" in out
    assert snapshot() == loaded


def test_warnings_load_and_are_reported(tmp_path):
    rows = rows_of(WORCESTER_SAMPLE)
    rows[2][4], rows[2][5] = "0.000000", "0.000000"  # police.uk zeroes points it cannot place
    rows[3][8] = "Wychavon 001A"  # the code is Worcester's
    rows[4][1] = "2024-07"  # not the file name's month
    rows[5][10] = "Sent to the moon"
    path = write_rows(tmp_path / "2024-08-west-mercia-street.csv", rows[0], rows[1:])
    status, payload = run_json("import", "policeuk", path)
    assert status == 0
    report = payload["files"][0]
    counts = report["counts_by_rule"]
    assert counts["DQ-COORD-OUTSIDE-UK"] == 1
    assert counts["DQ-LSOA-NAME"] == 1
    assert counts["DQ-MONTH-FILENAME"] == 1
    assert counts["DQ-OUTCOME-UNKNOWN"] == 1
    assert report["rows_loaded"] == 277
    assert sorted(fm[1] for fm in report["force_months"]) == ["2024-07", "2024-08"]
    lsoa = next(i for i in report["issues"] if i["rule"] == "DQ-LSOA-NAME")
    assert lsoa["row"] == 4 and lsoa["field"] == "LSOA name" and "is named 'Worcester" in lsoa["message"]


def test_format_samples_street_outcomes_and_stop_and_search():
    status, payload = run_json("import", "policeuk", SAMPLES / "sample-2020-03-street.csv",
                               SAMPLES / "sample-2021-12-outcomes.csv", SAMPLES / "sample-2023-03-outcomes.csv")
    assert status == 0, payload
    loaded = {f["file"].rsplit("/", 1)[1]: f for f in payload["files"]}
    assert loaded["sample-2020-03-street.csv"]["rows_loaded"] == 9
    assert loaded["sample-2021-12-outcomes.csv"]["rows_loaded"] == 18
    dyfed = loaded["sample-2023-03-outcomes.csv"]
    assert dyfed["rows_loaded"] == 9 and dyfed["counts_by_rule"]["DQ-MONTH-FILENAME"] == 9  # rows say 2023-02
    assert dyfed["counts_by_rule"]["DQ-NO-LOCATION"] >= 1


def test_stop_and_search_needs_its_force():
    path = SAMPLES / "sample-2020-03-stop-and-search.csv"
    out = refused(path)
    assert "DQ-FORCE-UNKNOWN" in out
    status, payload = run_json("import", "policeuk", path, "--force", "west-yorkshire")
    assert status == 0 and payload["rows_loaded"] == 18
    from saferplace.incidents.models import StopSearch

    first = StopSearch.objects.order_by("row").first()
    assert (first.latitude, first.longitude) == (53.796001, -1.542845)  # Latitude comes first in this format
    assert first.searched_at.isoformat() == "2020-03-01T00:20:00+00:00"
    assert first.part_of_operation is True and first.removal_of_clothing is False


def test_api_json_answers(tmp_path):
    """crimes-street answers, in the API's shape, made from the real Worcester rows."""
    import json

    assert run("import", "policeuk", WORCESTER_SAMPLE)[0] == 0
    rows = list(csv.DictReader(open(WORCESTER_SAMPLE, newline="", encoding="utf-8")))
    slugs = {"Violence and sexual offences": "violent-crime", "Anti-social behaviour": "anti-social-behaviour",
             "Criminal damage and arson": "criminal-damage-arson"}
    answer = [{
        "category": slugs.get(r["Crime type"], r["Crime type"].lower().replace(" ", "-")),
        "location_type": "Force",
        "location": {"latitude": r["Latitude"], "longitude": r["Longitude"],
                     "street": {"id": 1, "name": r["Location"]}},
        "context": "", "persistent_id": r["Crime ID"], "id": i, "location_subtype": "", "month": r["Month"],
        "outcome_status": {"category": r["Last outcome category"], "date": "2024-08"} if r["Crime ID"] else None,
    } for i, r in enumerate(rows)]
    path = tmp_path / "2024-08-west-mercia-crimes-street.json"
    path.write_text(json.dumps(answer))
    status, out, _ = run("counts", "--by", "category", "--format", "json")
    before = json.loads(out)
    status, payload = run_json("import", "policeuk", path)
    assert status == 0, payload
    assert payload["files"][0]["rows_loaded"] == 277
    assert "DQ-LSOA-UNRESOLVED" not in payload["files"][0]["counts_by_rule"]  # every point is a known map point
    status, out, _ = run("counts", "--by", "category", "--format", "json")
    assert json.loads(out) == before

    outcome = tmp_path / "west-mercia-outcomes-for-crime.json"
    crime = answer[0]
    outcome.write_text(json.dumps({"crime": crime, "outcomes": [
        {"category": {"code": "under-investigation", "name": "Under investigation"}, "date": "2024-08",
         "person_id": None}]}))
    status, payload = run_json("import", "policeuk", outcome)
    assert status == 0 and payload["files"][0]["kind"] == "outcomes" and payload["rows_loaded"] == 1


def test_garbage_named_json_is_refused_without_reading_it(tmp_path, loaded):
    path = tmp_path / "2024-08-west-mercia-crimes-street.json"
    path.write_bytes(os.urandom(1 << 20))
    out = refused(path)
    assert "DQ-FILE-BINARY" in out
    path.write_text('{"not": "an answer"}')
    out = refused(path)
    assert "DQ-FILE-KIND" in out and "not a crimes or outcomes answer" in out
    assert snapshot() == loaded
