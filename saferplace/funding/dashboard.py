"""The funding dashboard panel: the newest round at a glance, and the gaps the traceability view lists."""

from saferplace.accounts.models import role_of

from .models import FundingRound


def panel(request) -> dict | None:
    if role_of(request.user) is None:
        return None
    funding_round = FundingRound.objects.select_related("partnership").order_by("-financial_year", "pk").first()
    if funding_round is None:
        return None
    from saferplace.interventions.traceability import build

    partnership = funding_round.partnership.children.first() or funding_round.partnership
    trace = build(partnership, funding_round.financial_year)
    bids = funding_round.bids.all()
    return {"template": "funding/dashboard_panel.html", "round": funding_round, "trace": trace,
            "bids": len(bids), "deferred": sum(1 for b in bids if b.status == "deferred")}
