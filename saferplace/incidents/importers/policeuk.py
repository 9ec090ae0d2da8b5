"""Loads one police.uk file (street, outcomes or stop-and-search CSV, or a saved API answer) in one
transaction: every row is checked against the DQ rules while it streams into the database in chunks; a
blocking rule rolls the whole file back. See docs/data-formats.md for the rules of identity.
"""

import csv
import io
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.db import connection, transaction
from django.utils import timezone

from saferplace.geography.models import Area, Level

from ..models import Crime, ForceMonth, ImportBatch, MonthlyCount, Outcome, StopSearch
from .forcemonths import ForceMonths
from .report import Fallback, FileReport, Refused
from .rows import ROW_PROCESSORS
from .sources import Source

HEADERS = {
    "street": ["Crime ID", "Month", "Reported by", "Falls within", "Longitude", "Latitude", "Location",
               "LSOA code", "LSOA name", "Crime type", "Last outcome category", "Context"],
    "outcomes": ["Crime ID", "Month", "Reported by", "Falls within", "Longitude", "Latitude", "Location",
                 "LSOA code", "LSOA name", "Outcome type"],
    "stop-and-search": ["Type", "Date", "Part of a policing operation", "Policing operation", "Latitude",
                        "Longitude", "Gender", "Age range", "Self-defined ethnicity", "Officer-defined ethnicity",
                        "Legislation", "Object of search", "Outcome", "Outcome linked to object of search",
                        "Removal of more than just outer clothing"],
}
MODELS = {"street": Crime, "outcomes": Outcome, "stop-and-search": StopSearch}
MAX_HEADER_CHARS = 65_536
MAX_BLOCKING_ISSUES = 1_000
SNIFF_BYTES = 8_192
FAST_READER = True  # street CSVs through Arrow (street_arrow.py); the csv module reads what Arrow hands back


class _Retry(Exception):
    """UTF-8 failed part-way: roll back and read the file again as Windows-1252."""


@dataclass
class Options:
    user: object = None
    loaded_by: str = ""
    release: str | None = None
    force: str | None = None
    dry_run: bool = False
    progress: Callable[[int], None] | None = None  # called with rows read so far, every chunk
    lsoa_cache: tuple | None = None  # LSOA ids and names known after the last file that committed


@dataclass
class LoadState:
    """What the row processors share with the loader while one file streams."""

    source: Source
    report: FileReport
    force_months: ForceMonths
    lsoa_ids: dict = field(default_factory=dict)
    lsoa_names: dict = field(default_factory=dict)
    snap: dict | None = None
    blocked: bool = False
    progress: Callable[[int], None] | None = None


def detect_kind(header: list[str], hint: str | None) -> tuple[str | None, list[str], list[str]]:
    """The kind whose header matches best, with the missing and extra column names."""
    cleaned = [h.strip() for h in header]
    best, best_score = None, 0.0
    for kind, expected in HEADERS.items():
        score = len(set(cleaned) & set(expected)) / len(set(expected) | set(cleaned))
        if kind == hint:
            score += 0.01
        if score > best_score:
            best, best_score = kind, score
    if best is None or best_score < 0.5:
        return None, [], []
    expected = HEADERS[best]
    return best, [c for c in expected if c not in cleaned], [c for c in cleaned if c not in expected]


def _is_binary(source: Source) -> bool:
    with source.open() as stream:
        head = stream.read(SNIFF_BYTES)
    return b"\x00" in head


