"""The round's XLSX export shows exactly Appendix 6, and the importer loads it back or refuses it whole."""

from decimal import Decimal
from io import BytesIO

import pytest
from openpyxl import load_workbook

from saferplace.funding.cells import ImportRefused
from saferplace.funding.importers import import_round
from saferplace.funding.models import Bid, FundingRound
from saferplace.funding.spreadsheet import BID_COLUMNS, round_workbook
from tests.funding.test_demo import APPENDIX_6


def _workbook(funding_round):
    return load_workbook(BytesIO(round_workbook(funding_round)))


def _save(wb, tmp_path, name="round.xlsx"):
    path = tmp_path / name
    wb.save(path)
    return path


def test_export_shows_exactly_appendix_6_rows_and_totals(seed_round):
    sheet = _workbook(seed_round)["Bids"]
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == BID_COLUMNS
    col = {name: i for i, name in enumerate(BID_COLUMNS)}
    body = [(r[col["Project name"]], Decimal(str(r[col["Funding requested"]])).quantize(Decimal("0.01")),
             Decimal(str(r[col["Funding allocated"]])).quantize(Decimal("0.01")), r[col["CSP comments"]] or "")
            for r in rows[1:-1]]
    assert [(n, str(a), str(b), c) for n, a, b, c in body] == APPENDIX_6
    total = rows[-1]
    assert (total[0], total[col["Funding requested"]], total[col["Funding allocated"]]) == ("Total", 106590, 96590)
    assert sheet.cell(row=2, column=7).number_format == '"£"#,##0.00'
    info = dict(r[:2] for r in _workbook(seed_round)["Round"].iter_rows(values_only=True))
    assert info["Financial year"] == "2020-21" and info["Amount available"] == 139250
    assert info["Amount available as printed"] == "2021/2022 £139,250.00"


def test_reimporting_the_export_changes_nothing(seed_round, tmp_path):
    before = [(b.project_id, b.requested, b.allocated, b.status, b.deferred_to) for b in seed_round.bids.all()]
    result = import_round(_save(_workbook(seed_round), tmp_path))
    assert (result.created, result.bids, result.removed) == (False, 9, 0)
    after = [(b.project_id, b.requested, b.allocated, b.status, b.deferred_to) for b in seed_round.bids.all()]
    assert after == before


def test_import_creates_a_new_round(seed_round, tmp_path):
    wb = _workbook(seed_round)
    wb["Round"]["B3"] = "2021-22"
    wb["Round"]["B4"] = "Next year's round"
    wb["Bids"]["J8"] = "2022-23"  # deferring to 2021-22 from 2021-22 would be refused
    result = import_round(_save(wb, tmp_path))
    assert result.created and result.funding_round.financial_year == "2021-22"
    assert result.funding_round.total_allocated() == Decimal("96590.00")
    assert FundingRound.objects.count() == 2


def _refusal(wb, tmp_path) -> list[str]:
    counts = (Bid.objects.count(), FundingRound.objects.count())
    with pytest.raises(ImportRefused) as refused:
        import_round(_save(wb, tmp_path, "bad.xlsx"))
    assert (Bid.objects.count(), FundingRound.objects.count()) == counts  # nothing changed
    return [str(i) for i in refused.value.issues]


def test_over_allocation_is_refused_naming_file_sheet_row_column_and_rule(seed_round, tmp_path):
    wb = _workbook(seed_round)
    wb["Round"]["B5"] = 90000  # less than the £96,590 allocated
    [message] = _refusal(wb, tmp_path)
    assert message.startswith("bad.xlsx, sheet Bids, row 11, column H (Funding allocated):")
    assert "£6,590.00 more than the £90,000.00 available" in message
    assert message.endswith("[ROUND-WITHIN-AVAILABLE]")


def test_allocation_without_priority_or_reason_is_refused(seed_round, tmp_path):
    wb = _workbook(seed_round)
    wb["Bids"]["E3"] = ""  # Dawn Project's priorities
    [message] = _refusal(wb, tmp_path)
    assert message.startswith("bad.xlsx, sheet Bids, row 3, column E (Priorities):")
    assert "'Dawn Project' is allocated £32,890.00 but serves no priority" in message
    assert message.endswith("[ALLOCATION-TRACED-TO-PRIORITY]")


def test_bad_cells_are_all_reported_and_nothing_loads(seed_round, tmp_path):
    wb = _workbook(seed_round)
    bids = wb["Bids"]
    bids["G4"] = "lots"  # requested is not a number
    bids["H5"] = 10500.123  # more than two decimal places
    bids["J8"] = ""  # deferred bid without its year
    bids["H11"] = 1  # the stated total no longer reconciles
    bids["C6"] = "Worcester Comunity Trust"  # unknown organisation
    messages = _refusal(wb, tmp_path)
    assert any("row 4, column G (Funding requested): Funding requested: 'lots' is not a number" in m for m in messages)
    assert any("row 5, column H (Funding allocated)" in m and "more than 2 decimal places" in m for m in messages)
    assert any("row 8, column J (Deferred to)" in m and "[DEFERRED-NAMES-YEAR]" in m for m in messages)
    assert any("row 6, column C (Lead organisation): 'Worcester Comunity Trust' is not an organisation" in m
               for m in messages)


def test_total_row_must_reconcile(seed_round, tmp_path):
    wb = _workbook(seed_round)
    wb["Bids"]["G11"] = 100000
    [message] = _refusal(wb, tmp_path)
    assert "row 11, column G (Funding requested): the total requested is £100,000.00 but the bids add up to " \
           "£106,590.00 [TOTALS-RECONCILE]" in message


def test_not_a_workbook_is_refused(seed, tmp_path):
    path = tmp_path / "round.xlsx"
    path.write_text("not a workbook")
    with pytest.raises(ImportRefused, match="round.xlsx: cannot be read as an Excel workbook"):
        import_round(path)


def test_round_page_xlsx_download(seed_round, signed_in):
    response = signed_in("viewer").get(f"/funding/rounds/{seed_round.pk}/export.xlsx")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    rows = list(load_workbook(BytesIO(response.content))["Bids"].iter_rows(values_only=True))
    assert [r[0] for r in rows[1:]] == [r[0] for r in APPENDIX_6] + ["Total"]


