"""ASB case review rules (2014 Act s.104 and Sch 4; the area's local procedure for the numbers).

Time limits are calendar months (ADR 0601): a complaint "made within 1 month of the behaviour" is reported
on or after the day of the behaviour and no later than the same day of the next month (clipped to the end of
a shorter month: behaviour on 31 January, report by 28 or 29 February); an application "within 6 months of the
complaint" is made on or after the day of the report and no later than the same day six months on.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.core.exceptions import ValidationError

from saferplace.core.dates import add_months

from .working_days import add_working_days


def _d(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def _months(n: int) -> str:
    return f"{n} month" if n == 1 else f"{n} months"


@dataclass(frozen=True)
class ComplaintFacts:
    """What the threshold rule needs to know about one complaint (no names: `reporter` is only compared)."""

    behaviour: date
    reported: date
    agency: str
    incident: str = ""  # reports sharing an incident reference are one incident
    hate_incident: bool = False
    reporter: str = ""
    location: str = ""
    label: str = ""


@dataclass(frozen=True)
class ThresholdAssessment:
    met: bool
    routes_met: tuple[str, ...]
    qualifying_incidents: int
    needed: int
    reasons: tuple[str, ...]
    complaint_reasons: tuple[str, ...] = field(default=())

    @property
    def summary(self) -> str:
        return self.reasons[0]


def complaint_made_within_time_of_behaviour(behaviour: date, reported: date, months: int) -> bool:
    """Sch 4 para 2 (local procedure): the complaint is made within `months` calendar months of the behaviour."""
    return behaviour <= reported <= add_months(behaviour, months)


def application_within_time_of_complaint(reported: date, application: date, months: int) -> bool:
    """The application comes within `months` calendar months of the complaint (and not before it)."""
    return reported <= application <= add_months(reported, months)


def _key(text: str) -> str:
    return " ".join(text.lower().split())


def group_reports_into_incidents(complaints: Sequence[ComplaintFacts]) -> list[list[ComplaintFacts]]:
    """Reports of one incident to several agencies count once: group them by incident reference."""
    groups: dict[str, list[ComplaintFacts]] = {}
    for index, complaint in enumerate(complaints):
        key = _key(complaint.incident) or f"\0{index}"
        groups.setdefault(key, []).append(complaint)
    return list(groups.values())


def _complaint_reason(c: ComplaintFacts, application: date, procedure) -> tuple[bool, str]:
    within = procedure.asb_complaint_within_months
    window = procedure.asb_application_within_months
    name = f"{c.label or 'Complaint'} ({c.agency}, behaviour {_d(c.behaviour)}, reported {_d(c.reported)})"
    if not complaint_made_within_time_of_behaviour(c.behaviour, c.reported, within):
        return False, (f"{name} does not qualify: it was reported after {_d(add_months(c.behaviour, within))}, "
                       f"more than {_months(within)} after the behaviour.")
    if c.reported > application:
        return False, f"{name} does not qualify: it was reported after the application of {_d(application)}."
    if not application_within_time_of_complaint(c.reported, application, window):
        return False, (f"{name} does not qualify: the application of {_d(application)} came after "
                       f"{_d(add_months(c.reported, window))}, more than {_months(window)} after the complaint.")
    return True, (f"{name} qualifies: reported within {_months(within)} of the behaviour and the application "
                  f"came within {_months(window)} of it.")


def _location_route(application: date, complaints: Sequence[ComplaintFacts], procedure) -> tuple[bool, str]:
    months, needed = procedure.asb_location_within_months, procedure.asb_location_reporters_needed
    since = add_months(application, -months)
    people: dict[str, set[str]] = {}
    names: dict[str, str] = {}
    for c in complaints:
        if _key(c.location) and _key(c.reporter) and since <= c.reported <= application:
            people.setdefault(_key(c.location), set()).add(_key(c.reporter))
            names.setdefault(_key(c.location), c.location.strip())
    best = max(people.items(), key=lambda item: len(item[1]), default=(None, set()))
    count = len(best[1])
    where = " about one location" if best[0] else ""
    if count >= needed:
        return True, (f"Location route met: {count} different people reported{where} between {_d(since)} and "
                      f"{_d(application)}; the local procedure needs {needed}.")
    return False, (f"Location route not met: at most {count} different people reported{where} between "
                   f"{_d(since)} and {_d(application)}; the local procedure needs {needed} (reports without a "
                   f"reporter or a location cannot be counted on this route).")


def assess_threshold(application: date, complaints: Sequence[ComplaintFacts], procedure) -> ThresholdAssessment:
    """Is the ASB case review threshold met? Every route of the local procedure, with its reasons."""
    needed = procedure.asb_threshold_complaints
    complaint_reasons: list[str] = []
    qualifying = 0
    hate = 0
    for group in group_reports_into_incidents(complaints):
        verdicts = [_complaint_reason(c, application, procedure) for c in group]
        complaint_reasons += [text for _, text in verdicts]
        if len(group) > 1:
            agencies = ", ".join(c.agency for c in group)
            complaint_reasons.append(
                f"The reports to {agencies} are one incident (incident reference {group[0].incident.strip()}): "
                "it counts once."
            )
        if any(ok for ok, _ in verdicts):
            qualifying += 1
            hate += any(c.hate_incident for c, (ok, _) in zip(group, verdicts, strict=True) if ok)
    routes: list[str] = []
    details: list[str] = []
    if qualifying >= needed:
        routes.append("complaints")
    details.append(f"Complaints route {'met' if qualifying >= needed else 'not met'}: {qualifying} qualifying "
                   f"incident{'s' if qualifying != 1 else ''}; the local procedure needs {needed}.")
    if procedure.asb_hate_incident_route:
        hate_needed = procedure.asb_hate_incidents_needed
        ok = hate >= hate_needed
        if ok:
            routes.append("hate incident")
        details.append(f"Hate-incident route {'met' if ok else 'not met'}: {hate} qualifying hate "
                       f"incident{'s' if hate != 1 else ''}; the local procedure needs {hate_needed}.")
    if procedure.asb_location_route:
        ok, text = _location_route(application, complaints, procedure)
        if ok:
            routes.append("location")
        details.append(text)
    met = bool(routes)
    summary = (f"Threshold met on the {' and '.join(routes)} route{'s' if len(routes) > 1 else ''}: a case review "
               "must be held." if met else "Threshold not met on any route of the local procedure.")
    return ThresholdAssessment(met, tuple(routes), qualifying, needed, (summary, *details), tuple(complaint_reasons))


def facts_of(complaints: Iterable) -> list[ComplaintFacts]:
    return [
        ComplaintFacts(c.behaviour_date, c.reported_date, str(c.agency), c.incident_reference, c.hate_incident,
                       c.reporter, c.location, f"Complaint {n}")
        for n, c in enumerate(complaints, start=1)
    ]


def check_case_review(case) -> None:
    """Refuse dates out of order and a 'not met' decision where the threshold is met (a review must be held).

    A review held at the bodies' discretion when the threshold is not met is allowed."""
    errors: dict[str, str] = {}
    received = case.received
    for name in ("acknowledged", "threshold_decision_date", "decision_letter_sent", "review_meeting",
                 "outcome_letter_sent", "consent_recorded"):
        value = getattr(case, name)
        if received and value and value < received and name != "consent_recorded":
            errors[name] = f"This date ({_d(value)}) is before the application was received ({_d(received)})."
    if case.threshold_met is not None and not case.threshold_decision_date:
        errors["threshold_decision_date"] = "Give the date of the threshold decision."
    if case.threshold_decision_date and case.threshold_met is None:
        errors["threshold_met"] = "Record whether the threshold was met."
    if case.review_meeting and case.threshold_decision_date and case.review_meeting < case.threshold_decision_date:
        errors["review_meeting"] = "The review meeting cannot be before the threshold decision."
    if case.outcome_letter_sent and not case.review_meeting:
        errors["outcome_letter_sent"] = "Record the review meeting before the outcome letter."
    if case.pk and case.threshold_met is False and received:
        assessment = case.assessment()
        if assessment.met:
            errors["threshold_met"] = (
                "The complaints recorded meet the threshold (" + assessment.summary + "), so the threshold "
                "cannot be recorded as not met: the 2014 Act s.104 says a review must be held."
            )
    if errors:
        raise ValidationError(errors)


