"""A partnership's priority taxonomy: its priorities and the outcome indicators that measure them.

The `OutcomeIndicator` records are the configuration of record: each partnership keeps its own. The analysis
library's default taxonomy (`saferplace.analysis.taxonomy.WORCESTER_DEFAULT`) is what seeds them
(`seed_indicators`), and it stands in, unsaved, for a partnership that has recorded none yet. Performance
(`saferplace analyse`, the dashboard), the reports and the interventions pages all read the taxonomy here, so
they cannot disagree about what measures a priority (docs/adr/0800-one-taxonomy-one-reader.md).
"""

from __future__ import annotations

from saferplace.analysis.taxonomy import PARTNER, POLICE_UK, WORCESTER_DEFAULT, Taxonomy
from saferplace.analysis.taxonomy import Measure as TaxonomyMeasure
from saferplace.analysis.taxonomy import Priority as TaxonomyPriority
from saferplace.partnership.models import Partnership, Priority

from .models import OutcomeIndicator

DEFAULT_SOURCE = "Seeded from the analysis library's default taxonomy (docs/adr/0800-one-taxonomy-one-reader.md)"


def _defaults(taxonomy: Taxonomy = WORCESTER_DEFAULT) -> dict[str, TaxonomyPriority]:
    return {p.name: p for p in taxonomy.priorities}


def _recorded(partnership: Partnership) -> bool:
    """Whether the partnership whose themes are in force has recorded any indicator (then only records count)."""
    return OutcomeIndicator.objects.filter(priority__theme__in=partnership.themes_in_force()).exists()


def indicator_from_measure(priority: Priority, measure: TaxonomyMeasure) -> OutcomeIndicator:
    """An (unsaved) indicator of `priority` standing for one measure of a taxonomy."""
    police = measure.source == POLICE_UK
    return OutcomeIndicator(
        priority=priority, name=measure.name, kind=OutcomeIndicator.Kind.POLICEUK if police else
        OutcomeIndicator.Kind.PARTNER, policeuk_categories=[measure.code] if police else [],
        partner_measure="" if police else measure.code, lower_is_better=measure.lower_is_better, note=measure.note,
        source=DEFAULT_SOURCE)


def indicators_of(priority: Priority) -> list[OutcomeIndicator]:
    """The indicators that measure a priority: its records when its partnership has recorded any, else the
    default taxonomy's measures for a priority of that name (unsaved)."""
    if _recorded(priority.theme.partnership):
        return list(priority.indicators.all())
    default = _defaults().get(priority.name)
    return [indicator_from_measure(priority, m) for m in default.measures] if default else []


def measures_of(indicator: OutcomeIndicator) -> tuple[TaxonomyMeasure, ...]:
    """The analysis measures an indicator stands for: one per police.uk category, or its partner measure."""
    lower = indicator.lower_is_better
    if indicator.kind == OutcomeIndicator.Kind.POLICEUK:
        categories = indicator.policeuk_categories or []
        return tuple(TaxonomyMeasure(c, POLICE_UK, indicator.name if len(categories) == 1 else c,
                                     lower_is_better=lower, note=indicator.note) for c in categories)
    if indicator.partner_measure:
        return (TaxonomyMeasure(indicator.partner_measure, PARTNER, indicator.name, lower_is_better=lower,
                                note=indicator.note),)
    return ()


def taxonomy_for(partnership: Partnership) -> tuple[Taxonomy, bool]:
    """The partnership's priorities in force with their indicators as an analysis taxonomy, and whether the
    indicators are its own records (False: none are recorded, so the library's default stands in)."""
    if not _recorded(partnership):
        return WORCESTER_DEFAULT, False
    defaults = _defaults()
    priorities = []
    for theme in partnership.themes_in_force().prefetch_related("priorities__indicators"):
        for priority in theme.priorities.all():
            measures = tuple(m for ind in priority.indicators.all() for m in measures_of(ind))
            note = defaults[priority.name].note if priority.name in defaults else ""
            priorities.append(TaxonomyPriority(theme.name, priority.name, measures, note))
    return Taxonomy(tuple(priorities)), True


def seed_indicators(partnership: Partnership, taxonomy: Taxonomy = WORCESTER_DEFAULT) -> int:
    """Record the taxonomy's measures as the indicators of the partnership's priorities of the same names
    (idempotent: matched on priority and name). Returns how many indicators the taxonomy gave."""
    defaults = _defaults(taxonomy)
    written = 0
    for priority in Priority.objects.filter(theme__partnership=partnership):
        for measure in defaults[priority.name].measures if priority.name in defaults else ():
            seed = indicator_from_measure(priority, measure)
            OutcomeIndicator.objects.update_or_create(priority=priority, name=seed.name, defaults={
                field: getattr(seed, field) for field in ("kind", "policeuk_categories", "partner_measure",
                                                          "lower_is_better", "note", "source")})
            written += 1
    return written
