"""Word (DOCX) with python-docx, for the committee clerk to edit.

- Section headings use Word's Heading 1 style, sub-headings Heading 2, so the navigation pane and a table of
  contents work; appendices use Heading 1 without a number.
- Section and paragraph numbers are real Word list numbering (one multi-level list: "1." for sections,
  "1.1" for paragraphs, restarting in each section), so a clerk who inserts a paragraph gets 2.3 renumbered.
- Tables use "Table Grid" with a repeating header row and rows that never split across pages.
- Figures are PNG with alternative text (the picture's description) and a caption.
- Deterministic: the core properties carry the report date, and the package's entries are re-dated.
"""

from __future__ import annotations

import io
from datetime import datetime
from pathlib import Path

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt, RGBColor
from docx.text.paragraph import Paragraph as DocxParagraph

from ..model import (
    RESTRICTED,
    Bullets,
    ExemptNotice,
    Figure,
    Note,
    Paragraph,
    Report,
    Subheading,
    Table,
    sources,
)
from .common import figure_png, stable_zip
from .html import RESTRICTED_MARK

NUM_ID = 90
INDENT = 567  # twentieths of a point: 1 cm
NUMBERING = f"""<w:abstractNum {nsdecls("w")} w:abstractNumId="{NUM_ID}">
  <w:multiLevelType w:val="multilevel"/>
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/><w:lvlJc w:val="left"/>
    <w:pPr><w:ind w:left="{INDENT}" w:hanging="{INDENT}"/></w:pPr></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/><w:lvlJc w:val="left"/>
    <w:pPr><w:ind w:left="{INDENT}" w:hanging="{INDENT}"/></w:pPr></w:lvl>
</w:abstractNum>"""


def _setup_numbering(doc) -> None:
    numbering = doc.part.numbering_part.element
    abstract = parse_xml(NUMBERING)
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)  # abstract numberings must come before the numbering instances
    else:
        numbering.append(abstract)
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="{NUM_ID}"><w:abstractNumId w:val="{NUM_ID}"/>'
                               "</w:num>"))


def _number(paragraph, level: int) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    ppr.append(parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="{NUM_ID}"/></w:numPr>'))


def _styles(doc) -> None:
    normal = doc.styles["Normal"]
    normal.font.name = "Arial"
    normal.font.size = Pt(11)
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), "Arial")
    for name, size in (("Title", 20), ("Heading 1", 15), ("Heading 2", 12), ("Heading 3", 11)):
        style = doc.styles[name]
        style.font.name = "Arial"
        style.font.size = Pt(size)
        style.font.color.rgb = RGBColor(0x0B, 0x0C, 0x0C)
    for section in doc.sections:
        section.page_height, section.page_width = Cm(29.7), Cm(21.0)
        section.left_margin = section.right_margin = Cm(2.0)
        section.top_margin, section.bottom_margin = Cm(2.2), Cm(2.0)


def _runs(paragraph, block: Paragraph) -> None:
    paragraph.add_run(block.text)


def _cell_text(tc, value: str, bold: bool = False, right: bool = False, size=None) -> None:
    """Write into a new table cell's own paragraph directly (python-docx's cell lookups are slow on big tables)."""
    p = DocxParagraph(tc.p_lst[0], None)
    run = p.add_run(value)
    if bold:
        run.bold = True
    if size is not None:
        run.font.size = size
    if right:
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT


def _grid(doc, headings: list[str], rows: list[list[str]], numeric: list[bool], total: bool = False, size=None):
    table = doc.add_table(rows=len(rows) + 1, cols=len(headings))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    trs = table._tbl.tr_lst
    trs[0].get_or_add_trPr().append(parse_xml(f'<w:tblHeader {nsdecls("w")}/>'))
    for tc, heading, right in zip(trs[0].tc_lst, headings, numeric, strict=True):
        _cell_text(tc, heading, bold=True, right=right, size=size)
    for i, (tr, row) in enumerate(zip(trs[1:], rows, strict=True)):
        tr.get_or_add_trPr().append(parse_xml(f'<w:cantSplit {nsdecls("w")}/>'))
        bold = total and i == len(rows) - 1
        for tc, value, right in zip(tr.tc_lst, row, numeric, strict=True):
            _cell_text(tc, value, bold=bold, right=right, size=size)
    return table


