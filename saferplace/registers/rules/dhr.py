"""DHR rules: the clocks of the local procedure (decision about 1 month after notification, review complete
about 6 months after the decision: DOMAIN.md, Home Office statutory guidance) and the order of milestones."""

from datetime import date

from django.core.exceptions import ValidationError

from saferplace.core.dates import add_months


def _d(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def decision_due(notified: date, procedure) -> date:
    return add_months(notified, procedure.dhr_decision_months)


def completion_due(decision_date: date, procedure) -> date:
    return add_months(decision_date, procedure.dhr_completion_months)


MILESTONES = (
    ("notified", "the notification"),
    ("decision_date", "the decision"),
    ("terms_of_reference_agreed", "the terms of reference"),
    ("report_to_partnership", "the report to the partnership"),
    ("submitted_to_home_office", "submission to the Home Office panel"),
    ("qa_outcome_date", "the panel's outcome"),
    ("published", "publication"),
)


def check_review(review) -> None:
    """Refuse milestones out of order, a decision without its date, and publication without panel approval."""
    errors: dict[str, str] = {}
    if review.date_of_death and review.notified and review.notified < review.date_of_death:
        errors["notified"] = "The notification cannot come before the date of death."
    if bool(review.decision) != bool(review.decision_date):
        errors["decision_date" if review.decision else "decision"] = "Record both the decision and its date."
    later_needs_review = ("terms_of_reference_agreed", "report_to_partnership", "submitted_to_home_office",
                          "qa_outcome_date", "published")
    if review.decision != "review":
        for name in later_needs_review:
            if getattr(review, name):
                errors[name] = "Only a review that is being held has this milestone."
    previous = None
    for name, label in MILESTONES:
        value = getattr(review, name)
        if value and previous and value < previous[1]:
            errors.setdefault(name, f"This date ({_d(value)}) is before {previous[0]} ({_d(previous[1])}).")
        if value:
            previous = (label, value)
    if bool(review.qa_outcome) != bool(review.qa_outcome_date):
        errors.setdefault("qa_outcome_date", "Record both the panel's outcome and its date.")
    if review.published and review.qa_outcome != "approved":
        errors.setdefault("published", "A review is published only after the Home Office panel approves it.")
    if errors:
        raise ValidationError(errors)
