"""The Arrow street reader (street_arrow.py) stores and reports exactly what the csv-module reader does.

Each case loads the same files twice in one database state, once with each reader, and compares every stored
row (in insertion order), count, force-month, area and force, and the whole JSON report. Arrow blocks are made
tiny so that force-months, forces, LSOAs and repeated Crime IDs straddle block boundaries.
"""

import csv
import hashlib

import pytest
from django.db import transaction

from saferplace.geography.models import Area, Level
from saferplace.incidents.importers import policeuk, street_arrow
from saferplace.incidents.models import Crime, Force, ForceMonth, ImportBatch, MonthlyCount

from .helpers import CITY, WORCESTER_SAMPLE, run_json, write_rows

pytestmark = pytest.mark.django_db
HEADER = ["Crime ID", "Month", "Reported by", "Falls within", "Longitude", "Latitude", "Location", "LSOA code",
          "LSOA name", "Crime type", "Last outcome category", "Context"]


def stored() -> dict:
    """Every data table by natural keys (ids differ between the runs on PostgreSQL)."""
    force = dict(Force.objects.values_list("pk", "slug"))
    area = dict(Area.objects.values_list("pk", "code"))
    fm = {pk: (kind, force[f], str(month)) for pk, kind, f, month in
          ForceMonth.objects.values_list("pk", "kind", "force_id", "month")}
    return {
        "crimes": [(fm[r[0]], *r[1:4], force.get(r[4], r[4]), *map(same_nan, r[5:7]), r[7], area.get(r[8]), *r[9:])
                   for r in Crime.objects.order_by("pk").values_list(
                       "force_month_id", "row", "crime_id", "month", "reported_by_id", "longitude", "latitude",
                       "location", "lsoa_id", "category", "last_outcome", "context")],
        "counts": sorted((fm[f], force[o], str(m), area.get(a, ""), c, n) for f, o, m, a, c, n in
                         MonthlyCount.objects.values_list("force_month_id", "force_id", "month", "lsoa_id",
                                                          "category", "count")),
        "force_months": sorted(ForceMonth.objects.values_list("kind", "force__slug", "month", "release", "rows",
                                                              "no_location")),
        "areas": list(Area.objects.order_by("pk").values_list("code", "name", "level", "parent__code")),
        "forces": list(Force.objects.order_by("pk").values_list("slug", "name")),
        "batches": list(ImportBatch.objects.order_by("pk").values_list(
            "kind", "status", "rows_read", "rows_loaded", "counts_by_rule", "issues", "force_months")),
    }


def same_nan(value):
    return "nan" if value != value else value  # PostgreSQL keeps a NaN coordinate (SQLite stores NULL)


def without_timing(payload: dict) -> dict:
    for report in payload["files"]:
        report.pop("seconds"), report.pop("batch")
    return payload


def both_readers(monkeypatch, *args) -> dict:
    """Load with each reader from the same state; assert they agree; return what was stored."""
    monkeypatch.setattr(street_arrow, "BLOCK_BYTES", 2_048)  # about ten rows a block
    blocks = []
    load = street_arrow._Batch.load
    monkeypatch.setattr(street_arrow._Batch, "load", lambda self, writer: (blocks.append(self.n), load(self, writer)))
    results = []
    for fast in (True, False):
        monkeypatch.setattr(policeuk, "FAST_READER", fast)
        savepoint = transaction.savepoint()
        status, payload = run_json("import", "policeuk", *args)
        results.append((status, without_timing(payload), stored()))
        transaction.savepoint_rollback(savepoint)
    assert results[0][0] == results[1][0]
    assert results[0][1] == results[1][1]
    for table in results[1][2]:
        assert results[0][2][table] == results[1][2][table], table
    results[0][2]["blocks"] = len(blocks)
    results[0][2]["payload"] = results[0][1]
    return results[0][2]


def rows_of(path):
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.reader(handle))[1:]


