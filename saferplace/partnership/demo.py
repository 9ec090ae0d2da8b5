"""Loads the seed report's partnership records (see demo_records.py). Running it twice changes nothing."""

from datetime import date

from django.db import transaction

from saferplace.core.dates import financial_year_label
from saferplace.geography.models import Area

from . import demo_records as seed
from .models import (
    Group,
    Meeting,
    Membership,
    Organisation,
    Partnership,
    Priority,
    ReportingLine,
    StrategicAssessment,
    TermsOfReference,
    Theme,
    Topic,
    YearReview,
)


def _organisations() -> dict[str, Organisation]:
    orgs = {}
    for name, kind, _ in seed.APPENDIX_1:
        orgs[name], _ = Organisation.objects.update_or_create(
            name=name, defaults={"kind": kind, "source": "Appendix 1"}
        )
    for name, kind, source in seed.OTHER_ORGANISATIONS:
        orgs[name], _ = Organisation.objects.update_or_create(name=name, defaults={"kind": kind, "source": source})
    return orgs


def _groups(orgs) -> dict[str, Group]:
    groups = {}
    for name, kind, host, source in seed.GROUPS:
        groups[name], _ = Group.objects.update_or_create(
            name=name, defaults={"kind": kind, "organisation": orgs.get(host), "source": source}
        )
    for low, high in seed.REPORTING_LINES:
        if not ReportingLine.objects.filter(group=groups[low], reports_to=groups[high]).exists():
            ReportingLine.objects.create(group=groups[low], reports_to=groups[high])
    return groups


def _partnerships(orgs, groups) -> tuple[Partnership, Partnership]:
    swcsp, _ = Partnership.objects.update_or_create(
        slug="south-worcestershire",
        defaults={"name": seed.SWCSP, "short_name": "SWCSP", "statutory": True,
                  "governing_group": groups[seed.SWCSP], "source": "paragraph 2.2"},
    )
    swcsp.areas.set(Area.objects.filter(code__in=["E07000235", "E07000237", "E07000238"]))
    for name in seed.SWCSP_MEMBERS:
        Membership.objects.update_or_create(
            partnership=swcsp, organisation=orgs[name],
            defaults={"responsible_authority": True, "source": "paragraph 2.2"},
        )
    safer_worcester, _ = Partnership.objects.update_or_create(
        slug="safer-worcester",
        defaults={"name": "Safer Worcester Partnership", "short_name": "Safer Worcester", "parent": swcsp,
                  "governing_group": groups[seed.SAFER_WORCESTER],
                  "lead_organisation": orgs["Worcester City Council"], "source": "paragraphs 2.5–2.7"},
    )
    safer_worcester.areas.set(Area.objects.filter(code="E07000237"))
    for name, _, responsible in seed.APPENDIX_1:
        Membership.objects.update_or_create(
            partnership=safer_worcester, organisation=orgs[name],
            defaults={"responsible_authority": responsible, "source": "Appendix 1"},
        )
    return swcsp, safer_worcester


def _terms(orgs, groups) -> None:
    record = dict(seed.TERMS_OF_REFERENCE)
    group = groups[record.pop("group")]
    record["secretariat"] = orgs[record["secretariat"]]
    record["aims"] = "\n".join(record["aims"])
    TermsOfReference.objects.update_or_create(group=group, adopted=None, defaults=record)


def _themes(swcsp) -> None:
    for order, (theme_name, priorities, source) in enumerate(seed.THEMES, start=1):
        theme, _ = Theme.objects.update_or_create(
            partnership=swcsp, name=theme_name, defaults={"order": order, "source": source}
        )
        for p_order, name in enumerate(priorities, start=1):
            Priority.objects.update_or_create(theme=theme, name=name, defaults={"order": p_order, "source": source})


def _topics(names) -> list[Topic]:
    return [Topic.objects.get_or_create(name=name)[0] for name in names]


def _meetings(groups) -> None:
    for group_name, count, fmt, topics, narrative, source in seed.YEAR_REVIEWS:
        group = groups[group_name]
        review, _ = YearReview.objects.update_or_create(
            group=group, financial_year=seed.YEAR, defaults={"narrative": narrative, "source": source}
        )
        review.topics.set(_topics(topics))
        undated = Meeting.objects.filter(group=group, financial_year=seed.YEAR, date=None)
        for _ in range(count - undated.count()):
            Meeting.objects.create(group=group, financial_year=seed.YEAR, format=fmt,
                                   source=f"{source} (the report gives no dates)")
    committee = groups[seed.COMMITTEE]
    for day, topic, source in seed.COMMITTEE_MEETINGS:
        when = date.fromisoformat(day)
        meeting, _ = Meeting.objects.update_or_create(
            group=committee, date=when,
            defaults={"financial_year": financial_year_label(when), "format": "not_recorded", "source": source},
        )
        meeting.topics.set(_topics([topic]))


def _assessment(swcsp) -> None:
    record = dict(seed.STRATEGIC_ASSESSMENT)
    title = record.pop("title")
    record["period_start"] = date.fromisoformat(record["period_start"])
    record["period_end"] = date.fromisoformat(record["period_end"])
    StrategicAssessment.objects.update_or_create(partnership=swcsp, title=title, defaults=record)


@transaction.atomic
def load(stdout) -> None:
    orgs = _organisations()
    groups = _groups(orgs)
    swcsp, safer_worcester = _partnerships(orgs, groups)
    _terms(orgs, groups)
    _themes(swcsp)
    _meetings(groups)
    _assessment(swcsp)
    stdout.write(
        f"Partnership: {safer_worcester.memberships.count()} partners of {safer_worcester}, "
        f"{len(groups)} groups, {Meeting.objects.count()} meetings, "
        f"{Priority.objects.filter(theme__partnership=swcsp).count()} priorities."
    )
