"""Shared helpers for the incidents tests: run the real commands, and snapshot what the data tables hold."""

import csv
import json
from pathlib import Path

from django.db.models import Sum

from saferplace.geography.models import Area
from saferplace.incidents.models import (
    Crime,
    Force,
    ForceMonth,
    Measure,
    MeasureValue,
    MonthlyCount,
    Outcome,
    StopSearch,
)
from tests.commands import run

__all__ = ["run", "run_json", "snapshot", "read_rows", "write_rows"]

DATA = Path(__file__).resolve().parents[1] / "data"
POLICEUK = DATA / "policeuk"
CITY = POLICEUK / "city-of-london"
SAMPLES = POLICEUK / "format-samples"
WORCESTER_SAMPLE = POLICEUK / "west-mercia" / "2024-08-west-mercia-street-worcester-sample.csv"


def run_json(*args) -> tuple[int, dict]:
    status, out, _ = run(*args, "--format", "json")
    return status, json.loads(out)


def snapshot() -> dict:
    """Everything an import may change in the data tables (the import history is not data)."""
    return {
        "crimes": Crime.objects.count(),
        "crime_ids": sorted(Crime.objects.values_list("id", flat=True))[-5:],
        "outcomes": Outcome.objects.count(),
        "stops": StopSearch.objects.count(),
        "force_months": sorted(ForceMonth.objects.values_list("kind", "force__slug", "month", "release", "rows")),
        "counts": MonthlyCount.objects.aggregate(n=Sum("count"))["n"],
        "count_rows": MonthlyCount.objects.count(),
        "areas": Area.objects.count(),
        "forces": Force.objects.count(),
        "measures": Measure.objects.count(),
        "values": sorted(MeasureValue.objects.values_list("measure__slug", "period_start", "value")),
    }


def read_rows(path: Path, encoding: str = "utf-8") -> list[dict]:
    with open(path, newline="", encoding=encoding) as handle:
        return list(csv.DictReader(handle))


def write_rows(path: Path, header: list[str], rows: list[list[str]], encoding="utf-8", newline="\r\n") -> Path:
    with open(path, "w", newline="", encoding=encoding) as handle:
        writer = csv.writer(handle, lineterminator=newline)
        writer.writerow(header)
        writer.writerows(rows)
    return path