def test_city_of_london_year(monkeypatch):
    """Duplicated Crime IDs across blocks, rows with no location, twelve force-months."""
    got = both_readers(monkeypatch, CITY)
    assert got["blocks"] > 100 and len(got["crimes"]) == 9992
    assert got["payload"]["files"][0]["counts_by_rule"]["DQ-CRIME-ID-DUPLICATE"] > 20


def test_every_warning_and_note(tmp_path, monkeypatch):
    Area.objects.create(code="E07000237", name="Worcester", level=Level.DISTRICT)
    rows = rows_of(WORCESTER_SAMPLE)
    edits = {
        3: {1: "2024-07"},  # DQ-MONTH-FILENAME, and a second force-month
        5: {9: "Violent crime"},  # DQ-CATEGORY-OLD
        7: {0: "ab" * 32},  # DQ-ASB-CRIME-ID or a well-formed ID
        9: {0: ""},  # DQ-CRIME-ID-MISSING unless ASB
        11: {0: "AB" * 32},  # DQ-CRIME-ID-FORMAT (capitals)
        13: {4: "0.000000", 5: "0.000000"},  # DQ-COORD-OUTSIDE-UK
        15: {4: ""},  # DQ-COORD-PAIR
        17: {7: "E01999999", 8: "Worcester 999Z"},  # an LSOA new to the database
        19: {7: "E01999999", 8: "Worcester 998Z"},  # … named differently: DQ-LSOA-NAME
        21: {7: "X01", 8: "Nowhere 001A"},  # DQ-LSOA-CODE
        23: {8: ""},  # DQ-LSOA-PARTIAL (code only)
        25: {7: ""},  # DQ-LSOA-PARTIAL (name only) and DQ-NO-LOCATION
        27: {10: "Sent to the moon"},  # DQ-OUTCOME-UNKNOWN
        29: {2: "Warwickshire Police"},  # DQ-FORCE-DIFFERS
        31: {3: "Ruritania Constabulary"},  # DQ-FORCE-NEW and its own force-month
        33: {3: ""},  # Falls within from Reported by
        35: {2: ""},  # no Reported by
        37: {4: "nan", 5: "52.2"},  # float() reads it: outside the UK
        39: {4: " -2.22", 5: "52.2 "},  # float() reads spaces; Arrow does not
        41: {4: "-2.2_1"},  # float() reads underscores
    }
    for i, changes in edits.items():
        for column, value in changes.items():
            rows[i][column] = value
    for i in range(50, 120):  # more than 20 of one rule, straddling blocks
        rows[i][7] = rows[i][8] = ""
    rows[200][0] = rows[150][0] = rows[100][0] = "cd" * 32  # one ID three times
    rows[201][0] = rows[60][0] = "ef" * 32
    for row in rows:
        if row[9] == "Anti-social behaviour" and row[0] in ("cd" * 32, "ef" * 32):
            row[9] = "Burglary"
    path = write_rows(tmp_path / "2024-08-west-mercia-street.csv", HEADER, rows)
    got = both_readers(monkeypatch, path)
    counts = got["payload"]["files"][0]["counts_by_rule"]
    for rule in ("DQ-MONTH-FILENAME", "DQ-CATEGORY-OLD", "DQ-CRIME-ID-FORMAT", "DQ-COORD-OUTSIDE-UK",
                 "DQ-COORD-PAIR", "DQ-LSOA-NAME", "DQ-LSOA-CODE", "DQ-LSOA-PARTIAL", "DQ-OUTCOME-UNKNOWN",
                 "DQ-FORCE-DIFFERS", "DQ-FORCE-NEW", "DQ-CRIME-ID-DUPLICATE"):
        assert counts.get(rule), rule
    assert counts["DQ-NO-LOCATION"] > 70 and len(got["crimes"]) == 277
    assert got["blocks"] > 10


