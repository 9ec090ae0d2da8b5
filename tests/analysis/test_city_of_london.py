"""The analysis of the real City of London 2024 police.uk files is stable and plausible.

The City is small (2.9 km², ~8,600 residents, a very large daytime population) and its crime is dominated by
theft, shoplifting and violence around stations and shopping streets (Liverpool Street, Bishopsgate). police.uk
snaps every crime to one of a few hundred anonymous map points, so crime piles onto single points.
"""

import csv
from collections import Counter
from pathlib import Path

import pandas as pd
import pytest

from saferplace.analysis.change import compare
from saferplace.analysis.emerging import emerging_issues
from saferplace.analysis.harm import harm_weighted
from saferplace.analysis.hotspots import grid_hotspots
from saferplace.analysis.locations import top_locations

FOLDER = Path(__file__).resolve().parents[1] / "data" / "policeuk" / "city-of-london"


@pytest.fixture(scope="module")
def rows():
    out = []
    for path in sorted(FOLDER.glob("2024-*-city-of-london-street.csv")):
        with path.open(newline="", encoding="utf-8") as handle:
            out.extend(csv.DictReader(handle))
    assert len(out) == 9992  # police.uk rows, as SOURCES.md counts them
    return out


@pytest.fixture(scope="module")
def city(rows):
    """Rows in the City's own LSOAs (the file also holds snapped points in neighbouring boroughs)."""
    return [r for r in rows if r["LSOA name"].startswith("City of London")]


def test_grid_hotspots_are_stable_and_plausible(city):
    lon = [float(r["Longitude"]) for r in city]
    lat = [float(r["Latitude"]) for r in city]
    first, second = grid_hotspots(lon, lat), grid_hotspots(lon, lat)
    assert [(u.id, u.z, u.p_value) for u in first.units] == [(u.id, u.z, u.p_value) for u in second.units]
    assert len(first.units) == 70 and first.points_used == len(city) == 8596
    # Plausible: the City's crime sits on a few snap points, not in spread-out clusters. Half of it is in 10 of
    # the 70 cells (the busiest 10% hold 42%), but the two busiest cells (756 and 693 crimes, Liverpool Street)
    # are not ringed by busy cells, so under random rearrangement their neighbourhoods are not extreme: no cell
    # passes Gi* once the false-discovery rate is controlled. Concentration, not clustering, is the finding.
    assert first.concentration.top_share == pytest.approx(0.42, abs=0.01)
    assert first.concentration.units_for_half == 10
    assert first.concentration.gini == pytest.approx(0.62, abs=0.01)
    assert first.hot == []
    busiest = sorted(first.units, key=lambda u: -u.count)[:2]
    assert [u.count for u in busiest] == [756, 693]


def test_top_locations_are_the_stations_and_shopping_streets(city):
    frame = pd.DataFrame({"location": [r["Location"] for r in city], "lsoa": [r["LSOA code"] for r in city],
                          "longitude": [float(r["Longitude"]) for r in city],
                          "latitude": [float(r["Latitude"]) for r in city]})
    top = top_locations(frame, 3)
    assert [(t.label, t.count) for t in top] == [
        ("On or near Bishopsgate", 374), ("On or near Victoria Avenue", 315), ("On or near Liverpool Street", 294)]


def test_first_and_second_half_of_2024_show_no_clear_change(rows):
    """Monthly totals run 734–944 with no drift: the halves (5,033 and 4,959) are no clear change."""
    months = Counter(r["Month"] for r in rows)
    first = [months[f"2024-{m:02d}"] for m in range(1, 7)]
    second = [months[f"2024-{m:02d}"] for m in range(7, 13)]
    result = compare(sum(first), sum(second), before_months=first, after_months=second)
    assert (result.before, result.after, result.direction) == (5033, 4959, "no clear change")
    assert result.dispersion == pytest.approx(5.78, abs=0.01)  # month-to-month swings well beyond Poisson


def test_one_year_is_too_short_for_emerging_issues(rows):
    counts = Counter((r["LSOA code"], r["Crime type"], r["Month"]) for r in rows if r["LSOA code"])
    frame = pd.DataFrame([(a, c, m, n) for (a, c, m), n in counts.items()],
                         columns=["lsoa", "category", "month", "count"])
    result = emerging_issues(frame, "2024-12", area="E09000001", area_name="City of London")
    assert result.flags == [] and result.series_eligible == 0 and "3 years" in result.note


def test_violence_dominates_harm(rows):
    counts = Counter(r["Crime type"] for r in rows)
    harm = harm_weighted(counts)
    violence_share = harm.by_category["Violence and sexual offences"] / harm.total
    # 1,737 of 9,992 rows (17%) but two-thirds of the harm: the weights do what they are for.
    assert counts["Violence and sexual offences"] == 1737 and violence_share > 0.6
    assert harm.unweighted == ("Anti-social behaviour",) and harm.approximate
