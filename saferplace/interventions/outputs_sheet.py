"""The outputs template (XLSX) partners fill in, and its upload: all rows loaded, or none.

The template lists, for a financial year, each project's outputs (its partner measures counted by year or by
quarter) with the value already held, so a partner fills in or corrects the Value column and uploads it back.
Rows whose Value is empty are left alone. A new measure name makes a new output with its own partner measure.
Figures are written as the measures' values (saferplace.interventions.outputs), the same rows the measures'
own pages and templates write. A contributor may only upload rows for projects its organisation leads or works on.
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

from . import outputs
from .models import Project
from .outputs import Quarter

SHEET = "Outputs"
COLUMNS = ["Project", "Measure", "Unit", "Financial year", "Period", "Value", "Note"]
PERIODS = {label.lower(): value for value, label in Quarter.choices}
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
        held = {(f.output.pk, f.period): f for f in outputs.figures(project, year)}
        rows = [(o, quarter) for o in project.outputs.select_related("measure")
                for quarter in ([Quarter.YEAR] if o.measure.period == "year" else
                                list(Quarter)[1:] if o.measure.period == "quarter" else [])]
        if not rows:
            sheet.append([project.name, None, None, year, Quarter.YEAR.label, None, ""])
        for output, quarter in rows:
            current = held.get((output.pk, quarter.label))
            sheet.append([project.name, output.name, output.measure.unit, year, quarter.label,
                          current.value if current else None, current.note if current else ""])
    periods = DataValidation(type="list", formula1='"' + ",".join(Quarter.labels) + '"', allow_blank=True)
    sheet.add_data_validation(periods)
    periods.add(f"E2:E{max(sheet.max_row, 2) + 200}")
    for column, width in zip(COLUMNS, [34, 46, 14, 14, 20, 12, 40], strict=True):
        sheet.column_dimensions[_letter(column)].width = width
    help_sheet = wb.create_sheet("How to fill in")
    for line in [
        "One row per project, measure and period. Fill in Value (a number, no text); leave it empty to skip the row.",
        "Add rows for new measures: name the measure as you want it reported, and its unit (people, visits...). A "
        "new measure is counted by the period of its first row: whole years, or quarters.",
        "Measures counted by month are entered on their own page under Data, partner measures.",
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
    new_kinds: dict = {}
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
                  f"'{text(values['Period'])}' is not a period: use " + ", ".join(Quarter.labels))
        try:
            value = parse_amount(values["Value"])
        except ValueError as error:
            issue(number, "Value", "OUTPUT-VALUE", f"Value: {error}")
        if len(issues) == before:
            key = (project.pk, text(values["Measure"]).lower(), year, PERIODS[period])
            if key in {g[0] for g in good}:
                issue(number, "Measure", "OUTPUT-ONCE-PER-PERIOD", "this measure and period appear twice in the file")
                continue
            try:
                _check_output(project, text(values["Measure"]), PERIODS[period], user, new_kinds)
            except outputs.OutputRefused as refused:
                issue(number, "Period" if refused.rule == "OUTPUT-PERIOD" else "Measure", refused.rule, str(refused))
                continue
            good.append((key, project, text(values["Measure"]), text(values["Unit"]), year, PERIODS[period], value,
                         text(values["Note"])))
    if issues:
        raise ImportRefused(issues)
    created = updated = 0
    with transaction.atomic():
        for _, project, measure, unit, year, quarter, value, note in good:
            _, new = outputs.record(project, measure, unit, year, quarter, value, note, user=user,
                                    source=f"Uploaded in {name}")
            created, updated = created + new, updated + (not new)
    return OutputsResult(created, updated)


def _check_output(project, measure: str, quarter: int, user, new_kinds: dict) -> None:
    """The row's period suits its output's measure; a new measure takes the kind of its first row in the file and
    needs an organisation to own it."""
    output = outputs.output_named(project, measure)
    if output is not None:
        outputs.check_period(output, quarter)
        return
    kind = "year" if quarter == Quarter.YEAR else "quarter"
    first = new_kinds.setdefault((project.pk, measure.lower()), kind)
    if first != kind:
        raise outputs.OutputRefused("OUTPUT-PERIOD", f"'{measure}' is new and its first row counts it by "
                                                     f"{outputs.KIND_WORDS[first]}: use the same kind of period")
    outputs.owner_for(project, user)
