"""Partnership pages: the register of partners, governance, meetings, actions and priorities."""

from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from .models import Action, Group, Meeting, Partnership


def at_a_glance(user) -> dict:
    """Figures for the dashboard's 'partnership at a glance' panel."""
    partnerships = Partnership.objects.prefetch_related("memberships").order_by("parent_id", "name")
    return {
        "partnerships": partnerships,
        "glance": {
            "groups": Group.objects.count(),
            "meetings": Meeting.objects.count(),
            "open_actions": Action.objects.exclude(status__in=["done", "cancelled"]).count(),
            "overdue_actions": Action.objects.exclude(status__in=["done", "cancelled"])
            .filter(due_date__lt=timezone.localdate())
            .count(),
        },
    }


def index(request):
    return render(request, "partnership/index.html", {"partnerships": Partnership.objects.all()})


def overview(request, slug):
    partnership = get_object_or_404(Partnership, slug=slug)
    return render(request, "partnership/overview.html", {"partnership": partnership})
