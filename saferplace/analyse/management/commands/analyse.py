"""`saferplace analyse performance|emerging|hotspots [--area CODE] [--period 2023-24 | --month YYYY-MM]
[--format table|json]`.

performance: each priority's measures in the period against the same months a year earlier (default period: the
latest financial year loaded; --month M: the 12 months to M). emerging: the emerging-issue scan for one month
(default: the latest month loaded; --period: its last month). hotspots: Gi* on a grid and on LSOAs for the
period (default: the latest financial year loaded; --month: that month) and the preceding periods.
Exit status: 0 done, 1 nothing loaded to analyse, 2 wrong usage. JSON: one document on standard output.
"""

import json

from django.core.management.base import BaseCommand, CommandError

from saferplace.analysis.periods import Period, as_month, financial_year, months_between, rolling_12_months
from saferplace.analysis.taxonomy import POLICE_UK_CATEGORIES

from ... import data, services
from ...text import emerging_table, hotspots_table, performance_table

ANALYSES = ("performance", "emerging", "hotspots")


def _usage(message: str) -> CommandError:
    return CommandError(message, returncode=2)


class Command(BaseCommand):
    help = ("Performance against priorities, emerging issues and hotspots, from the loaded data. "
            "Exit 0 done, 1 nothing loaded to analyse, 2 wrong usage.")

    def add_arguments(self, parser):
        parser.add_argument("analysis", choices=ANALYSES)
        parser.add_argument("--area", help="ONS code (E07000237), LSOA code, or partnership slug (safer-worcester); "
                                           "default: every LSOA loaded")
        when = parser.add_mutually_exclusive_group()
        when.add_argument("--period", help="Financial year, e.g. 2023-24")
        when.add_argument("--month", metavar="YYYY-MM", help="A month")
        parser.add_argument("--format", choices=["table", "json"], default="table")
        parser.add_argument("--cell", type=float, default=250.0, help="hotspots: grid cell in metres (default 250)")
        parser.add_argument("--category", action="append", choices=POLICE_UK_CATEGORIES, metavar="CATEGORY",
                            help="hotspots: only this police.uk category (repeatable; default all)")

    def handle(self, *args, analysis, area, period, month, format, cell, category, **options):
        try:
            scope = data.resolve_scope(area)
        except data.AreaError as error:
            raise _usage(str(error)) from None
        try:
            if period:
                chosen = financial_year(period)
            elif month:
                chosen = as_month(month)
            else:
                chosen = None
        except ValueError as error:
            raise _usage(f"--period takes a financial year such as 2023-24 and --month takes YYYY-MM: {error}") \
                from None
        if not 50 <= cell <= 5000:
            raise _usage("--cell must be between 50 and 5,000 metres")
        try:
            document = self._run(analysis, scope, chosen, cell, category)
        except services.NoData as error:
            self.stderr.write(str(error))
            raise SystemExit(1) from None
        if format == "json":
            self.stdout.write(json.dumps(document, indent=1, ensure_ascii=False))
        else:
            writer = {"performance": performance_table, "emerging": emerging_table, "hotspots": hotspots_table}
            self.stdout.write(writer[analysis](document))

    def _run(self, analysis, scope, chosen, cell, categories) -> dict:
        if analysis == "emerging":
            if chosen is None:
                chosen = data.latest_month(scope)
            elif isinstance(chosen, Period):
                chosen = chosen.end
            if chosen is None:
                raise services.NoData(f"No police.uk data are loaded for {scope.name}.")
            return services.run_emerging(scope, chosen).as_json()
        if chosen is None:
            chosen = data.latest_financial_year(scope)
            if chosen is None:
                raise services.NoData(f"No police.uk data are loaded for {scope.name}: give --period.")
        elif not isinstance(chosen, Period):
            chosen = rolling_12_months(chosen) if analysis == "performance" else months_between(chosen, chosen)
        if analysis == "performance":
            return services.run_performance(scope, chosen)
        return services.run_hotspots(scope, chosen, cell=cell, categories=categories)