def _table(doc, t: Table, number: int) -> None:
    caption = doc.add_paragraph(f"Table {number}: {t.caption}", style="Caption")
    caption.paragraph_format.keep_with_next = True
    _grid(doc, [c.heading for c in t.columns], [[v.text for v in row] for row in t.rows],
          [c.kind != "text" for c in t.columns], total=t.total_row)
    for note in t.notes:
        doc.add_paragraph(note, style="Caption")
    doc.add_paragraph()


def _figure(doc, f: Figure, counters: dict) -> None:
    counters["figures"] += 1
    doc.add_picture(io.BytesIO(figure_png(f)), width=Cm(16.5) if f.map is None else Cm(13))
    picture_paragraph = doc.paragraphs[-1]
    picture_paragraph.paragraph_format.keep_with_next = True
    doc_pr = picture_paragraph._p.xpath(".//wp:docPr")[0]
    doc_pr.set("descr", f.alt)
    doc_pr.set("title", f.caption)
    doc.add_paragraph(f"Figure {counters['figures']}: {f.caption}", style="Caption")
    if f.table is not None:
        counters["tables"] += 1
        _table(doc, f.table, counters["tables"])


def _sources(doc, report: Report) -> None:
    grouped: dict = {}
    for line in sources(report):
        grouped.setdefault(line.provenance, []).append(line.where)
    if not grouped:
        return
    doc.add_page_break()
    doc.add_heading("Sources of the figures", level=1)
    doc.add_paragraph("Every figure in this report comes from one of these sources. The spreadsheet version lists "
                      "each figure with its source.")
    headings = ["Dataset", "Measure", "Area", "Period", "Import", "Used in"]
    rows = [[prov.dataset, prov.measure, prov.area, prov.period, prov.batch or "–", ", ".join(dict.fromkeys(places))]
            for prov, places in grouped.items()]
    _grid(doc, headings, rows, [False] * len(headings), size=Pt(8))


def render(report: Report) -> bytes:
    doc = Document()
    _styles(doc)
    _setup_numbering(doc)
    doc.add_paragraph(report.title, style="Title")
    if report.audience == RESTRICTED:
        mark = doc.add_paragraph()
        run = mark.add_run(RESTRICTED_MARK)
        run.bold = True
        run.font.color.rgb = RGBColor(0xD4, 0x35, 0x1C)
    for key, value in report.meta:
        p = doc.add_paragraph()
        p.add_run(f"{key}: ").bold = True
        p.add_run(value)
    for note in report.notes:
        doc.add_paragraph(note, style="Intense Quote")
    counters = {"tables": 0, "figures": 0}
    for number, section, blocks in report.numbered():
        if section.appendix:
            doc.add_page_break()
        heading = doc.add_heading(section.heading, level=1)
        if number:
            _number(heading, 0)
        for para_no, block in blocks:
            if isinstance(block, Paragraph):
                p = doc.add_paragraph()
                if para_no:
                    _number(p, 1)
                _runs(p, block)
            elif isinstance(block, Bullets):
                for item in block.items:
                    p = doc.add_paragraph(style="List Bullet")
                    p.paragraph_format.left_indent = Cm(1.6)
                    _runs(p, item)
            elif isinstance(block, Subheading):
                doc.add_heading(block.text, level=2)
            elif isinstance(block, Table):
                counters["tables"] += 1
                _table(doc, block, counters["tables"])
            elif isinstance(block, Figure):
                _figure(doc, block, counters)
            elif isinstance(block, Note):
                doc.add_paragraph(block.text, style="Caption")
            elif isinstance(block, ExemptNotice):
                doc.add_paragraph().add_run(block.text).bold = True
            else:
                raise TypeError(f"no Word output for {type(block).__name__}")
    _sources(doc, report)
    when = datetime(report.report_date.year, report.report_date.month, report.report_date.day)
    props = doc.core_properties
    props.title = report.title
    props.subject = report.kind
    props.author = props.last_modified_by = "Saferplace"
    props.created = props.modified = props.last_printed = when
    props.revision = 1
    props.comments = f"{report.audience.capitalize()} version"
    props.keywords = ""
    buf = io.BytesIO()
    doc.save(buf)
    return stable_zip(buf.getvalue(), report.report_date)


def write(report: Report, path: Path) -> Path:
    path.write_bytes(render(report))
    return path
