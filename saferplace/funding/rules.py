"""Business rules for funding, each named after what it implements and refused with a sentence a user understands.

The same functions guard the web forms, the XLSX importer and the demo loader, so a rule cannot be
bypassed by choosing another way in. Rules that the source data itself breaks (a grant spent beyond its line,
as the seed's CCTV figures are) are reported as reconciliation notes, not refused: see docs/adr/0502.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError

from .years import year_start

ZERO = Decimal("0.00")

RULES = {
    "ROUND-WITHIN-AVAILABLE": "A round's allocations cannot exceed the amount available.",
    "ALLOCATED-WITHIN-REQUESTED": "A bid is not allocated more than it asked for.",
    "STATUS-MATCHES-AMOUNTS": "A bid's status agrees with what it asked for and was given.",
    "DEFERRED-NAMES-YEAR": "A deferred bid names the later financial year it moves to, and why.",
    "ALLOCATION-TRACED-TO-PRIORITY": "Every allocated pound links to at least one priority or carries a stated reason.",
    "OBJECTIVE-OF-FUNDER": "A bid serves objectives of its own round's funder.",
    "TOTALS-RECONCILE": "Stated totals equal the sum of their rows; money paid out of a bid does not exceed it.",
}


@dataclass(frozen=True)
class Problem:
    code: str  # a key of RULES
    message: str
    field: str = ""  # the form field or spreadsheet column it concerns


def money(value: Decimal) -> str:
    return f"−£{-value:,.2f}" if value < 0 else f"£{value:,.2f}"


def bid_problems(
    *, name: str, round_year: str, requested: Decimal, allocated: Decimal, status: str, deferred_to: str = "",
    status_reason: str = "", has_priority: bool, no_priority_reason: str = "",
) -> list[Problem]:
    """Every rule one bid breaks on its own (the round's total is checked by `round_allocation_problem`)."""
    from .models import Bid

    s = Bid.Status
    out: list[Problem] = []
    if allocated > requested:
        out.append(Problem("ALLOCATED-WITHIN-REQUESTED", (
            f"'{name}' is allocated {money(allocated)} but asked for {money(requested)}: a bid cannot be given "
            "more than it requested."), "allocated"))
    expected = {
        s.ALLOCATED: allocated == requested and allocated > 0,
        s.PART_ALLOCATED: ZERO < allocated < requested,
        s.REFUSED: allocated == 0,
        s.DEFERRED: allocated == 0,
        s.PENDING: allocated == 0,
    }
    if status in expected and not expected[status] and allocated <= requested:
        label = s(status).label.lower()
        out.append(Problem("STATUS-MATCHES-AMOUNTS", (
            f"'{name}' is marked {label} but is allocated {money(allocated)} of {money(requested)} requested: "
            f"{_status_hint(status)}"), "status"))
    if status == s.DEFERRED:
        if not deferred_to:
            out.append(Problem("DEFERRED-NAMES-YEAR", (
                f"'{name}' is deferred: say which financial year it is deferred to, for example "
                f"{year_start(round_year) + 1}-{(year_start(round_year) + 2) % 100:02d}."), "deferred_to"))
        elif year_start(deferred_to) <= year_start(round_year):
            out.append(Problem("DEFERRED-NAMES-YEAR", (
                f"'{name}' cannot be deferred to {deferred_to}: a deferral moves a bid to a year after the round's "
                f"({round_year})."), "deferred_to"))
        if not status_reason.strip():
            out.append(Problem("DEFERRED-NAMES-YEAR", f"'{name}' is deferred: say why.", "status_reason"))
    elif deferred_to:
        out.append(Problem("DEFERRED-NAMES-YEAR", (
            f"'{name}' names a year to defer to ({deferred_to}) but is not marked deferred."), "deferred_to"))
    if allocated > 0 and not has_priority and not no_priority_reason.strip():
        out.append(Problem("ALLOCATION-TRACED-TO-PRIORITY", (
            f"'{name}' is allocated {money(allocated)} but serves no priority: choose at least one priority its "
            "project serves, or state why the money serves none."), "priorities"))
    return out


def _status_hint(status: str) -> str:
    return {
        "allocated": "allocated in full means the whole amount requested was allocated.",
        "part_allocated": "part-allocated means more than nothing and less than requested was allocated.",
        "refused": "a refused bid is allocated nothing.",
        "deferred": "a deferred bid is allocated nothing this year.",
        "pending": "a pending bid is allocated nothing yet.",
    }[status]


def status_for(requested: Decimal, allocated: Decimal, deferred_to: str = "") -> str:
    """The status the amounts imply, for importers that leave the status column empty."""
    if deferred_to:
        return "deferred"
    if allocated == 0:
        return "pending"
    return "allocated" if allocated == requested else "part_allocated"


def round_allocation_problem(funding_round, allocations: Iterable[Decimal]) -> Problem | None:
    """ROUND-WITHIN-AVAILABLE: the sum of `allocations` (every bid of the round) within what is available."""
    total = sum(allocations, ZERO)
    available = funding_round.amount_available
    if available is not None and total > available:
        return Problem("ROUND-WITHIN-AVAILABLE", (
            f"{funding_round} would allocate {money(total)}, {money(total - available)} more than the "
            f"{money(available)} available."), "allocated")
    return None


def objective_problems(funding_round, objectives) -> list[Problem]:
    return [
        Problem("OBJECTIVE-OF-FUNDER", f"'{o}' is an objective of {o.funder}, not of {funding_round.funder}.",
                "plan_objectives")
        for o in objectives if o.funder_id != funding_round.funder_id
    ]


def stated_total_problems(funding_round, requested: Decimal, allocated: Decimal) -> list[Problem]:
    """TOTALS-RECONCILE: a round's printed totals equal the sum of its bids."""
    out = []
    for label, stated, actual, field in [
        ("requested", funding_round.stated_total_requested, requested, "requested"),
        ("allocated", funding_round.stated_total_allocated, allocated, "allocated"),
    ]:
        if stated is not None and stated != actual:
            out.append(Problem("TOTALS-RECONCILE", (
                f"The stated total {label} ({money(stated)}) does not equal the sum of the bids ({money(actual)}); "
                f"they differ by {money(abs(stated - actual))}."), field))
    return out


def grant_line_problems(bid, lines_amounts: Iterable[Decimal]) -> list[Problem]:
    """TOTALS-RECONCILE: grant lines paid out of one bid add up to no more than its allocation."""
    total = sum(lines_amounts, ZERO)
    if total > bid.allocated:
        return [Problem("TOTALS-RECONCILE", (
            f"Grant lines paid from '{bid.project.name}' add up to {money(total)}, more than its allocation of "
            f"{money(bid.allocated)}."), "amount")]
    return []


def round_problems(funding_round) -> list[Problem]:
    """Every rule a stored round breaks (shown on the round page; an empty list is what a good round gives)."""
    bids = list(funding_round.bids.select_related("project").prefetch_related("project__priorities",
                                                                                 "plan_objectives"))
    out: list[Problem] = []
    for bid in bids:
        out += bid_problems(
            name=bid.project.name, round_year=funding_round.financial_year, requested=bid.requested,
            allocated=bid.allocated, status=bid.status, deferred_to=bid.deferred_to,
            status_reason=bid.status_reason, has_priority=bool(bid.project.priorities.all()),
            no_priority_reason=bid.no_priority_reason or bid.project.no_priority_reason,
        )
        out += objective_problems(funding_round, bid.plan_objectives.all())
        out += grant_line_problems(bid, bid.grant_lines.values_list("amount", flat=True))
    problem = round_allocation_problem(funding_round, (b.allocated for b in bids))
    out += [problem] if problem else []
    out += stated_total_problems(
        funding_round, sum((b.requested for b in bids), ZERO), sum((b.allocated for b in bids), ZERO)
    )
    return out


def raise_for(problems: list[Problem]) -> None:
    """Turn problems into a ValidationError keyed by field, for forms and model validation."""
    if problems:
        errors: dict[str, list[str]] = {}
        for p in problems:
            errors.setdefault(p.field or "__all__", []).append(p.message)
        raise ValidationError(errors)


def spend_notes(bid_or_line, spent: Decimal) -> list[str]:
    """Reconciliation notes (not refusals): money spent against a bid or grant line beyond its amount."""
    limit = getattr(bid_or_line, "allocated", None)
    if limit is None:
        limit = bid_or_line.amount
    if spent > limit:
        return [f"{money(spent)} spent against {bid_or_line}, {money(spent - limit)} more than its {money(limit)}."]
    return []
