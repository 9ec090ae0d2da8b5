"""`saferplace import <kind> ...`: one command, one small module per kind of data.

A kind is a module `saferplace/<app>/import_kinds/<kind>.py` with HELP, add_arguments(parser) and
handle(options, stdout, stderr) -> exit status. `policeuk` and `measures` live in the incidents app; a new
kind (e.g. `population`) is one new module in its own app, found here without changing this file.
"""

import pkgutil
import sys
from importlib import import_module

from django.apps import apps
from django.core.management.base import BaseCommand, CommandParser


def import_kinds() -> dict:
    kinds = {}
    for config in apps.get_app_configs():
        if not config.name.startswith("saferplace."):
            continue
        try:
            package = import_module(f"{config.name}.import_kinds")
        except ModuleNotFoundError:
            continue
        for info in pkgutil.iter_modules(package.__path__):
            kinds[info.name] = import_module(f"{package.__name__}.{info.name}")
    return dict(sorted(kinds.items()))


class Command(BaseCommand):
    help = "Import data: " + ", ".join(import_kinds()) + ". Exit 0 done, 1 input refused, 2 wrong usage."

    def add_arguments(self, parser: CommandParser):
        sub = parser.add_subparsers(dest="kind", required=True, metavar="KIND")
        for name, module in import_kinds().items():
            module.add_arguments(sub.add_parser(name, help=module.HELP, description=module.HELP))

    def handle(self, *args, kind, **options):
        status = import_kinds()[kind].handle(options, self.stdout, self.stderr)
        if status:
            sys.exit(status)
