"""Hotspots: Getis-Ord Gi* on a regular British National Grid grid or on LSOAs, with false-discovery control.

police.uk points are snapped to anonymous map points, so they are counted into cells (default 250 m) or LSOAs
first and never analysed as exact places. Gi* (Getis & Ord 1992; Ord & Getis 1995) compares the count in a
unit and its neighbours with the whole study area; its significance comes from conditional permutations (esda,
fixed seed so results are repeatable) and Benjamini–Hochberg across all units. Grid neighbours are the 8
surrounding cells (queen contiguity), LSOA neighbours the k nearest centroids, each unit including itself (*).
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
from libpysal.weights import KNN, W, lat2W
from pyproj import Transformer

from saferplace.analysis.change import FELL, ROSE, compare
from saferplace.analysis.concentration import Concentration, concentration
from saferplace.analysis.fdr import bh_qvalues

DEFAULT_CELL = 250.0
DEFAULT_PERMUTATIONS = 999
DEFAULT_SEED = 20240401
NEW, PERSISTENT, INTENSIFYING, DIMINISHING, RECURRING = "new", "persistent", "intensifying", "diminishing", "recurring"

_TO_BNG = Transformer.from_crs("EPSG:4326", "EPSG:27700", always_xy=True)
_TO_WGS84 = Transformer.from_crs("EPSG:27700", "EPSG:4326", always_xy=True)


def to_bng(longitude, latitude) -> tuple[np.ndarray, np.ndarray]:
    """WGS84 degrees → British National Grid easting/northing in metres."""
    x, y = _TO_BNG.transform(np.asarray(longitude, float), np.asarray(latitude, float))
    return np.asarray(x), np.asarray(y)


def to_wgs84(easting, northing) -> tuple[np.ndarray, np.ndarray]:
    lon, lat = _TO_WGS84.transform(np.asarray(easting, float), np.asarray(northing, float))
    return np.asarray(lon), np.asarray(lat)


@dataclass(frozen=True)
class GridSpec:
    """A regular grid in BNG metres: column c, row r covers [x0 + c·cell, x0 + (c+1)·cell) × [y0 + r·cell, …)."""

    x0: float
    y0: float
    cell: float
    rows: int
    cols: int

    @classmethod
    def covering(cls, x, y, cell: float = DEFAULT_CELL) -> GridSpec:
        x, y = np.asarray(x, float), np.asarray(y, float)
        if x.size == 0:
            raise ValueError("no located crimes to place on a grid")
        x0, y0 = math.floor(x.min() / cell) * cell, math.floor(y.min() / cell) * cell
        cols = int(math.floor((x.max() - x0) / cell)) + 1
        rows = int(math.floor((y.max() - y0) / cell)) + 1
        return cls(x0, y0, cell, rows, cols)

    @property
    def size(self) -> int:
        return self.rows * self.cols

    def cell_of(self, x, y) -> np.ndarray:
        """Cell id (row × cols + col) of each point; −1 outside the grid."""
        col = np.floor((np.asarray(x, float) - self.x0) / self.cell).astype(int)
        row = np.floor((np.asarray(y, float) - self.y0) / self.cell).astype(int)
        inside = (col >= 0) & (col < self.cols) & (row >= 0) & (row < self.rows)
        return np.where(inside, row * self.cols + col, -1)

    def centre(self, cell_id: int) -> tuple[float, float]:
        row, col = divmod(int(cell_id), self.cols)
        return self.x0 + (col + 0.5) * self.cell, self.y0 + (row + 0.5) * self.cell

    def label(self, cell_id: int) -> str:
        """A grid reference for the cell's south-west corner, e.g. '532250 181250'."""
        row, col = divmod(int(cell_id), self.cols)
        return f"{self.x0 + col * self.cell:.0f} {self.y0 + row * self.cell:.0f}"

    def weights(self, cells: Sequence[int] | None = None) -> W:
        """Queen contiguity on the lattice (up to 8 neighbours), over all cells or only `cells`."""
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            if cells is None:
                return lat2W(self.rows, self.cols, rook=False)
            order = [int(c) for c in cells]
            kept = set(order)
            neighbours = {}
            for cell_id in order:  # W keeps this order, which is the order of the values
                r, c = divmod(cell_id, self.cols)
                neighbours[cell_id] = [rr * self.cols + cc for rr in range(r - 1, r + 2) for cc in range(c - 1, c + 2)
                                       if (rr, cc) != (r, c) and 0 <= rr < self.rows and 0 <= cc < self.cols
                                       and rr * self.cols + cc in kept]
            return W(neighbours, silence_warnings=True)

    def cells_within(self, area) -> list[int]:
        """Cells whose square overlaps `area` (a shapely geometry in BNG metres); touching is not enough."""
        from shapely import box, intersects, touches

        half = self.cell / 2
        squares = [box(x - half, y - half, x + half, y + half) for x, y in map(self.centre, range(self.size))]
        hits = intersects(squares, area) & ~touches(squares, area)
        return [i for i, hit in enumerate(hits) if hit]


