"""What the analysis library needs, read from the store: areas as LSOA sets, monthly counts, publication gaps,
loaded months, partner measures, populations and (aggregated) snap points.

Everything is read through saferplace.incidents.queries where it offers a function (snap points for hotspots
come from queries.points, grouped in the database: one row per point, not per crime). The report builders and
the interventions pages read the store through this module too (docs/adr/0800).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd
from django.db.models import Count, Max, Min

from saferplace.analysis.periods import Period, financial_year_of, month_label, period_starting, preceding
from saferplace.core.dates import add_months
from saferplace.geography.models import Area, Level, Population, Succession
from saferplace.incidents import queries
from saferplace.incidents.models import ForceMonth, Measure, MeasureValue, MonthlyCount
from saferplace.partnership.models import Partnership

ALL = "all"
STREET = "street"


class AreaError(ValueError):
    """--area names nothing known (exit status 2)."""


@dataclass(frozen=True)
class Scope:
    """The area analysed: `code` is what the output calls it, `lsoas` None for every LSOA loaded."""

    code: str
    name: str
    lsoas: tuple[str, ...] | None
    partnership: Partnership | None = None
    whole_partnership: bool = True   # partner measures (recorded for a partnership) apply to it


def resolve_scope(code: str | None) -> Scope:
    """--area as DESIGN.md defines it. A partnership covering exactly one area is reported under that area's
    ONS code, so `--area safer-worcester` and `--area E07000237` give the same document."""
    if not code:
        return Scope(ALL, "all areas loaded", None, default_partnership())
    partnership = Partnership.objects.filter(slug=code).first()
    if partnership is not None:
        areas = list(partnership.areas.all())
        lsoas = tuple(sorted(partnership.lsoas().values_list("code", flat=True)))
        if len(areas) == 1:
            return Scope(areas[0].code, areas[0].name, lsoas, partnership)
        return Scope(partnership.slug, partnership.name, lsoas, partnership)
    try:
        name, lsoas = queries.resolve_area(code)
    except queries.UnknownArea as error:
        raise AreaError(str(error)) from None
    partnership = partnership_of_area(code)
    whole = partnership is not None and set(partnership.lsoas().values_list("code", flat=True)) == set(lsoas)
    return Scope(code, name, tuple(lsoas), partnership, whole)


def partnership_scope(partnership: Partnership) -> Scope:
    """A partnership's whole area under its own slug and name (reports and the interventions pages use this)."""
    lsoas = tuple(sorted(partnership.lsoas().values_list("code", flat=True)))
    return Scope(partnership.slug, partnership.name, lsoas, partnership)


def default_partnership() -> Partnership | None:
    """The most local partnership with an area (Safer Worcester in the demo), as the dashboard shows."""
    return (Partnership.objects.filter(children__isnull=True, areas__isnull=False).order_by("name").distinct()
            .first())


def partnership_of_area(code: str) -> Partnership | None:
    """The most local partnership whose areas include this area or one above it (for its priorities)."""
    area = Area.objects.filter(code=code).first()
    while area is not None:
        found = (Partnership.objects.filter(areas=area).annotate(inner=Count("children"))
                 .order_by("inner", "name").first())  # the most local: one with no partnership inside it
        if found is not None:
            return found
        area = area.parent
    return None


def _lsoa_filter(scope: Scope):
    return None if scope.lsoas is None else list(scope.lsoas)


def counts_frame(scope: Scope, start: date | None, end: date | None) -> pd.DataFrame:
    """[lsoa, category, month, count] for the scope's LSOAs (rows with no location left out)."""
    frame = queries.monthly_counts(lsoa_codes=_lsoa_filter(scope), start=start, end=end)
    return frame[frame["lsoa"].notna()].reset_index(drop=True)


def force_ids(scope: Scope) -> list[int]:
    """Forces whose records fall in the scope (their publication gaps and loaded months matter)."""
    qs = MonthlyCount.objects.all()
    if scope.lsoas is not None:
        qs = qs.filter(lsoa__code__in=list(scope.lsoas))
    return sorted(set(qs.values_list("force_id", flat=True).distinct()))


