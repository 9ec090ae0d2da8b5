"""`saferplace import measures PATH`: a partner's figures from a measure's CSV or XLSX template."""

import getpass
import json
from pathlib import Path

from ..importers.measures import load_measures
from ..rules import BLOCK

HELP = "Load partner measures from a CSV or XLSX template (columns measure, period, value, note)."


def add_arguments(parser) -> None:
    parser.add_argument("path", metavar="PATH", help="The filled-in template")
    parser.add_argument("--check", action="store_true", help="Check only: report, load nothing")
    parser.add_argument("--format", choices=["text", "json"], default="text")


def handle(options: dict, stdout, stderr) -> int:
    path = Path(options["path"])
    if not path.is_file():
        stderr.write(f"saferplace import measures: no such file: {path}")
        return 2
    report = load_measures(path, loaded_by=f"{getpass.getuser()} (command line)", dry_run=options["check"])
    if options["format"] == "json":
        stdout.write(json.dumps(report.as_dict(), indent=1))
    elif report.refused:
        stdout.write(f"REFUSED {path}: nothing was loaded from it.")
        for issue in report.issues:
            if issue.severity == BLOCK:
                stdout.write("  " + issue.line())
    else:
        verb = "checked" if options["check"] else "loaded"
        stdout.write(f"{verb} {path}: {report.rows_loaded} values.")
        for issue in report.issues:
            stdout.write("  " + issue.line())
    return 1 if report.refused else 0
