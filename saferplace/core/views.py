"""The dashboard and the deadlines page."""

from datetime import date

from django.shortcuts import render
from django.utils import timezone

from .deadlines import due_items
from .panels import dashboard_panels

DASHBOARD_HORIZON_DAYS = 90


def _on_date(request) -> date:
    try:
        return date.fromisoformat(request.GET.get("on", ""))
    except ValueError:
        return timezone.localdate()


def dashboard(request):
    from saferplace.partnership.views import at_a_glance

    on = _on_date(request)
    return render(
        request,
        "core/dashboard.html",
        {"on": on, "due": due_items(on, DASHBOARD_HORIZON_DAYS), "horizon": DASHBOARD_HORIZON_DAYS,
         "panels": dashboard_panels(request), **at_a_glance(request.user)},
    )


def due(request):
    on = _on_date(request)
    try:
        within = max(0, min(int(request.GET.get("within", 365)), 3650))
    except ValueError:
        within = 365
    return render(request, "core/due.html", {"on": on, "within": within, "items": due_items(on, within)})