@pytest.mark.parametrize(("row", "column", "value"), [
    (120, 1, "2024-8"),  # DQ-MONTH
    (120, 9, "Fraud"),  # DQ-CATEGORY
    (120, 4, "west"),  # DQ-COORD-NUMBER
    (3, 1, "2024-13"),  # in the first block
])
def test_a_blocking_row_part_way(tmp_path, monkeypatch, row, column, value):
    """Refused either way, with the same report: the rows after it still checked (new LSOAs, forces…)."""
    rows = rows_of(WORCESTER_SAMPLE)
    rows[row][column] = value
    rows[200][7], rows[200][8] = "E01999998", "Worcester 997Z"
    rows[201][3] = "Ruritania Constabulary"
    path = write_rows(tmp_path / "2024-08-west-mercia-street.csv", HEADER, rows)
    got = both_readers(monkeypatch, path)
    assert got["payload"]["files"][0]["status"] == "refused" and not got["crimes"]


def test_no_force_anywhere(tmp_path, monkeypatch):
    rows = rows_of(WORCESTER_SAMPLE)
    rows[40][2] = rows[40][3] = ""
    path = write_rows(tmp_path / "street.csv", HEADER, rows)
    got = both_readers(monkeypatch, path)
    assert "DQ-FORCE-UNKNOWN" in got["payload"]["files"][0]["counts_by_rule"]


def test_older_release_of_one_month_and_newer_of_another(tmp_path, monkeypatch):
    rows = rows_of(WORCESTER_SAMPLE)
    july = [[r[0], "2024-07", *r[2:]] for r in rows[:100]]
    assert run_json("import", "policeuk", write_rows(tmp_path / "2024-07-west-mercia-street.csv", HEADER, july),
                    "--release", "2025-01")[0] == 0
    both = write_rows(tmp_path / "west-mercia-street.csv", HEADER, rows + july[:40])
    got = both_readers(monkeypatch, both, "--release", "2024-12")
    assert got["payload"]["files"][0]["counts_by_rule"]["DQ-RELEASE-OLDER"] == 1
    assert len(got["crimes"]) == 100 + 277


def test_many_blocks_of_fresh_ids(tmp_path, monkeypatch):
    rows = [list(row) for _ in range(8) for row in rows_of(WORCESTER_SAMPLE)]
    for i, row in enumerate(rows):
        if row[0]:
            row[0] = hashlib.sha256(str(i).encode()).hexdigest()
    path = write_rows(tmp_path / "2024-08-west-mercia-street.csv", HEADER, rows, newline="\n")
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())  # a byte-order mark and LF endings
    got = both_readers(monkeypatch, path)
    assert len(got["crimes"]) == 8 * 277 and "DQ-CRIME-ID-DUPLICATE" not in got["payload"]["files"][0]["counts_by_rule"]


@pytest.mark.parametrize("damage", ["quote", "blank line", "short row", "cp1252", "long field"])
def test_what_arrow_hands_back_to_the_csv_module(tmp_path, monkeypatch, damage):
    lines = WORCESTER_SAMPLE.read_bytes().splitlines()
    if damage == "quote":
        lines[60] = lines[60].replace(b"On or near ", b'"On or near, ', 1).replace(b",E01", b'",E01', 1)
        lines[90] = lines[90].replace(b",On or near ", b',"On or near"x', 1)  # the csv module refuses this
    elif damage == "blank line":
        lines.insert(70, b"")
    elif damage == "short row":
        lines[150] = lines[150].rsplit(b",", 1)[0]
    elif damage == "cp1252":
        lines[80] = lines[80].replace(b"On or near ", "On or near £".encode("cp1252"), 1)
    else:
        lines[100] = lines[100].replace(b"On or near ", b"x" * 140_000, 1)
    path = tmp_path / "2024-08-west-mercia-street.csv"
    path.write_bytes(b"\r\n".join(lines))
    both_readers(monkeypatch, path)
