"""The report document model: what a report says, independent of the format it is written in.

A report is sections of blocks (numbered paragraphs, bullet lists, sub-headings, tables, figures, notes).
Every number is a `Value` that carries its `Provenance` (dataset, import batch, period, measure), so any
figure in any format can be traced to where it came from. Builders (builders/) make a restricted report;
`disclosure.public_version()` derives the public one; renderers (render/) only write what they are given.

Paragraph numbers follow the seed report: sections are 1, 2, 3 …; the paragraphs of section 2 are 2.1,
2.2 …, carrying on across its sub-headings; appendices are titled, not numbered.
"""

from __future__ import annotations

import string
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal

PUBLIC, RESTRICTED = "public", "restricted"
AUDIENCES = (PUBLIC, RESTRICTED)
EXEMPT_TEXT = "THIS IS AN EXEMPT ITEM"

COUNT, MONEY, RATE, PERCENT, NUMBER, TEXT = "count", "money", "rate", "percent", "number", "text"


@dataclass(frozen=True)
class Provenance:
    """Where a number comes from. `batch` names the import batches (or records) it was computed from."""

    dataset: str
    period: str = ""
    measure: str = ""
    batch: str = ""
    area: str = ""
    source: str = ""

    def describe(self) -> str:
        parts = [self.dataset, self.measure, self.area, self.period]
        text = "; ".join(p for p in parts if p)
        if self.batch:
            text += f" (import: {self.batch})"
        if self.source:
            text += f" [{self.source}]"
        return text


@dataclass(frozen=True)
class Value:
    """A number (or a short text) as it appears in a sentence or a table cell.

    `disclosive` marks counts of people, cases or incidents: in a public version a disclosive count below the
    threshold is shown as "fewer than N" (`suppressed` holds that threshold once applied). Money, rates and
    counts of things (leaflets, locations) are never suppressed.
    """

    value: int | float | Decimal | str | None
    kind: str = COUNT
    provenance: Provenance | None = None
    disclosive: bool = False
    suppressed: int = 0
    withheld: bool = False
    unit: str = ""
    decimals: int = 1

    @property
    def text(self) -> str:
        if self.suppressed:
            return f"fewer than {self.suppressed}"
        if self.withheld:
            return "withheld"
        v = self.value
        if v is None:
            return "not available"
        if self.kind == TEXT:
            return str(v)
        if self.kind == MONEY:
            amount = Decimal(str(v))
            return f"£{amount:,.0f}" if amount == amount.to_integral_value() else f"£{amount:,.2f}"
        if self.kind == PERCENT:
            return f"{float(v):.{self.decimals}f}%"
        if self.kind == RATE:
            return f"{float(v):,.{self.decimals}f}"
        if self.kind == NUMBER and not float(v).is_integer():
            return f"{float(v):,.{self.decimals}f}"
        return f"{int(round(float(v))):,}"

    @property
    def numeric(self) -> bool:
        return self.kind != TEXT

    def plain(self):
        """The value for a spreadsheet or a chart: a number, or None where suppressed."""
        if self.suppressed or self.withheld or self.value is None:
            return None
        if self.kind == TEXT:
            return str(self.value)
        if self.kind == MONEY:
            return float(Decimal(str(self.value)))
        return float(self.value) if not float(self.value).is_integer() else int(self.value)


def text(value) -> Value:
    return Value(value, kind=TEXT)


def count(value, provenance: Provenance | None = None, *, disclosive: bool = True, unit: str = "") -> Value:
    return Value(value, kind=COUNT, provenance=provenance, disclosive=disclosive, unit=unit)


def money(value, provenance: Provenance | None = None) -> Value:
    return Value(value, kind=MONEY, provenance=provenance)


@dataclass(frozen=True)
class Paragraph:
    """Text with embedded values. `numbered` paragraphs get the seed's 2.1, 2.2 numbers."""

    parts: tuple[str | Value, ...]
    numbered: bool = True
    personal: bool = False
    public_alternative: str = ""  # said instead in a public version when any of its counts is suppressed

    @property
    def text(self) -> str:
        return "".join(p.text if isinstance(p, Value) else p for p in self.parts)

    def values(self) -> list[Value]:
        return [p for p in self.parts if isinstance(p, Value)]


def para(template: str, numbered: bool = True, public_alternative: str = "", **values: Value | str | int) -> Paragraph:
    """Paragraph from a format string: para("Recorded crime was {n}.", n=count(8023, prov))."""
    parts: list[str | Value] = []
    for literal, name, spec, _ in string.Formatter().parse(template):
        if literal:
            parts.append(literal)
        if name is not None:
            v = values[name]
            parts.append(v if isinstance(v, Value) else format(v, spec or ""))
    merged: list[str | Value] = []
    for p in parts:
        if isinstance(p, str) and merged and isinstance(merged[-1], str):
            merged[-1] += p
        else:
            merged.append(p)
    return Paragraph(tuple(merged), numbered=numbered, public_alternative=public_alternative)


@dataclass(frozen=True)
class Bullets:
    items: tuple[Paragraph, ...]


def bullets(*items: str | Paragraph) -> Bullets:
    return Bullets(tuple(i if isinstance(i, Paragraph) else Paragraph((i,), numbered=False) for i in items))


@dataclass(frozen=True)
class ExemptNotice:
    """What a public version shows in place of an exempt item's content."""

    text: str = EXEMPT_TEXT


@dataclass(frozen=True)
class Subheading:
    text: str


@dataclass(frozen=True)
class Note:
    """A note for the reader (method, caveat, source) shown apart from the numbered text."""

    text: str


@dataclass(frozen=True)
class Column:
    heading: str
    kind: str = TEXT
    in_total: bool = False  # this column is summed into the row-total column
    is_total: bool = False  # this column is the sum of the in_total columns of its row