@dataclass(frozen=True)
class Clock:
    code: str
    what: str
    due: date
    done: date | None
    basis: str


def case_review_clocks(case, procedure) -> list[Clock]:
    """The response clocks of the local procedure, in working days (England and Wales bank holidays)."""
    p = procedure
    clocks = [
        Clock("ASB-ACKNOWLEDGE", "Acknowledge the application", add_working_days(case.received,
              p.asb_acknowledge_working_days), case.acknowledged,
              f"Local procedure: {p.asb_acknowledge_working_days} working days from the application received "
              f"on {_d(case.received)}"),
        Clock("ASB-THRESHOLD-DECISION", "Tell the applicant whether the threshold is met",
              add_working_days(case.received, p.asb_decide_working_days), case.decision_letter_sent,
              f"2014 Act s.104 and local procedure: {p.asb_decide_working_days} working days from the "
              f"application received on {_d(case.received)}"),
    ]
    if case.threshold_met and case.threshold_decision_date:
        clocks.append(Clock(
            "ASB-REVIEW", "Hold the case review meeting",
            add_working_days(case.threshold_decision_date, p.asb_review_working_days), case.review_meeting,
            f"2014 Act s.104 and local procedure: {p.asb_review_working_days} working days from the "
            f"threshold decision on {_d(case.threshold_decision_date)}"))
    if case.review_meeting:
        clocks.append(Clock(
            "ASB-OUTCOME-LETTER", "Tell the applicant the outcome and recommendations",
            add_working_days(case.review_meeting, p.asb_outcome_letter_working_days), case.outcome_letter_sent,
            f"2014 Act s.104 and local procedure: {p.asb_outcome_letter_working_days} working days from the "
            f"review meeting on {_d(case.review_meeting)}"))
    return clocks


