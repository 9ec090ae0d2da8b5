"""The registers' dashboard panel: open cases and PSPOs nearing expiry, respecting access.

Counts are shown to every role; the list of open cases is limited to those the user may see in full
(administrators: all; others: their organisation's)."""

from datetime import date

from django.utils import timezone

from saferplace.accounts.models import Role, organisation_of, role_of

from .deadlines import live_orders
from .models import CaseReview, DomesticHomicideReview, LocalProcedure
from .rules.pspo import expiry_alert_date


def _on(request) -> date:
    try:
        return date.fromisoformat(request.GET.get("on", ""))
    except ValueError:
        return timezone.localdate()


def panel(request) -> dict | None:
    role = role_of(request.user)
    if role is None:
        return None
    on = _on(request)
    expiring = []
    for order, expiry in live_orders(on):
        alert = expiry_alert_date(expiry, LocalProcedure.for_partnership(order.partnership).pspo_expiry_alert_months)
        if alert <= on:
            expiring.append({"order": order, "expiry": expiry, "alert": alert})
    cases = [c for c in CaseReview.objects.filter(received__lte=on) if c.is_open]
    reviews = [r for r in DomesticHomicideReview.objects.filter(notified__lte=on) if r.is_open]
    org = organisation_of(request.user)
    mine = []
    for record, label in [*((c, f"ASB case review {c.reference}") for c in cases),
                          *((r, f"DHR {r.reference}") for r in reviews)]:
        if role == Role.ADMINISTRATOR or (org and record.owning_organisations.filter(pk=org.pk).exists()):
            mine.append({"label": label, "url": record.get_absolute_url(), "status": record.status})
    return {"template": "registers/dashboard_panel.html", "on": on, "open_cases": len(cases),
            "open_reviews": len(reviews), "orders_in_force": sum(1 for _ in live_orders(on)),
            "expiring": sorted(expiring, key=lambda row: row["expiry"]), "my_cases": mine}