@dataclass(frozen=True)
class HotspotUnit:
    id: str
    count: float
    z: float
    p_value: float
    q_value: float
    hot: bool
    cold: bool
    x: float | None = None
    y: float | None = None


@dataclass
class HotspotResult:
    units: list[HotspotUnit]
    method: str
    alpha: float
    permutations: int
    seed: int
    concentration: Concentration
    grid: GridSpec | None = None
    points_used: int = 0
    points_without_location: int = 0
    notes: list[str] = field(default_factory=list)

    @property
    def hot(self) -> list[HotspotUnit]:
        return sorted((u for u in self.units if u.hot), key=lambda u: (-u.z, u.id))

    def by_id(self) -> dict[str, HotspotUnit]:
        return {u.id: u for u in self.units}


def gi_star(values: Sequence[float], w: W, permutations: int = DEFAULT_PERMUTATIONS, seed: int = DEFAULT_SEED):
    """esda's Gi* with binary weights and the unit itself included; returns (z, one-sided permutation p) —
    the normal-theory p when `permutations` is 0."""
    from esda.getisord import G_Local

    y = np.asarray(values, dtype=float)
    if y.sum() == 0 or np.all(y == y[0]):
        return np.zeros_like(y), np.ones_like(y)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        result = G_Local(y, w, transform="B", star=True, permutations=permutations, seed=seed, n_jobs=1,
                         keep_simulations=False)
    p_values = result.p_sim if permutations else result.p_norm
    return np.asarray(result.Zs, float), np.asarray(p_values, float)


def _result(ids, counts, w, coords, method, alpha, permutations, seed, **extra) -> HotspotResult:
    z, p = gi_star(counts, w, permutations, seed)
    q = bh_qvalues(p)
    units = [
        HotspotUnit(str(i), float(c), float(zi), float(pi), float(qi), bool(qi <= alpha and zi > 0),
                    bool(qi <= alpha and zi < 0), None if coords is None else float(coords[k][0]),
                    None if coords is None else float(coords[k][1]))
        for k, (i, c, zi, pi, qi) in enumerate(zip(ids, counts, z, p, q, strict=True))
    ]
    return HotspotResult(units, method, alpha, permutations, seed, concentration(counts), **extra)


def grid_hotspots(longitude, latitude, *, cell: float = DEFAULT_CELL, grid: GridSpec | None = None,
                  area=None, alpha: float = 0.05, permutations: int = DEFAULT_PERMUTATIONS,
                  seed: int = DEFAULT_SEED) -> HotspotResult:
    """Gi* on a grid of `cell`-metre squares covering the points (or the given `grid`, so that several periods
    share one grid). The study area is `area` (a shapely geometry in BNG metres, e.g. the partnership's
    boundary) or, without one, the convex hull of the points: cells outside it are not part of the analysis,
    so empty land beyond the area cannot inflate concentration or Gi*. Points without coordinates are counted
    and left out."""
    from shapely import MultiPoint

    lon, lat = np.asarray(longitude, float), np.asarray(latitude, float)
    located = np.isfinite(lon) & np.isfinite(lat) & ~((lon == 0) & (lat == 0))
    x, y = to_bng(lon[located], lat[located])
    grid = grid or GridSpec.covering(x, y, cell)
    notes = [f"{grid.cell:.0f} m grid in British National Grid metres."]
    if area is None:
        area = MultiPoint(np.column_stack([x, y])).convex_hull
        notes.append("Study area: the convex hull of the located crimes (no boundary given).")
    cells = grid.cells_within(area)
    ids = grid.cell_of(x, y)
    in_area = np.isin(ids, cells)
    outside = int((~in_area).sum())
    counts_all = np.bincount(ids[in_area], minlength=grid.size).astype(float)
    counts = counts_all[cells]
    notes.append(f"{len(cells)} cells of {grid.cell:.0f} m in the study area.")
    if outside:
        notes.append(f"{outside} located crimes fall outside the study area and are left out.")
    return _result(cells, counts, grid.weights(cells), [grid.centre(i) for i in cells], "Gi* on grid cells",
                   alpha, permutations, seed, grid=grid, points_used=int(in_area.sum()),
                   points_without_location=int((~located).sum()), notes=notes)