def twelve_month_period(start: date) -> tuple[date, date]:
    """Any 12-month period: from `start` to the day before the same date a year later."""
    return start, add_months(start, 12) - timedelta(days=1)


@dataclass(frozen=True)
class CaseFacts:
    received: date
    threshold_decision_date: date | None
    threshold_met: bool | None
    review_meeting: date | None
    recommendations: int


@dataclass(frozen=True)
class StatutoryCounts:
    """The four counts the 2014 Act s.104 requires the relevant bodies to publish at least every 12 months."""

    start: date
    end: date
    applications: int
    threshold_not_met: int
    reviews: int
    reviews_with_recommendations: int

    def rows(self) -> list[tuple[str, int]]:
        return [
            ("Applications for an ASB case review received", self.applications),
            ("Times the threshold for a review was not met", self.threshold_not_met),
            ("Case reviews carried out", self.reviews),
            ("Case reviews that resulted in recommendations", self.reviews_with_recommendations),
        ]


def statutory_counts(cases: Iterable[CaseFacts], start: date, end: date) -> StatutoryCounts:
    """Count each event in the period it happened: applications by date received, 'not met' decisions by
    decision date, reviews (and those with recommendations) by review meeting date."""
    cases = list(cases)

    def inside(day: date | None) -> bool:
        return day is not None and start <= day <= end

    return StatutoryCounts(
        start,
        end,
        sum(inside(c.received) for c in cases),
        sum(inside(c.threshold_decision_date) and c.threshold_met is False for c in cases),
        sum(inside(c.review_meeting) for c in cases),
        sum(inside(c.review_meeting) and c.recommendations > 0 for c in cases),
    )
