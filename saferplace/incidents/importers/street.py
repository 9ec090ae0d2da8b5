"""Street-level rows (crime and ASB, 12 columns): the one implementation of their data rules.

`StreetChecks.check` applies every rule to one row, in the order the report lists them. The csv-module loop
below calls it for every row; the Arrow reader (street_arrow.py) finds with whole-column tests the rows that
could break a rule or are the first of their force-month, force or LSOA, and calls it for those rows only.
"""

from collections import Counter

import numpy as np

from ..categories import CATEGORY_BY_NAME, FORCES, OLD_CATEGORIES, OUTCOMES, Category
from ..models import MonthlyCount
from .rows import HEX, UK_LAT, UK_LON, _close_force_months, _month, _Rows
from .writer import CHUNK_ROWS

ASB = Category.ASB.value
NOT_OPENED = object()


class StreetChecks:
    """What one file's street rows share: months, force-months, forces and LSOAs seen so far, and the counts."""

    def __init__(self, state, writer):
        self.state, self.report, self.fms = state, state.report, state.force_months
        self.fms.kind = "street"
        self.helper = _Rows(state, writer, lsoa_column=9)
        self.helper.expected = 12
        self.name_month = state.source.month_in_name
        self.default_force = FORCES.get(self.fms.force_slug or state.source.force_in_name or "", "")
        self.months: dict[str, tuple] = {}  # Month text -> (date or False, "YYYY-MM-DD")
        self.fm_cache: dict = {}  # (Falls within, Month) -> FMState, or None when a newer release is stored
        self.force_ids: dict[str, int] = {}  # Reported by -> force id
        self.counts: Counter = Counter()  # (FMState, LSOA code, category) -> rows
        self.batch_id = self.fms.batch.pk

    def month(self, text: str) -> tuple:
        m = self.months.get(text)
        if m is None:
            md = _month(text)
            m = self.months[text] = (md, f"{md:%Y-%m-%d}" if md else "")
        return m

    def check(self, rowno: int, row: list[str]) -> list | None:
        """Apply the rules to one 12-field row; the row to store, or None (refused, or not this file's to load).
        A stored row's LSOA id is still the code (a str) when the code is new to the database."""
        state, add = self.state, self.report.add
        cid, month, rep, falls, lon, lat, loc, lcode, lname, ctype, outcome, context = row
        m = self.month(month)
        if m[0] is False:
            add("DQ-MONTH", row=rowno, field="Month", value=month)
            state.blocked = True
            return None
        if self.name_month and month != self.name_month:
            add("DQ-MONTH-FILENAME", row=rowno, field="Month", value=month,
                detail=f"The file name says {self.name_month}.")
        cat = CATEGORY_BY_NAME.get(ctype)
        if cat is None:
            add("DQ-CATEGORY", row=rowno, field="Crime type", value=ctype)
            state.blocked = True
            return None
        if ctype in OLD_CATEGORIES:
            add("DQ-CATEGORY-OLD", row=rowno, field="Crime type", value=ctype)
        if not falls:
            falls = rep or self.default_force
            if not falls:
                add("DQ-FORCE-UNKNOWN", row=rowno, field="Falls within", value="")
                state.blocked = True
                return None
        fms = self.fms
        fm = self.fm_cache.get((falls, month), NOT_OPENED)
        if fm is NOT_OPENED:
            fm = None if state.blocked else fms.open(fms.force_named(falls, rowno), m[0], rowno)
            if not state.blocked:
                self.fm_cache[(falls, month)] = fm
        # Crime ID
        if cat == ASB:
            if cid:
                add("DQ-ASB-CRIME-ID", row=rowno, field="Crime ID", value=cid)
        elif not cid:
            add("DQ-CRIME-ID-MISSING", row=rowno, field="Crime ID", value="")
        elif len(cid) != 64 or cid.strip(HEX):
            add("DQ-CRIME-ID-FORMAT", row=rowno, field="Crime ID", value=cid)
        elif fm is not None:
            fm.ids.append(int(cid[:15], 16))
            fm.id_rows.append(rowno)
        # Place
        if lon and lat:
            try:
                x, y = float(lon), float(lat)
            except ValueError:
                add("DQ-COORD-NUMBER", row=rowno, field="Longitude/Latitude", value=f"{lon},{lat}")
                state.blocked = True
                return None
            if not (UK_LON[0] <= x <= UK_LON[1] and UK_LAT[0] <= y <= UK_LAT[1]):
                add("DQ-COORD-OUTSIDE-UK", row=rowno, field="Longitude/Latitude", value=f"{lon},{lat}")
        else:
            x = y = None
            if lon or lat:
                add("DQ-COORD-PAIR", row=rowno, field="Longitude/Latitude", value=f"{lon},{lat}")
        snap, lsoa_names = state.snap, state.lsoa_names
        if lcode:
            if lsoa_names.get(lcode) == lname:
                lid = state.lsoa_ids.get(lcode, lcode)
            else:
                lid = self.helper.lsoa_id(lcode, lname, rowno)
        elif snap is not None and x is not None and (x, y) in snap:
            lcode = snap[(x, y)]
            lid = self.helper.lsoa_id(lcode, lsoa_names.get(lcode, ""), rowno)
        else:
            lid = None
            if lname:
                add("DQ-LSOA-PARTIAL", row=rowno, field="LSOA code", value=lname)
            elif x is not None and snap is not None:
                add("DQ-LSOA-UNRESOLVED", row=rowno, field="Longitude/Latitude", value=f"{lon},{lat}")
            add("DQ-NO-LOCATION", row=rowno, field="Location", value=loc)
        if outcome and outcome not in OUTCOMES:
            add("DQ-OUTCOME-UNKNOWN", row=rowno, field="Last outcome category", value=outcome)
        rid = self.force_ids.get(rep)
        if rid is None:
            rid = self.force_ids[rep] = fms.force_named(rep, rowno).pk if rep else (fm.force.pk if fm else 0)
        if rep != falls and rep:
            add("DQ-FORCE-DIFFERS", row=rowno, field="Reported by", value=rep)
        if fm is None or state.blocked:
            return None
        self.counts[(fm, lcode, cat)] += 1  # also gives the force-month's rows and no-location rows at the end
        return [fm.pk, self.batch_id, rowno, cid or None, m[1], rid, x, y, loc, lid, cat, outcome, context]

    def finish(self) -> None:
        """After the last row: force-month totals, repeated Crime IDs, and the monthly counts."""
        state, report = self.state, self.report
        if state.blocked or report.refused:
            return
        for (fm, code, _), n in self.counts.items():
            fm.rows += n
            if not code:
                fm.no_location += n
        _duplicate_ids(state)
        _monthly_counts(state, self.counts)
        _close_force_months(state)


