"""ASB case reviews in the database: clocks through the deadline engine, the must-hold rule, published counts."""

import csv
import io
from datetime import date

import pytest
from django.core.exceptions import ValidationError

from saferplace.core.deadlines import due_items
from saferplace.partnership.models import Partnership
from saferplace.registers.models import CaseReview, CaseReviewRecommendation, Complaint, LocalProcedure
from saferplace.registers.rules.asb import CaseFacts, statutory_counts, twelve_month_period

D = date


@pytest.fixture
def case(db, organisation):
    partnership = Partnership.objects.create(name="Test Partnership", slug="test")
    case = CaseReview.objects.create(partnership=partnership, reference="T-1", received=D(2020, 12, 23),
                                     route="online", applicant_name="Pat Example")
    case.owning_organisations.add(organisation)
    return case


def items(on, code):
    return [i for i in due_items(on, 365) if i.rule == code and "T-1" in i.title]


def test_clocks_count_working_days_with_bank_holidays(case):
    # Received Wednesday 23 December 2020; 24th, then the 25th/28th holidays and a weekend:
    # working days are 24, 29, 30 -> acknowledge by 30 December 2020.
    [ack] = items(D(2020, 12, 23), "ASB-ACKNOWLEDGE")
    assert ack.due == D(2020, 12, 30) and ack.whom == "Test Council" and "3 working days" in ack.basis
    assert "Pat Example" not in ack.title + ack.basis  # deadlines carry references only
    [decide] = items(D(2020, 12, 23), "ASB-THRESHOLD-DECISION")
    # 25 working days: 24, 29, 30, 31 Dec (4); 1 Jan is a holiday; 4-8, 11-15, 18-22, 25-29 Jan (24); 1 Feb (25).
    assert decide.due == D(2021, 2, 1)
    case.acknowledged = D(2020, 12, 24)
    case.save()
    assert items(D(2021, 1, 4), "ASB-ACKNOWLEDGE") == []
    assert len(items(D(2020, 12, 23), "ASB-ACKNOWLEDGE")) == 1  # as things stood before it was sent


def test_review_and_outcome_clocks_follow_the_decision(case):
    case.threshold_decision_date, case.threshold_met, case.decision_letter_sent = D(2021, 1, 20), True, D(2021, 1, 20)
    case.save()
    [review] = items(D(2021, 1, 21), "ASB-REVIEW")
    assert review.due == D(2021, 2, 24)  # 25 working days after Wednesday 20 January 2021 (no holidays)
    case.review_meeting = D(2021, 2, 10)
    case.save()
    [letter] = items(D(2021, 2, 11), "ASB-OUTCOME-LETTER")
    assert letter.due == D(2021, 2, 17)
    CaseReviewRecommendation.objects.create(case=case, text="Mediation", owner=case.owning_organisations.get(),
                                            due_date=D(2021, 3, 31))
    [rec] = items(D(2021, 2, 11), "ASB-RECOMMENDATION")
    assert rec.due == D(2021, 3, 31) and rec.whom == "Test Council"


def test_local_procedure_changes_the_clocks(case):
    LocalProcedure.objects.create(partnership=case.partnership, asb_acknowledge_working_days=10)
    [ack] = items(D(2020, 12, 23), "ASB-ACKNOWLEDGE")
    assert ack.due == D(2021, 1, 11) and "10 working days" in ack.basis


def test_recording_not_met_when_the_complaints_meet_the_threshold_is_refused(case):
    for day in (D(2020, 10, 1), D(2020, 11, 2), D(2020, 12, 1)):
        Complaint.objects.create(case=case, behaviour_date=day, reported_date=day,
                                 agency=case.owning_organisations.get())
    case.threshold_decision_date, case.threshold_met = D(2021, 1, 5), False
    with pytest.raises(ValidationError) as error:
        case.full_clean()
    assert "a review must be held" in str(error.value)
    case.threshold_met = True
    case.full_clean()


def test_a_complaint_reported_before_the_behaviour_is_refused(case):
    bad = Complaint(case=case, behaviour_date=D(2020, 10, 2), reported_date=D(2020, 10, 1),
                    agency=case.owning_organisations.get())
    with pytest.raises(ValidationError, match="cannot be reported"):
        bad.full_clean()


def test_statutory_counts_count_each_event_in_its_own_period():
    facts = [
        CaseFacts(D(2020, 4, 1), D(2020, 4, 20), False, None, 0),  # received first day; not met
        CaseFacts(D(2021, 3, 31), D(2021, 4, 14), True, D(2021, 5, 5), 2),  # received last day; reviewed next year
        CaseFacts(D(2020, 3, 31), D(2020, 4, 15), True, D(2020, 5, 1), 0),  # received the year before
        CaseFacts(D(2021, 4, 1), None, None, None, 0),  # the year after
    ]
    counts = statutory_counts(facts, D(2020, 4, 1), D(2021, 3, 31))
    assert (counts.applications, counts.threshold_not_met, counts.reviews, counts.reviews_with_recommendations) \
        == (2, 1, 1, 0)
    assert twelve_month_period(D(2020, 7, 15)) == (D(2020, 7, 15), D(2021, 7, 14))


def test_published_counts_for_2020_21_show_the_demos_three_applications(client, demo):
    page = client.get("/registers/asb/publication/?year=2020-21")
    assert page.status_code == 200
    assert "1 April 2020 to 31 March 2021" in page.text
    rows = list(csv.reader(io.StringIO(client.get("/registers/asb/publication.csv?year=2020-21").content.decode())))
    assert rows[0] == ["area", "period_start", "period_end", "measure", "count"]
    counts = {r[3]: int(r[4]) for r in rows[1:]}
    # Seed 6.46: three community triggers received and responded to in 2020-21.
    assert counts["Applications for an ASB case review received"] == 3
    independent = CaseReview.objects.filter(received__gte=D(2020, 4, 1), received__lte=D(2021, 3, 31)).count()
    assert independent == 3
    assert counts["Times the threshold for a review was not met"] == 0
    assert counts["Case reviews carried out"] == CaseReview.objects.filter(
        review_meeting__range=(D(2020, 4, 1), D(2021, 3, 31))).count()
    other = list(csv.reader(io.StringIO(client.get(
        "/registers/asb/publication.csv?start=2021-01-01&partnership=safer-worcester").content.decode())))
    assert other[1][:3] == ["Safer Worcester Partnership", "2021-01-01", "2021-12-31"]
    assert int(other[1][4]) == 1  # only CT-2020-21-03 (18 January 2021) falls in calendar 2021
    bad = client.get("/registers/asb/publication/?start=2021-13-01")
    assert bad.status_code == 200 and "Give the start of the period as a date" in bad.text
