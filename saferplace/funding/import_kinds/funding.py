"""`saferplace import funding PATH`: a funding round from its workbook (the layout of a round's XLSX export)."""

import json
from pathlib import Path

from ..cells import ImportRefused
from ..importers import import_round

HELP = "Load a funding round from its XLSX (sheets Round and Bids), checked against the funding rules."


def add_arguments(parser) -> None:
    parser.add_argument("path", metavar="PATH", help="The round's workbook (.xlsx)")
    parser.add_argument("--check", action="store_true", help="Check only: report, load nothing")
    parser.add_argument("--format", choices=["text", "json"], default="text")


def handle(options: dict, stdout, stderr) -> int:
    path = Path(options["path"])
    if not path.is_file():
        stderr.write(f"saferplace import funding: no such file: {path}")
        return 2
    try:
        result = import_round(path, dry_run=options["check"])
    except ImportRefused as refused:
        if options["format"] == "json":
            stdout.write(json.dumps({"file": str(path), "refused": True, "issues": [
                {"file": i.file, "sheet": i.sheet, "row": i.row, "column": i.column, "rule": i.rule,
                 "message": i.message} for i in refused.issues]}, indent=1))
        else:
            stdout.write(f"REFUSED {path}: nothing was loaded from it.")
            for issue in refused.issues:
                stdout.write(f"  {issue}")
        return 1
    if options["format"] == "json":
        stdout.write(json.dumps({"file": str(path), "refused": False, "checked_only": options["check"],
                                 "summary": result.text, "bids": result.bids, "removed": result.removed}, indent=1))
    else:
        stdout.write(("Checked, nothing loaded: " if options["check"] else "") + result.text)
    return 0
