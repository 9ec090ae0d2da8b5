"""PSPO register pages. Orders are public documents, so the list, each order's page and the CSVs are public;
changing them needs the council's contributors or an administrator."""

from django.contrib.auth.decorators import login_not_required
from django.db.models import Sum
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone

from ..forms import ConsultationForm, ConsulteeForm, EnforcementMonthForm, OrderChangeForm, OrderForm
from ..models import Consultation, Consultee, EnforcementMonth, LocalProcedure, Order, OrderChange
from ..rules.pspo import challenge_window_closes, consultation_problems, expiry_alert_date
from .common import csv_response, form_page, require, yes_no

CATEGORY_ORDER = list(Consultee.Category.values)  # the statutory order: police, PCC, community, owner, ...


@login_not_required
def order_list(request):
    today = timezone.localdate()
    orders = Order.objects.select_related("council").prefetch_related("changes")
    rows = [{"order": o, "status": o.status_on(today), "expiry": o.expiry()} for o in orders]
    return render(request, "registers/pspo_list.html", {
        "rows": rows, "today": today,
        "can_add": request.user.is_authenticated and request.user.has_perm("registers.add_order")})


@login_not_required
def order_detail(request, slug):
    order = get_object_or_404(Order.objects.select_related("council", "partnership"), slug=slug)
    today = timezone.localdate()
    expiry = order.expiry()
    procedure = LocalProcedure.for_partnership(order.partnership)
    consultations = [
        {"consultation": c, "consultees": sorted(c.consultees.select_related("organisation"),
                                                 key=lambda r: (CATEGORY_ORDER.index(r.category), r.pk)),
         "problems": consultation_problems(c, c.closes, order.expedited)}
        for c in order.consultations.all()
    ]
    enforcement = order.enforcement.all()
    totals = enforcement.aggregate(fpn=Sum("fixed_penalty_notices"), warnings=Sum("warnings"))
    return render(request, "registers/pspo_detail.html", {
        "order": order, "status": order.status_on(today), "expiry": expiry, "today": today,
        "alert": expiry_alert_date(expiry, procedure.pspo_expiry_alert_months) if expiry else None,
        "alert_months": procedure.pspo_expiry_alert_months,
        "challenge": challenge_window_closes(order.made) if order.made else None,
        "changes": [{"change": ch, "challenge": challenge_window_closes(ch.decided) if ch.kind == "variation"
                     else None} for ch in order.changes.select_related("consultation")],
        "consultations": consultations, "enforcement": enforcement, "totals": totals,
        "can_change": request.user.is_authenticated and request.user.has_perm("registers.change_order", order)})


def order_create(request):
    require(request, "registers.add_order")
    return form_page(request, OrderForm, instance=Order(), title="New PSPO", back=reverse("registers:pspo_list"),
                     message="Order recorded.",
                     intro="Record a proposed order first, without the date made; add its consultation; then "
                           "record the dates it was made and comes into force.")


def order_edit(request, slug):
    order = get_object_or_404(Order, slug=slug)
    require(request, "registers.change_order", order)
    return form_page(request, OrderForm, instance=order, title=f"Edit PSPO: {order.title}",
                     back=order.get_absolute_url(), message="Order saved.")


def _child(request, slug, model, form_class, pk, noun, **lookup):
    order = get_object_or_404(Order, slug=slug)
    require(request, "registers.change_order", order)
    parent = {"order": order}
    if lookup:
        parent = {"consultation": get_object_or_404(Consultation, order=order, pk=lookup["consultation_pk"])}
    instance = get_object_or_404(model, pk=pk, **parent) if pk else model(**parent)
    verb = "Edit" if pk else "Add"
    return form_page(request, form_class, instance=instance, title=f"{verb} {noun}: {order.title}",
                     back=order.get_absolute_url(), success_url=order.get_absolute_url(), message=f"{noun} saved.")


def consultation_form(request, slug, pk=None):
    return _child(request, slug, Consultation, ConsultationForm, pk, "Consultation")


def consultee_form(request, slug, consultation_pk, pk=None):
    return _child(request, slug, Consultee, ConsulteeForm, pk, "Consultee", consultation_pk=consultation_pk)


def change_form(request, slug, pk=None):
    return _child(request, slug, OrderChange, OrderChangeForm, pk, "Extension, variation or discharge")


def enforcement_form(request, slug, pk=None):
    return _child(request, slug, EnforcementMonth, EnforcementMonthForm, pk, "Enforcement month")


@login_not_required
def order_csv(request):
    today = timezone.localdate()
    rows = []
    for o in Order.objects.select_related("council").order_by("title"):
        totals = o.enforcement.aggregate(fpn=Sum("fixed_penalty_notices"), warnings=Sum("warnings"))
        rows.append([o.slug, o.title, o.council.name, o.status_on(today), yes_no(o.expedited), o.made, o.starts,
                     o.ends, o.extensions().count(), o.expiry(), "; ".join(o.prohibition_list()),
                     "; ".join(o.requirement_list()), challenge_window_closes(o.made) if o.made else None,
                     o.published_on_website, o.notices_on_site, totals["fpn"] or 0, totals["warnings"] or 0,
                     "yes" if o.illustrative_note else "no"])
    return csv_response("pspos.csv", [
        "slug", "title", "council", "status", "expedited", "made", "starts", "ends", "extensions", "expiry",
        "prohibitions", "requirements", "challenge_window_closes", "published_on_website", "notices_on_site",
        "fixed_penalty_notices", "warnings", "has_illustrative_details"], rows)


@login_not_required
def enforcement_csv(request):
    rows = [(e.order.slug, e.order.title, e.month.strftime("%Y-%m"), e.fixed_penalty_notices, e.warnings, e.notes)
            for e in EnforcementMonth.objects.select_related("order").order_by("order__title", "month")]
    return csv_response("pspo-enforcement.csv",
                        ["slug", "title", "month", "fixed_penalty_notices", "warnings", "notes"], rows)
