"""HTML: the report body as GOV.UK-styled markup, for the web page (inside the project's base template)
and for a standalone print file (print CSS included; also what WeasyPrint turns into the PDF).

Everything is escaped here; nothing in the output depends on the time it was written.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

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
    Value,
    sources,
)
from .common import figure_image

PRINT_CSS = Path(__file__).resolve().parent.parent / "static" / "reports" / "print.css"
RESTRICTED_MARK = "Restricted version: not for publication"


def _value(v: Value) -> str:
    plain = v.plain()
    if plain is None or not v.numeric:
        return escape(v.text)
    return f'<data value="{escape(str(plain))}">{escape(v.text)}</data>'


def _inline(p: Paragraph) -> str:
    return "".join(_value(x) if isinstance(x, Value) else escape(x) for x in p.parts)


class _Counter:
    def __init__(self):
        self.tables = 0
        self.figures = 0


def _table(t: Table, counter: _Counter, extra_class: str = "") -> str:
    counter.tables += 1
    head = "".join(
        f'<th scope="col" class="govuk-table__header{" govuk-table__header--numeric" if c.kind != "text" else ""}">'
        f"{escape(c.heading)}</th>"
        for c in t.columns
    )
    body = []
    for i, row in enumerate(t.rows):
        total = t.total_row and i == len(t.rows) - 1
        cells = []
        for j, (col, v) in enumerate(zip(t.columns, row, strict=True)):
            numeric = col.kind != "text"
            if j == 0 and not numeric:
                cells.append(f'<th scope="row" class="govuk-table__header">{escape(v.text)}</th>')
            else:
                cls = "govuk-table__cell" + (" govuk-table__cell--numeric" if numeric else "")
                cells.append(f'<td class="{cls}">{_value(v)}</td>')
        row_cls = "govuk-table__row" + (" app-table__total" if total else "")
        body.append(f'<tr class="{row_cls}">{"".join(cells)}</tr>')
    notes = "".join(f'<p class="govuk-body-s app-table-note">{escape(n)}</p>' for n in t.notes)
    return (
        f'<table class="govuk-table app-table{extra_class}" id="table-{escape(t.key)}">'
        f'<caption class="govuk-table__caption govuk-table__caption--s">Table {counter.tables}: {escape(t.caption)}'
        f'</caption><thead class="govuk-table__head"><tr class="govuk-table__row">{head}</tr></thead>'
        f'<tbody class="govuk-table__body">{"".join(body)}</tbody></table>{notes}'
    )


def _json_block(data: str, element_id: str) -> str:
    safe = data.replace("<", "\\u003C").replace(">", "\\u003E").replace("&", "\\u0026")
    return f'<script type="application/json" id="{escape(element_id)}">{safe}</script>'


def _figure(f: Figure, counter: _Counter, web: bool) -> str:
    from .. import charts

    counter.figures += 1
    caption = f'<figcaption class="govuk-body-s app-figure__caption">Figure {counter.figures}: {escape(f.caption)}' \
              f"</figcaption>"
    if f.svg and f.chart is None and f.map is None:
        image = f'<div class="app-figure__diagram">{f.svg}</div>'  # built by partnership.diagram, escaped there
    else:
        image = (f'<img class="app-figure__image" src="{figure_image(f)}" alt="{escape(f.alt)}">')
    interactive = ""
    if web and f.chart is not None:
        spec_id = f"spec-{f.key}"
        interactive = (f'<div class="app-chart" data-spec="{escape(spec_id)}" hidden></div>'
                       + _json_block(charts.spec_json(f), spec_id))
    figure = f'<figure class="app-figure" id="figure-{escape(f.key)}">{image}{interactive}{caption}</figure>'
    if f.table is None:
        return figure
    table = _table(f.table, counter, " app-table--compact")
    if f.map is not None:
        return (f'<div class="govuk-grid-row app-map"><div class="govuk-grid-column-two-thirds app-map__figure">'
                f'{figure}</div><div class="govuk-grid-column-one-third app-map__table">{table}</div></div>')
    if web:
        return (f'{figure}<details class="govuk-details"><summary class="govuk-details__summary">'
                f'<span class="govuk-details__summary-text">The figures in figure {counter.figures} as a table'
                f'</span></summary><div class="govuk-details__text">{table}</div></details>')
    return figure + table


def _block(number: str, block, counter: _Counter, web: bool) -> str:
    if isinstance(block, Paragraph):
        num = f'<span class="app-para__number">{escape(number)}</span> ' if number else ""
        return f'<p class="govuk-body app-para{" app-para--numbered" if number else ""}">{num}{_inline(block)}</p>'
    if isinstance(block, Bullets):
        items = "".join(f"<li>{_inline(i)}</li>" for i in block.items)
        return f'<ul class="govuk-list govuk-list--bullet app-bullets">{items}</ul>'
    if isinstance(block, Subheading):
        return f'<h3 class="govuk-heading-s app-subheading">{escape(block.text)}</h3>'
    if isinstance(block, Table):
        return _table(block, counter)
    if isinstance(block, Figure):
        return _figure(block, counter, web)
    if isinstance(block, Note):
        return f'<p class="govuk-body-s app-note">{escape(block.text)}</p>'
    if isinstance(block, ExemptNotice):
        return f'<p class="govuk-body govuk-!-font-weight-bold app-exempt">{escape(block.text)}</p>'
    raise TypeError(f"no HTML for {type(block).__name__}")


def _sources(report: Report, counter: _Counter) -> str:
    grouped: dict = {}
    for line in sources(report):
        grouped.setdefault(line.provenance, []).append(line.where)
    rows = []
    for prov, places in grouped.items():
        used = ", ".join(dict.fromkeys(places))
        cells = [prov.dataset, prov.measure, prov.area, prov.period, prov.batch or "–", used]
        rows.append('<tr class="govuk-table__row">' + "".join(
            f'<td class="govuk-table__cell">{escape(c)}</td>' for c in cells) + "</tr>")
    if not rows:
        return ""
    head = "".join(f'<th scope="col" class="govuk-table__header">{h}</th>'
                   for h in ("Dataset", "Measure", "Area", "Period", "Import", "Used in"))
    return (
        '<section class="app-section app-sources" id="sources"><h2 class="govuk-heading-m">Sources of the figures</h2>'
        '<p class="govuk-body-s">Every figure in this report comes from one of these sources. The spreadsheet '
        'version lists each figure with its source.</p>'
        f'<table class="govuk-table app-table app-table--compact"><thead class="govuk-table__head">'
        f'<tr class="govuk-table__row">{head}</tr></thead><tbody class="govuk-table__body">{"".join(rows)}'
        "</tbody></table></section>"
    )


def body(report: Report, web: bool = True) -> str:
    """The report as HTML, starting with its <h1>."""
    counter = _Counter()
    out = [f'<h1 class="govuk-heading-xl app-report-title">{escape(report.title)}</h1>']
    if report.audience == RESTRICTED:
        out.append(f'<strong class="govuk-tag govuk-tag--red app-restricted">{RESTRICTED_MARK}</strong>')
    if report.meta:
        rows = "".join(f'<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">{escape(k)}</dt>'
                       f'<dd class="govuk-summary-list__value">{escape(v)}</dd></div>' for k, v in report.meta)
        out.append(f'<dl class="govuk-summary-list app-report-meta">{rows}</dl>')
    for note in report.notes:
        out.append(f'<div class="govuk-inset-text app-report-note">{escape(note)}</div>')
    contents = []
    for number, section, _ in report.numbered():
        label = f"{number}. {section.heading}" if number else section.heading
        contents.append(f'<li><a class="govuk-link" href="#section-{escape(section.key)}">{escape(label)}</a></li>')
    out.append('<nav class="app-contents" aria-labelledby="contents-title"><h2 class="govuk-heading-m" '
               f'id="contents-title">Contents</h2><ul class="govuk-list app-contents__list">{"".join(contents)}'
               "</ul></nav>")
    for number, section, blocks in report.numbered():
        label = f"{number}. {section.heading}" if number else section.heading
        cls = "app-section app-appendix" if section.appendix else "app-section"
        parts = [f'<section class="{cls}" id="section-{escape(section.key)}">'
                 f'<h2 class="govuk-heading-l">{escape(label)}</h2>']
        parts += [_block(n, b, counter, web) for n, b in blocks]
        parts.append("</section>")
        out.append("".join(parts))
    out.append(_sources(report, counter))
    return "\n".join(out)


def print_document(report: Report) -> str:
    """A standalone HTML file with print CSS: opens in any browser, prints on A4, and is the PDF's source."""
    css = PRINT_CSS.read_text()
    header = escape(report.title + (f" – {RESTRICTED_MARK}" if report.audience == RESTRICTED else ""))
    return (
        '<!DOCTYPE html>\n<html lang="en-GB">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{escape(report.title)}</title>\n"
        f'<meta name="generator" content="Saferplace">\n<style>\n{css}</style>\n</head>\n'
        f'<body class="app-print">\n<div class="app-running-header">{header}</div>\n<main>\n'
        f"{body(report, web=False)}\n</main>\n</body>\n</html>\n"
    )


def write(report: Report, path: Path) -> Path:
    path.write_text(print_document(report), encoding="utf-8")
    return path
