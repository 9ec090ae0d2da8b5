"""Charts: one Vega-Lite spec per chart, built from the figure's table (after any suppression), drawn offline
to SVG/PNG by vl-convert for print and embedded as the same spec on screen (progressive enhancement).

Suppressed or withheld figures are left out of the chart's data (the line shows a gap), so a public chart
never shows what its table hides.
"""

from __future__ import annotations

import json
from functools import lru_cache

import altair as alt
import vl_convert as vlc

from .model import Figure

VEGA_LITE_VERSION = "5.20"  # the version Altair 5.5 writes and the npm vega-lite 5 reads
FONT = "Arial, Liberation Sans, Helvetica, sans-serif"
COLOURS = ["#1d70b8", "#d4351c", "#00703c", "#f47738", "#4c2c92", "#b58840", "#5694ca", "#912b88"]
WIDTH, HEIGHT = 560, 240


def spec(figure: Figure) -> dict:
    table, chart = figure.table, figure.chart
    rows = []
    body = table.rows[:-1] if table.total_row else table.rows
    for col in chart.ys:
        for row in body:  # None: suppressed, drawn as a gap
            rows.append({"x": row[chart.x].text, "y": row[col].plain(), "series": table.columns[col].heading})
    order = list(dict.fromkeys(r[chart.x].text for r in body))
    x_title = chart.x_title or table.columns[chart.x].heading
    y_title = chart.y_title or (table.columns[chart.ys[0]].heading if len(chart.ys) == 1 else "Number")
    tooltip = [alt.Tooltip("series:N", title="Series"), alt.Tooltip("x:O", title=x_title),
               alt.Tooltip("y:Q", title=y_title, format=",")]
    encoding = {
        "x": alt.X("x:O", title=x_title, sort=order, axis=alt.Axis(labelAngle=-45 if len(order) > 8 else 0)),
        "y": alt.Y("y:Q", title=y_title, scale=alt.Scale(zero=True)),
        "color": alt.Color("series:N", title=None, scale=alt.Scale(range=COLOURS),
                           legend=alt.Legend(orient="bottom", columns=3) if len(chart.ys) > 1 else None),
    }
    base = alt.Chart(alt.Data(values=rows))
    mark = base.mark_line(point=True, invalid=None) if chart.mark == "line" else base.mark_bar()
    out = (
        mark.encode(**encoding, tooltip=tooltip)
        .properties(width=WIDTH, height=HEIGHT, title=alt.TitleParams(figure.caption, anchor="start"))
        .configure(font=FONT)
        .configure_view(stroke=None)
        .configure_axis(labelFontSize=11, titleFontSize=12)
        .configure_title(fontSize=14)
    )
    return out.to_dict(validate=False)


def spec_json(figure: Figure) -> str:
    return json.dumps(spec(figure), sort_keys=True, ensure_ascii=False)


@lru_cache(maxsize=128)
def _svg(spec_text: str) -> str:
    return vlc.vegalite_to_svg(json.loads(spec_text), vl_version=VEGA_LITE_VERSION)


def svg(figure: Figure) -> str:
    return _svg(spec_json(figure))


def png(figure: Figure) -> bytes:
    return svg_to_png(svg(figure))


@lru_cache(maxsize=32)
def svg_to_png(svg_text: str) -> bytes:
    """SVG as PNG for Word, which cannot be relied on to show SVG (resvg, no browser)."""
    return vlc.svg_to_png(svg_text, scale=2)