def loaded_months(scope: Scope) -> list[date]:
    """Months with street-level data stored for every force of the scope, first to last."""
    ids = force_ids(scope)
    if not ids:
        return []
    per_month: dict[date, set[int]] = {}
    for force_id, month in ForceMonth.objects.filter(kind=STREET, force_id__in=ids).values_list("force_id", "month"):
        per_month.setdefault(month, set()).add(force_id)
    return sorted(m for m, forces in per_month.items() if len(forces) == len(ids))


def gap_months(scope: Scope, periods: list[Period] = ()) -> list[str]:
    """Publication gaps of the scope's forces, plus months of `periods` for which nothing is loaded."""
    ids = force_ids(scope)
    gaps = {c["month"] for c in queries.gaps_for_forces(STREET, ids)} if ids else set()
    loaded = {month_label(m) for m in loaded_months(scope)}
    for period in periods:
        gaps |= {m for m in period.month_labels() if m not in loaded}
    return sorted(gaps)


def latest_month(scope: Scope) -> date | None:
    months = loaded_months(scope)
    return months[-1] if months else None


def latest_financial_year(scope: Scope) -> Period | None:
    """The latest financial year whose last month is loaded (default for --period)."""
    last = latest_month(scope)
    if last is None:
        return None
    year = financial_year_of(last)
    return year if year.end == last else preceding(year)


# Partner measures -----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class PartnerData:
    frame: pd.DataFrame                  # (measure, month, value) for measures covering both periods
    current_only: dict[str, float]       # slug -> total in the current period, when the earlier one is missing
    names: dict[str, str]


def partner_data(current: Period, previous: Period) -> PartnerData:
    """Partner values as (measure, month, value) with each value in its period's first month, kept only for
    measures whose values cover every month of both periods: a missing year is unknown, not zero."""
    wanted = set(current.month_labels()) | set(previous.month_labels())
    rows = MeasureValue.objects.filter(period_start__lte=current.end).select_related("measure").values_list(
        "measure__slug", "measure__period", "period_start", "value")
    covered: dict[str, set[str]] = {}
    values: dict[str, list[tuple[date, float]]] = {}
    for slug, kind, start, value in rows:
        covered.setdefault(slug, set()).update(period_starting(kind, start).month_labels())
        values.setdefault(slug, []).append((start, float(value)))
    keep, current_only = [], {}
    for slug, months in covered.items():
        in_range = [(d, v) for d, v in values[slug] if previous.start <= d <= current.end]
        if wanted <= months:
            keep += [(slug, d, v) for d, v in in_range]
        elif set(current.month_labels()) <= months:
            current_only[slug] = sum(v for d, v in in_range if current.start <= d <= current.end)
    names = dict(Measure.objects.filter(slug__in=covered).values_list("slug", "name"))
    return PartnerData(pd.DataFrame(keep, columns=["measure", "month", "value"]), current_only, names)


def partner_series(slug: str, periods: list[Period]) -> tuple[dict[date, float], list[date]]:
    """One partner measure over `periods`, for compare_periods: each value in its period's first month, taken only
    when its whole month, quarter or year lies inside one of the periods; and the months no value covers (gaps,
    left out with their partner months)."""
    first, last = min(p.start for p in periods), max(p.end for p in periods)
    counts: dict[date, float] = {}
    covered: set[str] = set()
    for kind, start, value in MeasureValue.objects.filter(measure__slug=slug, period_start__gte=first,
                                                          period_start__lte=last).values_list(
            "measure__period", "period_start", "value"):
        months = period_starting(kind, start).month_labels()
        if any(set(months) <= set(p.month_labels()) for p in periods):
            counts[start] = float(value)
            covered.update(months)
    return counts, [m for p in periods for m in p.months() if month_label(m) not in covered]


def policeuk_series(scope: Scope, categories, periods: list[Period]) -> tuple[dict[date, int], list[str]]:
    """Monthly counts of some police.uk categories (counted together) over `periods` in the scope, and the gap
    months (publication gaps of its forces and months not loaded), for compare_periods."""
    first, last = min(p.start for p in periods), max(p.end for p in periods)
    frame = counts_frame(scope, first, last)
    frame = frame[frame["category"].isin(list(categories))]
    counts = {m: int(n) for m, n in frame.groupby("month")["count"].sum().items()}
    return counts, gap_months(scope, list(periods))


