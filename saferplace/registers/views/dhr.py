"""Domestic homicide review pages. Every read of a review (page, edit form, CSV with names) is audited."""

from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone

from ..audit import record_read
from ..forms import DHRActionItemForm, DHRForm, DHRRecommendationForm
from ..models import DHRActionItem, DHRRecommendation, DomesticHomicideReview
from ..rules.dhr import completion_due, decision_due
from .asb import _keep_owner
from .common import csv_response, form_page, require, yes_no

PERSONAL = "registers.view_personal_domestichomicidereview"


def review_list(request):
    require(request, "registers.view_register")
    return render(request, "registers/dhr_list.html", {
        "reviews": DomesticHomicideReview.objects.select_related("partnership"),
        "can_add": request.user.has_perm("registers.add_domestichomicidereview")})


def review_detail(request, pk):
    require(request, "registers.view_register")
    review = get_object_or_404(DomesticHomicideReview.objects.select_related("partnership", "notified_by"), pk=pk)
    personal = request.user.has_perm(PERSONAL, review)
    record_read(review, "DHR page", personal)
    procedure = review.procedure()
    return render(request, "registers/dhr_detail.html", {
        "review": review, "personal": personal, "procedure": procedure, "today": timezone.localdate(),
        "decision_due": decision_due(review.notified, procedure),
        "completion_due": completion_due(review.decision_date, procedure)
        if review.decision == "review" and review.decision_date else None,
        "recommendations": review.recommendations.select_related("agency").prefetch_related("actions__owner"),
        "can_change": request.user.has_perm("registers.change_domestichomicidereview", review)})


def review_create(request):
    require(request, "registers.add_domestichomicidereview")
    return form_page(request, DHRForm, instance=DomesticHomicideReview(), title="New domestic homicide review",
                     back=reverse("registers:dhr_list"), message="Review recorded.",
                     after_save=_keep_owner(request.user))


def review_edit(request, pk):
    review = get_object_or_404(DomesticHomicideReview, pk=pk)
    require(request, "registers.change_domestichomicidereview", review)
    return form_page(request, DHRForm, instance=review, title=f"Edit DHR {review.reference}",
                     back=review.get_absolute_url(), message="Review saved.",
                     on_show=lambda: record_read(review, "DHR edit form", True))


def recommendation_form(request, pk, rec_pk=None):
    review = get_object_or_404(DomesticHomicideReview, pk=pk)
    require(request, "registers.change_domestichomicidereview", review)
    rec = get_object_or_404(DHRRecommendation, pk=rec_pk, review=review) if rec_pk else DHRRecommendation(
        review=review, number=review.recommendations.count() + 1)
    verb = "Edit" if rec_pk else "Add"
    return form_page(request, DHRRecommendationForm, instance=rec, title=f"{verb} a recommendation: "
                     f"{review.reference}", back=review.get_absolute_url(), success_url=review.get_absolute_url(),
                     message="Recommendation saved.")


def action_form(request, pk, action_pk=None):
    review = get_object_or_404(DomesticHomicideReview, pk=pk)
    require(request, "registers.change_domestichomicidereview", review)
    item = (get_object_or_404(DHRActionItem, pk=action_pk, recommendation__review=review) if action_pk
            else DHRActionItem())
    verb = "Edit" if action_pk else "Add"
    return form_page(request, DHRActionItemForm, instance=item, title=f"{verb} an action-plan item: "
                     f"{review.reference}", back=review.get_absolute_url(), success_url=review.get_absolute_url(),
                     message="Action-plan item saved.", form_kwargs={"review": review})


PUBLIC_COLUMNS = ["reference", "partnership", "notified", "decision", "decision_date", "home_office_notified",
                  "terms_of_reference_agreed", "report_to_partnership", "submitted_to_home_office", "qa_outcome",
                  "qa_outcome_date", "published", "status", "open_actions", "has_illustrative_details"]
PERSONAL_COLUMNS = ["victim_name", "pseudonym", "date_of_death"]


def review_csv(request):
    require(request, "registers.view_register")
    with_names = request.GET.get("personal") == "1"
    rows = []
    for r in DomesticHomicideReview.objects.select_related("partnership").order_by("notified", "reference"):
        open_actions = DHRActionItem.objects.filter(recommendation__review=r, status__in=["open", "in_progress"])
        row = [r.reference, r.partnership.name, r.notified, r.get_decision_display(), r.decision_date,
               r.home_office_notified, r.terms_of_reference_agreed, r.report_to_partnership,
               r.submitted_to_home_office, r.get_qa_outcome_display(), r.qa_outcome_date, r.published, r.status,
               open_actions.count(), yes_no(bool(r.illustrative_note))]
        if with_names:
            allowed = request.user.has_perm(PERSONAL, r)
            row += [getattr(r, name) if allowed else "" for name in PERSONAL_COLUMNS]
            if allowed:
                record_read(r, "DHR CSV with names", True)
        rows.append(row)
    return csv_response("domestic-homicide-reviews.csv", PUBLIC_COLUMNS + (PERSONAL_COLUMNS if with_names else []),
                        rows)
