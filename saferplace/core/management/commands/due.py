"""`saferplace due`: statutory and local deadlines coming up or missed, each with the rule behind it."""

import argparse
import json
from datetime import date, timedelta

from django.core.management.base import BaseCommand
from django.utils import timezone
from rich.console import Console
from rich.table import Table

from saferplace.core.deadlines import due_items


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"must be a date as YYYY-MM-DD, not {text!r}") from error


def _days(text: str) -> int:
    if not text.isdigit():
        raise argparse.ArgumentTypeError(f"must be a whole number of days, not {text!r}")
    return int(text)


class Command(BaseCommand):
    help = "List deadlines due within DAYS of a date (default today), and everything already overdue."

    def add_arguments(self, parser):
        parser.add_argument("--on", type=_date, default=None, help="Count from this date (YYYY-MM-DD)")
        parser.add_argument("--within", type=_days, default=30, metavar="DAYS", help="Days ahead (default 30)")
        parser.add_argument("--format", choices=["table", "json"], default="table")

    def handle(self, *args, on, within, format, **options):
        on = on or timezone.localdate()
        items = due_items(on, within)
        if format == "json":
            self.stdout.write(json.dumps({"on": on.isoformat(), "within": within,
                                          "items": [i.as_dict(on) for i in items]}, ensure_ascii=False, indent=2))
            return
        table = Table(title=f"Due by {on + timedelta(days=within):%-d %B %Y} "
                      f"and overdue, counted from {on:%-d %B %Y}")
        for column in ("Due", "Status", "What", "Who", "Rule"):
            table.add_column(column)
        for item in items:
            table.add_row(item.due.isoformat(), item.status(on), item.title, item.whom, item.rule)
        Console(file=self.stdout, width=160).print(table if items else "Nothing is due or overdue.")
