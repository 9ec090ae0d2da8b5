"""ASB case review pages. Every read of a case (page, edit form, CSV with names) is audited."""

from django.contrib.auth.decorators import login_not_required
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone

from saferplace.accounts.models import organisation_of
from saferplace.core.dates import financial_year_bounds
from saferplace.partnership.models import Partnership

from ..audit import record_read
from ..forms import CaseReviewForm, CaseReviewRecommendationForm, ComplaintForm
from ..models import CaseReview, CaseReviewRecommendation, Complaint
from ..rules.asb import CaseFacts, case_review_clocks, statutory_counts, twelve_month_period
from .common import csv_response, form_page, require, yes_no

PERSONAL = "registers.view_personal_casereview"


def case_list(request):
    require(request, "registers.view_register")
    cases = CaseReview.objects.select_related("partnership").prefetch_related("owning_organisations")
    return render(request, "registers/asb_list.html", {
        "cases": cases, "can_add": request.user.has_perm("registers.add_casereview")})


def case_detail(request, pk):
    require(request, "registers.view_register")
    case = get_object_or_404(CaseReview.objects.select_related("partnership"), pk=pk)
    personal = request.user.has_perm(PERSONAL, case)
    record_read(case, "case review page", personal)
    procedure = case.procedure()
    today = timezone.localdate()
    return render(request, "registers/asb_detail.html", {
        "case": case, "personal": personal, "assessment": case.assessment(procedure), "procedure": procedure,
        "clocks": case_review_clocks(case, procedure), "today": today,
        "complaints": case.complaints.select_related("agency"),
        "recommendations": case.recommendations.select_related("owner"),
        "can_change": request.user.has_perm("registers.change_casereview", case)})


def _keep_owner(user):
    def after_save(case):
        org = organisation_of(user)
        if org is not None and not case.owning_organisations.filter(pk=org.pk).exists():
            case.owning_organisations.add(org)  # a contributor keeps sight of the case they record
    return after_save


def case_create(request):
    require(request, "registers.add_casereview")
    return form_page(request, CaseReviewForm, instance=CaseReview(), title="New ASB case review",
                     back=reverse("registers:asb_list"), message="Case review recorded.",
                     after_save=_keep_owner(request.user))


def case_edit(request, pk):
    case = get_object_or_404(CaseReview, pk=pk)
    require(request, "registers.change_casereview", case)
    return form_page(request, CaseReviewForm, instance=case, title=f"Edit ASB case review {case.reference}",
                     back=case.get_absolute_url(), message="Case review saved.",
                     on_show=lambda: record_read(case, "case review edit form", True))


def complaint_form(request, pk, complaint_pk=None):
    case = get_object_or_404(CaseReview, pk=pk)
    require(request, "registers.change_casereview", case)
    complaint = get_object_or_404(Complaint, pk=complaint_pk, case=case) if complaint_pk else Complaint(case=case)
    verb = "Edit" if complaint_pk else "Add"
    return form_page(request, ComplaintForm, instance=complaint, title=f"{verb} a complaint: {case.reference}",
                     back=case.get_absolute_url(), success_url=case.get_absolute_url(), message="Complaint saved.",
                     intro="Reports of the same incident to different agencies count once: give them the same "
                           "incident reference.",
                     on_show=(lambda: record_read(case, "complaint edit form", True)) if complaint_pk else None)


def recommendation_form(request, pk, rec_pk=None):
    case = get_object_or_404(CaseReview, pk=pk)
    require(request, "registers.change_casereview", case)
    rec = (get_object_or_404(CaseReviewRecommendation, pk=rec_pk, case=case) if rec_pk
           else CaseReviewRecommendation(case=case))
    verb = "Edit" if rec_pk else "Add"
    return form_page(request, CaseReviewRecommendationForm, instance=rec,
                     title=f"{verb} a recommendation: {case.reference}", back=case.get_absolute_url(),
                     success_url=case.get_absolute_url(), message="Recommendation saved.")


PUBLIC_COLUMNS = ["reference", "partnership", "received", "route", "consent_recorded", "acknowledged",
                  "threshold_decision_date", "threshold_met", "decision_letter_sent", "review_meeting",
                  "recommendations", "outcome_letter_sent", "status", "has_illustrative_details"]
PERSONAL_COLUMNS = ["applicant_name", "applicant_contact", "location"]


def case_csv(request):
    """Public-safe fields of every case; with ?personal=1, names too for the cases the user may see (audited)."""
    require(request, "registers.view_register")
    with_names = request.GET.get("personal") == "1"
    rows = []
    cases = CaseReview.objects.select_related("partnership").prefetch_related("recommendations")
    for case in cases.order_by("received", "reference"):
        row = [case.reference, case.partnership.name, case.received, case.get_route_display(),
               yes_no(case.consent_to_share), case.acknowledged, case.threshold_decision_date,
               yes_no(case.threshold_met), case.decision_letter_sent, case.review_meeting,
               len(case.recommendations.all()), case.outcome_letter_sent, case.status,
               yes_no(bool(case.illustrative_note))]
        if with_names:
            allowed = request.user.has_perm(PERSONAL, case)
            row += [getattr(case, name) if allowed else "" for name in PERSONAL_COLUMNS]
            if allowed:
                record_read(case, "case review CSV with names", True)
        rows.append(row)
    header = PUBLIC_COLUMNS + (PERSONAL_COLUMNS if with_names else [])
    return csv_response("asb-case-reviews.csv", header, rows)


def _period(request):
    """The 12-month period asked for: ?year=2020-21, or ?start=YYYY-MM-DD; default the last full financial year."""
    from datetime import date

    year, start = request.GET.get("year", "").strip(), request.GET.get("start", "").strip()
    error = ""
    try:
        if start:
            return twelve_month_period(date.fromisoformat(start)), ""
        if year:
            return financial_year_bounds(year), ""
    except ValueError:
        error = "Give the start of the period as a date (for example 2020-04-01) or a financial year (2020-21)."
    today = timezone.localdate()
    first = date(today.year - 1 if today.month >= 4 else today.year - 2, 4, 1)
    return twelve_month_period(first), error


def _counts(request):
    (start, end), error = _period(request)
    slug = request.GET.get("partnership", "")
    cases = CaseReview.objects.prefetch_related("recommendations")
    partnership = Partnership.objects.filter(slug=slug).first() if slug else None
    if partnership:
        cases = cases.filter(partnership=partnership)
    facts = [CaseFacts(c.received, c.threshold_decision_date, c.threshold_met, c.review_meeting,
                       len(c.recommendations.all())) for c in cases]
    return statutory_counts(facts, start, end), partnership, error


@login_not_required
def publication(request):
    """The statutory counts for any 12-month period: counts only, so it is public."""
    counts, partnership, error = _counts(request)
    query = request.GET.urlencode()
    return render(request, "registers/asb_publication.html", {
        "counts": counts, "partnership": partnership, "error": error, "query": query,
        "partnerships": Partnership.objects.filter(case_reviews__isnull=False).distinct()})


@login_not_required
def publication_csv(request):
    counts, partnership, _ = _counts(request)
    area = partnership.name if partnership else "All partnerships"
    rows = [(area, counts.start, counts.end, label, value) for label, value in counts.rows()]
    return csv_response(f"asb-case-review-counts-{counts.start:%Y-%m-%d}.csv",
                        ["area", "period_start", "period_end", "measure", "count"], rows)
