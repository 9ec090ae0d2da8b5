"""The meeting performance pack: performance against each priority over the 12 months to the month, emerging
issues since the last meeting, hotspots, actions due and overdue, and deadlines from the deadline engine."""

from __future__ import annotations

from datetime import date, timedelta

from saferplace.analyse.data import counts_frame, gap_months
from saferplace.analysis.periods import as_month, month_name, months_between, rolling_12_months
from saferplace.core.dates import add_months
from saferplace.core.deadlines import due_items
from saferplace.partnership.models import Action, Meeting

from ..model import RESTRICTED, TEXT, Builder, Column, Note, Report, Table, para, text
from .common import ReportInputError, area_of, hotspot_figure, no_progress
from .crime import flag_paragraph, performance_blocks
from .records import _d

KIND = "meeting"
DEADLINE_DAYS = 92


def _month(text_: str) -> date:
    try:
        return as_month(text_)
    except ValueError as error:
        raise ReportInputError(f"--month: {error}") from None


def last_meeting_before(group, day: date):
    if group is None:
        return None
    return Meeting.objects.filter(group=group, date__lt=day).exclude(date=None).order_by("-date").first()


def build(partnership: str = "safer-worcester", month: str = "2024-03", report_date: date | None = None,
          progress=no_progress) -> Report:
    end_month = _month(month)
    area = area_of(partnership)
    p = area.partnership
    month_end = add_months(end_month, 1) - timedelta(days=1)
    group = p.governing_group
    if report_date is None:
        upcoming = (Meeting.objects.filter(group=group, date__gt=month_end).exclude(date=None).order_by("date").first()
                    if group else None)
        report_date = upcoming.date if upcoming else month_end + timedelta(days=1)
    window = rolling_12_months(end_month)
    b = Builder()
    progress("Performance against priorities")
    frame = counts_frame(area, add_months(window.start, -12), window.end)
    if frame.empty:
        frame = None
    b.add("Summary",
          para("This pack reports on {area} for the 12 months to {month}, compared with the 12 months before, for the "
               "{group} meeting on {day}.", area=area.name, month=month_name(end_month),
               group=str(group or p), day=_d(report_date)),
          para("A change is called a rise or a fall only when it is more than chance; otherwise it is “no clear "
               "change”."))
    b.add("Performance against each priority", *performance_blocks(area, window, frame, maps=False,
                                                                   emerging_month=end_month, key_prefix="pack-"))
    progress("Emerging issues since the last meeting")
    last = last_meeting_before(group, report_date)
    first = add_months(as_month(last.date), 1) if last else end_month
    first = min(first, end_month)
    emerging = []
    if frame is not None:
        from saferplace.analysis.emerging import emerging_issues

        history = counts_frame(area, add_months(first, -60), end_month)
        for m in months_between(first, end_month).months():
            scan = emerging_issues(history, m, area=p.slug, area_name=area.name, gap_months=gap_months(area))
            for flag in scan.flags:
                emerging.append(flag_paragraph(area, flag, m, prefix=month_name(m)))
            if not scan.flags:
                emerging.append(para("{month}: no emerging issue flagged. {note}", month=month_name(m),
                                     note=scan.note))
    else:
        emerging.append(para("No police.uk data are loaded, so no emerging issues can be looked for."))
    since = f"since the last meeting on {_d(last.date)}" if last else "this month (no earlier dated meeting)"
    b.add("Emerging issues " + ("since the last meeting" if last else "this month"),
          para("Months scanned {since}: {first} to {last}.", since=since, first=month_name(first),
               last=month_name(end_month)), *emerging)
    progress("Hotspots")
    recent = months_between(add_months(end_month, -2), end_month)
    fig = hotspot_figure("pack-hotspots", f"Crime and ASB in the three months to {month_name(end_month)}", area,
                         recent) if frame is not None else None
    b.add("Hotspots", fig if fig is not None else para("No located records are loaded for the three months."))
    progress("Actions and deadlines")
    actions = (Action.objects.filter(partnership=p).exclude(status__in=[Action.Status.DONE, Action.Status.CANCELLED])
               .filter(due_date__lte=report_date + timedelta(days=DEADLINE_DAYS)).select_related("owner")
               .order_by("due_date", "title"))
    rows = tuple((text(a.title), text(str(a.owner)), text(_d(a.due_date)), text(a.get_status_display()),
                  text("Overdue" if a.due_date < report_date else "Due")) for a in actions)
    b.add("Actions due and overdue",
          Table("actions", f"Open actions due by {_d(report_date + timedelta(days=DEADLINE_DAYS))}",
                (Column("Action"), Column("Owner", TEXT), Column("Due", TEXT), Column("Status", TEXT),
                 Column("Overdue or due", TEXT)), rows) if rows else para("No open action is due."))
    items = [i for i in due_items(report_date, DEADLINE_DAYS) if i.rule != "ACTION-DUE"]
    deadline_rows = tuple((text(_d(i.due)), text(i.status(report_date)), text(i.title), text(i.whom), text(i.rule),
                           text(i.basis)) for i in items)
    b.add("Statutory and local deadlines",
          Table("deadlines", f"Deadlines on or before {_d(report_date + timedelta(days=DEADLINE_DAYS))}, and anything "
                "overdue", (Column("Due"), Column("Status", TEXT), Column("What", TEXT), Column("Who", TEXT),
                            Column("Rule", TEXT), Column("Basis", TEXT)), deadline_rows)
          if deadline_rows else para("Nothing is due."),
          Note("From the deadline engine (saferplace due): the same list as the Deadlines page."))
    title = f"{p.short_name or p.name} performance pack: {month_name(end_month)}"
    meta = (("Meeting", f"{group or p}, {_d(report_date)}"), ("Period", window.label), ("Area", area.name))
    return Report(KIND, title, report_date, RESTRICTED, tuple(b.sections), meta=meta,
                  options=(("partnership", partnership), ("month", f"{end_month:%Y-%m}")))
