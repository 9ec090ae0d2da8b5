"""PDF: the print HTML through WeasyPrint (A4, running header, page numbers, rows kept whole: print.css)."""

from __future__ import annotations

from pathlib import Path

from ..model import Report
from .html import print_document


def render(report: Report) -> bytes:
    from weasyprint import HTML  # imported here: loading pango takes a moment and most builds need no PDF

    return HTML(string=print_document(report), base_url=str(Path(__file__).parent)).write_pdf()


def write(report: Report, path: Path) -> Path:
    path.write_bytes(render(report))
    return path
