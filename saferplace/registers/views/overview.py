"""The registers' front page and the local procedure of each partnership."""

from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone

from saferplace.partnership.models import Partnership

from ..forms import LocalProcedureForm
from ..models import CaseReview, DomesticHomicideReview, LocalProcedure, Order
from .common import form_page, require


def index(request):
    require(request, "registers.view_register")
    today = timezone.localdate()
    return render(request, "registers/index.html", {
        "open_cases": sum(c.is_open for c in CaseReview.objects.all()),
        "cases": CaseReview.objects.count(),
        "orders_in_force": sum(o.status_on(today) == "In force" for o in Order.objects.all()),
        "orders": Order.objects.count(),
        "open_reviews": sum(r.is_open for r in DomesticHomicideReview.objects.all()),
        "reviews": DomesticHomicideReview.objects.count(),
    })


def procedure_list(request):
    require(request, "registers.view_register")
    rows = [{"partnership": p, "procedure": LocalProcedure.for_partnership(p)} for p in Partnership.objects.all()]
    return render(request, "registers/procedure_list.html", {
        "rows": rows, "can_change": request.user.has_perm("registers.change_localprocedure")})


def procedure_edit(request, slug):
    require(request, "registers.change_localprocedure")
    partnership = get_object_or_404(Partnership, slug=slug)
    procedure = LocalProcedure.objects.filter(partnership=partnership).first()
    if procedure is None:
        inherited = LocalProcedure.for_partnership(partnership)
        procedure = LocalProcedure(partnership=partnership, **{
            f.name: getattr(inherited, f.name) for f in LocalProcedure._meta.fields
            if f.name not in {"id", "partnership"}})
    return form_page(request, LocalProcedureForm, instance=procedure,
                     title=f"Local procedure: {partnership.name}", back=reverse("registers:procedure_list"),
                     success_url=reverse("registers:procedure_list"), message="Local procedure saved.",
                     intro="These thresholds and clocks are the ones the law leaves to each area. Saving here gives "
                           "this partnership its own procedure instead of inheriting one.")
