"""The document model and the public version's disclosure rules, on small hand-made reports."""

from datetime import date

from saferplace.reports.disclosure import public_version, suppress_table
from saferplace.reports.model import (
    COUNT,
    EXEMPT_TEXT,
    RESTRICTED,
    Builder,
    Column,
    ExemptNotice,
    Paragraph,
    Provenance,
    Report,
    Table,
    Value,
    count,
    money,
    para,
    text,
)

PROV = Provenance("test data", "2023-24", "things")


def table(rows, total_row=True, total_col=True):
    cols = [Column("Name"), Column("A", COUNT, in_total=total_col), Column("B", COUNT, in_total=total_col)]
    if total_col:
        cols.append(Column("Total", COUNT, is_total=True))
    body = []
    for name, a, b in rows:
        cells = [text(name), count(a, PROV), count(b, PROV)]
        if total_col:
            cells.append(count(a + b, PROV))
        body.append(tuple(cells))
    if total_row:
        a, b = sum(r[1] for r in rows), sum(r[2] for r in rows)
        totals = [text("Total"), count(a, PROV), count(b, PROV)] + ([count(a + b, PROV)] if total_col else [])
        body.append(tuple(totals))
    return Table("t", "T", tuple(cols), tuple(body), total_row=total_row)


def hidden(v: Value) -> bool:
    return bool(v.suppressed or v.withheld)


def test_value_text():
    assert count(8023).text == "8,023"
    assert money(4132).text == "£4,132"
    assert money("420894.48").text == "£420,894.48"
    assert Value(3, COUNT, suppressed=5).text == "fewer than 5"


def test_small_counts_shown_as_fewer_than_and_zero_kept():
    t = suppress_table(table([("x", 3, 0), ("y", 10, 20)], total_row=False, total_col=False), 5)
    assert t.rows[0][1].text == "fewer than 5"
    assert t.rows[0][2].text == "0"
    assert t.rows[1][1].text == "10"


def test_no_hidden_count_recoverable_from_totals():
    """Every line (row or column) that adds to a total shows none or at least two hidden figures, so no
    hidden figure equals the total minus the figures shown."""
    rows = [("a", 3, 40), ("b", 12, 9), ("c", 7, 1), ("d", 30, 25)]
    t = suppress_table(table(rows), 5)
    grid = [[v for v in row[1:]] for row in t.rows]
    for line in grid:  # rows, with their total column
        assert sum(hidden(v) for v in line) != 1
    for c in range(3):  # columns, with the total row
        assert sum(hidden(row[c]) for row in grid) != 1
    # the primary cells say "fewer than 5"; the complementary ones are withheld, not mislabelled
    assert t.rows[0][1].text == "fewer than 5" and t.rows[2][2].text == "fewer than 5"
    assert all(not (v.withheld and v.suppressed) for row in t.rows for v in row)
    withheld = [v.value for row in t.rows for v in row if v.withheld]
    assert withheld and all(w >= 5 for w in withheld)


def test_public_version_exempt_restricted_and_alternatives():
    b = Builder()
    b.add("One", para("We saw {n} cases.", n=count(3, PROV)),
          para("Change from {n}.", n=count(2, PROV), public_alternative="Not shown in public."),
          Paragraph(("Officer: Jane Example",), personal=True),
          Table("r", "Restricted list", (Column("Ref"),), ((text("DHR 1"),),), restricted=True))
    b.add("Appendix 3 Assessment", para("Secret analysis", numbered=False), exempt=True, appendix=True)
    report = Report("annual", "R", date(2024, 5, 1), RESTRICTED, tuple(b.sections))
    public = public_version(report)
    texts = [blk.text for s in public.sections for blk in s.blocks if hasattr(blk, "text")]
    assert "We saw fewer than 5 cases." in texts
    assert "Not shown in public." in texts
    assert not any("Jane" in t for t in texts)
    assert not any("Secret" in t for t in texts)
    assert isinstance(public.sections[1].blocks[0], ExemptNotice) and public.sections[1].blocks[0].text == EXEMPT_TEXT
    assert not any(isinstance(blk, Table) for blk in public.sections[0].blocks)
    assert public_version(public) == public  # idempotent


def test_paragraph_numbers_follow_the_seed():
    b = Builder()
    b.add("Recommendation", para("a"), para("b"))
    b.add("Background", para("c"), para("note", numbered=False), para("d"))
    b.add("Appendix 1 Partners", para("x", numbered=False), appendix=True)
    report = Report("annual", "R", date(2024, 5, 1), RESTRICTED, tuple(b.sections))
    numbered = [(n, [k for k, _ in blocks]) for n, _, blocks in report.numbered()]
    assert numbered == [("1", ["1.1", "1.2"]), ("2", ["2.1", "", "2.2"]), ("", [""])]
