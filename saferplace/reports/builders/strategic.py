"""The strategic assessment: a 24-month review of levels and patterns, changes and candidate reasons, a ranked
evidence table for choosing priorities (volume, harm, trend, concentration), a checklist against what the
regulations require with every gap called out, and the data-quality flags (SI 2007/1830, DOMAIN.md)."""

from __future__ import annotations

import re
from datetime import date, timedelta

from saferplace.analyse.data import counts_frame, gap_months
from saferplace.analysis.change import FELL, ROSE, compare_periods
from saferplace.analysis.concentration import concentration
from saferplace.analysis.harm import harm_weighted
from saferplace.analysis.periods import as_month, month_label, month_name, months_between
from saferplace.core.dates import add_months
from saferplace.incidents.models import ForceMonth, ImportBatch
from saferplace.incidents.rules import RULES

from ..model import COUNT, NUMBER, PERCENT, RESTRICTED, TEXT, Builder, Column, Note, Report, Table, Value, para, text
from . import records
from .common import (
    ASB,
    ReportInputError,
    area_of,
    hotspot_figure,
    monthly_series,
    no_progress,
    policeuk_provenance,
    trend_figure,
)
from .crime import change_paragraph

KIND = "strategic"
_RANGE = re.compile(r"^(\d{4}-\d{2})\.\.(\d{4}-\d{2})$")
RECORDING_NOTES = {
    "Drugs": "drug offences are mostly found by proactive policing, so a change can reflect police activity",
    "Violence and sexual offences": "recording practice for violence (including stalking and harassment) changed "
                                    "under the Home Office Counting Rules in recent years",
    "Public order": "public order recording follows the same counting-rule changes as violence",
    "Anti-social behaviour": "ASB recording depends on how incidents are classified on the police system",
    "Shoplifting": "shoplifting depends on retailers reporting it",
}


def parse_range(text_: str):
    match = _RANGE.match(text_.strip())
    if not match:
        raise ReportInputError(f"--period: {text_!r} is not a range of months such as 2022-04..2024-03")
    start, end = as_month(match.group(1)), as_month(match.group(2))
    if end < start:
        raise ReportInputError(f"--period: {text_!r} ends before it starts")
    return months_between(start, end)


def _halves(period):
    """The two halves compared: the last 12 months against the 12 before when there are 24 or more."""
    if period.length >= 24:
        second = months_between(add_months(period.end, -11), period.end, f"12 months to {month_name(period.end)}")
        first = months_between(add_months(period.end, -23), add_months(period.end, -12),
                               f"12 months to {month_name(add_months(period.end, -12))}")
        return first, second
    half = period.length // 2
    first = months_between(period.start, add_months(period.start, half - 1))
    second = months_between(add_months(period.end, -(half - 1)), period.end)
    return first, second


def evidence_table(area, frame, first, second, gaps) -> tuple[Table, list]:
    """Each category ranked on volume, harm, trend and concentration; the lower the rank sum, the stronger the
    case to consider it a priority."""
    from saferplace.analysis.harm import default_weights

    weights = default_weights().weights
    rows, changes = [], []
    for category in sorted(frame["category"].unique()):
        before = monthly_series(frame, first, categories=[category])
        after = monthly_series(frame, second, categories=[category])
        change = compare_periods({**before, **after}, second, first, gap_months=gaps)
        in_second = frame[(frame["category"] == category) & frame["month"].map(month_label).isin(second.month_labels())]
        by_lsoa = in_second.groupby("lsoa")["count"].sum()
        all_lsoas = [by_lsoa.get(code, 0) for code in area.lsoas]
        conc = concentration(all_lsoas) if sum(all_lsoas) else None
        harm = change.after * weights[category] if category in weights else None
        rows.append({"category": category, "volume": change.after, "harm": harm, "change": change,
                     "ratio": change.rate_ratio, "top": conc.top_share if conc else None})
        changes.append((category, change, before, after, by_lsoa))

    def rank(key, reverse=True):
        present = sorted((r for r in rows if r[key] is not None), key=lambda r: r[key], reverse=reverse)
        return {r["category"]: i for i, r in enumerate(present, start=1)}

    ranks = {k: rank(k) for k in ("volume", "harm", "ratio", "top")}
    worst = len(rows) + 1
    for r in rows:
        r["score"] = sum(ranks[k].get(r["category"], worst) for k in ranks)
    rows.sort(key=lambda r: (r["score"], r["category"]))
    out = []
    for position, r in enumerate(rows, start=1):
        prov = policeuk_provenance(area, second.label, r["category"], second.start, second.end)
        out.append((text(str(position)), text(r["category"]), Value(r["volume"], COUNT, prov, disclosive=True),
                    Value(round(r["harm"]) if r["harm"] is not None else None, NUMBER, prov),
                    Value(r["ratio"], NUMBER, prov, decimals=2), text(r["change"].direction),
                    Value(100 * r["top"] if r["top"] is not None else None, PERCENT, prov)))
    table = Table("evidence", f"Evidence for choosing priorities, {second.label}",
                  (Column("Rank"), Column("Category", TEXT), Column("Volume", COUNT),
                   Column("Harm (days, CCHI)", NUMBER), Column("Trend (rate ratio)", NUMBER),
                   Column("Change (tested)", TEXT), Column("Share in busiest 10% of LSOAs", PERCENT)), tuple(out),
                  notes=("Rank: categories ordered by the sum of their ranks on volume, harm, trend and concentration "
                         "(1 = highest). Harm: count × the category's median Cambridge Crime Harm Index score "
                         "(approximate; ASB has none). Trend: the last 12 months ÷ the 12 before.",))
    return table, changes


