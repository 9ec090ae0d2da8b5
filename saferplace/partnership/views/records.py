"""Meetings, actions and strategic assessments, with the forms that create and change them."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone

from saferplace.accounts.models import organisation_of
from saferplace.accounts.roles import is_administrator

from ..forms import ActionForm, MeetingForm, StrategicAssessmentForm
from ..models import Action, Group, Meeting, Organisation, Partnership, StrategicAssessment
from .common import form_page, require
from .register import visible_assessments

CLOSED = [Action.Status.DONE, Action.Status.CANCELLED]


def meeting_groups(user):
    """The groups whose meetings this user may record: all for an administrator, else those its organisation hosts."""
    if is_administrator(user):
        return Group.objects.all()
    org = organisation_of(user)
    return Group.objects.filter(organisation=org) if org else Group.objects.none()


def meetings(request):
    require(request, "partnership.view_register")
    found = Meeting.objects.select_related("group").prefetch_related("topics")
    chosen = request.GET.get("group", "")
    if chosen.isdigit():
        found = found.filter(group_id=int(chosen))
    return render(request, "partnership/meetings.html", {
        "meetings": found,
        "groups": Group.objects.filter(meetings__isnull=False).distinct(),
        "chosen": int(chosen) if chosen.isdigit() else None,
        "can_add": request.user.has_perm("partnership.add_meeting") and meeting_groups(request.user).exists(),
    })


def meeting(request, pk):
    require(request, "partnership.view_register")
    obj = get_object_or_404(Meeting.objects.select_related("group"), pk=pk)
    return render(request, "partnership/meeting.html", {
        "meeting": obj,
        "attendees": obj.attendees.all(),
        "topics": obj.topics.all(),
        "actions": obj.actions.select_related("owner"),
        "can_edit": request.user.has_perm("partnership.change_meeting", obj),
    })


def meeting_new(request):
    require(request, "partnership.add_meeting")
    groups = meeting_groups(request.user)
    if not groups.exists():
        raise PermissionDenied
    initial = {"group": request.GET["group"]} if request.GET.get("group", "").isdigit() else {}
    form = MeetingForm(request.POST or None, groups=groups, initial=initial)
    return form_page(request, form, title="Record a meeting", cancel=reverse("partnership:meetings"),
                     success="Meeting recorded")


def meeting_edit(request, pk):
    obj = get_object_or_404(Meeting.objects.select_related("group"), pk=pk)
    require(request, "partnership.change_meeting", obj)
    form = MeetingForm(request.POST or None, instance=obj, groups=meeting_groups(request.user))
    return form_page(request, form, title="Change a meeting", cancel=obj.get_absolute_url(), success="Meeting saved")


def actions(request, slug):
    require(request, "partnership.view_register")
    partnership = get_object_or_404(Partnership, slug=slug)
    show = request.GET.get("show", "open")
    found = partnership.actions.select_related("owner", "meeting__group", "priority")
    if show != "all":
        found = found.exclude(status__in=CLOSED)
    rows = [(a, request.user.has_perm("partnership.change_action", a)) for a in found]
    return render(request, "partnership/actions.html", {
        "partnership": partnership,
        "rows": rows,
        "show": show,
        "today": timezone.localdate(),
        "can_add": request.user.has_perm("partnership.add_action"),
    })


def action_owners(user):
    """Organisations this user may make owners of an action: any for an administrator, else its own."""
    if is_administrator(user):
        return Organisation.objects.all()
    org = organisation_of(user)
    return Organisation.objects.filter(pk=org.pk) if org else Organisation.objects.none()


def action_new(request, slug):
    require(request, "partnership.add_action")
    partnership = get_object_or_404(Partnership, slug=slug)
    owners = action_owners(request.user)
    form = ActionForm(request.POST or None, instance=Action(partnership=partnership), partnership=partnership,
                      owners=owners, initial={"owner": owners.first()} if owners.count() == 1 else {})
    return form_page(request, form, title=f"Add an action for {partnership}",
                     cancel=reverse("partnership:actions", args=[slug]), success="Action added")


def action_edit(request, slug, pk):
    obj = get_object_or_404(Action.objects.select_related("partnership"), pk=pk, partnership__slug=slug)
    require(request, "partnership.change_action", obj)
    form = ActionForm(request.POST or None, instance=obj, partnership=obj.partnership,
                      owners=action_owners(request.user))
    return form_page(request, form, title=f"Change the action: {obj.title}",
                     cancel=obj.get_absolute_url(), success="Action saved")


def assessments(request, slug):
    require(request, "partnership.view_register")
    partnership = get_object_or_404(Partnership, slug=slug)
    return render(request, "partnership/assessments.html", {
        "partnership": partnership,
        "assessments": visible_assessments(request.user, partnership),
        "sees_exempt": request.user.has_perm("partnership.view_exempt"),
        "can_add": request.user.has_perm("partnership.add_strategicassessment"),
    })


def assessment(request, slug, pk):
    obj = get_object_or_404(StrategicAssessment.objects.select_related("partnership"), pk=pk, partnership__slug=slug)
    require(request, "partnership.view_strategicassessment", obj)
    return render(request, "partnership/assessment.html", {
        "assessment": obj,
        "can_edit": request.user.has_perm("partnership.change_strategicassessment", obj),
    })


def assessment_new(request, slug):
    require(request, "partnership.add_strategicassessment")
    partnership = get_object_or_404(Partnership, slug=slug)
    form = StrategicAssessmentForm(request.POST or None, instance=StrategicAssessment(partnership=partnership))
    return form_page(request, form, title=f"Add a strategic assessment for {partnership}",
                     cancel=reverse("partnership:assessments", args=[slug]), success="Strategic assessment added")


def assessment_edit(request, slug, pk):
    obj = get_object_or_404(StrategicAssessment.objects.select_related("partnership"), pk=pk, partnership__slug=slug)
    require(request, "partnership.change_strategicassessment", obj)
    form = StrategicAssessmentForm(request.POST or None, instance=obj)
    return form_page(request, form, title=f"Change {obj}", cancel=obj.get_absolute_url(),
                     success="Strategic assessment saved")
