"""`import_round(path)`: load a funding round from its workbook (the layout of spreadsheet.py), all or nothing.

Every row is checked against the funding rules (rules.py) before anything is written; a refusal lists every
problem by file, sheet, row, column and rule, and changes nothing. Importing a round that exists brings it in
line with the file: bids are matched by project name, new ones added, and bids missing from the file removed
(refused when money has already been paid or spent from them). Projects named for the first time are created
under the round's partnership.
"""

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction

from saferplace.partnership.models import Organisation, Partnership, Priority

from . import rules
from .cells import ImportRefused, Issue, open_workbook, parse_amount, text
from .models import Bid, Funder, FundingRound
from .spreadsheet import BID_COLUMNS, BIDS_SHEET, ROUND_FIELDS, ROUND_SHEET, TOTAL_LABEL, column_letter
from .years import normalise_financial_year

ZERO = Decimal("0.00")
STATUS_BY_TEXT = {**{v: v for v in Bid.Status.values}, **{label.lower(): v for v, label in Bid.Status.choices},
                  "part allocated": "part_allocated", "part-allocated": "part_allocated"}


@dataclass
class RoundImportResult:
    funding_round: FundingRound
    created: bool
    bids: int
    removed: int
    text: str = ""

    def summary(self) -> str:
        verb = "Created" if self.created else "Updated"
        r = self.funding_round
        return (f"{verb} {r}: {self.bids} bids, requested £{r.total_requested():,.2f}, allocated "
                f"£{r.total_allocated():,.2f}" + (f"; {self.removed} bids removed" if self.removed else "") + ".")


@dataclass
class _Row:
    number: int
    project: str
    values: dict


class _Reader:
    def __init__(self, path, name):
        self.name = name
        self.issues: list[Issue] = []
        self.wb = open_workbook(path, name)

    def issue(self, sheet, row, column, rule, message):
        col = f"{column_letter(column)} ({column})" if column in BID_COLUMNS else column
        self.issues.append(Issue(self.name, sheet, row, col, rule, message))

    def round_fields(self) -> dict:
        if ROUND_SHEET not in self.wb.sheetnames:
            self.issue(ROUND_SHEET, None, "", "FILE-LAYOUT", f"the workbook has no sheet named '{ROUND_SHEET}'")
            return {}
        found = {text(r[0]): (i, r[1] if len(r) > 1 else None)
                 for i, r in enumerate(self.wb[ROUND_SHEET].iter_rows(values_only=True), start=1) if r and r[0]}
        for name in ("Funder", "Partnership", "Financial year"):
            if not text(found.get(name, (0, None))[1]):
                self.issue(ROUND_SHEET, found.get(name, (None,))[0], "B", "FILE-LAYOUT", f"'{name}' is required")
        return {k: v for k, v in found.items() if k in ROUND_FIELDS}

    def bid_rows(self) -> tuple[list[_Row], tuple[int, dict] | None]:
        if BIDS_SHEET not in self.wb.sheetnames:
            self.issue(BIDS_SHEET, None, "", "FILE-LAYOUT", f"the workbook has no sheet named '{BIDS_SHEET}'")
            return [], None
        rows = list(self.wb[BIDS_SHEET].iter_rows(values_only=True))
        header = [text(h) for h in (rows[0] if rows else [])]
        missing = [c for c in BID_COLUMNS if c not in header]
        if missing:
            self.issue(BIDS_SHEET, 1, "", "FILE-LAYOUT", "the header row lacks " + ", ".join(missing))
            return [], None
        out, total = [], None
        for number, row in enumerate(rows[1:], start=2):
            values = {c: (row[header.index(c)] if header.index(c) < len(row) else None) for c in BID_COLUMNS}
            name = text(values["Project name"])
            if not any(text(v) for v in values.values()):
                continue
            if name.lower() == TOTAL_LABEL.lower():
                total = (number, values)
                break
            out.append(_Row(number, name, values))
        return out, total


def _lookup(model, name, **extra):
    return model.objects.filter(name__iexact=name.strip(), **extra).first() if name.strip() else None


