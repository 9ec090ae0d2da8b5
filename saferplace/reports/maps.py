"""Maps drawn with matplotlib from local geometry: grid cells in British National Grid metres over the
district boundary. No tiles and no network. Each map is printed beside the table of its figures, and each
cell is labelled with its row of that table.

Output is deterministic: no dates in the metadata, a fixed hash salt for SVG ids.
"""

from __future__ import annotations

import io
import json
from functools import lru_cache
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.patches import Patch, Rectangle  # noqa: E402
from pyproj import Transformer  # noqa: E402

from .model import Figure  # noqa: E402

DATA = Path(__file__).parent / "data"
CLASS_COLOURS = ["#f3f2f1", "#c6dbef", "#6baed6", "#2171b5", "#08306b"]
plt.rcParams.update({"svg.hashsalt": "saferplace", "font.family": ["Liberation Sans", "DejaVu Sans"],
                     "font.size": 9})


@lru_cache(maxsize=8)
def boundary_bng(name: str) -> list[list[tuple[float, float]]]:
    """Rings of a GeoJSON boundary in EPSG:27700."""
    data = json.loads((DATA / name).read_text())
    to_bng = Transformer.from_crs("EPSG:4326", "EPSG:27700", always_xy=True)
    rings = []
    for feature in data["features"]:
        geom = feature["geometry"]
        polygons = geom["coordinates"] if geom["type"] == "MultiPolygon" else [geom["coordinates"]]
        for polygon in polygons:
            for ring in polygon:
                xs, ys = to_bng.transform([p[0] for p in ring], [p[1] for p in ring])
                rings.append(list(zip(xs, ys, strict=True)))
    return rings


def classes(values: list[float]) -> list[float]:
    """Upper bounds of up to four classes of the shown values (rounded, so legends read well)."""
    shown = sorted(v for v in values if v is not None)
    if not shown:
        return []
    bounds = []
    for q in (0.5, 0.8, 0.95, 1.0):
        b = shown[min(len(shown) - 1, int(q * (len(shown) - 1) + 0.5))]
        if not bounds or b > bounds[-1]:
            bounds.append(b)
    return bounds


def _draw(figure: Figure):
    layer, table = figure.map, figure.table
    rows = table.rows[:-1] if table.total_row else table.rows
    values = [row[layer.value_column].plain() for row in rows]
    bounds = classes(values)
    fig, ax = plt.subplots(figsize=(6.2, 5.4), dpi=140)
    for ring in boundary_bng(layer.boundary):
        xs, ys = zip(*ring, strict=True)
        ax.plot(xs, ys, color="#0b0c0c", linewidth=1.2)
    for (x, y), row, v in zip(layer.cells, rows, values, strict=True):
        if v is None:
            colour = CLASS_COLOURS[0]
        else:
            k = next(i for i, b in enumerate(bounds) if v <= b)
            colour = CLASS_COLOURS[1 + k]
        ax.add_patch(Rectangle((x, y), layer.size, layer.size, facecolor=colour, edgecolor="#505a5f",
                               linewidth=0.5))
        dark = colour in CLASS_COLOURS[3:]
        ax.text(x + layer.size / 2, y + layer.size / 2, row[0].text, ha="center", va="center", fontsize=7,
                color="#ffffff" if dark else "#0b0c0c")
    legend = []
    if any(v is None for v in values):
        legend.append(Patch(facecolor=CLASS_COLOURS[0], edgecolor="#505a5f", label="fewer than 5 or withheld"))
    low = None
    for k, b in enumerate(bounds):
        label = f"{b:,.0f}" if low is None else (f"{low + 1:,.0f} to {b:,.0f}" if b > low + 1 else f"{b:,.0f}")
        if low is None:
            label = f"up to {b:,.0f}"
        legend.append(Patch(facecolor=CLASS_COLOURS[1 + k], edgecolor="#505a5f", label=label))
        low = b
    ax.legend(handles=legend, loc="lower left", fontsize=7, title=table.columns[layer.value_column].heading,
              title_fontsize=7, frameon=True)
    ax.set_aspect("equal")
    ax.set_axis_off()
    ax.set_title(figure.caption, fontsize=9, loc="left", wrap=True)
    fig.text(0.01, 0.01, f"{layer.size / 1000:g} km grid cells, British National Grid. Boundary: ONS, OGL v3.0.",
             fontsize=6, color="#505a5f")
    fig.tight_layout()
    return fig


@lru_cache(maxsize=64)
def png(figure: Figure) -> bytes:
    """The map as PNG: one drawing serves the web page, the print file, the PDF and Word."""
    fig = _draw(figure)
    buf = io.BytesIO()
    fig.savefig(buf, format="png", metadata={"Software": None})
    plt.close(fig)
    return buf.getvalue()
