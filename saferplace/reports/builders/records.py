"""Blocks read from the partnership, funding, interventions and registers apps (their models and helpers)."""

from __future__ import annotations

from datetime import date

from saferplace.analysis.periods import Period
from saferplace.partnership.models import Group, Meeting, Partnership, TermsOfReference, Topic, YearReview

from ..model import (
    COUNT,
    MONEY,
    TEXT,
    Column,
    Note,
    Paragraph,
    Provenance,
    Subheading,
    Table,
    bullets,
    count,
    money,
    para,
    text,
)
from .common import disclosive_unit

REGISTER = "Saferplace partnership register"


def _d(day: date | None) -> str:
    return day.strftime("%-d %B %Y") if day else "not recorded"


def times(n: int) -> str:
    return {1: "once", 2: "twice"}.get(n, f"{n} times")


def family(partnership: Partnership) -> list[Partnership]:
    from saferplace.interventions.traceability import family as interventions_family

    return interventions_family(partnership)


def governance_blocks(partnership: Partnership, year: str) -> list:
    """Meetings held in the year by each group, and the topics covered (docs/adr/0002: undated meetings and
    the year review's topics count)."""
    blocks: list = [para("There are a number of forums and multi-agency meetings that cover either specific aspects "
                         "of crime or oversee the response to crime for an area. Appendix 4 sets out how the groups "
                         "and partnerships report to one another.")]
    governing = partnership.governing_group
    groups = list(Group.objects.filter(meetings__financial_year=year).exclude(kind=Group.Kind.SCRUTINY).distinct())
    groups.sort(key=lambda g: (g != governing, g.name))
    if not groups:
        blocks.append(para("No meetings are recorded for {year}.", year=year))
    for group in groups:
        meetings = Meeting.objects.filter(group=group, financial_year=year)
        n = meetings.count()
        formats = set(meetings.values_list("format", flat=True))
        how = " remotely, through online meetings," if formats == {Meeting.Format.REMOTE} else ""
        review = YearReview.objects.filter(group=group, financial_year=year).first()
        topics = sorted(set(Topic.objects.filter(meetings__in=meetings).values_list("name", flat=True))
                        | set(review.topics.values_list("name", flat=True) if review else []))
        prov = Provenance(REGISTER, year, f"Meetings of {group.name}", "", "", "; ".join(
            sorted({m.source for m in meetings if m.source}))[:200])
        undated = meetings.filter(date=None).count()
        when = " (the dates are not recorded)" if undated == n else ""
        sentence = f"{group.name} met{how} {{n}} {'time' if n == 1 else 'times'} during {year}{when}."
        if topics:
            sentence = sentence[:-1] + ". It received reports and discussed joint projects or issues including:"
        blocks.append(para(sentence, n=count(n, prov, disclosive=False)))
        if topics:
            blocks.append(bullets(*topics))
        if review and review.narrative:
            blocks.append(Paragraph((review.narrative,)))
    return blocks


def grant_lines_table(partnership: Partnership, year: str) -> Table | None:
    from saferplace.funding.models import GrantLine

    lines = list(GrantLine.objects.filter(recipient=partnership, financial_year=year).select_related("funder")
                 .order_by("order", "name"))
    if not lines:
        return None
    rows = []
    for line in lines:
        prov = Provenance("Funding: grant lines", year, line.name, f"grant line {line.pk}", partnership.name,
                          line.source)
        rows.append((text(line.name), money(line.amount, prov)))
    total = sum(line.amount for line in lines)
    rows.append((text("Total"), money(total, Provenance("Funding: grant lines", year, "Total", "", partnership.name))))
    funder = lines[0].funder
    return Table("grant-lines", f"Funding received from the {funder} in {year}",
                 (Column("Project or service"), Column("Amount", MONEY)), tuple(rows), total_row=True)


def funding_round(partnership: Partnership, year: str):
    from saferplace.funding.models import FundingRound

    return (FundingRound.objects.filter(partnership__in=family(partnership), financial_year=year)
            .select_related("funder").order_by("pk").first())


