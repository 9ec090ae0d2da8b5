"""Row by row checks for the police.uk CSV kinds, and what they share (bad row lengths, LSOAs first seen,
flushing the writer). Street rows have their own module (street.py), read fast by street_arrow.py.
"""

import re
from datetime import UTC, date, datetime

from saferplace.geography.services import ensure_lsoas

from ..categories import OUTCOMES
from .writer import CHUNK_ROWS

HEX = "0123456789abcdef"
LSOA_CODE = re.compile(r"^[EW]01\d{6}$")
MONTH = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")
UK_LON, UK_LAT = (-8.7, 1.9), (49.8, 60.9)
BOOLEANS = {"True": True, "False": False, "true": True, "false": False, "": None}


def _month(text: str):
    found = MONTH.match(text)
    if not found or not 1990 <= int(found.group(1)) <= 2100:
        return False
    return date(int(found.group(1)), int(found.group(2)), 1)


class _Rows:
    """Shared bookkeeping: bad-length rows, LSOA codes first seen, flushing the writer each chunk."""

    def __init__(self, state, writer, lsoa_column: int | None):
        self.state, self.writer, self.report = state, writer, state.report
        self.lsoa_column = lsoa_column
        self.pending: list[int] = []
        self.short_rows: list[tuple[int, int]] = []
        self.last_row = 1
        self.expected = 0

    def bad_length(self, rowno: int, row: list[str]) -> None:
        self.short_rows.append((rowno, len(row)))
        self.state.blocked = True
        if len(self.short_rows) > 1:
            self.report.add("DQ-ROW-FIELDS", row=self.short_rows[-2][0], field="",
                            value=f"{self.short_rows[-2][1]} fields", detail=f"The header has {self.expected}.")

    def close_bad_lengths(self) -> None:
        if not self.short_rows:
            return
        rowno, n = self.short_rows[-1]
        if rowno == self.last_row and n < self.expected:
            self.report.add("DQ-TRUNCATED", row=rowno, value=f"{n} fields",
                            detail=f"Row {rowno} has {n} of {self.expected} fields and is the last row.")
        else:
            self.report.add("DQ-ROW-FIELDS", row=rowno, value=f"{n} fields", detail=f"The header has {self.expected}.")

    def lsoa_id(self, code: str, name: str, rowno: int):
        """The area id for an LSOA code; a code first seen is kept as a string until the chunk is flushed."""
        st, report = self.state, self.report
        known = st.lsoa_names.get(code)
        if known is None:
            if not LSOA_CODE.match(code):
                report.add("DQ-LSOA-CODE", row=rowno, field="LSOA code", value=code)
            st.lsoa_names[code] = name
        elif known != name and name:
            report.add("DQ-LSOA-NAME", row=rowno, field="LSOA name", value=f"{code} {name}",
                       detail=f"{code} is named {known!r} elsewhere.")
        if not name:
            report.add("DQ-LSOA-PARTIAL", row=rowno, field="LSOA name", value=code)
        found = st.lsoa_ids.get(code)
        return code if found is None else found  # a str until the chunk's new codes are created

    def resolve_pending(self) -> None:
        if not self.pending:
            return
        st, rows, column = self.state, self.writer.rows, self.lsoa_column
        new = {rows[i][column]: st.lsoa_names.get(rows[i][column], "") for i in self.pending}
        new = {code: name for code, name in new.items() if code not in st.lsoa_ids}
        if new:
            st.lsoa_ids.update({code: area.pk for code, area in ensure_lsoas(new).items()})
        for i in self.pending:
            rows[i][column] = st.lsoa_ids[rows[i][column]]
        self.pending = []

    def flush(self, rowno: int) -> None:
        if not self.state.blocked:
            self.resolve_pending()
            self.writer.flush()
        else:
            self.writer.rows.clear()
            self.pending = []
        if self.state.progress:
            self.state.progress(rowno - 1)

    def coordinates(self, lon: str, lat: str, rowno: int):
        if lon and lat:
            try:
                x, y = float(lon), float(lat)
            except ValueError:
                self.report.add("DQ-COORD-NUMBER", row=rowno, field="Longitude/Latitude", value=f"{lon},{lat}")
                self.state.blocked = True
                return None, None
            if not (UK_LON[0] <= x <= UK_LON[1] and UK_LAT[0] <= y <= UK_LAT[1]):
                self.report.add("DQ-COORD-OUTSIDE-UK", row=rowno, field="Longitude/Latitude", value=f"{lon},{lat}")
            return x, y
        if lon or lat:
            self.report.add("DQ-COORD-PAIR", row=rowno, field="Longitude/Latitude", value=f"{lon},{lat}")
        return None, None


def street(state, reader, writer) -> None:
    """Street-level crime and ASB: see street.py (one implementation of the rules for both readers)."""
    from .street import street as street_rows

    street_rows(state, reader, writer)


def _close_force_months(state) -> None:
    from ..models import ForceMonth

    loaded = 0
    for fm in state.force_months.states():
        ForceMonth.objects.filter(pk=fm.pk).update(rows=fm.rows, no_location=fm.no_location)
        loaded += fm.rows
    state.report.rows_loaded = loaded


