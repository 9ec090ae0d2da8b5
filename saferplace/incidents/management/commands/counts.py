"""`saferplace counts`: street-level rows counted by month, category and/or LSOA, from the monthly counts.

Without --area it counts every loaded row (in any area, outside it, with no location) so that the total
reconciles with the source files; with --area only the rows in that area's LSOAs.
"""

import csv
import json

from django.core.management.base import BaseCommand, CommandError

from ...queries import UnknownArea, month_start, monthly_counts, resolve_area

FIELDS = ["month", "category", "lsoa"]


class Command(BaseCommand):
    help = "Count police.uk street-level rows by month, category and LSOA (CSV or JSON on standard output)."

    def add_arguments(self, parser):
        parser.add_argument("--area", help="ONS code (E07000237), LSOA code, or partnership slug (safer-worcester)")
        parser.add_argument("--from", dest="start", metavar="YYYY-MM", help="First month (inclusive)")
        parser.add_argument("--to", dest="end", metavar="YYYY-MM", help="Last month (inclusive)")
        parser.add_argument("--by", default="month,category", help="Comma-separated: month, category, lsoa")
        parser.add_argument("--format", choices=["csv", "json"], default="csv")

    def handle(self, *args, area, start, end, by, format, **options):
        fields = [f.strip() for f in by.split(",") if f.strip()]
        if not fields or any(f not in FIELDS for f in fields) or len(set(fields)) != len(fields):
            raise CommandError(f"--by takes one or more of {', '.join(FIELDS)}, not {by!r}", returncode=2)
        try:
            first = month_start(start) if start else None
            last = month_start(end) if end else None
        except ValueError as error:
            raise CommandError(f"--from and --to take YYYY-MM, not {error}", returncode=2) from error
        area_name, lsoas = None, None
        if area:
            try:
                area_name, lsoas = resolve_area(area)
            except UnknownArea as error:
                raise CommandError(str(error), returncode=2) from error
        frame = monthly_counts(lsoa_codes=lsoas, start=first, end=last)
        if not frame.empty:
            frame["month"] = frame["month"].map(lambda d: f"{d:%Y-%m}")
            frame["lsoa"] = frame["lsoa"].fillna("")
            frame = frame.groupby(fields, as_index=False, sort=True)["count"].sum()
        rows = frame[fields + ["count"]].to_dict("records") if not frame.empty else []
        if format == "json":
            for row in rows:
                row["count"] = int(row["count"])
                if "lsoa" in row and row["lsoa"] == "":
                    row["lsoa"] = None
            self.stdout.write(json.dumps({
                "area": area, "area_name": area_name, "lsoas": len(lsoas) if lsoas is not None else None,
                "from": start, "to": end, "by": fields, "total": sum(r["count"] for r in rows), "rows": rows,
            }, indent=1))
            return
        writer = csv.writer(self.stdout, lineterminator="\n")
        writer.writerow(fields + ["count"])
        for row in rows:
            writer.writerow([row[f] for f in fields] + [int(row["count"])])
