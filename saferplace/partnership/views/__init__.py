"""Partnership pages: the register of partners, governance, meetings, actions and strategic assessments."""

from django.utils import timezone

from ..models import Action, Group, Meeting, Partnership
from .governance import governance, group, group_edit, group_new, terms, terms_edit, terms_new
from .records import (
    action_edit,
    action_new,
    actions,
    assessment,
    assessment_edit,
    assessment_new,
    assessments,
    meeting,
    meeting_edit,
    meeting_new,
    meetings,
)
from .register import (
    index,
    organisation,
    organisation_edit,
    organisation_new,
    overview,
    partners,
    priority_edit,
    priority_new,
)

__all__ = [
    "action_edit", "action_new", "actions", "assessment", "assessment_edit", "assessment_new", "assessments",
    "at_a_glance", "governance", "group", "group_edit", "group_new", "index", "meeting", "meeting_edit",
    "meeting_new", "meetings", "organisation", "organisation_edit", "organisation_new", "overview", "partners",
    "priority_edit", "priority_new",
    "terms", "terms_edit", "terms_new",
]


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
