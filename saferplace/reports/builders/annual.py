"""The annual crime and disorder scrutiny report, shaped like the seed (Worcester, 2020/21).

`build(partnership, period)` returns the restricted report; `disclosure.public_version` makes the public one.
"""

from __future__ import annotations

from datetime import date, timedelta

from saferplace.analysis.periods import financial_year
from saferplace.partnership.models import Group, Membership

from ..model import RESTRICTED, Builder, Note, Report, bullets, para
from . import records
from .common import ReportInputError, area_of, governance_figure, no_progress
from .crime import performance_blocks, policeuk_totals, published_crime

KIND = "annual"


def _year(period: str):
    try:
        return financial_year(period)
    except ValueError as error:
        raise ReportInputError(f"--period: {error}") from None


def committee_of(partnership):
    """The council's crime and disorder (scrutiny) committee: the lead organisation's, else the first recorded."""
    qs = Group.objects.filter(kind=Group.Kind.SCRUTINY)
    if partnership.lead_organisation_id:
        own = qs.filter(organisation=partnership.lead_organisation).first()
        if own:
            return own
    return qs.order_by("name").first()


def default_report_date(committee, year_end: date) -> date:
    """The committee's first dated meeting in the 12 months after the year, else the day after the year."""
    if committee is not None:
        meeting = (committee.meetings.filter(date__gt=year_end, date__lte=year_end + timedelta(days=366))
                   .order_by("date").first())
        if meeting:
            return meeting.date
    return year_end + timedelta(days=1)


