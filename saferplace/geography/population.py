"""Reading ONS small-area population estimates (SAPE) by LSOA: all of a file or none of it.

ONS publishes "Lower layer Super Output Area population estimates" as XLSX workbooks with one sheet per year,
named e.g. "Mid-2022 LSOA 2021", three or four rows of titles, then a header row: `LAD 2021 Code`,
`LAD 2021 Name`, `LSOA 2021 Code`, `LSOA 2021 Name`, `Total`, `F0` … `M90` (older 2011-LSOA editions: sheet
"Mid-2020 Persons", `LSOA Code`, `LSOA Name`, …, `All Ages`, `0` … `90+`). Only the LSOA code, name and total
are read; the header row is found by its column names, so both editions and a CSV saved from either load.
The year comes from the sheet's name ("Mid-2022 …") or, for a CSV, from `--year`.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction

from .models import Area, Level, Population
from .services import ensure_lsoas

RULES = {
    "POP-FILE": "The file must be an ONS population workbook (.xlsx) or a CSV saved from one.",
    "POP-HEADER": "A header row naming the LSOA code, LSOA name and total columns (e.g. 'LSOA 2021 Code', "
                  "'LSOA 2021 Name', 'Total') must come before the figures.",
    "POP-YEAR": "The year of the estimates must be known: from a sheet named 'Mid-YYYY …' or from --year.",
    "POP-CODE": "Each row must have an LSOA code: E01 or W01 followed by six digits.",
    "POP-NAME": "Each row must have the LSOA's name.",
    "POP-TOTAL": "The total must be a whole number of residents, 0 or more.",
    "POP-DUPLICATE": "An LSOA may appear only once for a year.",
    "POP-EMPTY": "The file must hold at least one LSOA's estimate.",
}
MAX_LISTED = 20
LSOA_CODE = re.compile(r"^[EW]01\d{6}$")
MID_YEAR = re.compile(r"\bmid[- ]?(\d{4})\b", re.IGNORECASE)
CODE_HEADERS = re.compile(r"^(lsoa( \d{4})? code|lsoa\d{2}cd)$")
NAME_HEADERS = re.compile(r"^(lsoa( \d{4})? name|lsoa\d{2}nm)$")
TOTAL_HEADERS = {"total", "all ages", "all persons", "persons"}
HEADER_SEARCH_ROWS = 15
CHUNK = 5000


@dataclass(frozen=True)
class Issue:
    file: str
    sheet: str
    row: int
    field: str
    rule: str
    detail: str = ""

    def line(self) -> str:
        where = self.file + (f", sheet '{self.sheet}'" if self.sheet else "")
        where += f", row {self.row}" if self.row else ""
        where += f", field '{self.field}'" if self.field else ""
        return f"{where}: {self.rule} {RULES[self.rule]}" + (f" ({self.detail})" if self.detail else "")


@dataclass
class PopulationReport:
    file: str
    years: dict[int, int] = field(default_factory=dict)     # year -> LSOAs
    residents: dict[int, int] = field(default_factory=dict)  # year -> total residents
    issues: list[Issue] = field(default_factory=list)
    problems: int = 0
    new_lsoas: int = 0
    checked_only: bool = False

    @property
    def refused(self) -> bool:
        return self.problems > 0

    def as_dict(self) -> dict:
        return {"file": self.file, "refused": self.refused, "checked_only": self.checked_only,
                "years": {str(y): {"lsoas": n, "residents": self.residents[y]} for y, n in sorted(self.years.items())},
                "new_lsoas": self.new_lsoas, "problems": self.problems,
                "issues": [{"file": i.file, "sheet": i.sheet, "row": i.row, "field": i.field, "rule": i.rule,
                            "message": RULES[i.rule], "detail": i.detail} for i in self.issues]}


def _norm(value) -> str:
    return re.sub(r"\s+", " ", str(value or "")).strip().lower()


def _find_columns(row) -> tuple[int, int, int, list[str]] | None:
    headers = [_norm(v) for v in row]
    code = next((i for i, h in enumerate(headers) if CODE_HEADERS.match(h)), None)
    name = next((i for i, h in enumerate(headers) if NAME_HEADERS.match(h)), None)
    total = next((i for i, h in enumerate(headers) if h in TOTAL_HEADERS), None)
    if code is None or name is None or total is None:
        return None
    originals = [str(v).strip() for v in row]
    return code, name, total, originals


def _sheets(path: Path) -> Iterator[tuple[str, Iterator[tuple]]]:
    """(sheet name, rows) for each sheet; a CSV is one sheet with no name."""
    if path.suffix.lower() == ".csv":
        with open(path, newline="", encoding="utf-8-sig") as handle:
            yield "", (tuple(r) for r in csv.reader(handle))
        return
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True, data_only=True)
    try:
        for sheet in book.worksheets:
            yield sheet.title, sheet.iter_rows(values_only=True)
    finally:
        book.close()


def _whole_number(value) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value if value >= 0 else None
    if isinstance(value, float):
        return int(value) if value.is_integer() and value >= 0 else None
    text = str(value or "").strip().replace(",", "")
    return int(text) if text.isdigit() else None


def read_population(path: Path, year: int | None = None, progress=None) -> tuple[dict, PopulationReport]:
    """{year: {LSOA code: (name, total)}} from the file, and the report of every rule broken. `progress(text)`
    is told every 5,000 rows (an ONS workbook takes about a minute a sheet to read)."""
    report = PopulationReport(str(path))
    found: dict[int, dict[str, tuple[str, int]]] = {}

    def issue(sheet, row, column, rule, detail=""):
        report.problems += 1
        if len(report.issues) < MAX_LISTED:
            report.issues.append(Issue(path.name, sheet, row, column, rule, detail))

    if path.suffix.lower() not in (".csv", ".xlsx"):
        issue("", 0, "", "POP-FILE", f"got a {path.suffix or 'file without an extension'}")
        return found, report
    try:
        for sheet, rows in _sheets(path):
            _read_sheet(path, sheet, iter(rows), year, found, issue, progress)
    except Exception as error:  # an unreadable workbook is refused, not a crash
        issue("", 0, "", "POP-FILE", f"it could not be read: {type(error).__name__}: {error}")
        return {}, report
    found = {y: e for y, e in found.items() if e}
    if not found and not report.problems:
        issue("", 0, "", "POP-EMPTY", f"no sheet for mid-{year}" if year else "")
    report.years = {y: len(e) for y, e in found.items()}
    report.residents = {y: sum(t for _, t in e.values()) for y, e in found.items()}
    return found, report


def _read_sheet(path: Path, sheet: str, rows: Iterator[tuple], year: int | None, found: dict, issue,
                progress=None) -> None:
    """Read one sheet's estimates into found[year], streaming its rows (an ONS sheet has 35,000 rows of 187
    columns; only three are kept)."""
    match = MID_YEAR.search(sheet)
    if sheet and (not match or re.search(r"\b(fe)?males\b", sheet, re.IGNORECASE)):
        return  # cover, contents, notes, and the separate male and female sheets of old editions
    sheet_year = int(match.group(1)) if match else year
    if year is not None and sheet_year != year:
        return
    columns, number = None, 0
    for number, row in enumerate(rows, start=1):
        columns = _find_columns(row)
        if columns or number >= HEADER_SEARCH_ROWS:
            break
    if columns is None:
        issue(sheet, 0, "", "POP-HEADER", f"not found in its first {HEADER_SEARCH_ROWS} rows")
        return
    if sheet_year is None:
        issue(sheet, 0, "", "POP-YEAR", "give --year for a CSV file")
        return
    code_at, name_at, total_at, headers = columns
    width = max(code_at, name_at, total_at) + 1
    estimates = found.setdefault(sheet_year, {})
    for line, row in enumerate(rows, start=number + 1):
        if progress and line % 5000 == 0:
            progress(f"{path.name}, sheet '{sheet}': {line:,} rows read")
        cells = list(row[:width]) + [None] * (width - len(row))
        if all(c in (None, "") for c in cells):
            continue
        code = str(cells[code_at] or "").strip()
        name = str(cells[name_at] or "").strip()
        total = _whole_number(cells[total_at])
        if not LSOA_CODE.match(code):
            issue(sheet, line, headers[code_at], "POP-CODE", f"got {code!r}")
            continue
        if not name:
            issue(sheet, line, headers[name_at], "POP-NAME")
        if total is None:
            issue(sheet, line, headers[total_at], "POP-TOTAL", f"got {cells[total_at]!r}")
            continue
        if code in estimates:
            issue(sheet, line, headers[code_at], "POP-DUPLICATE", f"{code} already read for mid-{sheet_year}")
            continue
        estimates[code] = (name, total)


def load_population(path: Path, year: int | None = None, dry_run: bool = False, progress=None) -> PopulationReport:
    """Check the whole file, then (unless refused or `dry_run`) replace the estimates it holds, in one
    transaction. LSOAs not yet known are created under their district when its name matches."""
    found, report = read_population(path, year, progress)
    report.checked_only = dry_run
    if report.refused or dry_run:
        return report
    with transaction.atomic():
        names = {code: name for estimates in found.values() for code, (name, _) in estimates.items()}
        before = Area.objects.filter(level=Level.LSOA).count()
        codes = sorted(names)
        areas: dict[str, Area] = {}
        for i in range(0, len(codes), CHUNK):  # SQLite limits the parameters of one query
            areas.update(ensure_lsoas({c: names[c] for c in codes[i:i + CHUNK]}))
        report.new_lsoas = Area.objects.filter(level=Level.LSOA).count() - before
        source = f"ONS mid-year population estimates, {path.name}"
        for y, estimates in found.items():
            ids = [areas[code].pk for code in estimates]
            for i in range(0, len(ids), CHUNK):
                Population.objects.filter(year=y, area_id__in=ids[i:i + CHUNK]).delete()
            Population.objects.bulk_create(
                [Population(area=areas[code], year=y, total=total, source=source)
                 for code, (_, total) in estimates.items()], batch_size=2000)
    return report
