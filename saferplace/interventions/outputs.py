"""A project's outputs are partner measures (docs/adr/0801-outputs-are-partner-measures.md).

An `Output` links a project to an incidents `Measure`; the output's figures are that measure's `MeasureValue`s,
stored once. The outputs form and the outputs workbook record figures here for a financial year or one of its
quarters; the measure's own page and template write the same rows. A measure counted by month takes its figures
on its own page or template (they still count in the project's years). A new output creates its measure, owned
by the project's lead organisation (else the recording user's, else the partnership's lead).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db import models
from django.utils.text import slugify

from saferplace.accounts.models import organisation_of
from saferplace.analysis.periods import financial_year, month_name, period_starting
from saferplace.core.dates import financial_year_label
from saferplace.incidents.models import Measure, MeasureValue

from .models import Output, Project


class Quarter(models.IntegerChoices):
    """The period within a financial year an output figure is recorded for."""

    YEAR = 0, "Whole year"
    Q1 = 1, "April to June"
    Q2 = 2, "July to September"
    Q3 = 3, "October to December"
    Q4 = 4, "January to March"


KIND_WORDS = {"year": "financial year", "quarter": "quarter", "month": "month"}


class OutputRefused(ValueError):
    """A figure that cannot be recorded: `rule` is the code the upload reports, the message says what to do."""

    def __init__(self, rule: str, message: str):
        super().__init__(message)
        self.rule = rule


def period_start(year: str, quarter: int) -> date:
    """First day of the financial year ('2020-21', quarter 0) or of its quarter 1–4."""
    return financial_year(year).months()[3 * (quarter - 1)] if quarter else financial_year(year).start


@dataclass(frozen=True)
class Figure:
    """One value of a project's output: the output (project ↔ measure) and the measure's value for one period."""

    output: Output
    record: MeasureValue

    @property
    def name(self) -> str:
        return self.output.name

    @property
    def unit(self) -> str:
        return self.output.measure.unit

    @property
    def value(self) -> Decimal:
        return self.record.value

    @property
    def note(self) -> str:
        return self.record.note

    @property
    def source(self) -> str:
        return self.record.source

    @property
    def financial_year(self) -> str:
        return financial_year_label(self.record.period_start)

    @property
    def period(self) -> str:
        """'Whole year', the quarter ('April to June') or the month ('April 2020') within its financial year."""
        kind, start = self.output.measure.period, self.record.period_start
        if kind == "year":
            return Quarter.YEAR.label
        if kind == "quarter":
            return Quarter(int(period_starting(kind, start).label[-1])).label
        return month_name(start)

    @property
    def period_label(self) -> str:
        return period_starting(self.output.measure.period, self.record.period_start).label


def figures(project: Project, year: str | None = None) -> list[Figure]:
    """The figures of the project's outputs in a financial year (every year when None), output by output."""
    outputs = list(project.outputs.select_related("measure"))
    values = MeasureValue.objects.filter(measure__in=[o.measure_id for o in outputs]).order_by("period_start")
    if year:
        fy = financial_year(year)
        values = values.filter(period_start__gte=fy.start, period_start__lte=fy.end)
    by_measure: dict[int, list[MeasureValue]] = {}
    for value in values:
        by_measure.setdefault(value.measure_id, []).append(value)
    return [Figure(o, v) for o in outputs for v in by_measure.get(o.measure_id, [])]


def years_with_figures(project: Project) -> set[str]:
    return {financial_year_label(d) for d in MeasureValue.objects.filter(measure__outputs__project=project)
            .values_list("period_start", flat=True)}


def has_figures(project: Project, year: str) -> bool:
    fy = financial_year(year)
    return MeasureValue.objects.filter(measure__outputs__project=project, period_start__gte=fy.start,
                                       period_start__lte=fy.end).exists()


def output_named(project: Project, name: str) -> Output | None:
    return project.outputs.select_related("measure").filter(name__iexact=(name or "").strip()).first()


def check_period(output: Output, quarter: int) -> None:
    """A figure goes in the measure's own kind of period: a whole year, a quarter, or (elsewhere) a month."""
    kind = output.measure.period
    if kind == "month":
        raise OutputRefused("OUTPUT-PERIOD", f"'{output.name}' is counted by month: enter its figures on the measure's "
                                             f"page or template ({output.measure.slug}).")
    wanted = "year" if quarter == Quarter.YEAR else "quarter"
    if kind != wanted:
        choose = "Whole year" if kind == "year" else "a quarter"
        raise OutputRefused("OUTPUT-PERIOD", f"'{output.name}' is counted by {KIND_WORDS[kind]}: choose {choose}.")


def owner_for(project: Project, user=None):
    """Who owns a new output's measure: the project's lead, else the recording user's organisation, else the
    partnership's lead organisation."""
    own = organisation_of(user) if user is not None else None
    owner = project.lead_organisation or own or project.partnership.lead_organisation
    if owner is None:
        raise OutputRefused("OUTPUT-OWNER", f"'{project}' has no lead organisation to own a new measure: record the "
                                            "project's lead organisation first.")
    return owner


def _unique(model_field: str, base: str, limit: int) -> str:
    candidate, n = base[:limit], 1
    while Measure.objects.filter(**{model_field: candidate}).exists():
        n += 1
        candidate = f"{base[:limit - len(str(n)) - 1]}-{n}" if model_field == "slug" else \
            f"{base[:limit - len(str(n)) - 3]} ({n})"
    return candidate


def new_output(project: Project, name: str, unit: str, quarter: int, *, user=None, source: str = "") -> Output:
    """A new output of the project with its own measure, counted by year (quarter 0) or by quarter."""
    name = name.strip()
    measure = Measure.objects.create(
        name=_unique("name", f"{project.name}: {name}", 200),
        slug=_unique("slug", slugify(f"{project.name} {name}"), 80), unit=(unit or "").strip(),
        organisation=owner_for(project, user), period="year" if quarter == Quarter.YEAR else "quarter",
        description=f"An output of {project.name}.", source=source)
    return Output.objects.create(project=project, measure=measure, name=name, source=source)


def record(project: Project, name: str, unit: str, year: str, quarter: int, value: Decimal, note: str = "", *,
           user=None, source: str = "") -> tuple[MeasureValue, bool]:
    """Write one figure of a project's output (creating the output and its measure when the name is new).
    Returns the measure value and whether it was new; raises OutputRefused for a period of the wrong kind."""
    output = output_named(project, name)
    if output is None:
        output = new_output(project, name, unit, quarter, user=user, source=source)
    check_period(output, quarter)
    entered_by = user if getattr(user, "is_authenticated", False) else None
    existing = MeasureValue.objects.filter(measure=output.measure, period_start=period_start(year, quarter)).first()
    if existing is None:
        return MeasureValue.objects.create(measure=output.measure, period_start=period_start(year, quarter),
                                           value=value, note=note, source=source, entered_by=entered_by), True
    existing.value = value
    existing.note = note or existing.note
    existing.entered_by = entered_by or existing.entered_by
    existing.save()
    return existing, False
