"""Partner measures: the list, one measure's page (its values, a form for one period, its templates)."""

import csv
import io

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from saferplace.analysis.periods import EXAMPLES

from .forms import MeasureForm, MeasureValueForm
from .importers.measures import COLUMNS
from .models import Measure, MeasureValue
from .periods import period_label


def _require(request, perm: str, obj=None) -> None:
    if not request.user.has_perm(perm, obj):
        raise PermissionDenied


def measures(request):
    _require(request, "incidents.view_data")
    items = Measure.objects.select_related("organisation").prefetch_related("values")
    rows = []
    for measure in items:
        values = list(measure.values.all())
        latest = values[-1] if values else None
        rows.append({"measure": measure, "latest": latest, "count": len(values)})
    return render(request, "incidents/measures.html", {
        "rows": rows, "can_add": request.user.has_perm("incidents.add_measure"),
        "can_upload": request.user.has_perm("incidents.import_measures"),
    })


def measure_new(request):
    _require(request, "incidents.add_measure")
    form = MeasureForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        measure = form.save()
        messages.success(request, f"Measure {measure.name} added.")
        return redirect(measure)
    return render(request, "incidents/measure_form.html", {"form": form, "title": "Add a partner measure"})


def measure(request, slug: str):
    _require(request, "incidents.view_data")
    item = get_object_or_404(Measure.objects.select_related("organisation"), slug=slug)
    can_enter = request.user.has_perm("incidents.enter_measurevalue", item)
    form = None
    if can_enter:
        form = MeasureValueForm(request.POST or None, measure=item)
        if request.method == "POST" and form.is_valid():
            start = form.cleaned_data["period"]
            MeasureValue.objects.update_or_create(measure=item, period_start=start, defaults={
                "value": form.cleaned_data["value"], "note": form.cleaned_data["note"],
                "entered_by": request.user, "source": f"entered by {request.user.get_username()}"})
            messages.success(request, f"{item.name}: {period_label(item.period, start)} saved.")
            return redirect(item)
    elif request.method == "POST":
        raise PermissionDenied
    values = [{"value": v, "label": period_label(item.period, v.period_start)} for v in item.values.all()]
    return render(request, "incidents/measure.html", {"measure": item, "values": values, "form": form,
                                                      "can_enter": can_enter})


def _template_rows(item: Measure) -> list[list]:
    rows = [[item.slug, period_label(item.period, v.period_start), v.value, v.note] for v in item.values.all()]
    return rows or [[item.slug, EXAMPLES[item.period], "", ""]]


def template_csv(request, slug: str):
    _require(request, "incidents.view_data")
    item = get_object_or_404(Measure, slug=slug)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    writer.writerows(_template_rows(item))
    response = HttpResponse(out.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{item.slug}-template.csv"'
    return response


def template_xlsx(request, slug: str):
    from openpyxl import Workbook

    _require(request, "incidents.view_data")
    item = get_object_or_404(Measure.objects.select_related("organisation"), slug=slug)
    book = Workbook()
    sheet = book.active
    sheet.title = "Data"
    sheet.append(COLUMNS)
    for row in _template_rows(item):
        sheet.append([row[0], row[1], float(row[2]) if row[2] != "" else None, row[3]])
    notes = book.create_sheet("Read me")
    for line in (f"Measure: {item.name} ({item.unit}), counted by {item.organisation}.",
                 f"Period: one row per {item.get_period_display().lower()}, written like {EXAMPLES[item.period]}.",
                 "Value: type the number itself (a formula is refused). Note: optional.",
                 "Load it on Saferplace's import page or with: saferplace import measures FILE"):
        notes.append([line])
    out = io.BytesIO()
    book.save(out)
    response = HttpResponse(out.getvalue(),
                            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    response["Content-Disposition"] = f'attachment; filename="{item.slug}-template.xlsx"'
    return response
