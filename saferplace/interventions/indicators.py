"""A priority's outcome indicator over a project's life, worded as association, never as cause.

`indicator_change_over_project_life(indicator, project)` is the one place the change is computed: it counts the
indicator in the partnership's area over the months the project ran, and over the same months a year earlier,
and passes both monthly series to the analysis engine (saferplace.analysis.change.compare_periods), which
chooses the wording ("fell", "no clear change", "rose") from its tests. The sentence then says plainly that the
project ran at the same time and that this does not show it caused the change.
"""

from dataclasses import dataclass
from datetime import date

from saferplace.core.dates import financial_year_bounds

from .models import OutcomeIndicator, Output, Project

ASSOCIATION = ("This is what happened while the project ran, not a measure of what it achieved: other things "
               "changed at the same time, and the indicator covers the whole area, not only the people it reached.")


@dataclass(frozen=True)
class IndicatorChange:
    indicator: OutcomeIndicator
    available: bool
    sentence: str  # always a full sentence a reader can use, including why nothing could be computed
    change: object | None = None  # saferplace.analysis.change.Change when available


def project_life(project: Project):
    """The whole months the project ran: its dates, else the financial years it has money or outputs in."""
    from saferplace.analysis.periods import months_between

    start, end = project.start, project.end
    if not (start and end):
        years = sorted({*project.bids.values_list("funding_round__financial_year", flat=True),
                        *project.grant_lines.values_list("financial_year", flat=True),
                        *Output.objects.filter(project=project).values_list("financial_year", flat=True)})
        if not years:
            return None
        start = start or financial_year_bounds(years[0])[0]
        end = end or financial_year_bounds(years[-1])[1]
    return months_between(date(start.year, start.month, 1), date(end.year, end.month, 1))


def _policeuk_monthly(indicator, partnership, months: list[date]) -> tuple[dict, list[date]]:
    """Counts per month of the indicator's categories in the partnership's LSOAs, and the publication gaps."""
    from django.db.models import Sum

    from saferplace.incidents.models import ForceMonth, MonthlyCount

    lsoas = partnership.lsoas()
    rows = (MonthlyCount.objects.filter(month__in=months, lsoa__in=lsoas,
                                        category__in=indicator.policeuk_categories)
            .values("month").annotate(n=Sum("count")))
    counts = {r["month"]: r["n"] for r in rows}
    forces = set(MonthlyCount.objects.filter(lsoa__in=lsoas).values_list("force_id", flat=True).distinct())
    published = {}
    for force_id, month in ForceMonth.objects.filter(kind="street", force_id__in=forces, month__in=months) \
            .values_list("force_id", "month"):
        published.setdefault(month, set()).add(force_id)
    gaps = [m for m in months if not forces or published.get(m, set()) != forces]
    return counts, gaps


def _partner_monthly(indicator, months: list[date]) -> tuple[dict, list[date]]:
    from saferplace.incidents.models import MeasureValue

    values = MeasureValue.objects.filter(measure__slug=indicator.partner_measure, measure__period="month",
                                         period_start__in=months)
    counts = {v.period_start: v.value for v in values}
    return counts, [m for m in months if m not in counts]


def indicator_change_over_project_life(indicator: OutcomeIndicator, project: Project) -> IndicatorChange:
    """The indicator over the project's life against the same months a year earlier, as association."""
    life = project_life(project)
    if life is None:
        return IndicatorChange(indicator, False, f"{project.name} has no dates, money or outputs to say when it ran.")
    try:
        from saferplace.analysis.change import compare_periods
        from saferplace.analysis.periods import year_earlier
        from saferplace.analysis.wording import change_sentence
    except ImportError:
        return IndicatorChange(indicator, False, "The analysis engine is not installed, so no change is computed.")
    before = year_earlier(life)
    months = before.months() + life.months()
    try:
        if indicator.kind == OutcomeIndicator.Kind.POLICEUK:
            counts, gaps = _policeuk_monthly(indicator, project.partnership, months)
        else:
            counts, gaps = _partner_monthly(indicator, months)
    except ImportError:
        return IndicatorChange(indicator, False, "Crime and partner data are not installed, so no change is computed.")
    if not counts or len(gaps) >= len(months) // 2:
        return IndicatorChange(indicator, False, (
            f"No {indicator.name} figures are loaded for {before.label} and {life.label}, so the change over "
            f"{project.name}'s life cannot be shown. Load the data, then look again."))
    change = compare_periods(counts, life, before, gap_months=gaps)
    sentence = change_sentence(f"{indicator.name} in {project.partnership}", change)
    return IndicatorChange(indicator, True, f"While {project.name} ran: {sentence} {ASSOCIATION}", change)
