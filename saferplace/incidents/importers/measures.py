"""Partner measures from their CSV or XLSX template: columns measure, period, value, note.

The whole file loads in one transaction or not at all. A formula in a value cell is refused (the figure
must be the number itself, not a calculation that may point at cells nobody checked).
"""

import csv
import io
import zipfile
from decimal import Decimal, InvalidOperation
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from ..models import ImportBatch, Measure, MeasureValue
from ..periods import parse_period
from .report import FileReport, Refused

COLUMNS = ["measure", "period", "value", "note"]


def _xlsx_rows(path: Path, report: FileReport):
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True, data_only=False)
    sheet = book["Data"] if "Data" in book.sheetnames else book.worksheets[0]
    for number, row in enumerate(sheet.iter_rows(), 1):
        values = []
        for cell in row:
            value = cell.value
            if cell.data_type == "f" or (isinstance(value, str) and value.startswith("=")):
                report.add("DQ-MEASURE-FORMULA", row=number, field=f"cell {cell.coordinate}", value=str(value))
                value = ""
            values.append("" if value is None else value)
        yield number, values
    book.close()


def _csv_rows(path: Path):
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    yield from enumerate(csv.reader(io.StringIO(text, newline="")), 1)


def _value(raw) -> Decimal | None:
    if isinstance(raw, bool):
        return None
    if isinstance(raw, int | float):
        raw = str(raw)
    try:
        value = Decimal(str(raw).strip().replace(",", ""))
    except InvalidOperation:
        return None
    return value if value.is_finite() and value >= 0 else None


def load_measures(path, *, user=None, loaded_by: str = "", organisation=None, dry_run: bool = False) -> FileReport:
    """Check and load one template. `organisation`: if given, only that organisation's measures may be loaded."""
    import hashlib

    path = Path(path)
    report = FileReport(file=str(path), kind="measures", size=path.stat().st_size)
    report.sha256 = hashlib.sha256(path.read_bytes()).hexdigest()
    is_xlsx = zipfile.is_zipfile(path)
    rows = _xlsx_rows(path, report) if is_xlsx else _csv_rows(path)
    measures = {m.slug: m for m in Measure.objects.select_related("organisation")}
    seen, values = {}, []
    try:
        header_row = next(rows, None)
    except (OSError, zipfile.BadZipFile, KeyError, ValueError) as error:
        report.add("DQ-FILE-KIND", value=str(error)[:200])
        header_row = None
    header = [str(h).strip().lower() for h in header_row[1]] if header_row else []
    while header and header[-1] == "":
        header.pop()
    if header[:3] != COLUMNS[:3] or (len(header) > 3 and header[3:] != ["note"]):
        report.add("DQ-MEASURE-HEADER", row=1, field="header", value=",".join(header))
        rows = iter(())
    for number, row in rows:
        row = [("" if v is None else v) for v in row] + ["", "", "", ""]
        slug, period_text, raw_value, note = str(row[0]).strip(), str(row[1]).strip(), row[2], str(row[3]).strip()
        if not slug and not period_text and raw_value in ("", None):
            continue
        report.rows_read += 1
        measure = measures.get(slug)
        if measure is None:
            report.add("DQ-MEASURE-UNKNOWN", row=number, field="measure", value=slug)
            continue
        if organisation is not None and measure.organisation_id != organisation.pk:
            report.add("DQ-MEASURE-NOT-YOURS", row=number, field="measure", value=slug,
                       detail=f"It is {measure.organisation}'s.")
            continue
        start = parse_period(measure.period, period_text)
        if start is None:
            report.add("DQ-MEASURE-PERIOD", row=number, field="period", value=period_text,
                       detail=f"{measure.name} is counted by {measure.get_period_display().lower()}.")
            continue
        if any(i.row == number and i.rule == "DQ-MEASURE-FORMULA" for i in report.issues):
            continue
        value = _value(raw_value)
        if value is None:
            report.add("DQ-MEASURE-VALUE", row=number, field="value", value=raw_value)
            continue
        if (slug, start) in seen:
            report.add("DQ-MEASURE-DUPLICATE", row=number, field="period", value=period_text,
                       detail=f"Also in row {seen[(slug, start)]}.")
            continue
        seen[(slug, start)] = number
        values.append((number, measure, start, value, note))
    batch = None
    try:
        with transaction.atomic():
            if not report.refused:
                batch = ImportBatch.objects.create(
                    kind=ImportBatch.Kind.MEASURES, source_name=path.name, sha256=report.sha256, size=report.size,
                    user=user, loaded_by=loaded_by)
                for number, measure, start, value, note in values:
                    stored = MeasureValue.objects.filter(measure=measure, period_start=start).first()
                    if stored and stored.value != value:
                        report.add("DQ-MEASURE-REPLACED", row=number, field="value", value=str(value),
                                   detail=f"It was {stored.value}.")
                    MeasureValue.objects.update_or_create(
                        measure=measure, period_start=start,
                        defaults={"value": value, "note": note, "batch": batch, "entered_by": user,
                                  "source": f"template {path.name}"})
                report.rows_loaded = len(values)
            if report.refused or dry_run:
                raise Refused
            _close(batch, report)
    except Refused:
        pass
    if not dry_run and report.refused:
        batch = ImportBatch.objects.create(
            kind=ImportBatch.Kind.MEASURES, source_name=path.name, sha256=report.sha256, size=report.size,
            user=user, loaded_by=loaded_by, status=ImportBatch.Status.REFUSED)
        report.rows_loaded = 0
        _close(batch, report)
    report.batch_id = batch.pk if batch and not dry_run else None
    return report


def _close(batch: ImportBatch, report: FileReport) -> None:
    if batch.status != ImportBatch.Status.REFUSED:
        batch.status = ImportBatch.Status.LOADED if report.rows_loaded else ImportBatch.Status.SKIPPED
    batch.finished = timezone.now()
    batch.rows_read, batch.rows_loaded = report.rows_read, report.rows_loaded
    batch.counts_by_rule = dict(sorted(report.counts.items()))
    batch.issues = [i.as_dict() for i in report.issues]
    batch.save()