def outcomes(state, reader, writer) -> None:
    """Outcomes: 10 columns; `Month` is the month of the outcome."""
    report, fms = state.report, state.force_months
    fms.kind = "outcomes"
    helper = _Rows(state, writer, lsoa_column=9)
    helper.expected = 10
    name_month = state.source.month_in_name
    batch_id = fms.batch.pk
    cache: dict = {}
    rowno = 1
    for rowno, row in enumerate(reader, 2):
        if len(row) != 10:
            helper.bad_length(rowno, row)
            continue
        cid, month, rep, falls, lon, lat, loc, lcode, lname, outcome = row
        md = _month(month)
        if md is False:
            report.add("DQ-MONTH", row=rowno, field="Month", value=month)
            state.blocked = True
            continue
        if name_month and month != name_month:
            report.add("DQ-MONTH-FILENAME", row=rowno, field="Month", value=month,
                       detail=f"The file name says {name_month}.")
        if not cid:
            report.add("DQ-CRIME-ID-MISSING", row=rowno, field="Crime ID", value="")
        elif len(cid) != 64 or cid.strip(HEX):
            report.add("DQ-CRIME-ID-FORMAT", row=rowno, field="Crime ID", value=cid)
        if outcome not in OUTCOMES:
            report.add("DQ-OUTCOME-UNKNOWN", row=rowno, field="Outcome type", value=outcome)
        x, y = helper.coordinates(lon, lat, rowno)
        lid = helper.lsoa_id(lcode, lname, rowno) if lcode else None
        if lid is None:
            report.add("DQ-NO-LOCATION", row=rowno, field="Location", value=loc)
        falls = falls or rep
        if not falls:
            report.add("DQ-FORCE-UNKNOWN", row=rowno, field="Falls within", value="")
            state.blocked = True
        if state.blocked:
            continue
        key = (falls, md)
        if key not in cache:
            cache[key] = fms.open(fms.force_named(falls, rowno), md, rowno)
        fm = cache[key]
        if fm is None:
            continue
        fm.rows += 1
        fm.no_location += lid is None
        rid = fms.force_named(rep, rowno).pk if rep else fm.force.pk
        if lid.__class__ is str:
            helper.pending.append(len(writer.rows))
        writer.rows.append([fm.pk, batch_id, rowno, cid, f"{md:%Y-%m-%d}", rid, x, y, loc, lid, outcome])
        if len(writer.rows) >= CHUNK_ROWS:
            helper.flush(rowno)
    helper.last_row = rowno
    helper.close_bad_lengths()
    report.rows_read = rowno - 1
    helper.flush(rowno)
    writer.close()
    if not state.blocked and not report.refused:
        _close_force_months(state)


def _boolean(helper, value: str, rowno: int, column: str):
    if value in BOOLEANS:
        return BOOLEANS[value]
    helper.report.add("DQ-BOOLEAN", row=rowno, field=column, value=value)
    return None


def stop_and_search(state, reader, writer) -> None:
    """Stop and search: 15 columns, Latitude before Longitude, Date in UTC. The force comes from the file name."""
    from django.db import connection

    report, fms = state.report, state.force_months
    fms.kind = "stop-and-search"
    helper = _Rows(state, writer, lsoa_column=None)
    helper.expected = 15
    slug = fms.force_slug or state.source.force_in_name
    if not slug:
        report.add("DQ-FORCE-UNKNOWN", field="file name", value=state.source.basename)
        return
    force = fms.force_with_slug(slug)
    name_month = state.source.month_in_name
    batch_id = fms.batch.pk
    postgres = connection.vendor == "postgresql"
    cache: dict = {}
    rowno = 1
    for rowno, row in enumerate(reader, 2):
        if len(row) != 15:
            helper.bad_length(rowno, row)
            continue
        (kind, when, part_of_op, operation, lat, lon, gender, age, self_eth, officer_eth, legislation, obj,
         outcome, linked, removal) = row
        try:
            at = datetime.fromisoformat(when)
            at = at.replace(tzinfo=UTC) if at.tzinfo is None else at.astimezone(UTC)
        except ValueError:
            report.add("DQ-DATETIME", row=rowno, field="Date", value=when)
            state.blocked = True
            continue
        month = date(at.year, at.month, 1)
        if name_month and f"{month:%Y-%m}" != name_month:
            report.add("DQ-MONTH-FILENAME", row=rowno, field="Date", value=when,
                       detail=f"The file name says {name_month}.")
        x, y = helper.coordinates(lon, lat, rowno)
        flags = [_boolean(helper, v, rowno, c) for v, c in ((part_of_op, "Part of a policing operation"),
                 (linked, "Outcome linked to object of search"), (removal, "Removal of more than just outer clothing"))]
        if state.blocked:
            continue
        if month not in cache:
            cache[month] = fms.open(force, month, rowno)
        fm = cache[month]
        if fm is None:
            continue
        fm.rows += 1
        fm.no_location += x is None
        stamp = at.isoformat() if postgres else at.strftime("%Y-%m-%d %H:%M:%S")
        writer.rows.append([fm.pk, batch_id, rowno, kind, stamp, flags[0], operation, y, x, gender, age, self_eth,
                            officer_eth, legislation, obj, outcome, flags[1], flags[2]])
        if len(writer.rows) >= CHUNK_ROWS:
            helper.flush(rowno)
    helper.last_row = rowno
    helper.close_bad_lengths()
    report.rows_read = rowno - 1
    helper.flush(rowno)
    writer.close()
    if not state.blocked and not report.refused:
        _close_force_months(state)


ROW_PROCESSORS = {"street": street, "outcomes": outcomes, "stop-and-search": stop_and_search}
