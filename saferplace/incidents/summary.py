"""Monthly crime and ASB figures for pages and the dashboard, read from the monthly counts only."""

from saferplace.partnership.models import Partnership

from .categories import ASB_NAME
from .queries import force_month_checks, monthly_counts, resolve_area


def default_area() -> tuple[str | None, str | None]:
    """The most local partnership with an area (one with no partnership inside it: Safer Worcester in the demo,
    not South Worcestershire), else no area."""
    for partnership in Partnership.objects.filter(children__isnull=True).order_by("name"):
        if partnership.areas.exists():
            return partnership.slug, partnership.name
    return None, None


def monthly_crime_and_asb(area: str | None = None) -> dict:
    """{months: [{month, crime, asb, total, no_location, gap}], area_name, ...} for the loaded months."""
    area_name, lsoas = (None, None)
    if area:
        area_name, lsoas = resolve_area(area)
    frame = monthly_counts(lsoa_codes=lsoas)
    gaps = {c["month"] for c in force_month_checks("street") if c["gap"]}
    months = []
    if not frame.empty:
        frame["asb"] = frame["category"] == ASB_NAME
        frame["located"] = frame["lsoa"].notna()
        for month, group in frame.groupby("month", sort=True):
            asb = int(group.loc[group["asb"], "count"].sum())
            total = int(group["count"].sum())
            months.append({"month": f"{month:%Y-%m}", "label": f"{month:%b %Y}", "crime": total - asb, "asb": asb,
                           "total": total, "no_location": int(group.loc[~group["located"], "count"].sum()),
                           "gap": f"{month:%Y-%m}" in gaps})
    return {"months": months, "area": area, "area_name": area_name,
            "totals": {k: sum(m[k] for m in months) for k in ("crime", "asb", "total", "no_location")},
            "chart": _chart(months)}


def _chart(months: list[dict], width: int = 640, height: int = 220) -> dict | None:
    """Stacked bars (crime below, ASB above) as SVG geometry: no script, no inline style."""
    if not months:
        return None
    top = max(m["total"] for m in months) or 1
    left, bottom, plot_h = 48, 24, height - 40
    step = (width - left - 8) / len(months)
    bars = []
    for i, m in enumerate(months):
        x = left + i * step + step * 0.15
        crime_h = plot_h * m["crime"] / top
        asb_h = plot_h * m["asb"] / top
        y_crime = height - bottom - crime_h
        bars.append({"x": round(x, 1), "w": round(step * 0.7, 1), "crime_y": round(y_crime, 1),
                     "crime_h": round(crime_h, 1), "asb_y": round(y_crime - asb_h, 1), "asb_h": round(asb_h, 1),
                     "month": m, "label_x": round(x + step * 0.35, 1), "show_label": i % 3 == 0})
    ticks = [{"y": round(height - bottom - plot_h * f, 1), "value": round(top * f)} for f in (0, 0.5, 1)]
    return {"width": width, "height": height, "bars": bars, "ticks": ticks, "baseline": height - bottom,
            "left": left}