def import_round(path, *, name: str | None = None, user=None, dry_run: bool = False) -> RoundImportResult:
    """Check the workbook at `path` against the funding rules; load it in one transaction, or refuse it whole.

    With `dry_run` everything is checked and written, then rolled back: the result says what would happen."""
    name = name or Path(str(path)).name
    reader = _Reader(path, name)
    fields = reader.round_fields()
    rows, total = reader.bid_rows()
    if reader.issues:
        raise ImportRefused(reader.issues)
    value = {k: v for k, (_, v) in fields.items()}
    line = {k: i for k, (i, _) in fields.items()}
    funder = Funder.objects.filter(organisation__name__iexact=text(value["Funder"])).first()
    if funder is None:
        reader.issue(ROUND_SHEET, line["Funder"], "B", "FILE-LAYOUT",
                     f"'{text(value['Funder'])}' is not a funder known to Saferplace")
    partnership = (Partnership.objects.filter(name__iexact=text(value["Partnership"])).first()
                   or Partnership.objects.filter(slug=text(value["Partnership"])).first())
    if partnership is None:
        reader.issue(ROUND_SHEET, line["Partnership"], "B", "FILE-LAYOUT",
                     f"'{text(value['Partnership'])}' is not a partnership known to Saferplace")
    try:
        year = normalise_financial_year(text(value["Financial year"]))
    except ValidationError as error:
        reader.issue(ROUND_SHEET, line["Financial year"], "B", "FILE-LAYOUT", error.messages[0])
        year = None
    try:
        available = parse_amount(value.get("Amount available"))
    except ValueError as error:
        reader.issue(ROUND_SHEET, line["Amount available"], "B", "FILE-LAYOUT", f"Amount available: {error}")
        available = None
    if reader.issues:
        raise ImportRefused(reader.issues)

    candidate = FundingRound.objects.filter(funder=funder, partnership=partnership, financial_year=year).first()
    draft = candidate or FundingRound(funder=funder, partnership=partnership, financial_year=year)
    draft.amount_available = available
    draft.title = text(value.get("Title")) or draft.title or f"{funder} {partnership} funding {year}"
    priorities = Priority.objects.filter(theme__in=partnership.themes_in_force())
    parsed = [_parse_row(reader, row, draft, priorities) for row in rows]
    seen: dict[str, int] = {}
    for row in rows:
        if row.project.lower() in seen:
            reader.issue(BIDS_SHEET, row.number, "Project name", "FILE-LAYOUT",
                         f"'{row.project}' is already on row {seen[row.project.lower()]}: one bid per project")
        seen.setdefault(row.project.lower(), row.number)
    good = [p for p in parsed if p]
    if len(good) == len(rows):
        problem = rules.round_allocation_problem(draft, (p["allocated"] for p in good))
        if problem:
            reader.issue(BIDS_SHEET, total[0] if total else None, "Funding allocated", problem.code, problem.message)
        _check_total(reader, total, good)
    if reader.issues:
        raise ImportRefused(reader.issues)
    with transaction.atomic():
        result = _write(reader, candidate, draft, value, good)
        result.text = result.summary()
        if dry_run:
            transaction.set_rollback(True)
    return result


def _parse_row(reader, row: _Row, draft, priorities) -> dict | None:
    v, before = row.values, len(reader.issues)
    out = {"project": row.project, "purpose": text(v["Project purpose"]), "comments": text(v["CSP comments"]),
           "no_priority_reason": text(v["Reason if no priority"]),
           "status_reason": text(v["Reason for deferral or refusal"])}
    if not row.project:
        reader.issue(BIDS_SHEET, row.number, "Project name", "FILE-LAYOUT", "every bid names its project")
    for column, key in (("Funding requested", "requested"), ("Funding allocated", "allocated")):
        try:
            out[key] = parse_amount(v[column])
        except ValueError as error:
            reader.issue(BIDS_SHEET, row.number, column, "FILE-LAYOUT", f"{column}: {error}")
    if "requested" in out and out["requested"] is None:
        reader.issue(BIDS_SHEET, row.number, "Funding requested", "FILE-LAYOUT", "the amount requested is required")
    out["allocated"] = out.get("allocated") or ZERO
    try:
        out["deferred_to"] = normalise_financial_year(text(v["Deferred to"])) if text(v["Deferred to"]) else ""
    except ValidationError as error:
        reader.issue(BIDS_SHEET, row.number, "Deferred to", "DEFERRED-NAMES-YEAR", error.messages[0])
    lead = text(v["Lead organisation"])
    out["lead"] = _lookup(Organisation, lead)
    if lead and out["lead"] is None:
        reader.issue(BIDS_SHEET, row.number, "Lead organisation", "FILE-LAYOUT",
                     f"'{lead}' is not an organisation known to Saferplace: add it or correct the spelling")
    out["objectives"] = []
    for objective in filter(None, (o.strip() for o in text(v["Plan objectives"]).split(";"))):
        found = _lookup(draft.funder.objectives, objective)
        if found is None:
            reader.issue(BIDS_SHEET, row.number, "Plan objectives", "OBJECTIVE-OF-FUNDER",
                         f"'{objective}' is not an objective of {draft.funder}")
        out["objectives"].append(found)
    out["priorities"] = []
    for priority in filter(None, (p.strip() for p in text(v["Priorities"]).split(";"))):
        found = priorities.filter(name__iexact=priority).first()
        if found is None:
            reader.issue(BIDS_SHEET, row.number, "Priorities", "ALLOCATION-TRACED-TO-PRIORITY",
                         f"'{priority}' is not a priority of {draft.partnership}")
        out["priorities"].append(found)
    status_text = text(v["Status"]).lower()
    if status_text and status_text not in STATUS_BY_TEXT:
        reader.issue(BIDS_SHEET, row.number, "Status", "STATUS-MATCHES-AMOUNTS",
                     f"'{text(v['Status'])}' is not a status: use one of " + ", ".join(Bid.Status.labels))
    if len(reader.issues) > before:
        return None
    out["status"] = STATUS_BY_TEXT.get(status_text) or rules.status_for(out["requested"], out["allocated"],
                                                                         out["deferred_to"])
    for problem in rules.bid_problems(
        name=row.project, round_year=draft.financial_year, requested=out["requested"], allocated=out["allocated"],
        status=out["status"], deferred_to=out["deferred_to"], status_reason=out["status_reason"],
        has_priority=bool(out["priorities"]), no_priority_reason=out["no_priority_reason"],
    ):
        column = {"allocated": "Funding allocated", "status": "Status", "deferred_to": "Deferred to",
                  "status_reason": "Reason for deferral or refusal", "priorities": "Priorities"}[problem.field]
        reader.issue(BIDS_SHEET, row.number, column, problem.code, problem.message)
    return None if len(reader.issues) > before else out