def candidate_reasons(area, category, change, by_lsoa, gaps) -> str:
    reasons = []
    if category in RECORDING_NOTES:
        reasons.append(RECORDING_NOTES[category])
    if change.excluded_months:
        reasons.append("some months were left out as police.uk publication gaps")
    if len(by_lsoa) and change.after:
        top_code = by_lsoa.idxmax()
        share = by_lsoa.max() / change.after
        if share >= 0.2:
            reasons.append(f"{share:.0%} of the last 12 months' records were in one LSOA ({top_code}), so a local "
                           "problem there may drive it")
    if not reasons:
        reasons.append("no recording change or local concentration is known to the system; partners' knowledge "
                       "is needed")
    return "Candidate reasons: " + "; ".join(reasons) + "."


def data_gaps(area, period) -> list:
    first = period.start
    last = add_months(period.end, 1) - timedelta(days=1)
    months = ForceMonth.objects.filter(kind="street", month__gte=first, month__lte=last)
    batch_ids = set(months.values_list("batch_id", flat=True))
    rule_counts: dict[str, int] = {}
    for counts in ImportBatch.objects.filter(pk__in=batch_ids).values_list("counts_by_rule", flat=True):
        for code, n in (counts or {}).items():
            rule_counts[code] = rule_counts.get(code, 0) + int(n)
    rows = tuple((text(code), text(RULES[code].severity if code in RULES else ""),
                  Value(n, COUNT, policeuk_provenance(area, period.label, code, first, last)),
                  text(RULES[code].sentence if code in RULES else "")) for code, n in sorted(rule_counts.items()))
    blocks: list = []
    if rows:
        blocks.append(Table("data-quality", "Data-quality flags raised when the police.uk files were loaded",
                            (Column("Rule"), Column("Severity", TEXT), Column("Rows", COUNT), Column("Meaning", TEXT)),
                            rows))
    else:
        blocks.append(para("No data-quality flag was raised when the period's police.uk files were loaded."))
    loaded = {month_label(m) for m in months.values_list("month", flat=True)}
    missing = [m for m in period.month_labels() if m not in loaded]
    if missing:
        blocks.append(para("Months with no police.uk data loaded: {m}.", m=", ".join(missing)))
    gaps = [g for g in gap_months(area) if g in period.month_labels()]
    if gaps:
        blocks.append(para("Months flagged as likely police.uk publication gaps (left out of comparisons): {m}.",
                           m=", ".join(gaps)))
    no_location = sum(months.values_list("no_location", flat=True))
    blocks.append(para("police.uk rows with no location: {n}. They cannot be placed in an LSOA, so area totals leave "
                       "them out.", n=Value(no_location, COUNT, policeuk_provenance(
                           area, period.label, "Rows with no location (force-wide)", first, last))))
    blocks.append(para("LSOA boundaries changed in 2021: some 2011 LSOAs were split or merged, and police.uk files "
                       "use both generations for some months. Comparisons here are over the partnership's area as a "
                       "whole, so they are not affected; LSOA-level comparisons aggregate predecessors and successors "
                       "(docs/adr/0005)."))
    blocks.append(para("Partner data missing from this assessment are listed as gaps in the checklist above."))
    return blocks