def load_file(source: Source, options: Options) -> FileReport:
    """Check and load one file. Returns its report; refused files change no data (the refusal is recorded)."""
    report = FileReport(file=source.name, size=source.size)
    if _is_binary(source):
        report.add("DQ-FILE-BINARY", detail=f"A byte of value 0 appears in its first {SNIFF_BYTES:,} bytes.")
        return _record(report, source, options)
    if source.basename.lower().endswith(".json"):
        from .policeuk_api import load_json

        return load_json(source, options, report, _run)
    report.sha256 = source.sha256()
    if _already_loaded(report.sha256, options.release or source.release):
        report.unchanged = True
        return report
    started = time.monotonic()
    attempts = [("utf-8-sig", True), ("utf-8-sig", False), ("cp1252", False)]
    k = 0 if FAST_READER else 1
    while k < len(attempts):
        encoding, fast = attempts[k]
        attempt = FileReport(file=source.name, size=source.size, sha256=report.sha256)
        if encoding == "cp1252":
            attempt.add("DQ-ENCODING-CP1252")
        try:
            result = _run(source, options, attempt, lambda state, enc=encoding, f=fast: _read_csv(state, enc, f))
        except Fallback:  # rolled back; read again with the csv module
            k += 1
            continue
        except _Retry:  # not UTF-8: Windows-1252 next, or neither
            k = len(attempts) if encoding == "cp1252" else 2
            continue
        result.seconds = time.monotonic() - started  # every attempt counts
        return result
    report.add("DQ-ENCODING", detail="Some bytes are not characters in either encoding (e.g. 0x81, 0x8D).")
    return _record(report, source, options)


def _already_loaded(sha256: str, release: str) -> bool:
    """The same bytes, of the same or a newer release, were loaded before and every force-month they gave
    is still stored from them: loading them again would change nothing."""
    batch = ImportBatch.objects.filter(sha256=sha256, status=ImportBatch.Status.LOADED).order_by("-pk").first()
    if batch is None or not batch.force_months or batch.release < release:
        return False
    return ForceMonth.objects.filter(batch=batch).count() == len(batch.force_months)


def _run(source: Source, options: Options, report: FileReport, reader: Callable[[LoadState], Iterable]):
    """One transaction around the whole file; `reader` streams rows into the writer."""
    started = time.monotonic()
    try:
        with _own_references(), transaction.atomic():
            batch = ImportBatch.objects.create(
                source_name=source.name[:500], sha256=report.sha256, size=source.size, user=options.user,
                loaded_by=options.loaded_by,
            )
            report.batch_id = batch.pk
            release = options.release or source.release
            report.release = release
            state = LoadState(source, report, ForceMonths(batch, release, report, options.force),
                              progress=options.progress)
            if options.lsoa_cache is None:
                state.lsoa_ids, state.lsoa_names = _known_lsoas()
            else:  # an archive of thousands of files reads the LSOA table once, not once a file
                state.lsoa_ids, state.lsoa_names = dict(options.lsoa_cache[0]), dict(options.lsoa_cache[1])
            reader(state)
            if report.kind and not report.rows_read and not report.refused:
                report.add("DQ-FILE-EMPTY")
            if report.refused:
                raise Refused
            _finish(batch, report)
            if options.dry_run:
                raise Refused
        options.lsoa_cache = (state.lsoa_ids, state.lsoa_names)  # committed: the areas it created exist
    except Refused:
        pass
    report.seconds = time.monotonic() - started
    if options.dry_run:
        report.batch_id = None
        return report
    if report.refused or not report.rows_loaded:
        return _record(report, source, options)
    return report


def _own_references():
    """SQLite checks a foreign key for every row inserted and deleted (a third of the cost of replacing a
    force-month). The rows of a file refer only to the force-months, forces and areas its own transaction
    creates or finds, so the check is switched off for that transaction. SQLite allows this only outside a
    transaction: inside one (e.g. a test's) it stays on. PostgreSQL keeps its checks."""
    return connection.constraint_checks_disabled()


def _known_lsoas() -> tuple[dict, dict]:
    ids, names = {}, {}
    for code, pk, name in Area.objects.filter(level=Level.LSOA).values_list("code", "pk", "name"):
        ids[code], names[code] = pk, name
    return ids, names


