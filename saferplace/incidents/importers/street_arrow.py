"""The fast reader for street-level CSVs: Arrow parses the file in C++ a block at a time (streaming, never the
whole file), whole-column tests find the rows that could break a data rule or open something new, and only
those rows go through the one implementation of the rules (street.StreetChecks.check). Every other row is
built into the insert column-wise. Reports, stored rows and counts are the same as the csv-module reader's.

Anything Arrow might read differently from the csv module (a quote character anywhere, found while the file
is hashed; a row of the wrong length, an empty line, bytes that are not UTF-8, a field over the csv module's
limit) raises Fallback: the file's transaction is rolled back and the file read by the csv module, which
reports it exactly.
"""

import csv
from contextlib import nullcontext

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv

from ..categories import CATEGORY_BY_NAME, OLD_CATEGORIES, OUTCOMES, Category
from .report import Fallback
from .rows import UK_LAT, UK_LON
from .street import StreetChecks
from .writer import BulkWriter

BLOCK_BYTES = 4 << 20  # about 20,000 rows of a street file per batch
COLUMNS = ["Crime ID", "Month", "Reported by", "Falls within", "Longitude", "Latitude", "Location", "LSOA code",
           "LSOA name", "Crime type", "Last outcome category", "Context"]
PLAIN = {"Crime ID", "Longitude", "Latitude"}  # every other column repeats: Arrow dictionary-encodes it as it reads
COLUMN_TYPES = {c: pa.string() if c in PLAIN else pa.dictionary(pa.int32(), pa.string()) for c in COLUMNS}
ASB = Category.ASB.value
HEX_VALUE = np.full(256, 0, dtype=np.int64)
HEX_VALUE[np.frombuffer(b"0123456789abcdef", dtype=np.uint8)] = np.arange(16)
PREFIX_SHIFTS = np.arange(56, -1, -4, dtype=np.int64)  # 15 hex digits, as int(cid[:15], 16)
MAX_ISSUES = 20  # per rule, as report.add keeps


def read_street(state, source, model, columns) -> None:
    """Load a street CSV whose header has been checked. Raises Fallback (see the module's docstring)."""
    checks = StreetChecks(state, None)
    checks.fast_counts = _Counts()
    _read(state, source, checks, BulkWriter(model, columns, constants={"batch_id": checks.batch_id}))
    checks.fast_counts.into(checks.counts)
    checks.finish()


def _read(state, source, checks: StreetChecks, writer: BulkWriter) -> None:
    if source.quoted is not False:
        raise Fallback("a quote character")  # (known from hashing the file)
    with source.open() if source.member else nullcontext(str(source.path)) as raw:
        try:  # a file on disk is read by Arrow's own threads, a ZIP member through Python
            reader = pacsv.open_csv(
                raw,
                read_options=pacsv.ReadOptions(column_names=COLUMNS, skip_rows=1, block_size=BLOCK_BYTES),
                parse_options=pacsv.ParseOptions(ignore_empty_lines=False),
                convert_options=pacsv.ConvertOptions(column_types=COLUMN_TYPES, strings_can_be_null=False,
                                                     quoted_strings_can_be_null=False),
            )
        except (pa.ArrowInvalid, UnicodeDecodeError) as error:  # in the first block
            raise Fallback(str(error)) from error
        read = 0
        while True:
            try:
                batch = reader.read_next_batch()
            except StopIteration:
                break
            except (pa.ArrowInvalid, UnicodeDecodeError) as error:  # a row of the wrong length, not UTF-8…
                raise Fallback(str(error)) from error
            _Batch(checks, batch, read).load(writer)
            read += batch.num_rows
            if state.progress:
                state.progress(read)
    state.report.rows_read = read


def _first_rows(values: list, at: np.ndarray):
    """(index, value, its first row) for each value that some row has."""
    used, first = np.unique(at, return_index=True)
    return [(v, values[v], row) for v, row in zip(used.tolist(), first.tolist(), strict=True)]