def build(partnership: str = "safer-worcester", period: str = "2022-04..2024-03", report_date: date | None = None,
          progress=no_progress) -> Report:
    span = parse_range(period)
    area = area_of(partnership)
    p = area.partnership
    last_day = add_months(span.end, 1) - timedelta(days=1)
    report_date = report_date or last_day + timedelta(days=1)
    frame = counts_frame(area, span.start, span.end)
    first, second = _halves(span)
    gaps = gap_months(area)
    b = Builder()
    progress("Introduction")
    b.add("Introduction",
          para("This strategic assessment reviews crime, disorder and anti-social behaviour in {area} from {start} to "
               "{end}, as the Crime and Disorder (Formulation and Implementation of Strategy) Regulations 2007 "
               "require, to help the partnership set its priorities for the coming period.", area=area.name,
               start=month_name(span.start), end=month_name(span.end)),
          para("Figures are police.uk street-level records unless stated. A change is called a rise or a fall only "
               "when it is more than chance (docs/methods.md)."))
    if frame.empty:
        raise ReportInputError(f"No police.uk data are loaded for {area.name} from {month_name(span.start)} to "
                               f"{month_name(span.end)}: import them first (saferplace import policeuk).")
    progress("Levels and patterns")
    total_prov = policeuk_provenance(area, span.label, "All records", span.start, span.end)
    harm = harm_weighted(frame)
    levels = [
        para("{n} crimes and anti-social behaviour incidents were recorded on police.uk in {area} over the {m} "
             "months.", n=Value(int(frame["count"].sum()), COUNT, total_prov), area=area.name, m=span.length),
        trend_figure("sa-trend", f"Crime and ASB in {area.name} by month", area, [span],
                     {"Crimes (excluding ASB)": monthly_series(frame, span, exclude=[ASB]),
                      "Anti-social behaviour": monthly_series(frame, span, categories=[ASB])}, "Recorded"),
        Note(harm.note),
    ]
    fig = hotspot_figure("sa-hotspots", f"Where crime and ASB concentrated, {second.label}", area, second,
                         significance=True)
    if fig is not None:
        levels.append(fig)
    b.add("Levels and patterns", *levels)
    progress("Changes and evidence")
    table, changes = evidence_table(area, frame, first, second, gaps)
    change_blocks = [para("Each category's last 12 months compared with the 12 before:")]
    for category, change, _, _, by_lsoa in changes:
        pb = policeuk_provenance(area, first.label, category, first.start, first.end)
        pa = policeuk_provenance(area, second.label, category, second.start, second.end)
        change_blocks.append(change_paragraph(category, change, pb, pa))
        if change.direction in (FELL, ROSE):
            change_blocks.append(para("{r}", r=candidate_reasons(area, category, change, by_lsoa, gaps),
                                      numbered=False))
    b.add("Changes and candidate reasons", *change_blocks)
    b.add("Evidence for choosing priorities", table,
          para("The current priorities are at the checklist below; categories high in this table that no priority "
               "covers deserve the partnership's attention."))
    progress("Checklist")
    b.add("Checklist against the regulations", *checklist(p, span))
    progress("Data gaps")
    b.add("Data gaps and data quality", *data_gaps(area, span))
    title = f"{p.short_name or p.name} strategic assessment: {month_name(span.start)} to {month_name(span.end)}"
    meta = (("Partnership", p.name), ("Period", span.label), ("Area", area.name))
    return Report(KIND, title, report_date, RESTRICTED, tuple(b.sections), meta=meta,
                  options=(("partnership", partnership), ("period", period)))


def checklist(partnership, span) -> list:
    """What SI 2007/1830 asks of a strategic assessment, and where this one meets it or leaves a gap."""
    from saferplace.interventions.traceability import build as trace

    year = f"{span.end.year - (span.end.month < 4)}-{(span.end.year - (span.end.month < 4) + 1) % 100:02d}"
    trace_result = trace(partnership, year)
    priorities = [n.priority.name for t in trace_result.themes for n in t.priorities]
    orphans = [n.priority.name for n in trace_result.orphan_priorities]
    consultation = records.assessment_of(partnership, add_months(span.end, 12))
    items = [
        ("Levels and patterns of crime, disorder and substance misuse", "Levels and patterns", "Met",
         "Substance misuse is covered only through police.uk drug offences; treatment data are not loaded."),
        ("Changes since the last assessment, and why", "Changes and candidate reasons", "Met",
         "Reasons are candidates for partners to confirm, not findings."),
        ("Matters the partnership should prioritise", "Evidence for choosing priorities", "Met", ""),
        ("Views of people who live and work in the area", "–", "Gap",
         "No community consultation or survey results are recorded in Saferplace."),
        ("How far the last partnership plan was delivered", "Projects and outputs (interventions register)",
         "Gap" if orphans or not priorities else "Met",
         ("Priorities with no project and no reason recorded: " + ", ".join(orphans) + ".") if orphans else ""),
        ("Re-offending (probation is a responsible authority)", "–", "Gap", "No re-offending data are loaded."),
        ("Serious violence (Serious Violence Duty, from 31 January 2023)", "Violence and sexual offences", "Partly met",
         "police.uk does not separate serious violence; hospital and knife-crime data are not loaded."),
    ]
    rows = tuple((text(a), text(b), text(c), text(d)) for a, b, c, d in items)
    blocks: list = [Table("checklist", "Checklist against the Crime and Disorder (Formulation and Implementation of "
                          "Strategy) Regulations 2007", (Column("Requirement"), Column("Where", TEXT),
                                                          Column("Status", TEXT), Column("Note", TEXT)), rows)]
    for a, _, status, note in items:
        if status != "Met":
            blocks.append(para("Gap – {a}: {note}", a=a, note=note or "not covered."))
    if consultation is not None:
        blocks.append(Note(f"Previous assessment on record: {consultation.title}."))
    return blocks