def lsoa_hotspots(counts: Mapping[str, float], centroids: Mapping[str, tuple[float, float]], *, k: int = 8,
                  weights: W | None = None, alpha: float = 0.05, permutations: int = DEFAULT_PERMUTATIONS,
                  seed: int = DEFAULT_SEED) -> HotspotResult:
    """Gi* on LSOAs. Neighbours: `weights` when polygons give them (e.g. libpysal Queen), otherwise the `k`
    nearest LSOA centroids (BNG metres, or longitude/latitude degrees which are projected). LSOAs with a
    centroid but no count are included as zero."""
    ids = sorted(centroids)
    if not ids:
        raise ValueError("no LSOA centroids given")
    coords = np.array([centroids[i] for i in ids], dtype=float)
    if np.abs(coords).max() <= 180:
        coords = np.column_stack(to_bng(coords[:, 0], coords[:, 1]))
    values = np.array([float(counts.get(i, 0)) for i in ids])
    notes = []
    if weights is None:
        k = min(k, len(ids) - 1)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            weights = KNN.from_array(coords, k=k, ids=ids)
        notes.append(f"Neighbours: the {k} nearest LSOA centroids.")
    missing = sorted(set(counts) - set(ids))
    if missing:
        notes.append(f"{len(missing)} LSOA(s) with counts but no centroid are left out: {', '.join(missing[:5])}.")
    return _result(ids, values, weights, coords, "Gi* on LSOAs", alpha, permutations, seed,
                   points_used=int(values.sum()), notes=notes)


def centroids_from_points(lsoa_codes, longitude, latitude) -> dict[str, tuple[float, float]]:
    """Approximate LSOA centroids as the mean BNG position of their crimes' snap points — a fallback when the
    geography has no centroids loaded (the points are snapped, so this is rough)."""
    lon, lat = np.asarray(longitude, float), np.asarray(latitude, float)
    codes = np.asarray(lsoa_codes, dtype=object)
    ok = np.isfinite(lon) & np.isfinite(lat) & np.array([bool(c) and c == c for c in codes])
    x, y = to_bng(lon[ok], lat[ok])
    out: dict[str, list[float]] = {}
    for code, xi, yi in zip(codes[ok], x, y, strict=True):
        acc = out.setdefault(str(code), [0.0, 0.0, 0.0])
        acc[0] += xi
        acc[1] += yi
        acc[2] += 1
    return {code: (a[0] / a[2], a[1] / a[2]) for code, a in out.items()}


def classify_periods(results: Sequence[HotspotResult]) -> dict[str, str]:
    """Classify units across consecutive periods (oldest first, on the same grid or LSOAs).

    new: hot in the latest period and in none before · intensifying: hot in the latest and the previous period
    and its count clearly rose · persistent: hot in both without a clear change · diminishing: hot in the
    previous period and either no longer hot or hot with a clear fall · recurring: hot in the latest, not the
    previous, but in an earlier period. "Clear" is the exact test of saferplace.analysis.change.
    """
    if len(results) < 2:
        raise ValueError("classification needs at least two periods")
    maps = [r.by_id() for r in results]
    latest, previous, earlier = maps[-1], maps[-2], maps[:-2]
    classes = {}
    for uid in sorted(set(latest) | set(previous)):
        now, before = latest.get(uid), previous.get(uid)
        hot_now, hot_before = bool(now and now.hot), bool(before and before.hot)
        if not hot_now and not hot_before:
            continue
        direction = compare(int(before.count if before else 0), int(now.count if now else 0)).direction
        if hot_now and hot_before:
            classes[uid] = INTENSIFYING if direction == ROSE else DIMINISHING if direction == FELL else PERSISTENT
        elif hot_before:
            classes[uid] = DIMINISHING
        elif any(m.get(uid) is not None and m[uid].hot for m in earlier):
            classes[uid] = RECURRING
        else:
            classes[uid] = NEW
    return classes
