"""`saferplace import measures PATH`: a partner's figures from a measure's CSV or XLSX template."""

import getpass
import json

from saferplace.core.importing import add_file_arguments, input_file, refused_line

from ..importers.measures import load_measures
from ..rules import BLOCK

HELP = "Load partner measures from a CSV or XLSX template (columns measure, period, value, note)."


def add_arguments(parser) -> None:
    add_file_arguments(parser, "The filled-in template")


def handle(options: dict, stdout, stderr) -> int:
    path = input_file("measures", options, stderr)
    if path is None:
        return 2
    report = load_measures(path, loaded_by=f"{getpass.getuser()} (command line)", dry_run=options["check"])
    if options["format"] == "json":
        stdout.write(json.dumps(report.as_dict(), indent=1))
    elif report.refused:
        stdout.write(refused_line(path))
        for issue in report.issues:
            if issue.severity == BLOCK:
                stdout.write("  " + issue.line())
    else:
        verb = "checked" if options["check"] else "loaded"
        stdout.write(f"{verb} {path}: {report.rows_loaded} values.")
        for issue in report.issues:
            stdout.write("  " + issue.line())
    return 1 if report.refused else 0
