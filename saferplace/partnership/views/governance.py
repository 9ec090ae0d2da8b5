"""Governance: the diagram of groups and reporting lines, each group, and terms of reference."""

from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.safestring import mark_safe

from ..diagram import governance_svg
from ..forms import GroupForm, TermsOfReferenceForm
from ..models import Group, ReportingLine, TermsOfReference
from .common import form_page, require

DIAGRAM_TITLE = "Governance diagram: which groups report to which"


def governance(request):
    require(request, "partnership.view_register")
    groups = list(Group.objects.select_related("organisation").prefetch_related("reports_to", "reported_by"))
    lines = list(ReportingLine.objects.values_list("group_id", "reports_to_id"))
    svg = governance_svg(
        [(str(g.pk), g.name, g.get_absolute_url()) for g in groups],
        [(str(low), str(high)) for low, high in lines],
        DIAGRAM_TITLE,
    )
    return render(request, "partnership/governance.html", {
        "groups": groups,
        "line_count": len(lines),
        "diagram": mark_safe(svg),  # noqa: S308 (built by governance_svg, which escapes every name and URL)
        "can_add": request.user.has_perm("partnership.add_group"),
    })


def group(request, pk):
    require(request, "partnership.view_register")
    obj = get_object_or_404(Group.objects.select_related("organisation"), pk=pk)
    context = {
        "group": obj,
        "reports_to": obj.reports_to.all(),
        "reported_by": obj.reported_by.all(),
        "terms": obj.terms.all(),
        "meetings": obj.meetings.prefetch_related("topics"),
        "reviews": obj.year_reviews.prefetch_related("topics").order_by("-financial_year"),
        "partnership": getattr(obj, "partnership", None),
        "can_edit": request.user.has_perm("partnership.change_group", obj),
        "can_add_terms": request.user.has_perm("partnership.add_termsofreference"),
    }
    return render(request, "partnership/group.html", context)


def group_new(request):
    require(request, "partnership.add_group")
    form = GroupForm(request.POST or None)
    return form_page(request, form, title="Add a group", cancel=reverse("partnership:governance"),
                     success="Group added")


def group_edit(request, pk):
    obj = get_object_or_404(Group, pk=pk)
    require(request, "partnership.change_group", obj)
    form = GroupForm(request.POST or None, instance=obj)
    return form_page(request, form, title=f"Change {obj}", cancel=obj.get_absolute_url(), success=f"{obj} saved")


def terms(request, pk):
    require(request, "partnership.view_register")
    obj = get_object_or_404(TermsOfReference.objects.select_related("group", "secretariat"), pk=pk)
    return render(request, "partnership/terms.html", {
        "terms": obj,
        "can_edit": request.user.has_perm("partnership.change_termsofreference", obj),
    })


def terms_new(request, pk):
    require(request, "partnership.add_termsofreference")
    owner = get_object_or_404(Group, pk=pk)
    form = TermsOfReferenceForm(request.POST or None, instance=TermsOfReference(group=owner))
    return form_page(request, form, title=f"Add terms of reference for {owner}", cancel=owner.get_absolute_url(),
                     success="Terms of reference added")


def terms_edit(request, pk):
    obj = get_object_or_404(TermsOfReference.objects.select_related("group"), pk=pk)
    require(request, "partnership.change_termsofreference", obj)
    form = TermsOfReferenceForm(request.POST or None, instance=obj)
    return form_page(request, form, title=f"Change the terms of reference of {obj.group}",
                     cancel=obj.get_absolute_url(), success="Terms of reference saved")