def _read_csv(state: LoadState, encoding: str, fast: bool = False) -> None:
    source, report = state.source, state.report
    with source.open() as raw:
        text = io.TextIOWrapper(raw, encoding=encoding, newline="")
        try:
            first = text.readline(MAX_HEADER_CHARS)
            if not first.endswith("\n") and len(first) >= MAX_HEADER_CHARS:
                report.add("DQ-FILE-KIND", row=1, detail="Its first line is longer than any police.uk header.")
                return
            header = next(csv.reader([first]), [])
            kind, missing, extra = detect_kind(header, source.kind_in_name)
            if kind is None:
                report.add("DQ-FILE-KIND", row=1, field="header", value=",".join(header)[:200])
                return
            report.kind = kind
            for column in missing:
                report.add("DQ-HEADER-MISSING", row=1, field=column, value="",
                           detail=f"A {kind} file has these {len(HEADERS[kind])} columns: "
                                  f"{', '.join(HEADERS[kind])}.")
            for column in extra:
                report.add("DQ-HEADER-EXTRA", row=1, field=column, value=column)
            if not missing and not extra and [h.strip() for h in header] != HEADERS[kind]:
                report.add("DQ-HEADER-ORDER", row=1, field="header", value=",".join(header))
            if report.refused:
                return
            if fast and kind == "street":
                from .street_arrow import read_street

                model = MODELS[kind]
                read_street(state, source, model, [f.column for f in model._meta.concrete_fields if not f.primary_key])
                return
            reader = csv.reader(text, strict=True)
            writer = _flusher(state, kind)
            try:
                ROW_PROCESSORS[kind](state, reader, writer)
            except csv.Error as error:
                state.blocked = True
                if "unexpected end of data" in str(error):
                    report.add("DQ-TRUNCATED", row=reader.line_num, value=str(error),
                               detail="It stops inside a quoted field.")
                else:
                    report.add("DQ-ROW-FORMAT", row=reader.line_num, value=str(error))
            finally:
                writer.close()  # never roll back or go on while a chunk is still being written
        except UnicodeDecodeError as error:
            raise _Retry from error


def _flusher(state: LoadState, kind: str):
    from .writer import BulkWriter

    model = MODELS[kind]
    columns = [f.column for f in model._meta.concrete_fields if not f.primary_key]
    return BulkWriter(model, columns)


def _finish(batch: ImportBatch, report: FileReport) -> None:
    from ..queries import gaps_for_forces

    kind = report.kind
    forces = {fm.force_id for fm in ForceMonth.objects.filter(batch=batch)}
    batch.kind = kind
    batch.status = ImportBatch.Status.LOADED if report.rows_loaded else ImportBatch.Status.SKIPPED
    batch.release = report.release
    batch.finished = timezone.now()
    batch.rows_read, batch.rows_loaded = report.rows_read, report.rows_loaded
    batch.counts_by_rule = dict(sorted(report.counts.items()))
    batch.issues = [i.as_dict() for i in report.issues]
    batch.force_months = [list(fm) for fm in report.force_months]
    report.gaps = [g for g in gaps_for_forces(kind, forces)
                   if [g["force"], g["month"]] in batch.force_months] if forces else []
    batch.save()


def _record(report: FileReport, source: Source, options: Options) -> FileReport:
    """Keep a refused (or empty) file in the import history, outside the rolled-back transaction."""
    if options.dry_run:
        return report
    values = dict(
        kind=report.kind if report.kind in ImportBatch.Kind.values else "",
        status=ImportBatch.Status.REFUSED if report.refused else ImportBatch.Status.SKIPPED,
        source_name=source.name[:500], sha256=report.sha256, size=source.size, release=report.release or "",
        user=options.user, loaded_by=options.loaded_by, finished=timezone.now(), rows_read=report.rows_read,
        rows_loaded=0, counts_by_rule=dict(sorted(report.counts.items())),
        issues=[i.as_dict() for i in report.issues],
    )
    if report.batch_id and ImportBatch.objects.filter(pk=report.batch_id).exists():
        ImportBatch.objects.filter(pk=report.batch_id).update(**values)
    else:
        report.batch_id = ImportBatch.objects.create(**values).pk
    return report


def delete_rows(kind: str, force_month_id: int) -> None:
    """Remove what a force-month held (its raw rows and its counts) before it is replaced."""
    MODELS[kind].objects.filter(force_month_id=force_month_id)._raw_delete(connection.alias)
    MonthlyCount.objects.filter(force_month_id=force_month_id)._raw_delete(connection.alias)
