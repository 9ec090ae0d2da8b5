"""Loads the seed's PCC funding: the Appendix 6 round, the 5.1 grant lines and the 6.1-6.2 CCTV spend. Idempotent.

Every bid passes the same rules as one typed into the web form (rules.round_problems); a demo that broke them
would stop here rather than load.
"""

from django.db import transaction

from saferplace.interventions.demo import ensure_projects, organisation
from saferplace.partnership.models import Partnership

from . import demo_records as seed
from .models import Bid, Funder, FundingRound, GrantLine, PlanObjective, Spend
from .rules import round_problems

SWCSP, WORCESTER = "south-worcestershire", "safer-worcester"


def _funder() -> Funder:
    funder, _ = Funder.objects.update_or_create(
        organisation=organisation(seed.PCC), defaults={"plan_name": seed.PLAN, "source": "Appendix 6"}
    )
    for order, name in enumerate(seed.OBJECTIVES, start=1):
        PlanObjective.objects.update_or_create(funder=funder, name=name, defaults={"order": order,
                                                                                  "source": "Appendix 6"})
    return funder


def _round(funder, swcsp, projects) -> FundingRound:
    fields = dict(seed.ROUND)
    year = fields.pop("financial_year")
    funding_round, _ = FundingRound.objects.update_or_create(
        funder=funder, partnership=swcsp, financial_year=year, defaults=fields
    )
    for order, (name, requested, allocated, status, deferred_to, reason, comments) in enumerate(seed.BIDS, 1):
        project = projects[name]
        lead = seed.LEADS.get(name)
        Bid.objects.update_or_create(
            funding_round=funding_round, project=project,
            defaults={"order": order, "purpose": project.purpose, "requested": requested, "allocated": allocated,
                      "status": status, "deferred_to": deferred_to, "status_reason": reason, "comments": comments,
                      "lead_organisation": organisation(lead) if lead else None,
                      "no_priority_reason": project.no_priority_reason, "source": "Appendix 6"},
        )
    problems = round_problems(funding_round)
    if problems:
        raise RuntimeError("The demo round breaks the funding rules: " + " ".join(p.message for p in problems))
    return funding_round


def _grant_lines(funder, swcsp, worcester, funding_round, projects) -> None:
    for order, (name, amount, project, bid_project) in enumerate(seed.GRANT_LINES, start=1):
        bid = funding_round.bids.get(project=projects[bid_project]) if bid_project else None
        GrantLine.objects.update_or_create(
            recipient=worcester, financial_year=funding_round.financial_year, name=name,
            defaults={"funder": funder, "via": swcsp, "amount": amount, "project": projects[project], "bid": bid,
                      "order": order, "source": "Paragraph 5.1"},
        )
    for project, line, amount, description, source in seed.SPEND:
        grant_line = GrantLine.objects.get(recipient=worcester, financial_year=funding_round.financial_year,
                                           name=line) if line else None
        Spend.objects.update_or_create(
            project=projects[project], grant_line=grant_line, financial_year=funding_round.financial_year,
            defaults={"amount": amount, "description": description, "source": source},
        )


@transaction.atomic
def load(stdout) -> None:
    projects = ensure_projects()
    swcsp = Partnership.objects.get(slug=SWCSP)
    worcester = Partnership.objects.get(slug=WORCESTER)
    funder = _funder()
    funding_round = _round(funder, swcsp, projects)
    _grant_lines(funder, swcsp, worcester, funding_round, projects)
    lines = GrantLine.objects.filter(recipient=worcester, financial_year=funding_round.financial_year)
    stdout.write(
        f"Funding: {funding_round.bids.count()} bids in {funding_round}, "
        f"requested £{funding_round.total_requested():,.2f}, allocated £{funding_round.total_allocated():,.2f}; "
        f"{lines.count()} grant lines for {worcester}."
    )
