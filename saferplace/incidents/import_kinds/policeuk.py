"""`saferplace import policeuk PATH...`: street, outcomes and stop-and-search CSVs, folders, archive ZIPs and
saved API answers. Progress (files, rows, rows/s) and warnings go to standard error."""

import getpass
import json
import re
import time

from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

from saferplace.core.importing import refused_line

from ..categories import FORCES
from ..importers.policeuk import Options
from ..importers.sources import iter_sources
from ..rules import BLOCK, RULES, WARN
from ..services import ProgressFile, import_policeuk

HELP = "Load police.uk files (CSV, folders, archive ZIPs, saved API JSON). Exit 1 if any file is refused."


def add_arguments(parser) -> None:
    parser.add_argument("paths", nargs="*", metavar="PATH", help="Files, folders or archive ZIPs")
    parser.add_argument("--api", action="store_true",
                        help="Fetch one force-month from the live police.uk API (with --force, --month and --poly), "
                             "save it under var/api/ and load it")
    parser.add_argument("--month", help="With --api: the month, YYYY-MM")
    parser.add_argument("--poly", help="With --api: the area as lat,lng:lat,lng:… (police.uk's polygon format)")
    parser.add_argument("--api-url", default=None, help="With --api: the API's address (default data.police.uk)")
    parser.add_argument("--release", help="The police.uk release these files come from, YYYY-MM "
                                          "(default: the month each file was written)")
    parser.add_argument("--force", help="Force slug for files that do not name it (e.g. west-mercia)")
    parser.add_argument("--check", action="store_true", help="Check only: report, load nothing")
    parser.add_argument("--format", choices=["text", "json"], default="text")


def _usage_error(stderr, message: str) -> int:
    stderr.write(f"saferplace import policeuk: {message}")
    return 2


def handle(options: dict, stdout, stderr) -> int:
    from pathlib import Path

    release, force = options.get("release"), options.get("force")
    if release and not re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", release):
        return _usage_error(stderr, f"--release must be YYYY-MM, not {release!r}")
    if force and force not in FORCES:
        return _usage_error(stderr, f"--force must be a police.uk force slug such as west-mercia, not {force!r}")
    if options.get("api"):
        fetched = _fetch(options, stderr)
        if isinstance(fetched, int):
            return fetched
        options["paths"] = [*options["paths"], fetched]
    elif not options["paths"]:
        return _usage_error(stderr, "give one or more files, folders or archives (or --api)")
    missing = [p for p in options["paths"] if not Path(p).exists()]
    if missing:
        return _usage_error(stderr, f"no such file or folder: {', '.join(missing)}")
    sources = list(iter_sources(options["paths"]))
    if not sources:
        return _usage_error(stderr, "no .csv, .json or .zip files found there")
    console = Console(file=getattr(stderr, "_out", stderr), stderr=True)
    progress = Progress(TextColumn("{task.description}"), BarColumn(), TextColumn("files {task.fields[files]}"),
                        TextColumn("rows {task.fields[rows]:,}"), TextColumn("{task.fields[rate]:,.0f} rows/s"),
                        TimeElapsedColumn(), console=console, disable=not console.is_terminal, transient=True)
    started, done = time.monotonic(), {"files": 0, "rows": 0}
    task = progress.add_task("Loading", total=sum(s.size for s in sources) or 1, files=f"0/{len(sources)}",
                             rows=0, rate=0.0)

    tracker = ProgressFile(f"saferplace import policeuk ({len(sources)} files)")

    def on_rows(rows_in_file: int):
        tracker.update(rows_in_file)
        total = done["rows"] + rows_in_file
        progress.update(task, rows=total, rate=total / max(time.monotonic() - started, 1e-6))

    def on_file(source, report):
        done["files"] += 1
        done["rows"] += report.rows_read
        tracker.file_done(report.rows_read)
        progress.update(task, advance=source.size, files=f"{done['files']}/{len(sources)}", rows=done["rows"])
        for issue in report.issues:
            if issue.severity == WARN:
                stderr.write("warning: " + issue.line())

    opts = Options(loaded_by=f"{getpass.getuser()} (command line)", release=release, force=force,
                   dry_run=options.get("check", False), progress=on_rows)
    try:
        with progress:
            reports = import_policeuk(options["paths"], opts, on_file=on_file)
    finally:
        tracker.close()
    refused = [r for r in reports if r.refused]
    if options.get("format") == "json":
        stdout.write(json.dumps({
            "files": [r.as_dict() for r in reports], "rows_read": sum(r.rows_read for r in reports),
            "rows_loaded": sum(r.rows_loaded for r in reports), "refused": len(refused),
            "checked_only": opts.dry_run,
        }, indent=1))
    else:
        _print_text(stdout, reports, opts.dry_run, time.monotonic() - started)
    return 1 if refused else 0


def _fetch(options: dict, stderr):
    """The --api path: returns the saved file, or an exit status."""
    from pathlib import Path

    from django.conf import settings

    from ..importers.api_client import DEFAULT_BASE, ApiError, fetch_to_file, parse_poly

    force, month, poly = options.get("force"), options.get("month"), options.get("poly")
    if not force or not month or not poly:
        return _usage_error(stderr, "--api needs --force, --month and --poly")
    if not re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", month):
        return _usage_error(stderr, f"--month must be YYYY-MM, not {month!r}")
    try:
        parse_poly(poly)
    except ValueError as error:
        return _usage_error(stderr, str(error))
    try:
        path, requests = fetch_to_file(Path(settings.VAR_DIR) / "api", force, month, poly,
                                       options.get("api_url") or DEFAULT_BASE)
    except (ApiError, OSError) as error:
        stderr.write(f"saferplace import policeuk --api: {error}")
        return 1
    stderr.write(f"fetched {path} in {requests} request{'s' if requests != 1 else ''}")
    return str(path)


def _print_text(out, reports, dry_run: bool, seconds: float) -> None:
    for r in reports:
        if r.refused:
            out.write(refused_line(r.file))
            for issue in r.issues:
                if issue.severity == BLOCK:
                    out.write("  " + issue.line())
            more = sum(n for code, n in r.counts.items() if RULES[code].severity == BLOCK) - sum(
                1 for i in r.issues if i.severity == BLOCK)
            if more > 0:
                out.write(f"  … and {more:,} more rows breaking the same rules.")
            continue
        if r.unchanged:
            out.write(f"unchanged {r.file}: these exact bytes are already loaded.")
            continue
        verb = "checked" if dry_run else "loaded"
        months = ", ".join(f"{f} {m}" for f, m in r.force_months[:6]) + (" …" if len(r.force_months) > 6 else "")
        out.write(f"{verb} {r.file}: {r.rows_loaded:,} of {r.rows_read:,} rows ({r.kind}; {months}; "
                  f"release {r.release})")
        for code, n in sorted(r.counts.items()):
            out.write(f"  {code} ({RULES[code].severity}): {n:,} rows. {RULES[code].sentence}")
        for fm in r.skipped:
            out.write(f"  not loaded: {fm[0]} {fm[1]} (a newer release is stored)")
        for gap in r.gaps:
            out.write(f"  likely publication gap: {gap['force_name']} {gap['month']} has {gap['rows']:,} rows "
                      f"against a median of {gap['expected']:,.0f} in the previous 12 months")
    total = sum(r.rows_loaded for r in reports)
    refused = sum(1 for r in reports if r.refused)
    out.write(f"{len(reports)} file{'s' if len(reports) != 1 else ''}, {total:,} rows "
              f"{'would be loaded' if dry_run else 'loaded'}, {refused} refused, in {seconds:.1f} s.")