def build(partnership: str = "safer-worcester", period: str = "2023-24", report_date: date | None = None,
          progress=no_progress, maps: bool = True) -> Report:
    year = _year(period)
    area = area_of(partnership)
    p = area.partnership
    first, last = year.start, (date(year.end.year + (year.end.month == 12), year.end.month % 12 + 1, 1)
                               - timedelta(days=1))
    committee = committee_of(p)
    report_date = report_date or default_report_date(committee, last)
    name = p.short_name or p.name
    b = Builder()
    progress("Recommendation and background")
    committee_name = str(committee) if committee else "the crime and disorder committee"
    b.add("Recommendation",
          para("That the Committee notes the contents of this report and in particular the requirement for the "
               "Council to hold a committee meeting at least once in every 12 months to review and scrutinise "
               "decisions and actions in respect of the discharge of crime and disorder functions by the "
               "responsible authorities (Police and Justice Act 2006 sections 19 and 20); and"),
          para("considers the information in this report covering {year} and makes any recommendations to the "
               "partnership for consideration.", year=year.label))
    responsible = list(Membership.objects.filter(partnership=p, responsible_authority=True)
                       .values_list("organisation__name", flat=True).order_by("organisation__name"))
    parent = p.parent
    background = [
        para("The Crime and Disorder Act 1998 requires the responsible authorities (local authorities, police, fire "
             "and rescue authorities, health and probation) to work together on a strategy to tackle crime and "
             "disorder in their area."),
    ]
    if parent:
        background.append(para("{name} works within the {parent} ({short}), the statutory community safety "
                               "partnership for the area.", name=p.name, parent=parent.name,
                               short=parent.short_name or parent.slug))
    background += [
        para("The Crime and Disorder (Formulation and Implementation of Strategy) Regulations 2007 require the "
             "partnership to produce a strategic assessment of crime, disorder and substance misuse every year."),
        para("The Police and Crime Commissioner funds activities and schemes aligned to the partnership's "
             "priorities."),
        para("{name} is made up of local organisations, businesses and charities delivering services to residents; "
             "the members are listed at Appendix 1 and its terms of reference are at Appendix 2.", name=p.name),
    ]
    if responsible:
        background.append(para("The responsible authorities among its members are:"))
        background.append(bullets(*responsible))
    background += [
        para("The Police and Justice Act 2006 places a duty on the Council to have a committee that meets at least "
             "once in every 12 months to review and scrutinise the discharge of crime and disorder functions by the "
             "responsible authorities; for this Council it is the {committee}.", committee=committee_name),
        para("This report gives the strategic assessment and community need, governance arrangements, Police and "
             "Crime Commissioner funding, projects and interventions, ASB case reviews, PSPOs and domestic homicide "
             "reviews, and performance and impact."),
    ]
    b.add("Background", *background)

    progress("Strategic assessment and crime figures")
    assessment = records.assessment_of(p, last)
    need: list = []
    if assessment:
        where = "is set out as an exempt item at Appendix 3" if assessment.exempt else "is summarised at Appendix 3"
        need.append(para("The latest strategic assessment, {title}, produced by {author}, covers {start} to {end}. "
                         "It {where}.", title=assessment.title, author=assessment.author,
                         start=assessment.period_start.strftime("%B %Y"), end=assessment.period_end.strftime("%B %Y"),
                         where=where))
    else:
        need.append(para("No strategic assessment is recorded for the partnership."))
    themes = list(p.themes_in_force().prefetch_related("priorities"))
    if themes:
        need.append(para("The partnership's priorities sit under {n} themes:",
                         n=", ".join(t.name for t in themes[:-1]) + (" and " if len(themes) > 1 else "")
                         + themes[-1].name))
        for theme in themes:
            need.append(para("{theme}:", theme=theme.name))
            need.append(bullets(*[pr.name for pr in theme.priorities.all()]))
    need += published_crime(area, year)
    police_blocks, frame = policeuk_totals(area, year)
    need += police_blocks
    b.add("Strategic assessment and community need", *need)

    progress("Governance")
    b.add("Governance arrangements", *records.governance_blocks(p, year.label))
    progress("Funding")
    funding, round_table = records.funding_blocks(p, year.label)
    b.add("Police and Crime Commissioner funding", *funding)
    progress("Projects and interventions")
    projects, money_table = records.projects_blocks(p, year.label)
    if money_table is not None:
        projects.append(para("The money behind each funded project and its cost per output are at Appendix 6."))
    b.add("Projects and interventions", *projects)
    progress("ASB case reviews, PSPOs and DHRs")
    b.add("ASB case reviews, PSPOs and domestic homicide reviews", *records.register_blocks(p, year))
    progress("Performance and impact")
    performance = [para("Crime, anti-social behaviour and partner data are analysed for each priority: the year is "
                        "compared with the year before, and a change is called a rise or a fall only when it is more "
                        "than chance. Maps show where recorded crime was concentrated.")]
    performance += performance_blocks(area, year, frame, maps=maps)
    b.add("Performance and impact", *performance)

    progress("Appendices")
    b.add(f"Appendix 1 {name} partners", *records.partners_blocks(p), appendix=True, key="appendix-1")
    b.add(f"Appendix 2 {name} terms of reference", *records.terms_blocks(p), appendix=True, key="appendix-2")
    title3 = f"Appendix 3 {assessment.title}" if assessment else "Appendix 3 Strategic assessment"
    b.add(title3, *records.assessment_blocks(assessment), exempt=bool(assessment and assessment.exempt),
          appendix=True, key="appendix-3")
    b.add("Appendix 4 Community safety partnership governance arrangements",
          governance_figure("Governance arrangements: which groups report to which"), appendix=True, key="appendix-4")
    b.add("Appendix 5 Police and Crime Commissioner funding round",
          *([round_table] if round_table is not None else [Note("No funding round is recorded for the year.")]),
          appendix=True, key="appendix-5")
    b.add("Appendix 6 Money and outputs by project",
          *([money_table] if money_table is not None else [Note("No funded project is recorded for the year.")]),
          appendix=True, key="appendix-6")
    span = f"{year.label} ({first:%-d %B %Y} to {last:%-d %B %Y})"
    meta = (("Report to", f"{committee_name}, {report_date:%-d %B %Y}"), ("Report of", p.name),
            ("Subject", f"Community safety {year.label}: update report"), ("Period", span),
            ("Area", area.name), ("Ward(s)", "All"))
    return Report(KIND, f"Community Safety {year.label} – Update Report", report_date, RESTRICTED, tuple(b.sections),
                  meta=meta, options=(("partnership", partnership), ("period", year.label)))
