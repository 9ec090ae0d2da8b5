"""The register: partnerships, their partners and the organisations in them."""

from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from ..forms import OrganisationForm, PriorityForm
from ..models import Organisation, Partnership, Priority, Theme
from .common import form_page, require


def visible_assessments(user, partnership):
    """Strategic assessments this user may see: exempt ones only for administrators and analysts."""
    found = partnership.assessments.all()
    return found if user.has_perm("partnership.view_exempt") else found.filter(exempt=False)


def index(request):
    require(request, "partnership.view_register")
    partnerships = Partnership.objects.select_related("parent").prefetch_related("memberships")
    return render(request, "partnership/index.html", {"partnerships": partnerships})


def overview(request, slug):
    require(request, "partnership.view_register")
    partnership = get_object_or_404(Partnership.objects.select_related("parent", "lead_organisation"), slug=slug)
    themes = partnership.themes_in_force().prefetch_related("priorities")
    governing = partnership.governing_group
    context = {
        "partnership": partnership,
        "children": partnership.children.all(),
        "areas": partnership.areas.all(),
        "themes": themes,
        "themes_from": themes[0].partnership if themes and themes[0].partnership_id != partnership.pk else None,
        "partner_count": partnership.memberships.count(),
        "terms": governing.terms.order_by("-adopted").first() if governing else None,
        "open_actions": partnership.actions.exclude(status__in=["done", "cancelled"]).count(),
        "assessments": visible_assessments(request.user, partnership)[:3],
    }
    return render(request, "partnership/overview.html", context)


def partners(request, slug):
    require(request, "partnership.view_register")
    partnership = get_object_or_404(Partnership, slug=slug)
    memberships = partnership.memberships.select_related("organisation")
    return render(request, "partnership/partners.html", {"partnership": partnership, "memberships": memberships})


def organisation(request, pk):
    require(request, "partnership.view_register")
    org = get_object_or_404(Organisation, pk=pk)
    context = {
        "organisation": org,
        "memberships": org.memberships.select_related("partnership"),
        "groups": org.group_set.all(),
        "actions": org.actions.select_related("partnership"),
        "can_edit": request.user.has_perm("partnership.change_organisation", org),
    }
    return render(request, "partnership/organisation.html", context)


def organisation_edit(request, pk):
    org = get_object_or_404(Organisation, pk=pk)
    require(request, "partnership.change_organisation", org)
    form = OrganisationForm(request.POST or None, instance=org)
    return form_page(request, form, title=f"Change {org}", cancel=org.get_absolute_url(), success=f"{org} saved")


def organisation_new(request):
    require(request, "partnership.add_organisation")
    form = OrganisationForm(request.POST or None)
    return form_page(request, form, title="Add an organisation", cancel=reverse("partnership:index"),
                     success="Organisation added")



def priority_new(request, pk):
    require(request, "partnership.change_priority")
    theme = get_object_or_404(Theme.objects.select_related("partnership"), pk=pk)
    form = PriorityForm(request.POST or None, instance=Priority(theme=theme, order=theme.priorities.count() + 1))
    return form_page(request, form, title=f"Add a priority under {theme}", cancel=theme.partnership.get_absolute_url(),
                     success="Priority added")


def priority_edit(request, pk):
    obj = get_object_or_404(Priority.objects.select_related("theme__partnership"), pk=pk)
    require(request, "partnership.change_priority", obj)
    form = PriorityForm(request.POST or None, instance=obj)
    return form_page(request, form, title=f"Change the priority {obj}",
                     cancel=obj.theme.partnership.get_absolute_url(), success="Priority saved")
