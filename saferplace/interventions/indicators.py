"""A priority's outcome indicator over a project's life, worded as association, never as cause.

`indicator_change_over_project_life(indicator, project)` is the one place the change is computed: it counts the
indicator in the partnership's area over the months the project ran, and over the same months a year earlier,
and passes both series to the analysis engine (saferplace.analysis.change.compare_periods), which
chooses the wording ("fell", "no clear change", "rose") from its tests. The sentence then says plainly that the
project ran at the same time and that this does not show it caused the change.
"""

from dataclasses import dataclass
from datetime import date

from saferplace.core.dates import financial_year_bounds

from .models import OutcomeIndicator, Project
from .outputs import years_with_figures

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
                        *years_with_figures(project)})
        if not years:
            return None
        start = start or financial_year_bounds(years[0])[0]
        end = end or financial_year_bounds(years[-1])[1]
    return months_between(date(start.year, start.month, 1), date(end.year, end.month, 1))


def indicator_change_over_project_life(indicator: OutcomeIndicator, project: Project) -> IndicatorChange:
    """The indicator over the project's life against the same months a year earlier, as association. police.uk
    indicators count their categories in the partnership's LSOAs; partner measures may be counted by month,
    quarter or year (a value is used when its whole period falls in one of the two spans)."""
    life = project_life(project)
    if life is None:
        return IndicatorChange(indicator, False, f"{project.name} has no dates, money or outputs to say when it ran.")
    from saferplace.analyse import data
    from saferplace.analysis.change import compare_periods
    from saferplace.analysis.periods import year_earlier
    from saferplace.analysis.wording import change_sentence

    before = year_earlier(life)
    months = before.months() + life.months()
    if indicator.kind == OutcomeIndicator.Kind.POLICEUK:
        counts, gaps = data.policeuk_series(data.partnership_scope(project.partnership),
                                            indicator.policeuk_categories, [before, life])
    else:
        counts, gaps = data.partner_series(indicator.partner_measure, [before, life])
    if not counts or len(gaps) >= len(months) // 2:
        return IndicatorChange(indicator, False, (
            f"No {indicator.name} figures are loaded for {before.label} and {life.label}, so the change over "
            f"{project.name}'s life cannot be shown. Load the data, then look again."))
    change = compare_periods(counts, life, before, gap_months=gaps)
    sentence = change_sentence(f"{indicator.name} in {project.partnership}", change)
    return IndicatorChange(indicator, True, f"While {project.name} ran: {sentence} {ASSOCIATION}", change)
