"""Charts for the dashboard panels, drawn with the reports app's chart helper (one Vega-Lite spec: an SVG image
for everyone, the same spec drawn interactively by reports/charts.js when scripts run). Each chart is built
from a table, and the panel shows that table beside it."""

from __future__ import annotations

import pandas as pd

from saferplace.analysis.periods import Period, month_label
from saferplace.core.dates import add_months
from saferplace.reports import charts
from saferplace.reports.model import COUNT, TEXT, Chart, Column, Figure, Table, Value, count, text
from saferplace.reports.render.common import figure_image


def _shown(figure: Figure) -> dict:
    """What the template needs: the image, the spec for the script, and the table as plain rows."""
    table = figure.table
    return {
        "key": figure.key, "caption": figure.caption, "alt": figure.alt, "image": figure_image(figure),
        "spec": charts.spec(figure), "spec_id": f"spec-{figure.key}",
        "headings": [(c.heading, c.kind != TEXT) for c in table.columns],
        "rows": [[(v.text, col.kind != TEXT) for v, col in zip(row, table.columns, strict=True)] for row in table.rows],
        "table_caption": table.caption,
    }


def monthly_figure(key: str, caption: str, alt: str, frame: pd.DataFrame, months: list[str],
                   series: dict[str, list[str]], y_title: str) -> dict:
    """Line chart and table of monthly counts: `series` maps a column heading to the categories it adds up."""
    by = frame.assign(m=frame["month"].map(month_label)).groupby(["m", "category"])["count"].sum()
    rows = []
    for m in months:
        values = [sum(int(by.get((m, c), 0)) for c in cats) for cats in series.values()]
        rows.append(tuple([text(m)] + [count(v) for v in values]))
    columns = (Column("Month"),) + tuple(Column(name, COUNT) for name in series)
    table = Table(key, caption, columns, tuple(rows))
    chart = Chart("line", 0, tuple(range(1, len(series) + 1)), x_title="Month", y_title=y_title)
    return _shown(Figure(key, caption, alt, table=table, chart=chart))


def period_months(*periods: Period) -> list[str]:
    return [m for p in periods for m in p.month_labels()]


def cells_figure(key: str, caption: str, alt: str, cells: list[dict]) -> dict:
    """Bar chart and table of the busiest grid cells (records, and whether each is a Gi* hotspot)."""
    rows = tuple((text(c["cell"]), Value(c["count"], kind=COUNT), text(c["status"])) for c in cells)
    columns = (Column("Cell (south-west corner, metres)"), Column("Records", COUNT), Column("Gi* hotspot"))
    table = Table(key, caption, columns, rows)
    chart = Chart("bar", 0, (1,), x_title="Grid cell (easting northing)", y_title="Records")
    return _shown(Figure(key, caption, alt, table=table, chart=chart))


def month_labels_to(month, n: int) -> list[str]:
    """The `n` month labels ending with `month`, oldest first."""
    return [month_label(add_months(month, -i)) for i in range(n - 1, -1, -1)]
