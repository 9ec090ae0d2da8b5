"""`saferplace import population PATH`: ONS mid-year population estimates by LSOA (code, name, total)."""

import json

from saferplace.core.importing import add_file_arguments, input_file, refused_line

from ..population import load_population

HELP = ("Load ONS mid-year population estimates by LSOA (the ONS workbook, or a CSV with LSOA code, name and "
        "total) for rates per 1,000 residents.")


def add_arguments(parser) -> None:
    add_file_arguments(parser, "The ONS workbook (.xlsx) or a CSV saved from it")
    parser.add_argument("--year", type=int, help="Mid-year of the estimates: needed for a CSV; for a workbook, "
                                                 "load only that year's sheet (default: every 'Mid-YYYY' sheet)")


def handle(options: dict, stdout, stderr) -> int:
    path = input_file("population", options, stderr)
    if path is None:
        return 2
    year = options.get("year")
    if year is not None and not 1981 <= year <= 2100:
        stderr.write(f"saferplace import population: --year must be a year such as 2022, not {year}")
        return 2
    report = load_population(path, year, dry_run=options.get("check", False), progress=stderr.write)
    if options.get("format") == "json":
        stdout.write(json.dumps(report.as_dict(), indent=1))
    elif report.refused:
        stdout.write(refused_line(path))
        for issue in report.issues:
            stdout.write("  " + issue.line())
        if report.problems > len(report.issues):
            stdout.write(f"  … and {report.problems - len(report.issues):,} more problems.")
    else:
        verb = "checked" if report.checked_only else "loaded"
        for y, n in sorted(report.years.items()):
            stdout.write(f"{verb} {path}: mid-{y}, {n:,} LSOAs, {report.residents[y]:,} residents.")
        if report.new_lsoas:
            stdout.write(f"  {report.new_lsoas:,} LSOAs not seen before were added to the geography.")
    return 1 if report.refused else 0
