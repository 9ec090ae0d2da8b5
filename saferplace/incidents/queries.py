"""What other apps read: monthly counts (never raw rows), publication gaps, and areas as sets of LSOAs.

    monthly_counts(lsoa_codes=None, start=None, end=None, categories=None) -> DataFrame[lsoa, category, month, count]
    publication_gaps(kind="street", force=None) -> list[dict]
    resolve_area(code) -> (label, list of LSOA codes)
    points(lsoa_codes=None, start=None, end=None, categories=None) -> DataFrame[location, longitude, latitude, lsoa,
                                                                              count]
    unlocated(start=None, end=None, categories=None) -> int
"""

from datetime import date

import pandas as pd
from django.db.models import Count, Sum

from saferplace.geography.models import Area, Level

from .categories import CATEGORY_BY_NAME
from .completeness import check_series
from .models import Crime, ForceMonth, MonthlyCount


class UnknownArea(ValueError):
    pass


def month_start(text: str) -> date:
    """'2024-03' -> date(2024, 3, 1); ValueError for anything else."""
    year, month = text.split("-")
    if len(year) != 4 or len(month) != 2:
        raise ValueError(text)
    return date(int(year), int(month), 1)


def monthly_counts(lsoa_codes=None, start: date | None = None, end: date | None = None,
                   categories=None) -> pd.DataFrame:
    """Street-level rows counted by LSOA × category × month, summed over forces.

    lsoa_codes: None for every row loaded, including rows with no location (their `lsoa` is None);
    otherwise only rows in those LSOAs. start/end: first days of months, inclusive. `month` in the frame is
    a datetime.date (first day of the month); `category` is the police.uk name.
    """
    qs = MonthlyCount.objects.all()
    if lsoa_codes is not None:
        qs = qs.filter(lsoa__code__in=list(lsoa_codes))
    if start:
        qs = qs.filter(month__gte=start)
    if end:
        qs = qs.filter(month__lte=end)
    if categories:
        qs = qs.filter(category__in=list(categories))
    rows = list(qs.values("lsoa__code", "category", "month").annotate(n=Sum("count")).order_by())
    frame = pd.DataFrame(rows, columns=["lsoa__code", "category", "month", "n"])
    frame = frame.rename(columns={"lsoa__code": "lsoa", "n": "count"})
    frame["count"] = frame["count"].astype("int64")
    return frame.sort_values(["month", "category", "lsoa"], na_position="last", ignore_index=True)


def _series(kind: str, force_ids=None) -> dict:
    qs = ForceMonth.objects.filter(kind=kind).select_related("force")
    if force_ids is not None:
        qs = qs.filter(force_id__in=force_ids)
    by_force: dict = {}
    for fm in qs:
        by_force.setdefault(fm.force, {})[fm.month] = fm.rows
    return by_force


def force_month_checks(kind: str = "street", force_ids=None) -> list[dict]:
    """Every force-month between a force's first and last loaded month, with its expected rows and gap flag."""
    out = []
    for force, series in sorted(_series(kind, force_ids).items(), key=lambda item: item[0].name):
        for check in check_series(series):
            out.append({"force": force.slug, "force_name": force.name, "month": f"{check.month:%Y-%m}",
                        "rows": check.rows, "expected": check.expected, "gap": check.gap,
                        "missing": check.month not in series})
    return out


def publication_gaps(kind: str = "street", force: str | None = None) -> list[dict]:
    """Force-months flagged as likely publication gaps: fewer than half the median rows of the previous
    12 months (or no rows at all between loaded months). Each: force, force_name, month 'YYYY-MM', rows,
    expected, missing."""
    ids = None
    if force:
        ids = list(ForceMonth.objects.filter(force__slug=force).values_list("force_id", flat=True).distinct())
    return [c for c in force_month_checks(kind, ids) if c["gap"]]


def gaps_for_forces(kind: str, force_ids) -> list[dict]:
    return [c for c in force_month_checks(kind, list(force_ids)) if c["gap"]]


def resolve_area(code: str) -> tuple[str, list[str]]:
    """An ONS code (district, ward, county…), an LSOA code or a partnership slug -> (its name, LSOA codes)."""
    from saferplace.partnership.models import Partnership

    partnership = Partnership.objects.filter(slug=code).first()
    if partnership:
        return partnership.name, sorted(partnership.lsoas().values_list("code", flat=True))
    area = Area.objects.filter(code=code).first()
    if area is None:
        raise UnknownArea(f"No area or partnership is known as {code!r} (give an ONS code, an LSOA code or a "
                          "partnership's short name such as safer-worcester).")
    if area.level == Level.LSOA:
        return area.name, [area.code]
    return area.name, sorted(a.code for a in area.descendants(Level.LSOA))


def _street_rows(start: date | None, end: date | None, categories, force_ids=None):
    """Street-level rows of the months' force-months (the raw table's one index), of the police.uk categories."""
    fms = ForceMonth.objects.filter(kind="street")
    if start:
        fms = fms.filter(month__gte=start)
    if end:
        fms = fms.filter(month__lte=end)
    if force_ids is not None:
        fms = fms.filter(force_id__in=list(force_ids))
    rows = Crime.objects.filter(force_month__in=list(fms.values_list("pk", flat=True)))
    if categories:
        rows = rows.filter(category__in=[CATEGORY_BY_NAME[c] for c in categories])
    return rows


def points(lsoa_codes=None, start: date | None = None, end: date | None = None, categories=None) -> pd.DataFrame:
    """Located street-level records per snap point: one row per (location, longitude, latitude, lsoa) with the
    number of records there (`count`), grouped in the database, so one row comes back per point, not per record
    (police.uk snaps every record to an anonymous map point). For maps and hotspots, the only readers of coordinates.

    lsoa_codes: None for every located record in an LSOA, otherwise only those LSOAs'. start/end: first days of
    months, inclusive. categories: police.uk names, None for all (crime and anti-social behaviour).
    """
    forces = None
    if lsoa_codes is not None:
        codes = list(lsoa_codes)
        forces = set(MonthlyCount.objects.filter(lsoa__code__in=codes).values_list("force_id", flat=True).distinct())
    rows = _street_rows(start, end, categories, forces)
    if lsoa_codes is not None:
        ids = []
        for i in range(0, len(codes), 5000):
            ids += list(Area.objects.filter(code__in=codes[i:i + 5000]).values_list("pk", flat=True))
        rows = rows.filter(lsoa_id__in=ids)
    else:
        rows = rows.filter(lsoa__isnull=False)
    grouped = list(rows.filter(longitude__isnull=False, latitude__isnull=False)
                   .values("location", "longitude", "latitude", "lsoa__code").annotate(n=Count("id")).order_by())
    frame = pd.DataFrame(grouped, columns=["location", "longitude", "latitude", "lsoa__code", "n"])
    frame = frame.rename(columns={"lsoa__code": "lsoa", "n": "count"})
    frame["count"] = frame["count"].astype("int64")
    return frame.sort_values(["lsoa", "location", "longitude", "latitude"], ignore_index=True)


def unlocated(start: date | None = None, end: date | None = None, categories=None) -> int:
    """Street-level records of the months with no location (they belong to no area)."""
    return _street_rows(start, end, categories).filter(longitude__isnull=True).count()