def _check_total(reader, total, good) -> None:
    """TOTALS-RECONCILE: the Total row (when present) equals the sum of the rows above it."""
    if total is None:
        return
    number, values = total
    for column, key in (("Funding requested", "requested"), ("Funding allocated", "allocated")):
        try:
            stated = parse_amount(values[column])
        except ValueError as error:
            reader.issue(BIDS_SHEET, number, column, "TOTALS-RECONCILE", f"the total: {error}")
            continue
        actual = sum((g[key] for g in good), ZERO)
        if stated is not None and stated != actual:
            reader.issue(BIDS_SHEET, number, column, "TOTALS-RECONCILE", (
                f"the total {key} is {rules.money(stated)} but the bids add up to {rules.money(actual)}"))


def _write(reader, candidate, draft, value, good) -> RoundImportResult:
    from saferplace.interventions.models import Project
    from saferplace.interventions.traceability import family

    funding_round = draft
    funding_round.available_as_printed = text(value.get("Amount available as printed"))
    funding_round.note = text(value.get("Note"))
    funding_round.stated_total_requested = sum((g["requested"] for g in good), ZERO)
    funding_round.stated_total_allocated = sum((g["allocated"] for g in good), ZERO)
    funding_round.source = funding_round.source or f"Imported from {reader.name}"
    funding_round.save()
    kept = []
    projects = Project.objects.filter(partnership__in=family(funding_round.partnership))
    for order, g in enumerate(good, start=1):
        project = projects.filter(name__iexact=g["project"]).first() or Project.objects.create(
            partnership=funding_round.partnership, name=g["project"], purpose=g["purpose"],
            lead_organisation=g["lead"], source=f"Imported from {reader.name}")
        project.priorities.set(g["priorities"])
        bid, _ = Bid.objects.update_or_create(funding_round=funding_round, project=project, defaults={
            "order": order, "purpose": g["purpose"], "lead_organisation": g["lead"], "requested": g["requested"],
            "allocated": g["allocated"], "status": g["status"], "deferred_to": g["deferred_to"],
            "status_reason": g["status_reason"], "no_priority_reason": g["no_priority_reason"],
            "comments": g["comments"], "source": f"Imported from {reader.name}"})
        bid.plan_objectives.set(g["objectives"])
        kept.append(bid.pk)
    stale = funding_round.bids.exclude(pk__in=kept)
    blocked = [b for b in stale if b.grant_lines.exists() or b.spend.exists()]
    if blocked:
        names = ", ".join(b.project.name for b in blocked)
        raise ImportRefused([Issue(reader.name, BIDS_SHEET, None, "", "TOTALS-RECONCILE", (
            f"the file leaves out bids that money has been paid or spent from ({names}); keep them in the file"))])
    removed = stale.count()
    stale.delete()
    return RoundImportResult(funding_round, candidate is None, len(kept), removed)
