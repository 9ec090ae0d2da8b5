"""The demo registers: consistent with the seed, marked illustrative, idempotent, and what the rules imply."""

import io
import json
from datetime import date

from django.core.management import call_command

from saferplace.registers import demo as registers_demo
from saferplace.registers.models import (
    CaseReview,
    Complaint,
    Consultation,
    Consultee,
    DomesticHomicideReview,
    Order,
    OrderChange,
)


def _snapshot():
    models = [CaseReview, Complaint, Consultation, Consultee, DomesticHomicideReview, Order, OrderChange]
    return {m.__name__: sorted(map(str, m.objects.values_list())) for m in models}


def test_demo_loads_the_seed_records_and_marks_illustrative_details(demo):
    assert "3 PSPOs, 3 ASB case reviews, 2 DHRs" in demo
    assert set(Order.objects.values_list("slug", flat=True)) == {"dog-control", "alcohol", "city-centre"}
    city = Order.objects.get(slug="city-centre")
    assert city.made == date(2021, 3, 29)  # seed 6.54
    assert city.prohibition_list() == ["Intentional feeding of gulls", "Aggressive begging",
                                       "Dangerous cycling and skateboarding"]  # seed 6.53
    dog = Order.objects.get(slug="dog-control")
    extension = dog.extensions().get()
    assert extension.effective == date(2021, 7, 6) and "no change" in extension.description  # seed 6.48
    assert (extension.consultation.opens, extension.consultation.closes) == (date(2020, 12, 18), date(2021, 1, 24))
    survey = Order.objects.get(slug="alcohol").consultations.get(purpose="extension")
    assert (survey.opens, survey.closes) == (date(2021, 3, 4), date(2021, 4, 4))  # seed 6.51
    assert all(o.council.name == "Worcester City Council" for o in Order.objects.all())
    assert CaseReview.objects.filter(received__range=(date(2020, 4, 1), date(2021, 3, 31))).count() == 3
    assert all(c.owning_organisations.filter(name="Worcester City Council").exists()
               for c in CaseReview.objects.all())
    assert DomesticHomicideReview.objects.filter(decision_date__year=2020, decision="review").count() == 2
    for model in (CaseReview, Order, DomesticHomicideReview):
        assert all("illustrative" in r.illustrative_note for r in model.objects.all()), model
    assert not DomesticHomicideReview.objects.exclude(victim_name="").exists()  # no personal details invented


def test_demo_is_idempotent(demo):
    before = _snapshot()
    registers_demo.load(io.StringIO())
    assert _snapshot() == before


def test_demo_triggers_meet_the_threshold_they_record(demo):
    for case in CaseReview.objects.all():
        assessment = case.assessment()
        assert assessment.met and case.threshold_met, assessment.reasons
    # CT-2020-21-02 has one incident reported to the police and the council: 4 reports, 3 incidents.
    second = CaseReview.objects.get(reference="CT-2020-21-02")
    assert second.complaints.count() == 4 and second.assessment().qualifying_incidents == 3


def test_due_on_2024_01_01_lists_the_pspo_expiries_the_rules_imply(demo):
    out = io.StringIO()
    call_command("due", "--on", "2024-01-01", "--within", "365", "--format", "json", stdout=out)
    items = json.loads(out.getvalue())["items"]
    expiries = {(i["url"], i["due"]) for i in items if i["rule"] == "PSPO-EXPIRY"}
    # Worked by hand: a term's last day is the day before the same date 3 years on.
    # Dog control: extended from 6 July 2021 -> last day 5 July 2024 (seed 6.48 plus the 3-year maximum).
    # Alcohol: illustrative extension from 1 August 2021 -> 31 July 2024.
    # City centre: made and in force 29 March 2021 -> 28 March 2024.
    assert expiries == {("/registers/pspo/dog-control/", "2024-07-05"), ("/registers/pspo/alcohol/", "2024-07-31"),
                        ("/registers/pspo/city-centre/", "2024-03-28")}
    alerts = {(i["url"], i["due"], i["status"]) for i in items if i["rule"] == "PSPO-EXPIRY-ALERT"}
    # Six months before each expiry; the city centre's (28 September 2023) was already missed on 1 January 2024.
    assert alerts == {("/registers/pspo/dog-control/", "2024-01-05", "due"),
                      ("/registers/pspo/alcohol/", "2024-01-31", "due"),
                      ("/registers/pspo/city-centre/", "2023-09-28", "overdue")}
    for item in items:
        if item["rule"].startswith("PSPO-"):
            assert item["whom"].startswith("Worcester City Council") and item["basis"], item


def test_due_before_the_extension_shows_the_first_term_ending(demo):
    out = io.StringIO()
    call_command("due", "--on", "2021-01-01", "--within", "200", "--format", "json", stdout=out)
    items = json.loads(out.getvalue())["items"]
    dog = [i for i in items if i["rule"] == "PSPO-EXPIRY" and "dog-control" in i["url"]]
    assert [i["due"] for i in dog] == ["2021-07-05"]  # the extension of 17 March 2021 was not yet decided
    windows = [i for i in items if i["rule"] == "PSPO-CHALLENGE-WINDOW"]
    assert windows == []  # the city centre order was not yet made on 1 January 2021


def test_demo_asb_and_dhr_records_leave_nothing_overdue(demo):
    out = io.StringIO()
    call_command("due", "--on", "2024-01-01", "--within", "365", "--format", "json", stdout=out)
    rules = {i["rule"] for i in json.loads(out.getvalue())["items"]}
    assert not {r for r in rules if r.startswith("DHR-") or r in {"ASB-ACKNOWLEDGE", "ASB-REVIEW"}}
    assert "ASB-PUBLISH-COUNTS" in rules  # no publication of the four counts is on record
