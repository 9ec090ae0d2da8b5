"""Renderers: each writes a report model in one format and decides nothing about its content."""

from __future__ import annotations

from importlib import import_module
from pathlib import Path

from ..model import Report
from .common import file_stem

FORMATS = ("html", "pdf", "docx", "xlsx")
CONTENT_TYPES = {
    "html": "text/html; charset=utf-8",
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def parse_formats(text: str) -> list[str]:
    """'html,pdf' -> ['html', 'pdf']; an unknown format is refused with the list of known ones."""
    wanted = [f.strip().lower() for f in text.split(",") if f.strip()]
    unknown = [f for f in wanted if f not in FORMATS]
    if unknown or not wanted:
        raise ValueError(f"unknown format {', '.join(unknown) or '(none)'}: choose from {', '.join(FORMATS)}")
    return list(dict.fromkeys(wanted))


def render(report: Report, fmt: str) -> bytes:
    module = import_module(f"{__name__}.{fmt}")
    if fmt == "html":
        return module.print_document(report).encode("utf-8")
    return module.render(report)


def write_all(report: Report, out_dir: Path, formats=FORMATS, on_progress=None) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for fmt in formats:
        if on_progress:
            on_progress(f"Writing {fmt.upper()}")
        path = out_dir / f"{file_stem(report)}.{fmt}"
        path.write_bytes(render(report, fmt))
        paths.append(path)
    return paths
