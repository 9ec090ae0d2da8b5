"""Funding pages: rounds (the seed's Appendix 6 table), bids, grant lines, and a round's import and export."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Sum
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from .cells import import_upload
from .forms import BidForm
from .importers import import_round
from .models import Bid, Funder, FundingRound, GrantLine
from .rules import RULES, round_problems, spend_notes
from .spreadsheet import round_workbook

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def require(request, perm: str, obj=None) -> None:
    if not request.user.has_perm(perm, obj):
        raise PermissionDenied


def index(request):
    require(request, "funding.view_funding")
    years = GrantLine.objects.values("financial_year", "recipient__name").annotate(total=Sum("amount")) \
        .order_by("-financial_year", "recipient__name")
    return render(request, "funding/index.html", {
        "rounds": FundingRound.objects.select_related("funder__organisation", "partnership"),
        "funders": Funder.objects.prefetch_related("objectives"), "grant_years": years,
        "can_import": request.user.has_perm("funding.import_round"),
    })


def round_detail(request, pk):
    require(request, "funding.view_funding")
    funding_round = get_object_or_404(FundingRound.objects.select_related("funder", "partnership"), pk=pk)
    bids = funding_round.bids.select_related("project", "lead_organisation").prefetch_related(
        "plan_objectives", "project__priorities__theme")
    notes = [n for b in bids for n in spend_notes(b, b.spend.aggregate(t=Sum("amount"))["t"] or 0)]
    return render(request, "funding/round.html", {
        "round": funding_round, "bids": bids, "problems": round_problems(funding_round), "rules": RULES,
        "notes": notes, "can_edit": request.user.has_perm("funding.change_bid"),
        "grant_lines": GrantLine.objects.filter(bid__funding_round=funding_round).select_related("bid__project"),
    })


def round_xlsx(request, pk):
    require(request, "funding.view_funding")
    funding_round = get_object_or_404(FundingRound, pk=pk)
    response = HttpResponse(round_workbook(funding_round), content_type=XLSX)
    name = f"funding-round-{funding_round.partnership.slug}-{funding_round.financial_year}.xlsx"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def _bid_page(request, form, title, cancel):
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            bid = form.save()
        messages.success(request, f"Bid for {bid.project} saved.")
        return redirect(bid.funding_round.get_absolute_url())
    return render(request, "funding/form.html", {"form": form, "title": title, "cancel": cancel})


def bid_new(request, pk):
    require(request, "funding.add_bid")
    funding_round = get_object_or_404(FundingRound, pk=pk)
    form = BidForm(request.POST or None, funding_round=funding_round,
                   initial={"order": funding_round.bids.count() + 1})
    if form.instance.order == 0:
        form.instance.order = funding_round.bids.count() + 1
    return _bid_page(request, form, f"Add a bid to {funding_round.title}", funding_round.get_absolute_url())


def bid_edit(request, pk):
    require(request, "funding.change_bid")
    bid = get_object_or_404(Bid.objects.select_related("funding_round", "project"), pk=pk)
    form = BidForm(request.POST or None, instance=bid, funding_round=bid.funding_round)
    return _bid_page(request, form, f"Edit the bid for {bid.project}", bid.funding_round.get_absolute_url())


def grant_lines(request):
    require(request, "funding.view_funding")
    lines = GrantLine.objects.select_related("recipient", "via", "project", "bid__project", "funder")
    year = request.GET.get("year", "")
    if year:
        lines = lines.filter(financial_year=year)
    return render(request, "funding/grant_lines.html", {
        "lines": lines, "year": year, "total": lines.aggregate(t=Sum("amount"))["t"],
        "years": GrantLine.objects.values_list("financial_year", flat=True).distinct().order_by("-financial_year"),
    })


class UploadForm(forms.Form):
    file = forms.FileField(label="Funding round workbook (.xlsx)",
                           help_text="The layout of a round's XLSX export: sheets 'Round' and 'Bids'")


def round_import(request):
    require(request, "funding.import_round")
    form = UploadForm(request.POST or None, request.FILES or None)
    issues = []
    if request.method == "POST" and form.is_valid():
        result, issues = import_upload(form.cleaned_data["file"], import_round, user=request.user)
        if result is not None:
            messages.success(request, result.summary())
            return redirect(result.funding_round.get_absolute_url())
    return render(request, "funding/import.html", {"form": form, "issues": issues})
