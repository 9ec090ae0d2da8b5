"""Excel (XLSX) with openpyxl: a Contents sheet, every table of the report on a sheet of its own, and a
Sources sheet listing every figure with where it comes from (dataset, measure, area, period, import).

Numbers are stored as numbers (money formatted as pounds); suppressed or withheld figures as their text.
"""

from __future__ import annotations

import io
import re
from datetime import datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from ..model import MONEY, PERCENT, RATE, Report, Value, sources
from .common import stable_zip

BOLD = Font(bold=True)
_BAD = re.compile(r"[\[\]:*?/\\]")


def _sheet_name(number: int, caption: str) -> str:
    return _BAD.sub(" ", f"T{number} {caption}")[:31].strip()


def _cell_value(v: Value):
    plain = v.plain()
    return v.text if plain is None else plain


def _format(v: Value) -> str | None:
    if v.kind == MONEY:
        return "£#,##0.00"
    if v.kind in (RATE, PERCENT):
        return "0.0"
    if v.numeric:
        return "#,##0"
    return None


def _widths(ws, widths: list[int]) -> None:
    for i, w in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = max(10, min(60, w + 2))


def render(report: Report) -> bytes:
    wb = Workbook()
    contents = wb.active
    contents.title = "Contents"
    contents.append([report.title])
    contents["A1"].font = Font(bold=True, size=14)
    contents.append([f"{report.audience.capitalize()} version, {report.report_date:%-d %B %Y}"])
    for note in report.notes:
        contents.append([note])
    contents.append([])
    contents.append(["Sheet", "Table", "Section"])
    for c in contents[contents.max_row]:
        c.font = BOLD
    for number, (section, table) in enumerate(report.tables(), start=1):
        name = _sheet_name(number, table.caption)
        contents.append([name, table.caption, section.heading])
        ws = wb.create_sheet(name)
        ws.append([table.caption])
        ws["A1"].font = BOLD
        ws.append([c.heading for c in table.columns])
        for c in ws[2]:
            c.font = BOLD
        widths = [len(c.heading) for c in table.columns]
        for i, row in enumerate(table.rows):
            ws.append([_cell_value(v) for v in row])
            for j, (cell, v) in enumerate(zip(ws[ws.max_row], row, strict=True)):
                fmt = _format(v) if v.plain() is not None else None
                if fmt:
                    cell.number_format = fmt
                if table.total_row and i == len(table.rows) - 1:
                    cell.font = BOLD
                widths[j] = max(widths[j], len(v.text))
        for note in table.notes:
            ws.append([note])
        ws.freeze_panes = "A3"
        _widths(ws, widths)
    _widths(contents, [32, 80, 50])

    ws = wb.create_sheet("Sources")
    headings = ["Where", "Figure", "Value", "Dataset", "Measure", "Area", "Period", "Import", "Source"]
    ws.append(headings)
    for c in ws[1]:
        c.font = BOLD
    for line in sources(report):
        p = line.provenance
        ws.append([line.where, line.what, line.value, p.dataset, p.measure, p.area, p.period, p.batch, p.source])
    ws.freeze_panes = "A2"
    _widths(ws, [28, 50, 14, 40, 40, 20, 20, 30, 30])

    when = datetime(report.report_date.year, report.report_date.month, report.report_date.day)
    wb.properties.creator = wb.properties.lastModifiedBy = "Saferplace"
    wb.properties.title = report.title
    wb.properties.created = wb.properties.modified = when
    buf = io.BytesIO()
    wb.save(buf)
    return stable_zip(buf.getvalue(), report.report_date)


def write(report: Report, path: Path) -> Path:
    path.write_bytes(render(report))
    return path
