"""Statutory calendar rules of the partnership register."""

from datetime import date

from django.urls import reverse

from saferplace.core.dates import add_months
from saferplace.core.deadlines import Due, rule

from .models import Action, Group, Partnership

SCRUTINY_INTERVAL_MONTHS = 12
ASSESSMENT_MAX_AGE_MONTHS = 12


@rule("SCRUTINY-12-MONTHS", "The crime and disorder committee meets at least once in every 12 months")
def scrutiny_meetings(on: date):
    basis = "Police and Justice Act 2006 ss.19–20; SI 2009/942: at least once in every 12 months."
    for committee in Group.objects.filter(kind=Group.Kind.SCRUTINY).select_related("organisation"):
        whom = str(committee.organisation or committee)
        url = reverse("partnership:group", args=[committee.pk])
        last = committee.meetings.exclude(date=None).order_by("-date").first()
        if last is None:
            yield Due("SCRUTINY-12-MONTHS", f"{committee}: no crime and disorder scrutiny meeting is recorded",
                      on, whom, basis, url)
        else:
            yield Due("SCRUTINY-12-MONTHS", f"{committee}: crime and disorder scrutiny meeting",
                      add_months(last.date, SCRUTINY_INTERVAL_MONTHS), whom,
                      f"{basis} Last meeting {last.date:%-d %B %Y}.", url)


@rule("STRATEGIC-ASSESSMENT-12-MONTHS", "A statutory partnership's strategic assessment is at most 12 months old")
def strategic_assessment_age(on: date):
    basis = "SI 2007/1830: a strategic assessment every year."
    for partnership in Partnership.objects.filter(statutory=True):
        url = reverse("partnership:assessments", args=[partnership.slug])
        latest = partnership.assessments.order_by("-period_end").first()
        if latest is None:
            yield Due("STRATEGIC-ASSESSMENT-12-MONTHS", f"{partnership}: no strategic assessment is recorded",
                      on, str(partnership), basis, url)
            continue
        counted_from, what = (
            (latest.approved_date, "approved") if latest.approved_date else (latest.period_end, "period ended")
        )
        yield Due("STRATEGIC-ASSESSMENT-12-MONTHS", f"{partnership}: new strategic assessment",
                  add_months(counted_from, ASSESSMENT_MAX_AGE_MONTHS), str(partnership),
                  f"{basis} Latest: {latest.title}, {what} {counted_from:%-d %B %Y}.", url)


@rule("ACTION-DUE", "An open action is done by its due date")
def open_actions(on: date):
    actions = Action.objects.exclude(status__in=[Action.Status.DONE, Action.Status.CANCELLED])
    for action in actions.select_related("owner", "partnership"):
        yield Due("ACTION-DUE", f"Action: {action.title}", action.due_date, str(action.owner),
                  f"Agreed by {action.partnership}" + (f" at {action.meeting}" if action.meeting_id else "") + ".",
                  action.get_absolute_url())
