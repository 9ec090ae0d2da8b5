"""`saferplace import funding PATH`: a funding round from its workbook (the layout of a round's XLSX export)."""

import json

from saferplace.core.importing import add_file_arguments, input_file, refused_line

from ..cells import ImportRefused
from ..importers import import_round

HELP = "Load a funding round from its XLSX (sheets Round and Bids), checked against the funding rules."


def add_arguments(parser) -> None:
    add_file_arguments(parser, "The round's workbook (.xlsx)")


def handle(options: dict, stdout, stderr) -> int:
    path = input_file("funding", options, stderr)
    if path is None:
        return 2
    try:
        result = import_round(path, dry_run=options["check"])
    except ImportRefused as refused:
        if options["format"] == "json":
            stdout.write(json.dumps({"file": str(path), "refused": True, "issues": [
                {"file": i.file, "sheet": i.sheet, "row": i.row, "column": i.column, "rule": i.rule,
                 "message": i.message} for i in refused.issues]}, indent=1))
        else:
            stdout.write(refused_line(path))
            for issue in refused.issues:
                stdout.write(f"  {issue}")
        return 1
    if options["format"] == "json":
        stdout.write(json.dumps({"file": str(path), "refused": False, "checked_only": options["check"],
                                 "summary": result.text, "bids": result.bids, "removed": result.removed}, indent=1))
    else:
        stdout.write(("Checked, nothing loaded: " if options["check"] else "") + result.text)
    return 0