def street(state, reader, writer) -> None:
    """Street-level crime and ASB read row by row (the csv module, or a saved API answer's records)."""
    checks = StreetChecks(state, writer)
    helper, check = checks.helper, checks.check
    rows = writer.rows
    append = rows.append
    rowno = 1
    for rowno, row in enumerate(reader, 2):
        if len(row) != 12:
            helper.bad_length(rowno, row)
            continue
        stored = check(rowno, row)
        if stored is None:
            continue
        if stored[9].__class__ is str:
            helper.pending.append(len(rows))
        append(stored)
        if len(rows) >= CHUNK_ROWS:
            helper.flush(rowno)
    helper.last_row = rowno
    helper.close_bad_lengths()
    state.report.rows_read = rowno - 1
    helper.flush(rowno)
    writer.close()
    checks.finish()


def _duplicate_ids(state) -> None:
    """Rows of one force-month sharing a Crime ID: kept, and reported with the full ID and the other rows."""
    from ..models import Crime

    for fm in state.force_months.states():
        if len(fm.ids) < 2:
            continue
        ids, rows = np.frombuffer(fm.ids, dtype=np.int64), np.frombuffer(fm.id_rows, dtype=np.int64)
        order = np.lexsort((rows, ids))  # by ID, then row: whatever order the rows were seen in
        ids, rows = ids[order], rows[order]
        same = ids[1:] == ids[:-1]
        if not same.any():
            continue
        in_group = np.zeros(len(ids), dtype=bool)
        in_group[1:] |= same
        in_group[:-1] |= same
        groups: dict[int, list[int]] = {}
        for prefix, row in zip(ids[in_group].tolist(), rows[in_group].tolist(), strict=True):
            groups.setdefault(prefix, []).append(row)
        shown = sorted(groups.values())[:20]
        full = dict(Crime.objects.filter(force_month_id=fm.pk, row__in=[r for g in shown for r in g])
                    .values_list("row", "crime_id"))
        report = state.report
        for group in sorted(groups.values()):
            first, *others = group
            report.add("DQ-CRIME-ID-DUPLICATE", row=first, field="Crime ID", value=full.get(first, ""),
                       detail=f"Also in row{'s' if len(others) > 1 else ''} {', '.join(map(str, others))}.",
                       n=len(group))


def _monthly_counts(state, counts: Counter) -> None:
    """Write the file's counts with the same bulk writer as the rows (an ORM bulk_create costs more than the
    rows themselves on a national file)."""
    from .writer import BulkWriter

    label = dict(Category.choices)
    ids = state.lsoa_ids
    columns = [f.column for f in MonthlyCount._meta.concrete_fields if not f.primary_key]
    assert columns == ["force_month_id", "force_id", "month", "lsoa_id", "category", "count"], columns
    writer = BulkWriter(MonthlyCount, columns)
    writer.rows.extend([fm.pk, fm.force.pk, f"{fm.month:%Y-%m-%d}", ids[code] if code else None, label[cat], n]
                       for (fm, code, cat), n in counts.items())
    writer.flush()
    writer.close()
