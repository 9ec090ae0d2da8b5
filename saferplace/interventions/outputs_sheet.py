"""The outputs template (XLSX) partners fill in, and its upload: all rows loaded, or none.

The template lists, for a financial year, each project's measures (those recorded in any year) with the value
already held, so a partner fills in or corrects the Value column and uploads it back. Rows whose Value is empty
are left alone. A contributor may only upload rows for projects its organisation leads or works on.
"""

from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.worksheet.datavalidation import DataValidation

from saferplace.funding.cells import ImportRefused, Issue, open_workbook, parse_amount, text
from saferplace.funding.years import normalise_financial_year

from .models import Output, Project

SHEET = "Outputs"
COLUMNS = ["Project", "Measure", "Unit", "Financial year", "Period", "Value", "Note"]
PERIODS = {label.lower(): value for value, label in Output.Quarter.choices}
PERIODS.update({f"q{q}": q for q in range(1, 5)})


def _letter(column: str) -> str:
    return "ABCDEFG"[COLUMNS.index(column)]


def outputs_template(year: str, projects) -> bytes:
    wb = Workbook()
    sheet = wb.active
    sheet.title = SHEET
    sheet.append(COLUMNS)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for project in projects:
        held = {(o.measure, o.quarter): o for o in project.outputs.filter(financial_year=year)}
        measures = dict(project.outputs.values_list("measure", "unit").order_by("measure").distinct())
        rows = sorted({(m, q) for m, q in held} | {(m, 0) for m in measures}) or [("", 0)]
        for measure, quarter in rows:
            current = held.get((measure, quarter))
            sheet.append([project.name, measure, measures.get(measure, ""), year,
                          Output.Quarter(quarter).label, current.value if current else None,
                          current.note if current else ""])
    periods = DataValidation(type="list", formula1='"' + ",".join(Output.Quarter.labels) + '"', allow_blank=True)
    sheet.add_data_validation(periods)
    periods.add(f"E2:E{max(sheet.max_row, 2) + 200}")
    for column, width in zip(COLUMNS, [34, 46, 14, 14, 20, 12, 40], strict=True):
        sheet.column_dimensions[_letter(column)].width = width
    help_sheet = wb.create_sheet("How to fill in")
    for line in [
        "One row per project, measure and period. Fill in Value (a number, no text); leave it empty to skip the row.",
        "Add rows for new measures: name the measure as you want it reported, and its unit (people, visits...).",
        "Period: Whole year, or the quarter (April to June, July to September, October to December, January to "
        "March).",
        "Financial year: like 2020-21. The upload is checked whole: if any row is wrong nothing is loaded, and each "
        "problem is listed by row and column.",
    ]:
        help_sheet.append([line])
    help_sheet.column_dimensions["A"].width = 120
    out = BytesIO()
    wb.save(out)
    return out.getvalue()


@dataclass
class OutputsResult:
    created: int
    updated: int

    def summary(self) -> str:
        return f"{self.created} outputs added and {self.updated} updated."


def import_outputs(path, *, name: str | None = None, user=None) -> OutputsResult:
    name = name or Path(str(path)).name
    wb = open_workbook(path, name)
    issues: list[Issue] = []

    def issue(row, column, rule, message):
        issues.append(Issue(name, SHEET, row, f"{_letter(column)} ({column})" if column else "", rule, message))

    if SHEET not in wb.sheetnames:
        raise ImportRefused([Issue(name, "", None, "", "FILE-LAYOUT", f"the workbook has no sheet named '{SHEET}'")])
    rows = list(wb[SHEET].iter_rows(values_only=True))
    header = [text(h) for h in (rows[0] if rows else [])]
    if [h for h in header[:len(COLUMNS)]] != COLUMNS:
        raise ImportRefused([Issue(name, SHEET, 1, "", "FILE-LAYOUT",
                                   "the header row must be: " + ", ".join(COLUMNS))])
    good = []
    for number, row in enumerate(rows[1:], start=2):
        values = dict(zip(COLUMNS, list(row) + [None] * len(COLUMNS), strict=False))
        if values["Value"] is None or text(values["Value"]) == "":
            continue
        before = len(issues)
        project = Project.objects.filter(name__iexact=text(values["Project"])).first()
        if project is None:
            issue(number, "Project", "OUTPUT-PROJECT-KNOWN", f"'{text(values['Project'])}' is not a known project")
        elif user is not None and not user.has_perm("interventions.add_output", project):
            issue(number, "Project", "OUTPUT-OWN-PROJECT",
                  f"you may record outputs only for projects your organisation works on, not '{project}'")
        if not text(values["Measure"]):
            issue(number, "Measure", "OUTPUT-MEASURE-NAMED", "every output names its measure")
        try:
            year = normalise_financial_year(text(values["Financial year"]))
        except ValidationError as error:
            issue(number, "Financial year", "OUTPUT-PERIOD", error.messages[0])
        period = text(values["Period"]).lower() or "whole year"
        if period not in PERIODS:
            issue(number, "Period", "OUTPUT-PERIOD",
                  f"'{text(values['Period'])}' is not a period: use " + ", ".join(Output.Quarter.labels))
        try:
            value = parse_amount(values["Value"])
        except ValueError as error:
            issue(number, "Value", "OUTPUT-VALUE", f"Value: {error}")
        if len(issues) == before:
            key = (project.pk, text(values["Measure"]).lower(), year, PERIODS[period])
            if key in {g[0] for g in good}:
                issue(number, "Measure", "OUTPUT-ONCE-PER-PERIOD", "this measure and period appear twice in the file")
                continue
            good.append((key, project, text(values["Measure"]), text(values["Unit"]), year, PERIODS[period], value,
                         text(values["Note"])))
    if issues:
        raise ImportRefused(issues)
    created = updated = 0
    with transaction.atomic():
        for _, project, measure, unit, year, quarter, value, note in good:
            existing = Output.objects.filter(project=project, measure__iexact=measure, financial_year=year,
                                             quarter=quarter).first()
            if existing:
                existing.value, existing.unit = value, unit or existing.unit
                existing.note = note or existing.note
                existing.entered_by = user if getattr(user, "is_authenticated", False) else existing.entered_by
                existing.save()
                updated += 1
            else:
                Output.objects.create(project=project, measure=measure, unit=unit, financial_year=year,
                                      quarter=quarter, value=value, note=note, source=f"Uploaded in {name}",
                                      entered_by=user if getattr(user, "is_authenticated", False) else None)
                created += 1
    return OutputsResult(created, updated)
