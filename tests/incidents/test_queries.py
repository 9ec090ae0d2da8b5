"""incidents.queries.points: the snap points maps and hotspots read, against an independent count of the file."""

from collections import Counter
from datetime import date

import pytest

from saferplace.incidents import queries

from .helpers import WORCESTER_SAMPLE, read_rows, run

pytestmark = pytest.mark.django_db


def test_points_are_the_files_snap_points_with_their_counts():
    assert run("import", "policeuk", WORCESTER_SAMPLE, "--release", "2024-09")[0] == 0
    rows = read_rows(WORCESTER_SAMPLE)
    located = [r for r in rows if r["Longitude"] and r["LSOA code"]]

    def expected(keep):
        return Counter((r["Location"], float(r["Longitude"]), float(r["Latitude"]), r["LSOA code"])
                       for r in located if keep(r))

    def got(frame):
        assert list(frame.columns) == ["location", "longitude", "latitude", "lsoa", "count"]
        return {(p.location, p.longitude, p.latitude, p.lsoa): p.count for p in frame.itertuples()}

    everything = queries.points()
    assert got(everything) == expected(lambda r: True) and everything["count"].sum() == len(located)
    lsoa = Counter(r["LSOA code"] for r in located).most_common(1)[0][0]
    violence = "Violence and sexual offences"
    one = queries.points([lsoa], date(2024, 8, 1), date(2024, 8, 1), [violence])
    assert len(one) > 1 and got(one) == expected(lambda r: r["LSOA code"] == lsoa and r["Crime type"] == violence)
    assert queries.points([lsoa], date(2024, 9, 1), None).empty  # a month with nothing loaded
    assert queries.unlocated() == sum(1 for r in rows if not r["Longitude"])