class _Counts:
    """The fast rows counted by force-month × LSOA × category as NumPy keys (added to the per-row checks' counts
    at the end of the file), so that no Python runs per row or per key until then."""

    def __init__(self):
        self.fms, self.codes = [], [""]
        self._fm_ids, self._code_ids = {}, {"": 0}
        self.keys, self.counts = np.empty(0, np.int64), np.empty(0, np.int64)
        self.pending: list[tuple[np.ndarray, np.ndarray]] = []
        self.pending_size = 0

    def fm_index(self, fm) -> int:
        if fm is None:
            return 0  # such rows are never counted
        if id(fm) not in self._fm_ids:
            self._fm_ids[id(fm)] = len(self.fms)
            self.fms.append(fm)
        return self._fm_ids[id(fm)]

    def code_index(self, code: str) -> int:
        found = self._code_ids.get(code)
        if found is None:
            found = self._code_ids[code] = len(self.codes)
            self.codes.append(code)
        return found

    def add(self, keys: np.ndarray) -> None:
        found, n = np.unique(keys, return_counts=True)
        self.pending.append((found, n))
        self.pending_size += len(found)
        if self.pending_size > 1_000_000:
            self._reduce()

    def _reduce(self) -> None:
        keys = np.concatenate([self.keys, *(k for k, _ in self.pending)])
        counts = np.concatenate([self.counts, *(n for _, n in self.pending)])
        self.keys, at = np.unique(keys, return_inverse=True)
        self.counts = np.bincount(at, weights=counts, minlength=len(self.keys)).astype(np.int64)
        self.pending, self.pending_size = [], 0

    def into(self, counter) -> None:
        self._reduce()
        category = (self.keys & 63).tolist()
        lsoa = (self.keys >> 6 & (1 << 24) - 1).tolist()
        fm = (self.keys >> 30).tolist()
        for f, code, cat, n in zip(fm, lsoa, category, self.counts.tolist(), strict=True):
            counter[(self.fms[f], self.codes[code], cat)] += n