def round_table(funding_round) -> Table:
    """The round's bids as printed (the seed's Appendix 6): requested, allocated and the partnership's comments."""
    rows = []
    bids = funding_round.bids.select_related("project").prefetch_related("plan_objectives").order_by("order", "pk")
    base = f"Funding round: {funding_round.title}"
    for bid in bids:
        prov = Provenance(base, funding_round.financial_year, bid.project.name, f"bid {bid.pk}",
                          str(funding_round.partnership), bid.source or funding_round.source)
        objectives = ", ".join(o.name for o in bid.plan_objectives.all())
        comment = bid.comments or (f"Deferred to {bid.deferred_to}" if bid.deferred_to else "")
        rows.append((text(bid.project.name), text(objectives or "–"), money(bid.requested, prov),
                     money(bid.allocated, prov), text(comment)))
    total_prov = Provenance(base, funding_round.financial_year, "Totals", "", str(funding_round.partnership),
                            funding_round.source)
    rows.append((text("Total"), text(""), money(funding_round.total_requested(), total_prov),
                 money(funding_round.total_allocated(), total_prov), text("")))
    notes = []
    if funding_round.available_as_printed:
        notes.append(f"Amount available, as printed: {funding_round.available_as_printed}.")
    if funding_round.note:
        notes.append(funding_round.note)
    return Table("funding-round", funding_round.title,
                 (Column("Project"), Column("Plan objectives", TEXT), Column("Requested", MONEY),
                  Column("Allocated", MONEY), Column("Comments", TEXT)), tuple(rows), total_row=True,
                 notes=tuple(notes))


def funding_blocks(partnership: Partnership, year: str) -> tuple[list, Table | None]:
    blocks: list = []
    lines = grant_lines_table(partnership, year)
    if lines is not None:
        total = lines.rows[-1][1]
        blocks.append(para("For financial year {year} {name} received {total} from the Police and Crime Commissioner"
                           " (table below).", year=year, name=partnership.short_name or partnership.name,
                           total=total))
        blocks.append(lines)
    else:
        blocks.append(para("No grant received from the Police and Crime Commissioner is recorded for {year}.",
                           year=year))
    rnd = funding_round(partnership, year)
    table = round_table(rnd) if rnd else None
    if rnd:
        blocks.append(para("The {title}: {n} bids asked for {req} and were allocated {alloc}. The table is at "
                           "Appendix 5.", title=rnd.title, n=count(rnd.bids.count(), disclosive=False),
                           req=table.rows[-1][2], alloc=table.rows[-1][3]))
    return blocks, table


def projects_blocks(partnership: Partnership, year: str) -> tuple[list, Table | None]:
    """Each project active in the year: its purpose, its outputs (small counts of people suppressed in public),
    and the money behind it; then the gaps a committee would ask about."""
    from saferplace.interventions.traceability import build

    trace = build(partnership, year)
    blocks: list = []
    money_rows = []
    for py in trace.projects:
        project = py.project
        if not py.outputs and not py.funded:
            continue
        blocks.append(Subheading(project.name))
        blocks.append(Paragraph((project.purpose.strip().rstrip(".") + ".",)))
        if py.outputs:
            items = []
            for oc in py.outputs:
                f = oc.figure
                prov = Provenance("Project outputs (partner measures)", f.period_label, f"{project.name}: {f.name}",
                                  f"partner measure {f.output.measure.slug}, value {f.record.pk}", partnership.name,
                                  f.source)
                value = count(f.value, prov, disclosive=disclosive_unit(f.unit), unit=f.unit)
                note = f" ({f.note})" if f.note else ""
                items.append(para("{measure}: {v}" + note.replace("{", "{{").replace("}", "}}"), numbered=False,
                                  measure=f.name if f.period == "Whole year" else f"{f.name} ({f.period})", v=value))
            blocks.append(para("Outputs recorded for {year}:", year=year))
            blocks.append(bullets(*items))
        else:
            blocks.append(para("No outputs are recorded for {year}, although the project was funded.", year=year))
        if py.funded:
            prov = Provenance("Funding: allocations and grant lines", year, project.name, "", partnership.name)
            money_rows.append((text(project.name), money(py.allocated, prov),
                               money(py.spent, prov) if py.spent else text("not recorded"),
                               text(", ".join(f"{oc.figure.name}: £{oc.cost:,.2f}" for oc in py.outputs
                                              if oc.cost is not None) or "–")))
    orphans = [node.priority.name for node in trace.orphan_priorities]
    if orphans:
        blocks.append(para("No project is recorded for these priorities in {year}, and no reason is given:",
                           year=year))
        blocks.append(bullets(*orphans))
    table = None
    if money_rows:
        table = Table("project-money", f"Money and cost per output for each funded project, {year}",
                      (Column("Project"), Column("Allocated", MONEY), Column("Spent", MONEY),
                       Column("Cost per output", TEXT)), tuple(money_rows),
                      notes=("Cost per output divides the money (spend where recorded, otherwise the allocation) by "
                             "each output on its own; a project's outputs are never added together.",))
    return blocks, table


