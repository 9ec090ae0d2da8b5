"""Deadline rules of the statutory registers, for the one engine in saferplace.core.deadlines.

Every rule answers "as things stood on `on`": records made later, and steps done later, do not count. Titles
carry references only, never personal details, because the deadline list is shown to every signed-in user.
"""

from collections.abc import Iterator
from datetime import date

from django.urls import reverse

from saferplace.core.dates import add_months
from saferplace.core.deadlines import Due, rule

from .models import CaseReview, DHRActionItem, DomesticHomicideReview, LocalProcedure, Order
from .models import CaseReviewRecommendation as Recommendation
from .rules import asb, dhr, pspo


def _d(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def _pending(done: date | None, on: date) -> bool:
    return done is None or done > on


def _procedures():
    cache: dict = {}

    def get(partnership):
        if partnership.pk not in cache:
            cache[partnership.pk] = LocalProcedure.for_partnership(partnership)
        return cache[partnership.pk]

    return get


def _owners(record) -> str:
    return ", ".join(o.name for o in record.owning_organisations.all()) or str(record.partnership)


def _cases(on: date):
    return CaseReview.objects.filter(received__lte=on).select_related("partnership").prefetch_related(
        "owning_organisations")


def _case_clock_items(code: str, on: date) -> Iterator[Due]:
    procedure = _procedures()
    for case in _cases(on):
        for clock in asb.case_review_clocks(case, procedure(case.partnership)):
            if clock.code == code and _pending(clock.done, on):
                yield Due(code, f"{clock.what}: ASB case review {case.reference}", clock.due, _owners(case),
                          clock.basis, case.get_absolute_url())


@rule("ASB-ACKNOWLEDGE", "Acknowledge an ASB case review application (local procedure, working days)")
def asb_acknowledge(on: date) -> Iterator[Due]:
    yield from _case_clock_items("ASB-ACKNOWLEDGE", on)


@rule("ASB-THRESHOLD-DECISION", "Tell the applicant whether the case review threshold is met")
def asb_threshold_decision(on: date) -> Iterator[Due]:
    yield from _case_clock_items("ASB-THRESHOLD-DECISION", on)


@rule("ASB-REVIEW", "Hold the case review once the threshold is met")
def asb_review(on: date) -> Iterator[Due]:
    yield from _case_clock_items("ASB-REVIEW", on)


@rule("ASB-OUTCOME-LETTER", "Tell the applicant the review's outcome and recommendations")
def asb_outcome_letter(on: date) -> Iterator[Due]:
    yield from _case_clock_items("ASB-OUTCOME-LETTER", on)


@rule("ASB-RECOMMENDATION", "Carry out a case review recommendation by its due date")
def asb_recommendation(on: date) -> Iterator[Due]:
    for rec in Recommendation.objects.filter(case__received__lte=on).select_related("case", "owner"):
        if rec.status != Recommendation.Status.CANCELLED and _pending(rec.completed, on):
            yield Due("ASB-RECOMMENDATION", f"Recommendation of ASB case review {rec.case.reference}: "
                      f"{rec.text[:80]}", rec.due_date, rec.owner.name,
                      f"Agreed at the case review meeting on {_d(rec.case.review_meeting)}" if rec.case.review_meeting
                      else "Agreed at the case review", rec.case.get_absolute_url())


@rule("ASB-PUBLISH-COUNTS", "Publish the four ASB case review counts at least every 12 months")
def asb_publish_counts(on: date) -> Iterator[Due]:
    procedure = _procedures()
    seen = set()
    for case in _cases(on).order_by("received"):
        if case.partnership_id in seen:
            continue
        seen.add(case.partnership_id)
        own = procedure(case.partnership)
        # The publication date is the partnership's own: a parent's publication does not cover its children.
        last = own.asb_counts_last_published if own.partnership_id == case.partnership_id else None
        if last and last <= on:
            due, since = add_months(last, 12), f"last published on {_d(last)}"
        else:
            due = add_months(case.received, 12)
            since = f"no publication recorded; first application {_d(case.received)}"
        yield Due("ASB-PUBLISH-COUNTS", f"Publish the ASB case review counts for {case.partnership}", due,
                  str(case.partnership), f"2014 Act s.104: publish at least every 12 months ({since})",
                  reverse("registers:asb_publication"))


def _orders(on: date):
    return Order.objects.filter(made__isnull=False, made__lte=on).select_related("council", "partnership")


def expiry_as_of(order, on: date) -> date:
    ends = [order.ends] + [e.new_end for e in order.extensions() if e.decided <= on and e.new_end]
    return max(ends)


def _discharged_by(order, on: date) -> bool:
    discharge = order.discharge()
    return bool(discharge and discharge.decided <= on)


def live_orders(on: date):
    for order in _orders(on):
        if not _discharged_by(order, on):
            expiry = expiry_as_of(order, on)
            if expiry >= on:
                yield order, expiry


@rule("PSPO-EXPIRY", "A PSPO expires unless extended before its last day (2014 Act s.60)")
def pspo_expiry(on: date) -> Iterator[Due]:
    for order, expiry in live_orders(on):
        extended = sum(1 for e in order.extensions() if e.decided <= on)
        how = f"after {extended} extension{'s' if extended != 1 else ''}" if extended else "as made"
        yield Due("PSPO-EXPIRY", f"{order.title} expires (last day in force) unless extended", expiry,
                  order.council.name, f"2014 Act s.60: at most 3 years at a time; last day in force {how}",
                  order.get_absolute_url())


@rule("PSPO-EXPIRY-ALERT", "Start reviewing a PSPO and consulting on its extension ahead of expiry")
def pspo_expiry_alert(on: date) -> Iterator[Due]:
    procedure = _procedures()
    for order, expiry in live_orders(on):
        months = procedure(order.partnership).pspo_expiry_alert_months
        last_decision = max([order.made] + [e.decided for e in order.extensions() if e.decided <= on])
        started = order.consultations.filter(purpose="extension", opens__gt=last_decision, opens__lte=on).exists()
        if not started:
            yield Due("PSPO-EXPIRY-ALERT", f"Start the review and consultation on extending {order.title} "
                      f"(expires {_d(expiry)})", pspo.expiry_alert_date(expiry, months), order.council.name,
                      f"Local procedure: {months} months before expiry, so that the statutory consultation "
                      "(2014 Act s.72) fits before the order lapses", order.get_absolute_url())


def _publication_steps(order):
    yield "the order", order.made, order.starts, order.published_on_website, order.notices_on_site
    for change in order.changes.all():
        yield (f"the {change.get_kind_display().lower()}", change.decided, change.effective,
               change.published_on_website, change.notices_on_site)


@rule("PSPO-PUBLICATION", "Publish a PSPO, extension, variation or discharge online and by notices on site")
def pspo_publication(on: date) -> Iterator[Due]:
    for order in _orders(on):
        for what, decided, effective, website, notices in _publication_steps(order):
            if decided <= on and (_pending(website, on) or _pending(notices, on)):
                missing = [name for name, done in (("on the council website", website), ("by notices on site",
                           notices)) if _pending(done, on)]
                yield Due("PSPO-PUBLICATION", f"Publish {what} of {order.title} {' and '.join(missing)}",
                          effective or decided, order.council.name,
                          "Publication Regulations 2014 (SI 2014/2591) reg 2; 2014 Act s.72", order.get_absolute_url())


@rule("PSPO-CHALLENGE-WINDOW", "The 6-week High Court challenge window after a PSPO or variation is made")
def pspo_challenge_window(on: date) -> Iterator[Due]:
    for order in _orders(on):
        made = [("the order", order.made)] + [("the variation", v.decided) for v in order.changes.filter(
            kind="variation", decided__lte=on)]
        for what, day in made:
            closes = pspo.challenge_window_closes(day)
            if closes >= on:
                yield Due("PSPO-CHALLENGE-WINDOW", f"High Court challenge window closes for {what} of {order.title}",
                          closes, f"Any interested person; {order.council.name} to note",
                          f"2014 Act s.66: 6 weeks beginning with {_d(day)}", order.get_absolute_url())


@rule("PSPO-EXPEDITED-CONSULTATION", "Consult on an expedited PSPO as soon as reasonably practicable after making it")
def pspo_expedited_consultation(on: date) -> Iterator[Due]:
    for order in _orders(on).filter(expedited=True):
        consulted = any(not pspo.consultation_problems(c, on, expedited=False)
                        for c in order.consultations.filter(purpose="making"))
        if not consulted:
            yield Due("PSPO-EXPEDITED-CONSULTATION", f"Consult on the expedited order {order.title}", order.made,
                      order.council.name, "2014 Act s.72B: as soon as reasonably practicable after making it",
                      order.get_absolute_url())


def _reviews(on: date):
    return DomesticHomicideReview.objects.filter(notified__lte=on).select_related("partnership")


@rule("DHR-DECISION", "Decide whether to hold a domestic homicide review")
def dhr_decision(on: date) -> Iterator[Due]:
    procedure = _procedures()
    for review in _reviews(on):
        if _pending(review.decision_date, on):
            p = procedure(review.partnership)
            yield Due("DHR-DECISION", f"Decide whether to hold DHR {review.reference}",
                      dhr.decision_due(review.notified, p), str(review.partnership),
                      f"Local procedure after statutory guidance: {p.dhr_decision_months} month(s) from the "
                      f"notification on {_d(review.notified)}", review.get_absolute_url())


@rule("DHR-HOME-OFFICE", "Tell the Home Office of the decision on a domestic homicide review")
def dhr_home_office(on: date) -> Iterator[Due]:
    for review in _reviews(on):
        if review.decision_date and review.decision_date <= on and _pending(review.home_office_notified, on):
            yield Due("DHR-HOME-OFFICE", f"Tell the Home Office of the decision on DHR {review.reference}",
                      review.decision_date, str(review.partnership),
                      f"Domestic Violence, Crime and Victims Act 2004 s.9 and statutory guidance: decision of "
                      f"{_d(review.decision_date)}", review.get_absolute_url())


@rule("DHR-COMPLETION", "Complete a domestic homicide review (overview report to the partnership)")
def dhr_completion(on: date) -> Iterator[Due]:
    procedure = _procedures()
    for review in _reviews(on).filter(decision="review"):
        if review.decision_date and review.decision_date <= on and _pending(review.report_to_partnership, on):
            p = procedure(review.partnership)
            yield Due("DHR-COMPLETION", f"Complete DHR {review.reference} and report to the partnership",
                      dhr.completion_due(review.decision_date, p), str(review.partnership),
                      f"Local procedure after statutory guidance: {p.dhr_completion_months} months from the "
                      f"decision on {_d(review.decision_date)}", review.get_absolute_url())


@rule("DHR-ACTION", "Carry out a DHR action-plan item by its due date")
def dhr_action(on: date) -> Iterator[Due]:
    items = DHRActionItem.objects.filter(recommendation__review__notified__lte=on).select_related(
        "recommendation__review", "owner")
    for item in items:
        if item.status != DHRActionItem.Status.CANCELLED and _pending(item.completed, on):
            review = item.recommendation.review
            yield Due("DHR-ACTION", f"DHR {review.reference} action plan: {item.action[:80]}", item.due_date,
                      item.owner.name, f"Recommendation {item.recommendation.number} of DHR {review.reference}",
                      review.get_absolute_url())
