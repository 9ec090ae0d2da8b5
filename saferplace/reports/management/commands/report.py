"""`saferplace report annual|meeting|strategic`: build a report and write it as HTML, PDF, DOCX and/or XLSX.

Progress goes to standard error; the paths written go to standard output, one a line.
Exit status: 0 written; 1 the report cannot be built from the records (the reason is printed); 2 wrong usage.
"""

import sys
from datetime import date
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from saferplace.reports.builders.common import ReportInputError
from saferplace.reports.render import parse_formats
from saferplace.reports.services import DEFAULT_PARTNERSHIP, KINDS, produce


class Command(BaseCommand):
    help = "Build the annual scrutiny report, a meeting performance pack or the strategic assessment."

    def add_arguments(self, parser):
        parser.add_argument("kind", choices=list(KINDS), help="annual, meeting or strategic")
        parser.add_argument("--period", help="annual: a financial year (2023-24); strategic: 2022-04..2024-03")
        parser.add_argument("--month", help="meeting: the month the pack reports on (YYYY-MM)")
        parser.add_argument("--audience", choices=["public", "restricted"], default="public",
                            help="public (default): no exempt items, no personal data, small counts suppressed")
        parser.add_argument("--format", default="html,pdf,docx,xlsx", help="Comma-separated: html,pdf,docx,xlsx")
        parser.add_argument("--out", default="out", help="Folder to write to (default out/)")
        parser.add_argument("--partnership", default=DEFAULT_PARTNERSHIP, help="The partnership's slug")
        parser.add_argument("--date", dest="report_date", help="The report's date (YYYY-MM-DD); default from the "
                            "records (the committee's next meeting, or the end of the period)")

    def handle(self, *args, kind, period, month, audience, format, out, partnership, report_date, **options):
        try:
            formats = parse_formats(format)
            when = date.fromisoformat(report_date) if report_date else None
        except ValueError as error:
            raise CommandError(f"--format/--date: {error}", returncode=2) from error
        if kind == "meeting" and period:
            raise CommandError("the meeting pack takes --month YYYY-MM, not --period", returncode=2)
        if kind != "meeting" and month:
            raise CommandError(f"the {kind} report takes --period, not --month", returncode=2)

        def progress(message: str) -> None:
            print(f"{kind}: {message}", file=sys.stderr, flush=True)

        try:
            paths = produce(kind, Path(out), formats, progress=progress, partnership=partnership, period=period,
                            month=month, audience=audience, report_date=when)
        except ReportInputError as error:
            raise CommandError(str(error), returncode=1) from error
        for path in paths:
            self.stdout.write(str(path))
