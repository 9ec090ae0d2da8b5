"""Importing many files: each file on its own transaction, reports collected for the command and the web."""

from collections.abc import Callable, Iterable

from .importers.policeuk import Options, load_file
from .importers.report import FileReport
from .importers.sources import Source, iter_sources


def import_policeuk(paths: Iterable, options: Options,
                    on_file: Callable[[Source, FileReport], None] | None = None,
                    on_start: Callable[[Source], None] | None = None) -> list[FileReport]:
    reports = []
    for source in list(iter_sources(paths)):
        if on_start:
            on_start(source)
        report = load_file(source, options)
        reports.append(report)
        if on_file:
            on_file(source, report)
    return reports