def register_blocks(partnership: Partnership, period: Period) -> list:
    """ASB case reviews (the four published counts), PSPOs in force and DHRs (counts only in public)."""
    from saferplace.registers.models import CaseReview, DomesticHomicideReview, Order
    from saferplace.registers.rules.asb import CaseFacts, statutory_counts

    partnerships = family(partnership)
    start = period.start
    end = date(period.end.year + (period.end.month // 12), period.end.month % 12 + 1, 1)
    from datetime import timedelta

    end = end - timedelta(days=1)
    blocks: list = [Subheading("ASB case reviews (Community Trigger)")]
    cases = CaseReview.objects.filter(partnership__in=partnerships).prefetch_related("recommendations")
    facts = [CaseFacts(c.received, c.threshold_decision_date, c.threshold_met, c.review_meeting,
                       c.recommendations.count()) for c in cases]
    counts = statutory_counts(facts, start, end)
    prov = Provenance("Registers: ASB case reviews", period.label, "Anti-social Behaviour, Crime and Policing Act "
                      "2014 s.104 published counts", "", partnership.name)
    blocks.append(para("The Anti-social Behaviour, Crime and Policing Act 2014 requires these counts to be published "
                       "at least every 12 months. In {year}:", year=period.label))
    blocks.append(Table("asb-case-reviews", f"ASB case reviews, {period.label}",
                        (Column("What"), Column("Number", COUNT)),
                        tuple((text(label), count(n, Provenance(prov.dataset, prov.period, label, "", prov.area)))
                              for label, n in counts.rows())))
    blocks.append(Subheading("Public Spaces Protection Orders"))
    orders = [o for o in Order.objects.filter(partnership__in=partnerships).order_by("title")
              if o.made and o.made <= end and (o.expiry() is None or o.expiry() >= start)]
    if not orders:
        blocks.append(para("No Public Spaces Protection Order is recorded as in force during {year}.",
                           year=period.label))
    for order in orders:
        changes = [c for c in order.changes.order_by("decided") if start <= c.decided <= end]
        blocks.append(para("{title}: made on {made}, in force from {starts}{until}; {status} on {end}.",
                           title=order.title, made=_d(order.made), starts=_d(order.starts),
                           until=f" until {_d(order.expiry())}" if order.expiry() else "",
                           status=order.status_on(end).lower(), end=_d(end)))
        rules = order.prohibition_list() + order.requirement_list()
        if rules:
            blocks.append(bullets(*rules))
        for consultation in order.consultations.order_by("opens"):
            if consultation.closes >= start and consultation.opens <= end:
                reported = (f" The results were reported to {consultation.reported_to} on "
                            f"{_d(consultation.reported_on)}." if consultation.reported_to else "")
                blocks.append(Paragraph((f"Consultation on {consultation.get_purpose_display().lower()}: "
                                         f"{_d(consultation.opens)} to {_d(consultation.closes)}.{reported}",)))
        for change in changes:
            blocks.append(Paragraph((f"{change.get_kind_display()} decided on {_d(change.decided)}"
                                     f"{' by ' + change.decided_by if change.decided_by else ''}, effective "
                                     f"{_d(change.effective)}. {change.description}".strip(),)))
    blocks.append(Subheading("Domestic homicide reviews"))
    dhrs = DomesticHomicideReview.objects.filter(partnership__in=partnerships)
    dprov = Provenance("Registers: domestic homicide reviews", period.label, "", "", partnership.name)

    def n(label, qs):
        return (text(label), count(qs.count(), Provenance(dprov.dataset, dprov.period, label, "", dprov.area)))

    rows = (
        n("Notifications received", dhrs.filter(notified__range=(start, end))),
        n("Decisions to hold a review", dhrs.filter(decision="review", decision_date__range=(start, end))),
        n("Reviews completed (overview report to the partnership)",
          dhrs.filter(report_to_partnership__range=(start, end))),
        n("Reviews published", dhrs.filter(published__range=(start, end))),
        n("Reviews open at the end of the period", dhrs.filter(notified__lte=end).exclude(published__lte=end)
          .exclude(decision="no_review")),
    )
    blocks.append(para("A domestic homicide review looks at the circumstances of a death of a person aged 16 or over "
                       "that has, or appears to have, resulted from violence, abuse or neglect by a relative, partner "
                       "or member of the same household, to learn lessons (Domestic Violence, Crime and Victims Act "
                       "2004 s.9)."))
    blocks.append(Table("dhrs", f"Domestic homicide reviews, {period.label}", (Column("What"), Column("Number", COUNT)),
                        rows))
    listed = [d for d in dhrs.order_by("reference") if d.notified <= end and not (d.published and d.published < start)]
    if listed:
        blocks.append(Table("dhr-list", "Domestic homicide reviews by reference (restricted)",
                            (Column("Reference"), Column("Notified", TEXT), Column("Status", TEXT)),
                            tuple((text(d.reference), text(_d(d.notified)), text(d.status)) for d in listed),
                            restricted=True))
    blocks.append(Note("Reviews are anonymised; names, dates of death and other personal details are never shown in "
                       "reports."))
    return blocks


def partners_blocks(partnership: Partnership) -> list:
    memberships = partnership.memberships.select_related("organisation").order_by("organisation__name")
    names = [m.organisation.name + (" (responsible authority)" if m.responsible_authority else "")
             for m in memberships]
    return [bullets(*names)] if names else [para("No partners are recorded.", numbered=False)]


def terms_blocks(partnership: Partnership) -> list:
    group = partnership.governing_group
    terms = TermsOfReference.objects.filter(group=group).order_by("-adopted", "-pk").first() if group else None
    if terms is None:
        return [Paragraph(("No terms of reference are recorded.",), numbered=False)]
    blocks: list = [Subheading("Purpose"), Paragraph((terms.purpose,), numbered=False)]
    if terms.accountability:
        blocks.append(Paragraph((terms.accountability,), numbered=False))
    if terms.vision:
        blocks += [Subheading("Vision"), Paragraph((terms.vision,), numbered=False)]
    blocks.append(Subheading("Meetings"))
    meeting_text = f"Meetings are held {terms.get_meeting_frequency_display().lower()}. {terms.chair_rule}"
    if terms.vice_chair_rule:
        meeting_text += f" {terms.vice_chair_rule}"
    if terms.secretariat:
        meeting_text += f" {terms.secretariat} provides the secretariat."
    blocks.append(Paragraph((meeting_text,), numbered=False))
    if terms.attendance:
        blocks.append(Paragraph((terms.attendance,), numbered=False))
    blocks += [Subheading("Aims"), bullets(*terms.aims_list())]
    if terms.adopted:
        blocks.append(Note(f"Adopted {_d(terms.adopted)}."))
    return blocks


def assessment_of(partnership: Partnership, before: date):
    from saferplace.partnership.models import StrategicAssessment

    return (StrategicAssessment.objects.filter(partnership__in=family(partnership), period_end__lte=before)
            .order_by("-period_end").first())


def assessment_blocks(assessment) -> list:
    if assessment is None:
        return [Paragraph(("No strategic assessment is recorded.",), numbered=False)]
    approved = f"; approved {_d(assessment.approved_date)}" if assessment.approved_date else ""
    blocks: list = [Paragraph((f"{assessment.title}. Produced by {assessment.author}; covers "
                               f"{_d(assessment.period_start)} to {_d(assessment.period_end)}{approved}.",),
                              numbered=False)]
    if assessment.summary:
        blocks.append(Paragraph((assessment.summary,), numbered=False))
    return blocks