@dataclass(frozen=True)
class Table:
    """A table of Values. When `total_row` is set the last row is the column sums of the rows above it.

    The total structure is declared so that small-count suppression can protect totals (disclosure.py).
    """

    key: str
    caption: str
    columns: tuple[Column, ...]
    rows: tuple[tuple[Value, ...], ...]
    total_row: bool = False
    notes: tuple[str, ...] = ()
    restricted: bool = False  # left out of a public version (e.g. a list whose length is a small count)

    def column_values(self, index: int) -> list[Value]:
        return [row[index] for row in self.rows]


@dataclass(frozen=True)
class Chart:
    """How to draw a table as a Vega-Lite chart: `x` is a column index and `ys` the columns drawn, one series
    each, named by its heading (a wide table reads better than a long one)."""

    mark: str  # "line" or "bar"
    x: int
    ys: tuple[int, ...]
    x_title: str = ""
    y_title: str = ""


@dataclass(frozen=True)
class MapLayer:
    """Grid cells (squares in British National Grid metres) whose counts are a column of the figure's table.

    `cells[i]` is (easting, northing) of the south-west corner of the cell in row i of the table.
    """

    cells: tuple[tuple[float, float], ...]
    size: float
    value_column: int
    boundary: str = "worcester_lad20_boundary.geojson"


@dataclass(frozen=True)
class Figure:
    """A chart (from a Vega-Lite spec built from `table`), a map (drawn from local geometry beside `table`),
    or a ready-made SVG diagram. `alt` is the text alternative; `table` always gives the same figures."""

    key: str
    caption: str
    alt: str
    table: Table | None = None
    chart: Chart | None = None
    map: MapLayer | None = None
    svg: str = ""
    provenance: Provenance | None = None


@dataclass(frozen=True)
class Section:
    """A numbered section (or an appendix when `appendix` is set). An exempt section keeps its heading in the
    public version, with its content replaced by EXEMPT_TEXT."""

    key: str
    heading: str
    blocks: tuple = ()
    exempt: bool = False
    appendix: bool = False


@dataclass(frozen=True)
class Report:
    kind: str
    title: str
    report_date: date
    audience: str
    sections: tuple[Section, ...]
    meta: tuple[tuple[str, str], ...] = ()
    summary: str = ""
    options: tuple[tuple[str, str], ...] = ()
    notes: tuple[str, ...] = ()
    threshold: int = 5

    @property
    def main_sections(self) -> list[Section]:
        return [s for s in self.sections if not s.appendix]

    @property
    def appendices(self) -> list[Section]:
        return [s for s in self.sections if s.appendix]

    def numbered(self) -> Iterator[tuple[str, Section, list[tuple[str, object]]]]:
        """(section number or "", section, [(paragraph number or "", block)]) in reading order."""
        n = 0
        for section in self.sections:
            if section.appendix:
                yield "", section, [("", b) for b in section.blocks]
                continue
            n += 1
            k, numbered = 0, []
            for block in section.blocks:
                if isinstance(block, Paragraph) and block.numbered:
                    k += 1
                    numbered.append((f"{n}.{k}", block))
                else:
                    numbered.append(("", block))
            yield str(n), section, numbered

    def tables(self) -> list[tuple[Section, Table]]:
        out = []
        for section in self.sections:
            for block in section.blocks:
                if isinstance(block, Table):
                    out.append((section, block))
                elif isinstance(block, Figure) and block.table is not None:
                    out.append((section, block.table))
        return out

    def figures(self) -> list[Figure]:
        return [b for s in self.sections for b in s.blocks if isinstance(b, Figure)]

    def with_sections(self, sections, **changes) -> Report:
        return replace(self, sections=tuple(sections), **changes)


def all_values(block) -> list[Value]:
    """Every Value in a block, for checks and for the sources list."""
    if isinstance(block, Paragraph):
        return block.values()
    if isinstance(block, Bullets):
        return [v for item in block.items for v in item.values()]
    if isinstance(block, Table):
        return [v for row in block.rows for v in row]
    if isinstance(block, Figure) and block.table is not None:
        return all_values(block.table)
    return []


@dataclass
class SourceLine:
    where: str
    what: str
    value: str
    provenance: Provenance


def sources(report: Report) -> list[SourceLine]:
    """One line per number with a provenance, in reading order: what the Sources sheet and appendix list."""
    out: list[SourceLine] = []
    for number, section, blocks in report.numbered():
        place = f"Section {number}" if number else section.heading
        for para_no, block in blocks:
            where = f"Paragraph {para_no}" if para_no else place
            if isinstance(block, Table | Figure):
                table = block if isinstance(block, Table) else block.table
                if table is None:
                    continue
                for row in table.rows:
                    label = row[0].text if row and not row[0].numeric else ""
                    for col, v in zip(table.columns, row, strict=False):
                        if v.provenance is not None and v.numeric:
                            out.append(SourceLine(f"{table.caption}", f"{label} – {col.heading}".strip(" –"),
                                                  v.text, v.provenance))
            else:
                for v in all_values(block):
                    if v.provenance is not None:
                        out.append(SourceLine(where, v.provenance.measure, v.text, v.provenance))
    return out


def slug(text: str) -> str:
    keep = "".join(c.lower() if c.isalnum() else "-" for c in text)
    return "-".join(p for p in keep.split("-") if p)[:60]


@dataclass
class Builder:
    """Collects sections while a builder works; keeps section keys unique."""

    sections: list[Section] = field(default_factory=list)

    def add(self, heading: str, *blocks, exempt: bool = False, appendix: bool = False, key: str = "") -> Section:
        section = Section(key or slug(heading), heading, tuple(b for b in blocks if b is not None), exempt, appendix)
        self.sections.append(section)
        return section
