"""The Safer Worcester demo (real police.uk rows for Worcester, 2022-04 to 2024-03), loaded once for the module
inside a transaction that is rolled back afterwards."""

import csv
import io
import json
from importlib import import_module
from pathlib import Path

import pytest
from django.db import transaction

from tests.commands import run

DEMO_APPS = ["geography", "partnership", "incidents", "funding", "interventions"]
DEMO_FILES = Path(__file__).resolve().parents[2] / "saferplace" / "incidents" / "data" / "policeuk" / \
    "west-mercia-worcester"


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        for app in DEMO_APPS:
            import_module(f"saferplace.{app}.demo").load(io.StringIO())
        yield
        transaction.set_rollback(True)


def run_json(*args) -> dict:
    status, out, err = run(*args, "--format", "json")
    assert status == 0, err
    return json.loads(out)  # the whole of standard output is one JSON document


def demo_rows() -> list[dict]:
    """Every row of the demo's police.uk files, read with the csv module (independently of the importer)."""
    rows = []
    for path in sorted(DEMO_FILES.glob("*.csv")):
        with open(path, newline="", encoding="utf-8") as handle:
            rows += list(csv.DictReader(handle))
    return rows
