"""`saferplace analyse` on the Worcester demo, checked against counts made with the csv module from the demo files
and against the analysis library called directly."""

from collections import Counter

import pytest
from scipy import stats

from saferplace.analysis.emerging import emerging_issues
from saferplace.analysis.taxonomy import POLICE_UK_CATEGORIES

from .conftest import demo_rows, run, run_json

pytestmark = pytest.mark.django_db
FLAG_KEYS = {"area", "category", "observed", "expected", "threshold", "sentence"}


def test_emerging_prints_one_json_document_of_the_issue_shape(demo):
    doc = run_json("analyse", "emerging", "--area", "safer-worcester", "--month", "2024-03")
    assert {"month", "area", "flags"} <= set(doc)
    assert doc["month"] == "2024-03" and doc["area"] == "E07000237" and isinstance(doc["flags"], list)
    for flag in doc["flags"]:
        assert FLAG_KEYS <= set(flag)
    # Two years of data are less than the three years of history the method needs: nothing can be judged,
    # and the document says so rather than flagging anything.
    assert doc["series_eligible"] == 0 and doc["flags"] == [] and "3 years" in doc["note"]
    # Every LSOA × category series seen in the files, plus each category's total over the area.
    rows = demo_rows()
    lsoas = {r["LSOA code"] for r in rows if r["LSOA code"]}
    categories = {r["Crime type"] for r in rows}
    assert doc["series_scanned"] == len(lsoas) * len(categories) + len(categories) == 65 * 14 + 14


def test_area_as_partnership_slug_or_ons_code_gives_the_same_document(demo):
    by_slug = run_json("analyse", "emerging", "--area", "safer-worcester", "--month", "2024-03")
    by_code = run_json("analyse", "emerging", "--area", "E07000237", "--month", "2024-03")
    assert by_slug == by_code
    perf_slug = run_json("analyse", "performance", "--area", "safer-worcester", "--period", "2023-24")
    perf_code = run_json("analyse", "performance", "--area", "E07000237", "--period", "2023-24")
    assert perf_slug == perf_code


def test_emerging_agrees_with_the_library_on_a_frame_built_from_the_files(demo):
    import pandas as pd

    counts = Counter((r["LSOA code"], r["Crime type"], r["Month"]) for r in demo_rows() if r["LSOA code"])
    frame = pd.DataFrame([(a, c, m, n) for (a, c, m), n in counts.items()],
                         columns=["lsoa", "category", "month", "count"])
    direct = emerging_issues(frame, "2023-09", area="all").as_json()
    cli = run_json("analyse", "emerging", "--month", "2023-09")
    assert {k: cli[k] for k in ("month", "area", "series_scanned", "series_eligible", "flags")} == \
        {k: direct[k] for k in ("month", "area", "series_scanned", "series_eligible", "flags")}


def _police_uk_measure(doc, category):
    for priority in doc["priorities"]:
        for measure in priority["measures"]:
            if measure["code"] == category and measure["source"] == "police.uk":
                return priority, measure
    raise AssertionError(f"{category} is not a measure of any priority")


@pytest.mark.parametrize("category", ["Anti-social behaviour", "Burglary", "Drugs"])
def test_performance_2023_24_against_2022_23_equals_an_independent_count(demo, category):
    doc = run_json("analyse", "performance", "--area", "safer-worcester", "--period", "2023-24")
    assert doc["period"] == "2023-24" and doc["compared_with"] == "2022-23"
    rows = [r for r in demo_rows() if r["Crime type"] == category and r["LSOA code"]]
    before = sum(1 for r in rows if "2022-04" <= r["Month"] <= "2023-03")
    after = sum(1 for r in rows if "2023-04" <= r["Month"] <= "2024-03")
    _, measure = _police_uk_measure(doc, category)
    assert (measure["before"], measure["after"]) == (before, after)
    exact = stats.binomtest(after, before + after, 0.5).pvalue
    assert measure["exact_p"] == pytest.approx(exact, rel=5e-3)  # printed to 3 significant figures
    assert measure["percent"] == pytest.approx(round(100 * (after - before) / before, 1))


def test_performance_asb_fell_clearly_and_no_proxy_priorities_say_so(demo):
    doc = run_json("analyse", "performance", "--area", "safer-worcester", "--period", "2023-24")
    priority, asb = _police_uk_measure(doc, "Anti-social behaviour")
    assert asb["direction"] == "fell" and priority["status"] == "better"  # 2,601 -> 2,183
    statuses = {p["priority"]: p["status"] for p in doc["priorities"]}
    assert statuses["Counter Terrorism"] == "no measure" and statuses["Travelling criminality"] == "no measure"
    assert statuses["Hate Crime"] == "no data"
    assert doc["population"] is None  # no population table loaded: counts only


def test_table_format_and_usage_errors(demo):
    status, out, _ = run("analyse", "performance", "--area", "safer-worcester")
    assert status == 0 and "2023-24 compared with 2022-23" in out and "Anti-social behaviour" in out
    status, _, err = run("analyse", "emerging", "--area", "nowhere-at-all")
    assert status == 2 and "nowhere-at-all" in err
    status, _, err = run("analyse", "performance", "--period", "2023")
    assert status == 2
    status, out, _ = run("analyse", "emerging", "--month", "2024-01")
    assert status == 0 and "Emerging issues, 2024-01" in out


def test_hotspots_json_for_2023_24(demo):
    doc = run_json("analyse", "hotspots", "--area", "safer-worcester", "--period", "2023-24")
    rows = [r for r in demo_rows() if "2023-04" <= r["Month"] <= "2024-03" and r["Longitude"]]
    assert doc["period"] == "2023-24" and doc["periods_compared"] == ["2022-23", "2023-24"]
    assert doc["records_located"] == len(rows)
    assert doc["concentration"]["total"] == len(rows)  # the study area is the hull of the points: none left out
    assert doc["grid"]["crs"] == "EPSG:27700" and doc["grid"]["cell_metres"] == 250
    assert doc["hotspots"], "the city centre is a hotspot"
    assert {h["class"] for h in doc["hotspots"]} <= {"new", "persistent", "intensifying", "diminishing", "recurring"}
    assert all(h["q"] <= 0.05 for h in doc["hotspots"])
    # Top snap points counted independently: (location text, longitude, latitude).
    points = Counter((r["Location"], float(r["Longitude"]), float(r["Latitude"])) for r in rows)
    best = max(points.values())
    assert doc["top_locations"][0]["count"] == best
    assert all(t["location"].startswith("On or near") for t in doc["top_locations"])
    only_burglary = run_json("analyse", "hotspots", "--area", "E07000237", "--period", "2023-24",
                             "--category", "Burglary")
    assert only_burglary["records_located"] == sum(1 for r in rows if r["Crime type"] == "Burglary")


def test_every_category_is_offered(demo):
    assert len(POLICE_UK_CATEGORIES) == 14
