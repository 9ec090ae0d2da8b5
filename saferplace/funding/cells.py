"""Reading spreadsheet cells strictly, and reporting what is wrong with a file by file, sheet, row and column.

Shared by the funding round importer and the outputs upload. Nothing is loaded unless every cell is good.
"""

import tempfile
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from openpyxl import load_workbook


@dataclass(frozen=True)
class Issue:
    file: str
    sheet: str
    row: int | None
    column: str  # "H (Funding allocated)", or "" for the whole row or sheet
    rule: str  # a rule code, e.g. ROUND-WITHIN-AVAILABLE or FILE-LAYOUT
    message: str

    def __str__(self):
        where = [self.file]
        if self.sheet:
            where.append(f"sheet {self.sheet}")
        if self.row:
            where.append(f"row {self.row}")
        if self.column:
            where.append(f"column {self.column}")
        return f"{', '.join(where)}: {self.message} [{self.rule}]"


class ImportRefused(Exception):
    """The file was refused; nothing was changed. `issues` says every reason found."""

    def __init__(self, issues: list[Issue]):
        self.issues = issues
        super().__init__("\n".join(str(i) for i in issues))


def import_upload(upload, importer, **options) -> tuple[object | None, list[Issue]]:
    """Run an XLSX importer (`importer(path, name=..., **options)`) on a file uploaded through a web form: it is
    written to a temporary file first, as openpyxl reads a path. Returns (the importer's result, []) when the file
    loaded, or (None, every issue) when it was refused."""
    with tempfile.NamedTemporaryFile(suffix=".xlsx") as handle:
        for chunk in upload.chunks():
            handle.write(chunk)
        handle.flush()
        try:
            return importer(handle.name, name=upload.name, **options), []
        except ImportRefused as refused:
            return None, refused.issues


def open_workbook(path, name: str):
    try:
        return load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises several types for a file that is not a workbook
        raise ImportRefused([Issue(name, "", None, "", "FILE-LAYOUT",
                                   f"cannot be read as an Excel workbook (.xlsx): {error}")]) from error


def text(value) -> str:
    return "" if value is None else str(value).strip()


def parse_amount(value, *, places: int = 2) -> Decimal | None:
    """A non-negative number with at most `places` decimal places; '£1,234.50' is accepted. None when empty."""
    if value is None or text(value) in {"", "-", "£ -", "£-"}:
        return None
    raw = text(value).replace("£", "").replace(",", "").strip() if isinstance(value, str) else str(value)
    try:
        amount = Decimal(raw)
    except InvalidOperation as error:
        raise ValueError(f"'{text(value)}' is not a number") from error
    if not amount.is_finite():
        raise ValueError(f"'{text(value)}' is not a number")
    if amount < 0:
        raise ValueError(f"{amount} is negative")
    if amount != amount.quantize(Decimal(1).scaleb(-places)):
        raise ValueError(f"{amount} has more than {places} decimal places")
    return amount.quantize(Decimal(1).scaleb(-places))
