"""The dashboard's analysis panel: performance against priorities, emerging issues and hotspots for the
partnership's area, each with a chart and the table of the same figures.

The results are cached against the data they read (data.data_version), so the statistics run once per data
change, not once per page view.
"""

import hashlib

from django.core.cache import cache

from saferplace.analysis.change import FELL, ROSE
from saferplace.analysis.periods import month_name, year_earlier
from saferplace.analysis.taxonomy import POLICE_UK

from . import data, figures, services

CACHE_SECONDS = 24 * 3600


def panel(request):
    if not request.user.has_perm("analyse.view_analysis"):
        return None
    partnership = data.default_partnership()
    scope = data.resolve_scope(partnership.slug if partnership else None)
    version = hashlib.sha256(data.data_version().encode()).hexdigest()[:32]
    key = f"analyse-dashboard:{scope.code}:{version}"
    context = cache.get(key)
    if context is None:
        context = build(scope)
        cache.set(key, context, CACHE_SECONDS)
    return context


def build(scope: data.Scope) -> dict | None:
    year, month = data.latest_financial_year(scope), data.latest_month(scope)
    if year is None or month is None:
        return None
    previous = year_earlier(year)
    perf = services.run_performance(scope, year)
    categories = {m["name"]: [m["code"]] for p in perf["priorities"] for m in p["measures"]
                  if m["source"] == POLICE_UK}
    counts = data.counts_frame(scope, previous.start, year.end)
    perf_figure = None
    if categories and not counts.empty:
        perf_figure = figures.monthly_figure(
            "analyse-performance", f"Priority measures in {scope.name} by month, {previous.label} and {year.label}",
            f"Line chart of the police.uk measures of the priorities in {scope.name} in each month of "
            f"{previous.label} and {year.label}; the table gives the same figures.",
            counts, figures.period_months(previous, year), categories, "Records")
    emerging = services.run_emerging(scope, month).as_json()
    history = data.counts_frame(scope, figures.add_months(month, -23), month)
    all_categories = sorted(history["category"].unique())
    asb = [c for c in all_categories if c == "Anti-social behaviour"]
    crime = [c for c in all_categories if c not in asb]
    emerging_figure = figures.monthly_figure(
        "analyse-emerging", f"Crime and anti-social behaviour in {scope.name}, 24 months to {month_name(month)}",
        f"Line chart of police.uk crime and anti-social behaviour in {scope.name} in each of the 24 months to "
        f"{month_name(month)}; the table gives the same figures.", history,
        figures.month_labels_to(month, 24), {"Crime": crime, "Anti-social behaviour": asb}, "Records")
    hotspots, hotspot_figure = None, None
    try:
        hotspots = services.run_hotspots(scope, year, periods=2)
    except services.NoData:
        pass
    if hotspots:
        cells = [{"cell": c["cell"], "count": c["count"],
                  "status": (c["class"] or "yes") if c["hot"] else "no"} for c in hotspots["busiest_cells"]]
        hotspot_figure = figures.cells_figure(
            "analyse-hotspots", f"The {len(cells)} {hotspots['grid']['cell_metres']:.0f} m cells with most records "
            f"in {scope.name}, {year.label}",
            f"Bar chart of police.uk records in the {len(cells)} busiest {hotspots['grid']['cell_metres']:.0f} metre "
            "grid cells; the table gives the same figures and whether each cell is a Gi* hotspot.", cells)
    judged = [(p, m) for p in perf["priorities"] for m in p["measures"] if m.get("direction") in (FELL, ROSE)]
    return {"template": "analyse/dashboard_panel.html", "scope": {"code": scope.code, "name": scope.name},
            "performance": perf, "performance_figure": perf_figure, "clear_changes": len(judged),
            "emerging": emerging, "emerging_month": month_name(month), "emerging_figure": emerging_figure,
            "hotspots": hotspots, "hotspot_figure": hotspot_figure}
