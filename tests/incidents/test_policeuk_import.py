"""police.uk ingestion end to end, on the real City of London, West Mercia and sample files."""

import csv
import shutil
from collections import Counter
from datetime import date

import pytest

from saferplace.geography.models import Area, Level
from saferplace.incidents.models import Crime, ForceMonth, ImportBatch
from saferplace.incidents.queries import monthly_counts

from .helpers import CITY, WORCESTER_SAMPLE, read_rows, run, run_json, snapshot

pytestmark = pytest.mark.django_db


def independent_counts(files) -> Counter:
    """month × category counted with nothing but Python's csv module."""
    counts = Counter()
    for path in files:
        with open(path, newline="", encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                counts[(row["Month"], row["Crime type"])] += 1
    return counts


def test_city_of_london_2024_reconciles_with_an_independent_count():
    files = sorted(CITY.glob("*.csv"))
    assert len(files) == 12
    status, out, _ = run("import", "policeuk", CITY)
    assert status == 0, out
    expected = independent_counts(files)
    assert sum(expected.values()) == 9992  # SOURCES.md

    status, out, _ = run("counts", "--by", "month,category")
    assert status == 0
    lines = out.splitlines()
    assert lines[0] == "month,category,count"
    got = {(r["month"], r["category"]): int(r["count"]) for r in csv.DictReader(lines)}
    assert got == dict(expected)
    assert len({c for _, c in got}) == 14

    # The same from the query other apps use, and the no-location rows per force-month.
    frame = monthly_counts()
    assert int(frame["count"].sum()) == 9992
    assert int(frame[frame["lsoa"].isna()]["count"].sum()) == 964
    assert sum(ForceMonth.objects.values_list("no_location", flat=True)) == 964
    assert Crime.objects.count() == 9992
    assert Crime.objects.filter(category=1).count() == 398  # ASB rows, SOURCES.md


def test_duplicate_crime_ids_are_kept_and_reported():
    status, payload = run_json("import", "policeuk", CITY)
    assert status == 0
    # Independent: rows whose Crime ID appears more than once in its month.
    dup_rows = 0
    for path in sorted(CITY.glob("*.csv")):
        ids = Counter(r["Crime ID"] for r in read_rows(path) if r["Crime ID"])
        dup_rows += sum(n for n in ids.values() if n > 1)
    reported = sum(f["counts_by_rule"].get("DQ-CRIME-ID-DUPLICATE", 0) for f in payload["files"])
    assert reported == dup_rows
    issue = next(i for f in payload["files"] for i in f["issues"] if i["rule"] == "DQ-CRIME-ID-DUPLICATE")
    assert len(issue["value"]) == 64 and issue["row"] > 1 and "Also in row" in issue["message"]


def test_loading_twice_leaves_one_copy_of_each_force_month():
    assert run("import", "policeuk", CITY)[0] == 0
    first = snapshot()
    status, out, _ = run("import", "policeuk", CITY)
    assert status == 0
    assert "unchanged" in out
    assert snapshot() == first
    assert ForceMonth.objects.count() == 12


def test_same_release_with_new_bytes_replaces_the_force_month(tmp_path):
    assert run("import", "policeuk", CITY, "--release", "2025-01")[0] == 0
    rows = list(csv.reader(open(CITY / "2024-03-city-of-london-street.csv", newline="", encoding="utf-8")))
    changed = tmp_path / "2024-03-city-of-london-street.csv"
    with open(changed, "w", newline="", encoding="utf-8") as handle:
        csv.writer(handle, lineterminator="\r\n").writerows(rows[:-10])  # ten rows fewer
    assert run("import", "policeuk", changed, "--release", "2025-01")[0] == 0
    march = ForceMonth.objects.get(month=date(2024, 3, 1))
    assert march.rows == 757 - 10 and Crime.objects.filter(force_month=march).count() == 747
    assert Crime.objects.count() == 9992 - 10
    assert int(monthly_counts(start=date(2024, 3, 1), end=date(2024, 3, 1))["count"].sum()) == 747


def test_newer_release_supersedes_and_older_release_is_refused_with_a_warning(tmp_path):
    assert run("import", "policeuk", CITY, "--release", "2024-12")[0] == 0
    rows = list(csv.reader(open(CITY / "2024-03-city-of-london-street.csv", newline="", encoding="utf-8")))
    header, body = rows[0], rows[1:]
    settled = [r[:10] + (["Court result unavailable"] if r[10] == "Status update unavailable" else [r[10]]) + r[11:]
               for r in body]
    newer = tmp_path / "newer" / "2024-03-city-of-london-street.csv"
    newer.parent.mkdir()
    with open(newer, "w", newline="", encoding="utf-8") as handle:
        csv.writer(handle, lineterminator="\r\n").writerows([header, *settled])

    assert run("import", "policeuk", newer, "--release", "2025-06")[0] == 0
    march = ForceMonth.objects.get(kind="street", month=date(2024, 3, 1))
    assert march.release == "2025-06"
    assert ForceMonth.objects.filter(kind="street").count() == 12
    assert Crime.objects.filter(force_month=march).count() == 757
    assert not Crime.objects.filter(force_month=march, last_outcome="Status update unavailable").exists()
    assert Crime.objects.filter(force_month=march, last_outcome="Court result unavailable").count() == 59 + 137
    before = snapshot()

    status, out, err = run("import", "policeuk", CITY / "2024-03-city-of-london-street.csv", "--release", "2024-12")
    assert status == 0
    assert "DQ-RELEASE-OLDER" in out and "DQ-RELEASE-OLDER" in err
    assert "stored from release 2025-06" in err
    assert snapshot() == before


def test_check_only_changes_nothing():
    before = snapshot()
    status, payload = run_json("import", "policeuk", CITY, "--check")
    assert status == 0 and payload["checked_only"] and payload["rows_loaded"] == 9992
    assert snapshot() == before
    assert not ImportBatch.objects.exists()


def test_area_counts_only_rows_in_the_area():
    district = Area.objects.create(code="E09000001", name="City of London", level=Level.DISTRICT)
    assert run("import", "policeuk", CITY)[0] == 0
    in_city = Counter()
    for path in sorted(CITY.glob("*.csv")):
        for row in read_rows(path):
            if row["LSOA name"].startswith("City of London "):
                in_city[row["Month"]] += 1
    status, out, _ = run("counts", "--area", district.code, "--by", "month")
    got = {r["month"]: int(r["count"]) for r in csv.DictReader(out.splitlines())}
    assert status == 0 and got == dict(in_city)
    assert sum(got.values()) < 9992 - 964  # neighbouring boroughs' LSOAs are outside the area

    lsoa = Area.objects.filter(parent=district).order_by("code").first()
    status, out, _ = run("counts", "--area", lsoa.code, "--by", "lsoa", "--from", "2024-06", "--to", "2024-06")
    expected = sum(1 for r in read_rows(CITY / "2024-06-city-of-london-street.csv") if r["LSOA code"] == lsoa.code)
    assert out.splitlines() == ["lsoa,count", f"{lsoa.code},{expected}"]


def test_counts_json_is_one_document_and_usage_errors_exit_2():
    assert run("import", "policeuk", WORCESTER_SAMPLE)[0] == 0
    status, payload = run_json("counts", "--by", "category")
    assert status == 0 and payload["total"] == 277
    asb = next(r for r in payload["rows"] if r["category"] == "Anti-social behaviour")
    assert asb["count"] == 51  # SOURCES.md
    for args in (["--by", "week"], ["--from", "2024-13"], ["--area", "nowhere"]):
        status, out, err = run("counts", *args)
        assert status == 2 and err and not out  # a usage error, said on standard error
    assert run("import", "policeuk", "/no/such/file.csv")[0] == 2
    assert run("import", "policeuk", WORCESTER_SAMPLE, "--release", "August")[0] == 2


def test_worcester_sample_lsoas_attach_to_the_district():
    worcester = Area.objects.create(code="E07000237", name="Worcester", level=Level.DISTRICT)
    assert run("import", "policeuk", WORCESTER_SAMPLE)[0] == 0
    lsoas = Area.objects.filter(level=Level.LSOA, parent=worcester)
    assert lsoas.count() == 20  # SOURCES.md: 20 complete LSOAs
    status, out, _ = run("counts", "--area", "E07000237", "--by", "month")
    assert out.splitlines() == ["month,count", "2024-08,277"]


def test_archive_zip_with_a_month_folder(tmp_path):
    import zipfile

    archive = tmp_path / "latest.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        for month in ("2024-01", "2024-02"):
            name = f"{month}-city-of-london-street.csv"
            zf.write(CITY / name, f"{month}/{name}")
    status, payload = run_json("import", "policeuk", archive)
    assert status == 0 and payload["rows_loaded"] == 734 + 826
    assert [f["file"].split("!")[1] for f in payload["files"]] == [
        "2024-01/2024-01-city-of-london-street.csv", "2024-02/2024-02-city-of-london-street.csv"]


def test_utf8_with_bom_and_lf_endings(tmp_path):
    data = (CITY / "2024-05-city-of-london-street.csv").read_bytes().replace(b"\r\n", b"\n")
    path = tmp_path / "2024-05-city-of-london-street.csv"
    path.write_bytes(b"\xef\xbb\xbf" + data)
    status, payload = run_json("import", "policeuk", path)
    assert status == 0 and payload["rows_loaded"] == 944


def test_progress_goes_to_stderr_and_json_to_stdout(tmp_path):
    status, out, err = run("import", "policeuk", CITY / "2024-01-city-of-london-street.csv", "--format", "json")
    import json

    assert status == 0 and json.loads(out)["rows_loaded"] == 734
    assert "warning: " in err and "DQ-CRIME-ID-DUPLICATE" in err


def test_gap_is_flagged_on_the_import_report(tmp_path):
    folder = tmp_path / "city"
    shutil.copytree(CITY, folder)
    september = folder / "2024-09-city-of-london-street.csv"
    rows = list(csv.reader(open(september, newline="", encoding="utf-8")))
    with open(september, "w", newline="", encoding="utf-8") as handle:
        csv.writer(handle, lineterminator="\r\n").writerows(rows[:301])  # 300 of 747 rows
    status, out, _ = run("import", "policeuk", folder)
    assert status == 0
    assert "likely publication gap: City of London Police 2024-09 has 300 rows" in out
    from saferplace.incidents.queries import publication_gaps

    assert [g["month"] for g in publication_gaps()] == ["2024-09"]


def test_a_file_of_many_chunks_loads_every_row(tmp_path):
    """More rows than one bulk-insert chunk: every row stored, and the counts agree with the raw rows."""
    import hashlib

    from saferplace.incidents.importers.writer import CHUNK_ROWS

    rows = []
    for path in sorted(CITY.glob("*.csv")):
        rows.extend(read_rows(path))
    n = 2 * CHUNK_ROWS + 5_000
    path = tmp_path / "2024-city-of-london-street.csv"
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\r\n")
        writer.writerow(list(rows[0]))
        for i in range(n):
            row = dict(rows[i % len(rows)])
            if row["Crime ID"]:
                row["Crime ID"] = hashlib.sha256(str(i).encode()).hexdigest()
            writer.writerow(row.values())
    status, payload = run_json("import", "policeuk", path)
    assert status == 0 and payload["rows_loaded"] == n
    assert Crime.objects.count() == n
    assert int(monthly_counts()["count"].sum()) == n
    assert sorted(Crime.objects.values_list("row", flat=True))[-1] == n + 1
