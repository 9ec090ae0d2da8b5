"""A funding round as a workbook: the layout the export writes and the importer reads (one layout, both ways).

Sheet "Round" holds one "field, value" pair a row; sheet "Bids" has the header row below, one row per bid in the
round's order, and a closing "Total" row whose requested and allocated figures must equal the sum of the rows.
Money cells are numbers formatted as pounds; several plan objectives or priorities are separated by semicolons.
"""

from io import BytesIO

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

ROUND_SHEET, BIDS_SHEET = "Round", "Bids"
ROUND_FIELDS = ["Funder", "Partnership", "Financial year", "Title", "Amount available",
                "Amount available as printed", "Note"]
BID_COLUMNS = ["Project name", "Project purpose", "Lead organisation", "Plan objectives", "Priorities",
               "Reason if no priority", "Funding requested", "Funding allocated", "Status", "Deferred to",
               "Reason for deferral or refusal", "CSP comments"]
TOTAL_LABEL = "Total"
POUNDS = '"£"#,##0.00'
SEPARATOR = "; "


def column_letter(name: str) -> str:
    return "ABCDEFGHIJKLMNOPQRSTUVWXYZ"[BID_COLUMNS.index(name)]


def round_workbook(funding_round) -> bytes:
    """The round's XLSX: its Appendix 6 table (rows, then totals) and the facts about the round."""
    wb = Workbook()
    info = wb.active
    info.title = ROUND_SHEET
    values = [str(funding_round.funder), funding_round.partnership.name, funding_round.financial_year,
              funding_round.title, funding_round.amount_available, funding_round.available_as_printed,
              funding_round.note]
    for row, (label, value) in enumerate(zip(ROUND_FIELDS, values, strict=True), start=1):
        info.cell(row=row, column=1, value=label).font = Font(bold=True)
        cell = info.cell(row=row, column=2, value=value)
        if label == "Amount available":
            cell.number_format = POUNDS
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    info.column_dimensions["A"].width, info.column_dimensions["B"].width = 28, 100

    bids = wb.create_sheet(BIDS_SHEET)
    bids.append(BID_COLUMNS)
    for cell in bids[1]:
        cell.font = Font(bold=True)
    rows = funding_round.bids.select_related("project", "lead_organisation").prefetch_related(
        "plan_objectives", "project__priorities")
    for bid in rows:
        bids.append([
            bid.project.name, bid.purpose, bid.lead_organisation.name if bid.lead_organisation else "",
            SEPARATOR.join(o.name for o in bid.plan_objectives.all()),
            SEPARATOR.join(p.name for p in bid.project.priorities.all()),
            bid.no_priority_reason, bid.requested, bid.allocated, bid.get_status_display(), bid.deferred_to,
            bid.status_reason, bid.comments,
        ])
    bids.append([TOTAL_LABEL, "", "", "", "", "", funding_round.total_requested(), funding_round.total_allocated()])
    for row in bids.iter_rows(min_row=2):
        for cell in row[6:8]:
            cell.number_format = POUNDS
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    for cell in bids[bids.max_row]:
        cell.font = Font(bold=True)
    for name, width in zip(BID_COLUMNS, [24, 60, 24, 28, 34, 30, 16, 16, 16, 12, 30, 24], strict=True):
        bids.column_dimensions[column_letter(name)].width = width
    bids.freeze_panes = "B2"
    out = BytesIO()
    wb.save(out)
    return out.getvalue()
