"""`saferplace import funding PATH`: exit 0 when loaded, 1 when refused (nothing changed), 2 on wrong usage."""

import json
from io import BytesIO, StringIO

import pytest
from django.core.management import call_command
from openpyxl import load_workbook

from saferplace.funding.models import Bid, FundingRound
from saferplace.funding.spreadsheet import round_workbook


def _run(*args) -> tuple[int, str]:
    out = StringIO()
    try:
        call_command("import", *args, stdout=out, stderr=StringIO())
    except SystemExit as exit_:
        return exit_.code, out.getvalue()
    return 0, out.getvalue()


def _file(seed_round, tmp_path, **cells):
    wb = load_workbook(BytesIO(round_workbook(seed_round)))
    for ref, value in cells.items():
        sheet, cell = ref.split("_")
        wb[sheet][cell] = value
    path = tmp_path / "round.xlsx"
    wb.save(path)
    return path


def test_import_funding_loads_a_round(seed_round, tmp_path):
    path = _file(seed_round, tmp_path, Round_B3="2021-22", Bids_J8="2022-23")
    status, out = _run("funding", str(path))
    assert status == 0
    assert "Created" in out and "9 bids, requested £106,590.00, allocated £96,590.00" in out
    assert FundingRound.objects.filter(financial_year="2021-22").exists()


def test_import_funding_check_loads_nothing(seed_round, tmp_path):
    path = _file(seed_round, tmp_path, Round_B3="2021-22", Bids_J8="2022-23")
    status, out = _run("funding", str(path), "--check", "--format", "json")
    assert status == 0 and json.loads(out)["checked_only"] is True
    assert not FundingRound.objects.filter(financial_year="2021-22").exists()


def test_import_funding_refusal_exits_1_and_names_the_cell(seed_round, tmp_path):
    bids = Bid.objects.count()
    status, out = _run("funding", str(_file(seed_round, tmp_path, Round_B5=50000)), "--format", "json")
    assert status == 1 and Bid.objects.count() == bids
    [issue] = json.loads(out)["issues"]
    assert (issue["sheet"], issue["row"], issue["column"], issue["rule"]) == (
        "Bids", 11, "H (Funding allocated)", "ROUND-WITHIN-AVAILABLE")


def test_import_funding_missing_file_is_wrong_usage(db, tmp_path):
    assert _run("funding", str(tmp_path / "nope.xlsx"))[0] == 2


@pytest.mark.parametrize("args", [["funding"]])
def test_import_funding_without_path_is_wrong_usage(db, args):
    from django.core.management import CommandError

    with pytest.raises((SystemExit, CommandError)):
        call_command("import", *args, stdout=StringIO(), stderr=StringIO())
