"""DHR clocks, milestone order and deadline items."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from saferplace.core.deadlines import due_items
from saferplace.partnership.models import Organisation, Partnership
from saferplace.registers.models import DHRActionItem, DHRRecommendation, DomesticHomicideReview, LocalProcedure

D = date


@pytest.fixture
def review(db, organisation):
    partnership = Partnership.objects.create(name="Test CSP", slug="test")
    r = DomesticHomicideReview.objects.create(partnership=partnership, reference="DHR T/1", notified=D(2021, 1, 31))
    r.owning_organisations.add(organisation)
    return r


def items(on, code):
    return [i for i in due_items(on, 3650) if i.rule == code and "DHR T/1" in i.title]


def test_decision_due_a_calendar_month_after_notification(review):
    [item] = items(D(2021, 2, 1), "DHR-DECISION")
    assert item.due == D(2021, 2, 28)  # 31 January + 1 month, clipped
    assert item.whom == "Test CSP" and "31 January 2021" in item.basis


def test_completion_due_six_months_after_the_decision_and_configurable(review):
    review.decision, review.decision_date = "review", D(2021, 2, 15)
    review.save()
    assert items(D(2021, 2, 16), "DHR-DECISION") == []
    [home_office] = items(D(2021, 2, 16), "DHR-HOME-OFFICE")
    assert home_office.due == D(2021, 2, 15)
    [complete] = items(D(2021, 2, 16), "DHR-COMPLETION")
    assert complete.due == D(2021, 8, 15)
    LocalProcedure.objects.create(partnership=review.partnership, dhr_completion_months=9)
    [complete] = items(D(2021, 2, 16), "DHR-COMPLETION")
    assert complete.due == D(2021, 11, 15) and "9 months" in complete.basis
    review.report_to_partnership = D(2021, 10, 1)
    review.save()
    assert items(D(2021, 10, 2), "DHR-COMPLETION") == []


def test_action_plan_items_are_due_for_their_owner(review):
    review.decision, review.decision_date = "review", D(2021, 2, 15)
    review.save()
    rec = DHRRecommendation.objects.create(review=review, number=1, text="Training on coercive control")
    owner = Organisation.objects.create(name="Health Trust")
    item = DHRActionItem.objects.create(recommendation=rec, action="Deliver training", owner=owner,
                                        due_date=D(2022, 3, 31))
    [due] = items(D(2022, 1, 1), "DHR-ACTION")
    assert due.due == D(2022, 3, 31) and due.whom == "Health Trust"
    item.status, item.completed = "done", D(2022, 2, 1)
    item.full_clean()
    item.save()
    assert items(D(2022, 3, 1), "DHR-ACTION") == []


def test_milestones_out_of_order_are_refused(review):
    review.decision, review.decision_date = "review", D(2021, 1, 15)
    with pytest.raises(ValidationError, match="before the notification"):
        review.full_clean()
    review.decision_date = D(2021, 2, 15)
    review.published = D(2022, 1, 1)
    with pytest.raises(ValidationError, match="only after the Home Office panel approves it"):
        review.full_clean()
    review.qa_outcome, review.qa_outcome_date = "approved", D(2021, 12, 1)
    review.full_clean()
    review.decision = "no_review"
    with pytest.raises(ValidationError, match="Only a review that is being held"):
        review.full_clean()
