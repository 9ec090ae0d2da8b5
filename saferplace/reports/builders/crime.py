"""Crime and ASB blocks: totals and their change (published figures and police.uk), the category table, the
trend chart, and performance per priority with emerging issues and hotspot maps.

Sentences come from the analysis library's wording helpers, which choose "fell", "rose" or "no clear change"
from its tests; the numbers in them are kept as Values so that they carry their source and can be suppressed.
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from saferplace.analyse.data import Scope, counts_frame, gap_months, partner_data
from saferplace.analysis.change import Change, compare, compare_periods
from saferplace.analysis.periods import Period, financial_year, month_name, year_earlier
from saferplace.analysis.wording import change_sentence, number
from saferplace.incidents.models import Measure, MeasureValue
from saferplace.interventions.taxonomy import taxonomy_for

from ..model import COUNT, TEXT, Column, Note, Paragraph, Provenance, Subheading, Table, Value, count, para, text
from .common import ASB, covers, monthly_series, policeuk_provenance, trend_figure


def change_paragraph(subject: str, change: Change, prov_before: Provenance, prov_after: Provenance,
                     numbered: bool = True) -> Paragraph:
    """The wording helper's sentence, with its two counts kept as Values. If either count would be suppressed
    in a public version, the public version says so instead (the difference would give the count away)."""
    sentence = change_sentence(subject, change)
    before, after = number(change.before), number(change.after)
    marker = f"from {before} in {change.before_label} to {after} in {change.after_label}"
    alternative = (f"{subject}: fewer than 5 were recorded in {change.before_label} or {change.after_label}, so the "
                   "figures and their change are not shown in the public version.")
    if marker not in sentence:
        return Paragraph((sentence,), numbered=numbered, public_alternative=alternative)
    head, tail = sentence.split(marker, 1)
    parts = (head + "from ", count(change.before, prov_before), f" in {change.before_label} to ",
             count(change.after, prov_after), f" in {change.after_label}" + tail)
    return Paragraph(parts, numbered=numbered, public_alternative=alternative)


def published_crime(area: Scope, year: Period) -> list[Paragraph]:
    """Published recorded-crime figures (a partner measure marked published, whole financial years)."""
    out = []
    previous = year_earlier(year)
    for measure in Measure.objects.filter(published=True, period=Measure.Period.YEAR).order_by("name"):
        values = dict(MeasureValue.objects.filter(measure=measure, period_start__in=[previous.start, year.start])
                      .values_list("period_start", "value"))
        if year.start not in values:
            continue
        prov = Provenance(f"{measure.name} (published by {measure.organisation})", year.label, measure.name,
                          "", area.name, measure.source)
        if previous.start in values:
            before, after = int(values[previous.start]), int(values[year.start])
            change = compare(before, after, months_before=12, months_after=12, before_label=previous.label,
                             after_label=year.label)
            prev_prov = Provenance(prov.dataset, previous.label, measure.name, "", area.name, measure.source)
            out.append(change_paragraph(measure.name, change, prev_prov, prov))
        else:
            out.append(para("{name} in {year}: {n}.", name=measure.name, year=year.label,
                            n=count(int(values[year.start]), prov)))
    return out


def policeuk_totals(area: Scope, year: Period) -> tuple[list, pd.DataFrame | None]:
    """Crime (without ASB) and ASB with their change, the table by category, and the monthly trend chart."""
    previous = year_earlier(year)
    frame = counts_frame(area, previous.start, year.end)
    if not covers(frame, year):
        return [para("police.uk data for {area} do not cover {year}, so no police.uk figures are given for it.",
                     area=area.name, year=year.label)], None
    blocks: list = []
    gaps = gap_months(area)
    has_previous = covers(frame, previous)
    crime_now = monthly_series(frame, year, exclude=[ASB])
    asb_now = monthly_series(frame, year, categories=[ASB])
    prov = policeuk_provenance(area, year.label, "Crimes (all categories except ASB)", year.start, year.end)
    prov_asb = policeuk_provenance(area, year.label, ASB, year.start, year.end)
    if has_previous:
        crime_before = monthly_series(frame, previous, exclude=[ASB])
        asb_before = monthly_series(frame, previous, categories=[ASB])
        pprov = policeuk_provenance(area, previous.label, prov.measure, previous.start, previous.end)
        pprov_asb = policeuk_provenance(area, previous.label, ASB, previous.start, previous.end)
        crime_change = compare_periods({**crime_before, **crime_now}, year, previous, gap_months=gaps)
        asb_change = compare_periods({**asb_before, **asb_now}, year, previous, gap_months=gaps)
        blocks.append(change_paragraph(f"Crime recorded on police.uk in {area.name}", crime_change, pprov, prov))
        blocks.append(change_paragraph(f"Anti-social behaviour incidents recorded on police.uk in {area.name}",
                                       asb_change, pprov_asb, prov_asb))
    else:
        blocks.append(para("police.uk recorded {crime} crimes and {asb} anti-social behaviour incidents in {area} "
                           "in {year}; the year before is not loaded, so no change is given.",
                           crime=count(sum(crime_now.values()), prov), asb=count(sum(asb_now.values()), prov_asb),
                           area=area.name, year=year.label))
    blocks.append(category_table(area, frame, year, previous if has_previous else None, gaps))
    periods = [previous, year] if has_previous else [year]
    series = {"Crimes (excluding ASB)": {**monthly_series(frame, previous, exclude=[ASB]), **crime_now}
              if has_previous else crime_now,
              "Anti-social behaviour": {**monthly_series(frame, previous, categories=[ASB]), **asb_now}
              if has_previous else asb_now}
    blocks.append(trend_figure("crime-trend", f"Crime and ASB recorded on police.uk in {area.name} by month", area,
                               periods, series, "Recorded"))
    blocks.append(Note("police.uk street-level data are not official recorded-crime statistics: they include ASB, "
                       "leave out fraud and rows with no location, and are revised each month. Rates per 1,000 "
                       "residents need population figures, which are not loaded, so counts are compared."))
    return blocks, frame


def category_table(area: Scope, frame: pd.DataFrame, year: Period, previous: Period | None, gaps) -> Table:
    categories = sorted(frame["category"].unique())
    rows = []
    totals_now, totals_before = 0, 0
    for category in categories:
        now = monthly_series(frame, year, categories=[category])
        n = sum(now.values())
        prov = policeuk_provenance(area, year.label, category, year.start, year.end)
        row = [text(category)]
        if previous is not None:
            before = monthly_series(frame, previous, categories=[category])
            b = sum(before.values())
            totals_before += b
            change = compare_periods({**before, **now}, year, previous, gap_months=gaps)
            row.append(count(b, policeuk_provenance(area, previous.label, category, previous.start, previous.end)))
            row += [count(n, prov), text(change.direction)]
        else:
            row.append(count(n, prov))
        totals_now += n
        rows.append(tuple(row))
    total_prov = policeuk_provenance(area, year.label, "All categories", year.start, year.end)
    total = [text("All categories")]
    columns = [Column("Category")]
    if previous is not None:
        total.append(count(totals_before, policeuk_provenance(area, previous.label, "All categories",
                                                              previous.start, previous.end)))
        columns.append(Column(previous.label, COUNT))
    total.append(count(totals_now, total_prov))
    columns.append(Column(year.label, COUNT))
    if previous is not None:
        total.append(text(""))
        columns.append(Column("Change (tested)", TEXT))
    rows.append(tuple(total))
    notes = ["Change: “rose” or “fell” only when the change is more than chance at the 5% level (exact and "
             "over-dispersion-aware tests, docs/methods.md); otherwise “no clear change”."]
    return Table("crime-by-category", f"police.uk crime and ASB in {area.name} by category", tuple(columns),
                 tuple(rows), total_row=True, notes=tuple(notes))


def flag_paragraph(area: Scope, flag, month: date, prefix: str = "Emerging issue") -> Paragraph:
    """An emerging-issue flag in the analysis library's words, its count kept as a Value."""
    prov = policeuk_provenance(area, flag.month, flag.category, month, month)
    return Paragraph((f"{prefix} ({flag.kind}): ", count(flag.observed, prov), f" recorded. {flag.sentence}"),
                     public_alternative=f"{prefix} ({flag.kind}) in {flag.category}: the count is fewer than 5, so "
                                        "it is not shown in the public version.")


