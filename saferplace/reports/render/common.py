"""What every renderer shares: figure images, file names, and byte-stable ZIP packages (DOCX, XLSX)."""

from __future__ import annotations

import base64
import io
import zipfile
from datetime import date

from .. import charts, maps
from ..model import Figure, Report


def figure_image(figure: Figure) -> str:
    """A data URI for the figure's image in HTML: SVG for charts and diagrams, PNG for maps."""
    if figure.chart is not None:
        return svg_data_uri(charts.svg(figure))
    if figure.map is not None:
        return "data:image/png;base64," + base64.b64encode(maps.png(figure)).decode()
    return svg_data_uri(figure.svg)


def figure_png(figure: Figure) -> bytes:
    if figure.chart is not None:
        return charts.png(figure)
    if figure.map is not None:
        return maps.png(figure)
    return charts.svg_to_png(figure.svg)


def svg_data_uri(svg_text: str) -> str:
    return "data:image/svg+xml;base64," + base64.b64encode(svg_text.encode()).decode()


def file_stem(report: Report) -> str:
    """e.g. annual-2023-24-public: the kind, the period option and the audience."""
    options = dict(report.options)
    period = options.get("period") or options.get("month") or report.report_date.isoformat()
    return f"{report.kind}-{period.replace('..', '-to-')}-{report.audience}"


def stable_zip(data: bytes, when: date) -> bytes:
    """Rewrite a ZIP package with every entry dated `when`, so the same report gives the same bytes."""
    stamp = (max(when.year, 1980), when.month, when.day, 0, 0, 0)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            info = zipfile.ZipInfo(item.filename, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o600 << 16
            dst.writestr(info, src.read(item.filename))
    return out.getvalue()
