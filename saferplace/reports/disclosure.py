"""The public version of a report: exempt items out, personal data out, small counts suppressed.

Rules (docs/adr/0701-public-version-disclosure.md):
- an exempt section keeps its heading and shows only "THIS IS AN EXEMPT ITEM";
- a paragraph marked personal, and a table marked restricted, is left out;
- a paragraph whose counts would be suppressed and that has a public alternative (a change sentence whose
  difference would reveal the hidden count) says the alternative instead;
- a disclosive count (people, cases, incidents) from 1 to threshold − 1 is shown as "fewer than 5"
  (primary suppression); zero is shown, as it discloses no one;
- in a table with totals, every row and column that adds up to a total shown must hide either none or at
  least two of its figures, so that no hidden figure can be recovered by subtracting the others from the
  total; the smallest remaining figure of such a line is withheld (secondary suppression), repeated until
  every line is safe; a figure withheld in a table is withheld wherever else the report states it.
"""

from __future__ import annotations

from dataclasses import replace

from .model import (
    COUNT,
    PUBLIC,
    Bullets,
    ExemptNotice,
    Figure,
    Paragraph,
    Report,
    Section,
    Table,
    Value,
)

PUBLIC_NOTE = (
    "This is the public version. Exempt items are left out, no personal data is shown, counts of fewer than "
    "{t} people, cases or incidents are shown as “fewer than {t}”, and where a total would let such a count "
    "be worked out another figure is withheld."
)


def is_small(value: Value, threshold: int) -> bool:
    if not value.disclosive or value.kind != COUNT or value.value is None:
        return False
    return 0 < float(value.value) < threshold


def suppress_value(value: Value, threshold: int) -> Value:
    return replace(value, suppressed=threshold) if is_small(value, threshold) else value


def _lines(table: Table) -> list[list[tuple[int, int]]]:
    """Each group of cells that adds up to a total shown in the table (the total cell included)."""
    lines = []
    body = range(len(table.rows) - 1) if table.total_row else range(len(table.rows))
    total_cols = [i for i, c in enumerate(table.columns) if c.is_total]
    member_cols = [i for i, c in enumerate(table.columns) if c.in_total]
    if total_cols and member_cols:
        for r in range(len(table.rows)):
            lines.append([(r, c) for c in member_cols] + [(r, total_cols[0])])
    if table.total_row:
        last = len(table.rows) - 1
        for c, col in enumerate(table.columns):
            if col.kind == COUNT:
                lines.append([(r, c) for r in body] + [(last, c)])
    return lines


def suppress_table(table: Table, threshold: int) -> Table:
    cells = {(r, c): v for r, row in enumerate(table.rows) for c, v in enumerate(row)}
    primary = {rc for rc, v in cells.items() if is_small(v, threshold)}
    withheld: set[tuple[int, int]] = set()
    lines = [line for line in _lines(table) if all(cells[rc].disclosive for rc in line)]
    changed = True
    while changed:
        changed = False
        for line in lines:
            hidden = [rc for rc in line if rc in primary or rc in withheld]
            if len(hidden) != 1:
                continue
            total_cell = line[-1]
            candidates = [rc for rc in line if rc not in primary and rc not in withheld and rc != total_cell
                          and cells[rc].value is not None]
            if not candidates:
                candidates = [total_cell] if total_cell not in hidden else []
            if not candidates:
                continue
            pick = min(candidates, key=lambda rc: (float(cells[rc].value) == 0, float(cells[rc].value), rc))
            withheld.add(pick)
            changed = True
    rows = []
    for r, row in enumerate(table.rows):
        new_row = []
        for c, v in enumerate(row):
            if (r, c) in primary:
                v = replace(v, suppressed=threshold)
            elif (r, c) in withheld:
                v = replace(v, withheld=True)
            new_row.append(v)
        rows.append(tuple(new_row))
    return replace(table, rows=tuple(rows))


def _public_block(block, threshold: int, withheld: set):
    if isinstance(block, Paragraph):
        if block.personal:
            return None
        parts = tuple(_public_value(p, threshold, withheld) if isinstance(p, Value) else p for p in block.parts)
        hidden = any(isinstance(p, Value) and (p.suppressed or p.withheld) for p in parts)
        if hidden and block.public_alternative:
            return replace(block, parts=(block.public_alternative,), public_alternative="")
        return replace(block, parts=parts)
    if isinstance(block, Bullets):
        items = tuple(_public_block(i, threshold, withheld) for i in block.items)
        return replace(block, items=tuple(i for i in items if i is not None))
    if isinstance(block, Table):
        return None if block.restricted else suppress_table(block, threshold)
    if isinstance(block, Figure) and block.table is not None:
        return replace(block, table=suppress_table(block.table, threshold))
    return block


def _public_value(value: Value, threshold: int, withheld: set) -> Value:
    value = suppress_value(value, threshold)
    if not value.suppressed and value.disclosive and (value.provenance, value.value) in withheld:
        return replace(value, withheld=True)
    return value


def public_version(report: Report, threshold: int | None = None) -> Report:
    """The version anyone may read. Idempotent: the public version of a public version is itself."""
    threshold = threshold or report.threshold
    # First the tables, to learn which figures secondary suppression withholds.
    withheld = set()
    for _, table in report.tables():
        for row in suppress_table(table, threshold).rows:
            for v in row:
                if v.withheld:
                    withheld.add((v.provenance, v.value))
    sections = []
    for section in report.sections:
        if section.exempt:
            sections.append(replace(section, blocks=(ExemptNotice(),)))
            continue
        blocks = tuple(b for b in (_public_block(b, threshold, withheld) for b in section.blocks) if b is not None)
        sections.append(replace(section, blocks=blocks))
    notes = report.notes if report.audience == PUBLIC else (PUBLIC_NOTE.format(t=threshold), *report.notes)
    return report.with_sections(sections, audience=PUBLIC, notes=notes, threshold=threshold)


def for_audience(report: Report, audience: str) -> Report:
    return public_version(report) if audience == PUBLIC else report


def exempt_sections(report: Report) -> list[Section]:
    return [s for s in report.sections if s.exempt]