class _Batch:
    """One block of rows: which need the per-row rules, the issues of the others, and the rows to insert."""

    def __init__(self, checks: StreetChecks, batch: pa.RecordBatch, read: int):
        self.checks, self.state, self.report = checks, checks.state, checks.state.report
        self.n = batch.num_rows
        self.first_row = read + 2  # the header is row 1
        self.cols = dict(zip(COLUMNS, batch.columns, strict=True))
        self.raw = batch.columns  # as read, for the per-row rules
        self._present_cache, self._codes_cache = {}, {}
        limit = csv.field_size_limit()
        for name, column in self.cols.items():
            longest = pc.max(pc.binary_length(column if name in PLAIN else column.dictionary)).as_py()
            if longest is not None and longest > limit:
                raise Fallback("a field longer than the csv module reads")

    def _codes(self, name):
        """A repeating column as (its distinct values as Python objects, the index of each row's value)."""
        found = self._codes_cache.get(name)
        if found is None:
            column = self.cols[name]
            found = self._codes_cache[name] = (column.dictionary.to_pylist(),
                                               column.indices.to_numpy(zero_copy_only=False))
        return found

    def _present(self, name) -> np.ndarray:
        """Rows whose value in the column is not empty."""
        found = self._present_cache.get(name)
        if found is None:
            column = self.cols[name]
            if name in PLAIN:
                found = pc.greater(pc.binary_length(column), 0).to_numpy(zero_copy_only=False)
            else:
                values, at = self._codes(name)
                found = np.array([v != "" for v in values], dtype=bool)[at]
            self._present_cache[name] = found
        return found

    def load(self, writer: BulkWriter) -> None:
        checks, state, n = self.checks, self.state, self.n
        if state.blocked:  # nothing more will be stored: every row through the rules, for the report
            self._per_row(np.arange(n))
            return
        slow = np.zeros(n, dtype=bool)
        bulk = []  # (order within a row, rule, rows, field, column whose value is shown)

        months, month_at = self._codes("Month")
        if not self._present("Month").all():
            raise Fallback("an empty line")  # the csv module sees a row of no fields
        info = [checks.month(m) for m in months]
        slow |= np.array([m[0] is False for m in info])[month_at]
        if checks.name_month:
            bulk.append((1, "DQ-MONTH-FILENAME", np.array([m != checks.name_month for m in months])[month_at],
                         "Month", "Month"))
        types, type_at = self._codes("Crime type")
        category = np.array([CATEGORY_BY_NAME.get(t, 0) for t in types], dtype=np.int64)[type_at]
        slow |= category == 0
        bulk.append((2, "DQ-CATEGORY-OLD", np.array([t in OLD_CATEGORIES for t in types])[type_at], "Crime type",
                     "Crime type"))

        reps, rep_at = self._codes("Reported by")
        if not self._present("Falls within").all():  # Falls within from Reported by, or the file name's force
            falls, falls_at = self._codes("Falls within")
            effective = [f or r or checks.default_force for f, r in
                         zip(np.array(falls, dtype=object)[falls_at], np.array(reps, dtype=object)[rep_at],
                             strict=True)]
            self.cols["Falls within"] = pa.array(effective, pa.string()).dictionary_encode()
            del self._codes_cache["Falls within"]
        falls, falls_at = self._codes("Falls within")
        slow |= np.array([f == "" for f in falls])[falls_at]
        pair_at = falls_at.astype(np.int64) * len(months) + month_at
        pairs, first, pair_at = np.unique(pair_at, return_index=True, return_inverse=True)
        pair_keys = [(falls[p // len(months)], months[p % len(months)]) for p in pairs.tolist()]
        for key, row in zip(pair_keys, first.tolist(), strict=True):
            if key not in checks.fm_cache:
                slow[row] = True  # opens the force-month (replacing what was stored)
        for _, rep, row in _first_rows(reps, rep_at):
            if rep not in checks.force_ids:
                slow[row] = True

        has_id = self._present("Crime ID")
        asb = category == ASB
        well_formed = pc.match_substring_regex(self.cols["Crime ID"], "^[0-9a-f]{64}$").to_numpy(zero_copy_only=False)
        bulk.append((3, "DQ-ASB-CRIME-ID", asb & has_id, "Crime ID", "Crime ID"))
        bulk.append((3, "DQ-CRIME-ID-MISSING", ~asb & ~has_id, "Crime ID", None))
        bulk.append((3, "DQ-CRIME-ID-FORMAT", ~asb & has_id & ~well_formed, "Crime ID", "Crime ID"))
        self.id_rows = ~asb & well_formed

        x, y, has_point, slow_points = self._points()
        slow |= slow_points
        pair_only = self._present("Longitude") ^ self._present("Latitude")
        bulk.append((4, "DQ-COORD-PAIR", pair_only, "Longitude/Latitude", "point"))
        with np.errstate(invalid="ignore"):
            inside = (UK_LON[0] <= x) & (x <= UK_LON[1]) & (UK_LAT[0] <= y) & (y <= UK_LAT[1])
        bulk.append((4, "DQ-COORD-OUTSIDE-UK", has_point & ~inside, "Longitude/Latitude", "point"))

        has_code = self._present("LSOA code")
        codes, code_at = self._codes("LSOA code")
        slow |= has_code & ~self._known_names(codes, code_at)
        no_code = ~has_code
        bulk.append((5, "DQ-LSOA-PARTIAL", no_code & self._present("LSOA name"), "LSOA code", "LSOA name"))
        bulk.append((6, "DQ-NO-LOCATION", no_code, "Location", "Location"))
        outcomes, outcome_at = self._codes("Last outcome category")
        bulk.append((7, "DQ-OUTCOME-UNKNOWN", np.array([bool(o) and o not in OUTCOMES for o in outcomes])[outcome_at],
                     "Last outcome category", "Last outcome category"))
        same_name = {name: i for i, name in enumerate(falls)}  # Reported by and Falls within compared by name
        rep_as_falls = np.array([same_name.get(r, -1) for r in reps], dtype=np.int64)[rep_at]
        differs = (rep_as_falls != falls_at) & self._present("Reported by")
        bulk.append((8, "DQ-FORCE-DIFFERS", differs, "Reported by", "Reported by"))

        stored, cutoff = self._per_row(np.flatnonzero(slow), bulk, slow)
        if state.blocked:
            return
        fm_of_pair = [checks.fm_cache[key] for key in pair_keys]
        open_pair = np.array([fm is not None for fm in fm_of_pair])
        fast = ~slow & open_pair[pair_at]
        self.fast, self.pair_at, self.fm_of_pair = fast, pair_at, fm_of_pair
        self._count(fast, category, codes, code_at)
        self._crime_ids(fast)
        keep = fast.copy()
        keep[list(stored)] = True
        self._write(writer, keep, stored, months, month_at, info, reps, rep_at, codes, code_at, category, x, y,
                    has_point)

    def _points(self):
        """Longitude and latitude as floats where both are given; rows whose text Python's float() must judge."""
        lon, lat = self.cols["Longitude"], self.cols["Latitude"]
        both = self._present("Longitude") & self._present("Latitude")
        slow = np.zeros(self.n, dtype=bool)
        try:
            x = pc.cast(lon, pa.float64()) if both.all() else pc.cast(pc.if_else(both, lon, None), pa.float64())
            y = pc.cast(lat, pa.float64()) if both.all() else pc.cast(pc.if_else(both, lat, None), pa.float64())
            x, y = (a.to_numpy(zero_copy_only=False) for a in (x, y))
        except pa.ArrowInvalid:  # some text is not a number Arrow reads: let float() decide row by row
            x, y = np.full(self.n, np.nan), np.full(self.n, np.nan)
            for i in np.flatnonzero(both).tolist():
                try:
                    x[i], y[i] = float(lon[i].as_py()), float(lat[i].as_py())
                except ValueError:
                    slow[i] = True
        with np.errstate(invalid="ignore"):
            slow |= both & ~(np.isfinite(x) & np.isfinite(y))  # nan/inf: Arrow reads more spellings than float()
        return x, y, both & ~slow, slow

    def _known_names(self, codes: list, code_at: np.ndarray) -> np.ndarray:
        """Rows whose LSOA name is the one already known for their code (nothing to report). A code new to
        the file is learnt from its first row, which goes through the rules."""
        known = self.state.lsoa_names
        names, name_at = self._codes("LSOA name")
        position = {name: i for i, name in enumerate(names)}
        expected, learnt = np.full(len(codes), -1, dtype=np.int64), []
        for j, code, row in _first_rows(codes, code_at):
            name = known.get(code)
            if name is None and code:
                name = names[name_at[row]]
                learnt.append(row)
            expected[j] = position.get(name, -1)
        same = expected[code_at] == name_at
        same[learnt] = False
        return same

    def _per_row(self, rows: np.ndarray, bulk=(), slow=None) -> tuple[dict, int]:
        """The rules for the given rows, in order, through StreetChecks.check; once a row blocks the file, every
        later row of the block too. Issues are reported in row order, merged with the column-wise ones."""
        checks, report, state = self.checks, self.report, self.state
        events, stored, current = [], {}, [0]
        record = report.add

        def add(*args, **kwargs):
            events.append((current[0], len(events), args, kwargs))

        report.add = add  # every rule the row breaks, from the checks, the force-months and the LSOAs
        cols = self.raw
        cutoff = self.n
        try:
            todo, k = rows.tolist(), 0
            while k < len(todo):
                i = todo[k]
                k += 1
                current[0] = self.first_row + i
                was_blocked = state.blocked
                result = checks.check(current[0], [c[i].as_py() for c in cols])
                if result is not None:
                    stored[i] = result
                if state.blocked and not was_blocked:  # nothing will be stored: the rest of the block row by row
                    cutoff, todo, k = i + 1, list(range(i + 1, self.n)), 0
        finally:
            del report.add
        for order, rule, mask, field, shown in bulk:
            found = np.flatnonzero(mask & ~slow)
            found = found[found < cutoff]
            if not found.size:
                continue
            for i in found[:MAX_ISSUES].tolist():
                events.append((self.first_row + i, -1000 + order, (rule,), self._issue(i, field, shown)))
            report.counts[rule] += max(0, found.size - MAX_ISSUES)
        for _, _, args, kwargs in sorted(events, key=lambda e: (e[0], e[1])):
            record(*args, **kwargs)
        return stored, cutoff

    def _issue(self, i: int, field: str, shown: str | None) -> dict:
        if shown is None:
            value = ""
        elif shown == "point":
            value = f"{self.cols['Longitude'][i].as_py()},{self.cols['Latitude'][i].as_py()}"
        else:
            value = self.cols[shown][i].as_py()
        issue = {"row": self.first_row + i, "field": field, "value": value}
        if field == "Month":
            issue["detail"] = f"The file name says {self.checks.name_month}."
        return issue

    def _count(self, fast, category, codes, code_at) -> None:
        """Add the fast rows to the monthly counts (the per-row rules counted the others)."""
        counts = self.checks.fast_counts
        fm_at = np.array([counts.fm_index(fm) for fm in self.fm_of_pair], dtype=np.int64)[self.pair_at]
        code_ids = np.array([counts.code_index(c) for c in codes], dtype=np.int64)
        lsoa_at = np.where(self._present("LSOA code"), code_ids[code_at], 0)
        counts.add(((fm_at << 24 | lsoa_at) << 6 | category)[fast])

    def _crime_ids(self, fast) -> None:
        """The 60-bit prefixes of the fast rows' Crime IDs, per force-month, for the duplicate check."""
        rows = np.flatnonzero(fast & self.id_rows)
        if not rows.size:
            return
        ids = pc.take(self.cols["Crime ID"], pa.array(rows))
        offsets = np.frombuffer(ids.buffers()[1], dtype=np.int32, count=len(ids) + 1, offset=ids.offset * 4)
        data = np.frombuffer(ids.buffers()[2], dtype=np.uint8)[offsets[0]:offsets[-1]].reshape(-1, 64)
        prefixes = (HEX_VALUE[data[:, :15]] << PREFIX_SHIFTS).sum(axis=1)
        rownos = rows.astype(np.int64) + self.first_row
        pair_of_row = self.pair_at[rows]
        for pair, fm in enumerate(self.fm_of_pair):
            if fm is None:
                continue
            mine = pair_of_row == pair
            fm.ids.frombytes(prefixes[mine].tobytes())
            fm.id_rows.frombytes(rownos[mine].tobytes())

    def _write(self, writer, keep, stored, months, month_at, info, reps, rep_at, codes, code_at, category, x, y,
               has_point) -> None:
        state, checks = self.state, self.checks
        rows = np.flatnonzero(keep)
        if not rows.size:
            return
        has_code = self._present("LSOA code")
        self._create_lsoas(stored, codes, code_at, has_code)
        ids = state.lsoa_ids
        lsoa = np.array([ids.get(c) for c in codes] + [None], dtype=object)
        fm_pk = np.array([fm.pk if fm else None for fm in self.fm_of_pair], dtype=object)
        values = np.empty((rows.size, 12), dtype=object)
        values[:, 0] = fm_pk[self.pair_at[rows]]
        values[:, 1] = np.arange(self.first_row, self.first_row + self.n, dtype=np.int64)[rows].astype(object)
        crime_id = np.array(pc.take(self.cols["Crime ID"], pa.array(rows)).to_pylist(), dtype=object)
        crime_id[~self._present("Crime ID")[rows]] = None
        values[:, 2] = crime_id
        values[:, 3] = np.array([m[1] for m in info], dtype=object)[month_at[rows]]
        values[:, 4] = np.array([checks.force_ids[r] for r in reps], dtype=object)[rep_at[rows]]
        point = has_point[rows]
        for column, floats in ((5, x), (6, y)):
            objects = floats[rows].astype(object)
            objects[~point] = None
            values[:, column] = objects
        values[:, 7] = self._objects("Location", rows)
        values[:, 8] = lsoa[np.where(has_code[rows], code_at[rows], len(codes))]
        values[:, 9] = category[rows].astype(object)
        values[:, 10] = self._objects("Last outcome category", rows)
        values[:, 11] = self._objects("Context", rows)
        if stored:
            at = np.searchsorted(rows, np.array(sorted(stored)))
            for position, row in zip(at.tolist(), sorted(stored), strict=True):
                result = stored[row]
                if result[9].__class__ is str:
                    result[9] = ids[result[9]]
                values[position] = [result[0], *result[2:]]  # the batch id is a constant of the writer
        writer.write_block(values)

    def _create_lsoas(self, stored: dict, codes: list, code_at: np.ndarray, has_code: np.ndarray) -> None:
        """Areas for the LSOA codes new to the database, in the order of their first stored row (as the csv
        reader creates them)."""
        ids = self.state.lsoa_ids
        first: dict[str, int] = {}
        missing = {j for j, code in enumerate(codes) if code and code not in ids}
        if missing:
            rows = np.flatnonzero(self.fast & has_code)
            found, at = np.unique(code_at[rows], return_index=True)
            first = {codes[j]: int(rows[a]) for j, a in zip(found.tolist(), at.tolist(), strict=True) if j in missing}
        for row, result in stored.items():
            code = result[9]
            if code.__class__ is str and code not in ids and row < first.get(code, self.n):
                first[code] = row
        if first:
            from saferplace.geography.services import ensure_lsoas

            names = self.state.lsoa_names
            new = {code: names.get(code, "") for code in sorted(first, key=first.get)}
            ids.update({code: area.pk for code, area in ensure_lsoas(new).items()})

    def _objects(self, name: str, rows: np.ndarray) -> np.ndarray:
        """A repeating column's values for the given rows as Python str (each distinct value made once)."""
        values, at = self._codes(name)
        return np.array(values, dtype=object)[at[rows]]