STATUS_WORDS = {
    "better": "improved: at least one of its measures clearly moved the right way and none the wrong way",
    "worse": "worsened: at least one of its measures clearly moved the wrong way and none the right way",
    "mixed": "mixed: its measures clearly moved in different directions",
    "no clear change": "no clear change: none of its measures moved by more than chance",
    "context only": "reported for context only: a rise may mean more confidence to report, so it is not judged",
    "no data": "not measured: no data are loaded for its measures",
    "no measure": "not measured: it has no measure",
}


def performance_blocks(area: Scope, year: Period, frame: pd.DataFrame | None, *, maps: bool = True,
                       emerging_month: date | None = None, key_prefix: str = "") -> list:
    """Per priority: its status, each measure's change sentence, a trend chart and a hotspot map for police.uk
    measures, and any emerging issue flagged for its categories."""
    from saferplace.analysis.emerging import emerging_issues
    from saferplace.analysis.performance import performance

    from .common import hotspot_figure

    previous = year_earlier(year)
    taxonomy, _ = taxonomy_for(area.partnership)
    counts = frame if frame is not None else pd.DataFrame(columns=["lsoa", "category", "month", "count"])
    results = performance(counts, year, taxonomy, partner=partner_data(year, previous).frame,
                          gap_months=gap_months(area))
    flags = []
    if frame is not None and not frame.empty:
        month = emerging_month or year.end
        history = counts_frame(area, date(month.year - 5, month.month, 1), month)
        scan = emerging_issues(history, month, area=area.partnership.slug, area_name=area.name,
                               gap_months=gap_months(area))
        flags = scan.flags
        note = scan.note
    else:
        note = "No police.uk data are loaded, so no emerging issues can be looked for."
    blocks: list = []
    if note:
        blocks.append(para("Emerging issues: {note}", note=note))
    for result in results:
        priority = result.priority
        blocks.append(Subheading(f"{priority.theme}: {priority.name}"))
        blocks.append(para("Overall in {year} compared with {before}: {status}.", year=result.period,
                           before=result.compared_with, status=STATUS_WORDS.get(result.status, result.status)))
        for mr in result.measures:
            if mr.change is None:
                blocks.append(para("{s}", s=mr.sentence))
                continue
            from saferplace.analysis.taxonomy import POLICE_UK
            if mr.measure.source == POLICE_UK:
                pb = policeuk_provenance(area, previous.label, mr.measure.code, previous.start, previous.end)
                pa = policeuk_provenance(area, year.label, mr.measure.code, year.start, year.end)
            else:
                pb = Provenance("Partner measure", previous.label, mr.measure.name, "", area.name)
                pa = Provenance("Partner measure", year.label, mr.measure.name, "", area.name)
            paragraph = change_paragraph(mr.measure.name, mr.change, pb, pa)
            extra = mr.sentence[len(change_sentence(mr.measure.name, mr.change)):].strip()
            if extra:
                paragraph = Paragraph(paragraph.parts + (" " + extra,), public_alternative=paragraph.public_alternative)
            blocks.append(paragraph)
            if mr.measure.source == POLICE_UK and frame is not None:
                key = f"{key_prefix}trend-{mr.measure.code}".lower().replace(" ", "-")
                series = {mr.measure.name: {**monthly_series(frame, previous, categories=[mr.measure.code]),
                                            **monthly_series(frame, year, categories=[mr.measure.code])}}
                blocks.append(trend_figure(key, f"{mr.measure.name} in {area.name} by month", area,
                                           [previous, year], series, "Recorded"))
                if maps:
                    fig = hotspot_figure(f"{key_prefix}map-{mr.measure.code}".lower().replace(" ", "-"),
                                         f"{mr.measure.name}: where it was concentrated in {year.label}", area, year,
                                         categories=[mr.measure.code], what="records")
                    if fig is not None:
                        blocks.append(fig)
        codes = {m.code for m in priority.measures}
        for flag in (f for f in flags if f.category in codes):
            blocks.append(flag_paragraph(area, flag, year.end))
        if priority.note:
            blocks.append(Note(priority.note))
    return blocks


def period_label_text(period: Period) -> str:
    return f"{month_name(period.start)} to {month_name(period.end)}"


def as_financial_year(label: str) -> Period:
    return financial_year(label)


def value_row(label: str, value: Value) -> tuple[Value, Value]:
    return (text(label), value)
