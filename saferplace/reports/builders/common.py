"""What the three builders share: reading the data apps through their query functions, provenance, and the
pieces every report has (trend charts, hotspot maps, the governance diagram, performance per priority)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import numpy as np
import pandas as pd

from saferplace.analyse.data import Scope, partnership_scope
from saferplace.analysis.periods import Period, month_label, month_name
from saferplace.incidents import queries
from saferplace.incidents.models import ForceMonth
from saferplace.partnership.models import Partnership

from ..model import (
    COUNT,
    TEXT,
    Chart,
    Column,
    Figure,
    MapLayer,
    Provenance,
    Table,
    count,
    text,
)

POLICEUK = "police.uk street-level crime and anti-social behaviour"
ASB = "Anti-social behaviour"
HOTSPOT_CELL = 500.0
# Output units that count things rather than people, cases or incidents: never small-number suppressed.
THINGS = {"items", "locations", "bikes", "cycles", "packs", "alarms", "purse bells", "weekends", "meetings",
          "patrols", "schools", "areas", "sessions", "posts", "signs", "events", "leaflets", "cameras", "pounds"}

Progress = Callable[[str], None]


def no_progress(message: str) -> None:
    return None


class ReportInputError(ValueError):
    """The options asked for a report that cannot be built (unknown partnership, bad period)."""


_BATCHES: dict[tuple[date, date], str] = {}


def area_of(slug: str) -> Scope:
    """The partnership and its LSOAs, as the store's reader (saferplace.analyse.data) takes an area. Called at the
    start of every build, so it also empties the per-build cache of import-batch descriptions."""
    _BATCHES.clear()
    partnership = Partnership.objects.filter(slug=slug).first()
    if partnership is None:
        known = ", ".join(Partnership.objects.values_list("slug", flat=True)) or "none recorded"
        raise ReportInputError(f"No partnership is known as {slug!r} (known: {known}).")
    return partnership_scope(partnership)


def disclosive_unit(unit: str) -> bool:
    return unit.strip().lower() not in THINGS


def batches(start: date, end: date) -> str:
    """Which police.uk loads the figures come from: forces, months, releases and import batch numbers."""
    if (start, end) not in _BATCHES:
        _BATCHES[(start, end)] = _batches(start, end)
    return _BATCHES[(start, end)]


def _batches(start: date, end: date) -> str:
    rows = list(ForceMonth.objects.filter(kind="street", month__gte=start, month__lte=end)
                .values_list("force__slug", "month", "release", "batch_id").order_by("force__slug", "month"))
    if not rows:
        return "no police.uk data loaded"
    forces = sorted({r[0] for r in rows})
    releases = sorted({r[2] for r in rows})
    ids = sorted({r[3] for r in rows})
    id_text = f"{ids[0]}–{ids[-1]}" if len(ids) > 1 and ids[-1] - ids[0] == len(ids) - 1 else \
        ", ".join(str(i) for i in ids)
    return (f"{', '.join(forces)} {month_label(rows[0][1])} to {month_label(rows[-1][1])}, "
            f"release {', '.join(releases)}, import batch{'es' if len(ids) > 1 else ''} {id_text}")


def policeuk_provenance(area: Scope, period_text: str, measure: str, start: date, end: date) -> Provenance:
    return Provenance(POLICEUK, period_text, measure, batches(start, end), area.name,
                      "data.police.uk, Open Government Licence v3.0")


def loaded_months(frame: pd.DataFrame) -> set[str]:
    return {month_label(m) for m in frame["month"].unique()} if not frame.empty else set()


def covers(frame: pd.DataFrame, period: Period) -> bool:
    return set(period.month_labels()) <= loaded_months(frame)


def monthly_series(frame: pd.DataFrame, period: Period, categories=None, exclude=None) -> dict[str, int]:
    rows = frame
    if categories is not None:
        rows = rows[rows["category"].isin(categories)]
    if exclude is not None:
        rows = rows[~rows["category"].isin(exclude)]
    labels = rows["month"].map(month_label)
    sums = rows.groupby(labels)["count"].sum().to_dict()
    return {m: int(sums.get(m, 0)) for m in period.month_labels()}


def trend_figure(key: str, caption: str, area: Scope, periods: list[Period], series: dict[str, dict[str, int]],
                 measure: str = "") -> Figure:
    """A monthly line chart (one line per series) with the table of its figures: a row a month, a column a
    series."""
    start, end = periods[0].start, periods[-1].end
    provs = {name: policeuk_provenance(area, f"{month_name(start)} to {month_name(end)}", name, start, end)
             for name in series}
    rows = []
    for p in periods:
        for m in p.month_labels():
            rows.append((text(m), *(count(monthly.get(m, 0), provs[name]) for name, monthly in series.items())))
    columns = (Column("Month"), *(Column(name, COUNT) for name in series))
    table = Table(key, caption, columns, tuple(rows))
    names = " and ".join(series)
    alt = (f"Line chart of {names} in {area.name} by month from {month_name(start)} to {month_name(end)}. "
           "The figures are in the table that follows.")
    return Figure(key, caption, alt, table=table,
                  chart=Chart("line", 0, tuple(range(1, len(series) + 1)), x_title="Month", y_title=measure))


def located_points(area: Scope, start: date, end: date, categories=None) -> tuple[np.ndarray, np.ndarray]:
    """Longitude and latitude of every located record in the area and months (for hotspot grids): the snap points
    of incidents.queries.points, each repeated as many times as records were placed there."""
    frame = queries.points(area.lsoas, start, end, categories)
    repeats = frame["count"].to_numpy(int)
    return (np.repeat(frame["longitude"].to_numpy(float), repeats),
            np.repeat(frame["latitude"].to_numpy(float), repeats))


def grid_counts(lon: np.ndarray, lat: np.ndarray, cell: float) -> tuple[dict[tuple[int, int], int], float, float]:
    """Located points counted into `cell`-metre squares of the British National Grid (col, row) -> count."""
    from pyproj import Transformer

    x, y = Transformer.from_crs("EPSG:4326", "EPSG:27700", always_xy=True).transform(lon, lat)
    x, y = np.asarray(x), np.asarray(y)
    x0, y0 = np.floor(x.min() / cell) * cell, np.floor(y.min() / cell) * cell
    cols, rows = np.floor((x - x0) / cell).astype(int), np.floor((y - y0) / cell).astype(int)
    counts: dict[tuple[int, int], int] = {}
    for c, r in zip(cols.tolist(), rows.tolist(), strict=True):
        counts[(c, r)] = counts.get((c, r), 0) + 1
    return counts, float(x0), float(y0)


def hotspot_figure(key: str, caption: str, area: Scope, period: Period, categories=None, top: int = 12,
                   what: str = "records", significance: bool = False) -> Figure | None:
    """A grid map of where the period's records concentrate beside the table of the busiest cells, with the
    share of all records they hold (analysis.concentration). With `significance`, each cell is also tested
    with Gi* (analysis.hotspots, false-discovery controlled); that loads libpysal, so it is kept for the
    strategic assessment."""
    from saferplace.analysis.concentration import concentration

    lon, lat = located_points(area, period.start, period.end, categories)
    if len(lon) == 0:
        return None
    counts, x0, y0 = grid_counts(lon, lat, HOTSPOT_CELL)
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0][1], kv[0][0]))[:top]
    hot = set()
    if significance:
        from saferplace.analysis.hotspots import grid_hotspots

        result = grid_hotspots(lon, lat, cell=HOTSPOT_CELL)
        grid = result.grid
        for u in result.hot:
            r, c = divmod(int(u.id), grid.cols)
            hot.add((round(grid.x0 + c * grid.cell), round(grid.y0 + r * grid.cell)))
    prov = policeuk_provenance(area, period.label, f"{what.capitalize()} located in each {HOTSPOT_CELL:.0f} m cell",
                               period.start, period.end)
    rows, cells = [], []
    for rank, ((c, r), n) in enumerate(ranked, start=1):
        x, y = x0 + c * HOTSPOT_CELL, y0 + r * HOTSPOT_CELL
        cells.append((x, y))
        row = [text(str(rank)), text(f"{x:.0f} {y:.0f}"), count(n, prov)]
        if significance:
            row.append(text("Yes" if (round(x), round(y)) in hot else "No"))
        rows.append(tuple(row))
    conc = concentration(list(counts.values()))
    columns = [Column("Cell"), Column("Grid reference (south-west corner)"), Column(what.capitalize(), COUNT)]
    if significance:
        columns.append(Column("Hotspot (Gi*, 5% false discovery rate)", TEXT))
    top_share = sum(n for _, n in ranked) / max(1, int(conc.total))
    notes = (f"{int(conc.total):,} located {what} in {conc.units} occupied {HOTSPOT_CELL:.0f} m cells; the "
             f"{len(rows)} cells shown hold {top_share:.0%} of them. police.uk locations are snapped to anonymous "
             "points, so cells, not points, are mapped.",)
    table = Table(f"{key}-cells", f"{caption}: the {len(rows)} cells with most {what}", tuple(columns), tuple(rows),
                  notes=notes)
    alt = (f"Map of {area.name} with its boundary and the {len(rows)} {HOTSPOT_CELL:.0f} metre grid cells with most "
           f"{what} in {period.label}, numbered as in the table beside it.")
    return Figure(key, caption, alt, table=table, map=MapLayer(tuple(cells), HOTSPOT_CELL, 2))


def governance_figure(title: str) -> Figure:
    """Appendix: the partnership register's own governance diagram (saferplace.partnership.diagram)."""
    from saferplace.partnership.diagram import governance_svg
    from saferplace.partnership.models import Group, ReportingLine

    groups = list(Group.objects.order_by("name"))
    names = {g.pk: g.name for g in groups}
    lines = list(ReportingLine.objects.values_list("group_id", "reports_to_id").order_by("group_id", "reports_to_id"))
    svg = governance_svg([(str(g.pk), g.name, "") for g in groups], [(str(a), str(b)) for a, b in lines], title)
    ordered = sorted(lines, key=lambda ab: (names[ab[0]], names[ab[1]]))
    rows = tuple((text(names[a]), text(names[b])) for a, b in ordered)
    unattached = sorted(g.name for g in groups if not any(g.pk in ab for ab in lines))
    rows += tuple((text(n), text("(no reporting line recorded)")) for n in unattached)
    table = Table("governance-lines", "Who reports to whom", (Column("Group"), Column("Reports to")), rows)
    alt = (f"Block chart of {len(groups)} groups and the {len(lines)} reporting lines between them; the table that "
           "follows lists every line.")
    return Figure("governance", title, alt, table=table, svg=svg)
