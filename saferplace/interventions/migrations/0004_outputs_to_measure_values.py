"""Outputs become links to partner measures (docs/adr/0801), step 2 of 3: every recorded output figure is moved
into a partner measure's values. One measure per project and output name (and kind of period: a name recorded both
for whole years and for quarters gets a second measure, "(by quarter)"), owned by the project's lead organisation,
else its partnership's, else an organisation named after the partnership. Figures, notes, sources and who entered
them move to the measure's values; one output row per measure is kept."""

from datetime import date

from django.db import migrations
from django.utils.text import slugify


def _unique(Measure, field, base, limit):
    candidate, n = base[:limit], 1
    while Measure.objects.filter(**{field: candidate}).exists():
        n += 1
        candidate = f"{base[:limit - 4]}-{n}" if field == "slug" else f"{base[:limit - 6]} ({n})"
    return candidate


def forward(apps, schema_editor):
    Output = apps.get_model("interventions", "Output")
    Measure = apps.get_model("incidents", "Measure")
    MeasureValue = apps.get_model("incidents", "MeasureValue")
    Organisation = apps.get_model("partnership", "Organisation")
    groups: dict = {}
    for output in Output.objects.select_related("project__partnership").order_by("pk"):
        kind = "year" if output.quarter == 0 else "quarter"
        groups.setdefault((output.project_id, output.name.strip().lower(), kind), []).append(output)
    both = {(p, n) for p, n, k in groups if k == "quarter" and (p, n, "year") in groups}
    for (project_id, lower, kind), rows in groups.items():
        first = rows[0]
        project = first.project
        name = first.name.strip() + (" (by quarter)" if kind == "quarter" and (project_id, lower) in both else "")
        owner = project.lead_organisation_id or project.partnership.lead_organisation_id or \
            Organisation.objects.get_or_create(name=project.partnership.name)[0].pk
        measure = Measure.objects.create(
            name=_unique(Measure, "name", f"{project.name}: {name}", 200),
            slug=_unique(Measure, "slug", slugify(f"{project.name} {name}"), 80), unit=first.unit,
            organisation_id=owner, period=kind, description=f"An output of {project.name}.", source=first.source)
        for row in rows:
            start = int(row.financial_year[:4])
            month = 4 + 3 * (row.quarter - 1) if row.quarter else 4
            year = start + (month - 1) // 12
            month = (month - 1) % 12 + 1
            MeasureValue.objects.update_or_create(measure=measure, period_start=date(year, month, 1), defaults={
                "value": row.value, "note": row.note[:300], "source": row.source[:300],
                "entered_by_id": row.entered_by_id})
        first.partner_measure = measure
        first.name = name
        first.save(update_fields=["partner_measure", "name"])
        Output.objects.filter(pk__in=[r.pk for r in rows[1:]]).delete()


class Migration(migrations.Migration):

    dependencies = [
        ("interventions", "0003_output_measure_link"),
        ("partnership", "0001_initial"),
    ]

    operations = [migrations.RunPython(forward, migrations.RunPython.noop)]