# Populations ----------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Residents:
    total: int
    year: int
    lsoas: int
    missing: tuple[str, ...]   # LSOAs with records but no estimate (then no rates are given)
    note: str


def mid_year_for(period: Period) -> int:
    """The mid-year estimate that describes a period: the one for the year of its middle month (mid-2023 for
    2023-24)."""
    return add_months(period.start, (period.length - 1) // 2).year


def residents(scope: Scope, period: Period, with_records: set[str]) -> Residents | None:
    """Residents of the scope for the period's mid-year (or the nearest year loaded, earlier first). None when
    no estimates are loaded. `with_records`: LSOAs with records, each of which must have an estimate (itself or
    through the 2011/2021 LSOA it was split from or merged into) for rates to be given."""
    qs = Population.objects.all()
    if scope.lsoas is not None:
        qs = qs.filter(area__code__in=list(scope.lsoas))
    years = sorted(set(qs.values_list("year", flat=True)))
    if not years:
        return None
    want = mid_year_for(period)
    year = min(years, key=lambda y: (abs(y - want), y > want))
    rows = dict(qs.filter(year=year).values_list("area__code", "total"))
    successions = list(Succession.objects.filter(predecessor__level=Level.LSOA)
                       .values_list("predecessor__code", "successor__code"))
    successors_with_rows = {p for p, s in successions if s in rows}
    counted = {code: n for code, n in rows.items() if code not in successors_with_rows}  # never both generations
    linked = {p for p, s in successions if s in rows} | {s for p, s in successions if p in rows}
    missing = tuple(sorted(c for c in with_records if c not in rows and c not in linked))
    note = f"Residents: ONS mid-{year} estimates for {len(counted)} LSOAs ({sum(counted.values()):,} residents)"
    note += "." if year == want else f", the nearest year loaded to mid-{want}."
    if missing:
        note += (f" No estimate for {len(missing)} LSOA(s) with records ({', '.join(missing[:5])}"
                 f"{' …' if len(missing) > 5 else ''}), so rates per 1,000 residents are not given.")
    return Residents(sum(counted.values()), year, len(counted), missing, note)


def lsoa_residents(codes, year: int) -> dict[str, int]:
    return dict(Population.objects.filter(year=year, area__code__in=list(codes)).values_list("area__code", "total"))


# Snap points for hotspots ---------------------------------------------------------------------------------

def points_frame(scope: Scope, period: Period, categories: list[str] | None = None) -> tuple[pd.DataFrame, int]:
    """One row per snap point (location text, longitude, latitude, LSOA) with the number of records there (`n`),
    from incidents.queries.points; and the number of the period's records in the scope with no location (none
    can be placed in an area, so 0 for an area; every such record when the scope is all areas)."""
    frame = queries.points(_lsoa_filter(scope), period.start, period.end, categories).rename(columns={"count": "n"})
    without = 0 if scope.lsoas is not None else queries.unlocated(period.start, period.end, categories)
    return frame, without


def lsoa_centroids(codes) -> dict[str, tuple[float, float]]:
    """Stored LSOA centroids (longitude, latitude), only when every LSOA has one."""
    rows = list(Area.objects.filter(code__in=list(codes), longitude__isnull=False, latitude__isnull=False)
                .values_list("code", "longitude", "latitude"))
    found = {c: (lon, lat) for c, lon, lat in rows}
    return found if set(codes) <= set(found) else {}


def lsoa_names(codes) -> dict[str, str]:
    codes = list(codes)
    names = {}
    for i in range(0, len(codes), 5000):
        names.update(Area.objects.filter(code__in=codes[i:i + 5000]).values_list("code", "name"))
    return names


def data_version() -> str:
    """Changes whenever anything an analysis reads changes (for caching the dashboard's results)."""
    fm = ForceMonth.objects.aggregate(n=Count("pk"), last=Max("batch_id"), first=Min("batch_id"))
    pop = Population.objects.aggregate(n=Count("pk"), last=Max("loaded"))
    mv = MeasureValue.objects.aggregate(n=Count("pk"), last=Max("updated"))
    from saferplace.interventions.models import OutcomeIndicator

    indicators = OutcomeIndicator.objects.aggregate(n=Count("pk"), last=Max("pk"))
    return f"{fm}|{pop}|{mv}|{indicators}"
