"""Demo data: Worcester's real police.uk street-level rows for 2022-04 to 2024-03, and the partner measures of
the seed report's section 6 (2020/21) with West Mercia's published recorded-crime totals (paragraph 3.7), as
listed in demo_records.py. The interventions demo links projects to these measures as their outputs.

Idempotent: the police.uk files are skipped when their exact bytes are already stored, and measure values
are updated in place on (measure, period).
"""

from datetime import date
from decimal import Decimal
from pathlib import Path

from django.db import transaction

from saferplace.geography.models import Area, Level
from saferplace.partnership.models import Organisation

from .demo_records import MEASURES, RECORDED_CRIME
from .importers.policeuk import Options
from .models import Measure, MeasureValue
from .services import import_policeuk

DATA = Path(__file__).resolve().parent / "data" / "policeuk" / "west-mercia-worcester"
DEMO_RELEASE = "2024-08"  # the files were published with months up to 2024-08
FY_2020 = date(2020, 4, 1)
FY_2019 = date(2019, 4, 1)


def _organisation(name: str, kind: str) -> Organisation:
    return Organisation.objects.get_or_create(name=name, defaults={"kind": kind, "source": "Appendix 1"})[0]


@transaction.atomic
def load_measures() -> int:
    for slug, name, unit, (org, kind), value, paragraph, note in MEASURES:
        measure, _ = Measure.objects.update_or_create(slug=slug, defaults={
            "name": name, "unit": unit, "organisation": _organisation(org, kind), "period": Measure.Period.YEAR,
            "source": f"Seed report paragraph {paragraph}"})
        MeasureValue.objects.update_or_create(measure=measure, period_start=FY_2020, defaults={
            "value": Decimal(value), "note": note, "source": f"Seed report paragraph {paragraph} (2020/21)"})
    slug, name, unit, org = RECORDED_CRIME
    measure, _ = Measure.objects.update_or_create(slug=slug, defaults={
        "name": name, "unit": unit, "organisation": _organisation(org, "police"), "period": Measure.Period.YEAR,
        "published": True,
        "description": "Total recorded crime incidents for Worcester as reported by West Mercia Police's analysts. "
                       "A published figure (police recorded crime), not a count of police.uk rows: police.uk "
                       "adds anti-social behaviour and leaves out fraud and rows without a location.",
        "source": "Seed report paragraph 3.7 (West Mercia analysts)"})
    for start, value, note in ((FY_2020, 8023, "8,023 in 2020-21"),
                               (FY_2019, 8023 + 1550, "1,550 more than 2020-21 (paragraph 3.7)")):
        MeasureValue.objects.update_or_create(measure=measure, period_start=start, defaults={
            "value": Decimal(value), "note": note, "source": "Seed report paragraph 3.7"})
    return len(MEASURES) + 1


def load(stdout) -> None:
    district = Area.objects.filter(code="E07000237").first()
    if district is None:
        Area.objects.create(code="E07000237", name="Worcester", level=Level.DISTRICT)
    reports = import_policeuk([DATA], Options(loaded_by="saferplace demo", release=DEMO_RELEASE))
    refused = [r.file for r in reports if r.refused]
    if refused:
        raise RuntimeError(f"The demo police.uk files were refused: {refused}")
    loaded = sum(r.rows_loaded for r in reports)
    measures = load_measures()
    unchanged = sum(1 for r in reports if r.unchanged)
    stdout.write(f"Incidents: {len(reports)} Worcester police.uk months, 2022-04 to 2024-03 ({loaded:,} rows loaded "
                 f"now, {unchanged} files already stored); {measures} partner measures.")
