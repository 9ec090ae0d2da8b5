"""Building a report by kind and options, and writing its files: what the CLI, the web page and the demo call."""

from __future__ import annotations

from datetime import date
from importlib import import_module
from pathlib import Path

from .builders.common import ReportInputError, no_progress
from .disclosure import for_audience
from .model import AUDIENCES, PUBLIC, Report
from .render import FORMATS, write_all

KINDS = {
    "annual": "Annual scrutiny report",
    "meeting": "Meeting performance pack",
    "strategic": "Strategic assessment",
}
DEFAULT_PARTNERSHIP = "safer-worcester"


def build(kind: str, *, partnership: str = DEFAULT_PARTNERSHIP, period: str | None = None, month: str | None = None,
          audience: str = PUBLIC, report_date: date | None = None, progress=no_progress) -> Report:
    """The report of `kind` for `audience`. annual takes --period 2023-24; meeting takes --month YYYY-MM;
    strategic takes --period 2022-04..2024-03."""
    if kind not in KINDS:
        raise ReportInputError(f"unknown report {kind!r}: choose from {', '.join(KINDS)}")
    if audience not in AUDIENCES:
        raise ReportInputError(f"unknown audience {audience!r}: choose public or restricted")
    builder = import_module(f"saferplace.reports.builders.{kind}")
    if kind == "meeting":
        if not month:
            raise ReportInputError("the meeting pack needs --month YYYY-MM")
        report = builder.build(partnership, month=month, report_date=report_date, progress=progress)
    else:
        if not period:
            raise ReportInputError(f"the {KINDS[kind].lower()} needs --period "
                                   + ("2023-24" if kind == "annual" else "YYYY-MM..YYYY-MM"))
        report = builder.build(partnership, period, report_date=report_date, progress=progress)
    return for_audience(report, audience)


def produce(kind: str, out_dir: Path, formats=FORMATS, progress=no_progress, **options) -> list[Path]:
    report = build(kind, progress=progress, **options)
    return write_all(report, Path(out_dir), formats, on_progress=progress)
