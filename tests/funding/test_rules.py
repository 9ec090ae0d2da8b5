"""Each funding rule refuses with a sentence that names the bid, the amounts and what to do."""

from decimal import Decimal as D

from saferplace.funding.models import Funder, PlanObjective
from saferplace.funding.rules import (
    bid_problems,
    grant_line_problems,
    objective_problems,
    round_allocation_problem,
    round_problems,
    status_for,
)
from saferplace.partnership.models import Organisation


def _problems(**changes):
    args = {"name": "Bid", "round_year": "2020-21", "requested": D("100.00"), "allocated": D("100.00"),
            "status": "allocated", "deferred_to": "", "status_reason": "", "has_priority": True,
            "no_priority_reason": ""}
    args.update(changes)
    return [(p.code, p.field, p.message) for p in bid_problems(**args)]


def test_a_good_bid_breaks_no_rule(db):
    assert _problems() == []
    assert _problems(allocated=D("0"), status="deferred", deferred_to="2021-22", status_reason="Next year") == []
    assert _problems(has_priority=False, no_priority_reason="Serves the whole partnership") == []
    assert _problems(allocated=D("0"), has_priority=False, status="refused") == []  # no money, nothing to trace


def test_allocated_more_than_requested(db):
    assert _problems(allocated=D("150.00")) == [("ALLOCATED-WITHIN-REQUESTED", "allocated",
        "'Bid' is allocated £150.00 but asked for £100.00: a bid cannot be given more than it requested.")]


def test_status_must_match_amounts(db):
    [(code, field, message)] = _problems(allocated=D("60.00"))
    assert (code, field) == ("STATUS-MATCHES-AMOUNTS", "status")
    assert message == ("'Bid' is marked allocated in full but is allocated £60.00 of £100.00 requested: "
                       "allocated in full means the whole amount requested was allocated.")
    assert status_for(D("100"), D("60")) == "part_allocated"
    assert status_for(D("100"), D("0"), "2021-22") == "deferred"


def test_deferral_names_a_later_year_and_a_reason(db):
    messages = [m for _, _, m in _problems(allocated=D("0"), status="deferred")]
    assert messages == ["'Bid' is deferred: say which financial year it is deferred to, for example 2021-22.",
                        "'Bid' is deferred: say why."]
    [(code, _, message)] = _problems(allocated=D("0"), status="deferred", deferred_to="2019-20", status_reason="x")
    assert code == "DEFERRED-NAMES-YEAR" and "a year after the round's (2020-21)" in message
    [(code, _, _)] = _problems(deferred_to="2021-22")
    assert code == "DEFERRED-NAMES-YEAR"


def test_allocated_money_needs_a_priority_or_reason(db):
    assert _problems(has_priority=False, no_priority_reason="  ") == [("ALLOCATION-TRACED-TO-PRIORITY", "priorities",
        "'Bid' is allocated £100.00 but serves no priority: choose at least one priority its project serves, or "
        "state why the money serves none.")]


def test_round_within_available(seed_round):
    assert round_allocation_problem(seed_round, [D("96590.00"), D("42660.00")]) is None  # exactly 139,250
    problem = round_allocation_problem(seed_round, [D("96590.00"), D("42660.01")])
    assert problem.code == "ROUND-WITHIN-AVAILABLE" and "£0.01 more than the £139,250.00 available" in problem.message


def test_objective_must_belong_to_the_rounds_funder(seed_round):
    other = Funder.objects.create(organisation=Organisation.objects.create(name="Home Office"))
    objective = PlanObjective.objects.create(funder=other, name="Safer Streets")
    [problem] = objective_problems(seed_round, [objective])
    assert problem.message == ("'Safer Streets' is an objective of Home Office, not of West Mercia Police and "
                               "Crime Commissioner.")


def test_grant_lines_paid_from_a_bid_cannot_exceed_it(seed_round):
    love = seed_round.bids.get(project__name="Love Your Home")
    assert grant_line_problems(love, [D("1665.00")]) == []
    [problem] = grant_line_problems(love, [D("1665.00"), D("400.00")])
    assert problem.message == ("Grant lines paid from 'Love Your Home' add up to £2,065.00, more than its "
                               "allocation of £2,000.00.")


def test_the_seed_round_breaks_no_rule(seed_round):
    assert round_problems(seed_round) == []
