"""A thin client for the live police.uk API: one force-month of street-level crimes for a polygon, saved as a
JSON answer that the ordinary importer then loads (so the same rules apply, and the file is the record).

At most 15 requests a second (police.uk's documented limit). An area holding too many crimes answers 503:
the client splits the polygon's bounding box in four and asks again for each part, keeping only records inside
the original polygon and each record once (by the API's `id`). Silently skipping a 503 is what under-counted
the Birmingham months in shared/data/derived; here a part that still fails after splitting stops the fetch.
"""

import json
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

DEFAULT_BASE = "https://data.police.uk/api"
MAX_PER_SECOND = 15
MAX_DEPTH = 6


class ApiError(RuntimeError):
    pass


def parse_poly(text: str) -> list[tuple[float, float]]:
    """'lat,lng:lat,lng:…' -> [(lat, lng), …] (at least three points)."""
    try:
        points = [tuple(float(v) for v in pair.split(",")) for pair in text.split(":")]
    except ValueError as error:
        raise ValueError(f"--poly must be lat,lng:lat,lng:… ({error})") from error
    if len(points) < 3 or any(len(p) != 2 for p in points):
        raise ValueError("--poly needs at least three lat,lng points")
    return points


def inside(lat: float, lng: float, poly: list[tuple[float, float]]) -> bool:
    """Ray casting; points on an edge count as inside enough for snapped police.uk points."""
    hit = False
    j = len(poly) - 1
    for i, (yi, xi) in enumerate(poly):
        yj, xj = poly[j]
        if (yi > lat) != (yj > lat) and lng < (xj - xi) * (lat - yi) / ((yj - yi) or 1e-12) + xi:
            hit = not hit
        j = i
    return hit


def _box(lat0, lng0, lat1, lng1) -> list[tuple[float, float]]:
    return [(lat0, lng0), (lat0, lng1), (lat1, lng1), (lat1, lng0)]


class Client:
    def __init__(self, base: str = DEFAULT_BASE, per_second: float = MAX_PER_SECOND, timeout: float = 60):
        if urllib.parse.urlparse(base).scheme not in {"http", "https"}:
            raise ApiError(f"the API address must be http(s), not {base!r}")
        self.base = base.rstrip("/")
        self.interval = 1.0 / per_second
        self.timeout = timeout
        self.last = 0.0
        self.requests = 0

    def _post(self, path: str, data: dict):
        """POST form data; returns parsed JSON, or None for a 503 (too many records)."""
        for attempt in range(5):
            wait = self.last + self.interval - time.monotonic()
            if wait > 0:
                time.sleep(wait)
            self.last = time.monotonic()
            self.requests += 1
            request = urllib.request.Request(  # noqa: S310 (scheme checked in __init__)
                f"{self.base}{path}", data=urllib.parse.urlencode(data).encode(), method="POST")
            try:
                with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310 (scheme checked in __init__)
                    return json.loads(response.read().decode("utf-8"))
            except urllib.error.HTTPError as error:
                if error.code == 503:
                    return None
                if error.code == 429:
                    time.sleep(float(error.headers.get("Retry-After") or 1) * (attempt + 1))
                    continue
                raise ApiError(f"{path}: HTTP {error.code}") from error
        raise ApiError(f"{path}: still rate-limited after 5 tries")

    def crimes_street(self, poly: list[tuple[float, float]], month: str) -> list[dict]:
        lats, lngs = [p[0] for p in poly], [p[1] for p in poly]
        found: dict = {}
        self._fetch(poly, poly, month, found, 0, (min(lats), min(lngs), max(lats), max(lngs)))
        return sorted(found.values(), key=lambda r: (r.get("id") or 0))

    def _fetch(self, area, poly, month, found, depth, bounds) -> None:
        text = ":".join(f"{lat:.6f},{lng:.6f}" for lat, lng in area)
        answer = self._post("/crimes-street/all-crime", {"poly": text, "date": month})
        if answer is None:
            if depth >= MAX_DEPTH:
                raise ApiError(f"part of the area still answers 503 after {depth} splits; nothing was saved")
            lat0, lng0, lat1, lng1 = bounds
            mid_lat, mid_lng = (lat0 + lat1) / 2, (lng0 + lng1) / 2
            for box in ((lat0, lng0, mid_lat, mid_lng), (lat0, mid_lng, mid_lat, lng1),
                        (mid_lat, lng0, lat1, mid_lng), (mid_lat, mid_lng, lat1, lng1)):
                self._fetch(_box(*box), poly, month, found, depth + 1, box)
            return
        for record in answer:
            place = record.get("location") or {}
            try:
                lat, lng = float(place.get("latitude")), float(place.get("longitude"))
            except (TypeError, ValueError):
                continue
            if depth == 0 or inside(lat, lng, poly):
                found[record.get("id") or (record.get("persistent_id"), lat, lng, record.get("category"))] = record


def fetch_to_file(folder: Path, force: str, month: str, poly_text: str, base: str = DEFAULT_BASE) -> tuple[Path, int]:
    """Fetch one force-month for the polygon and save it as YYYY-MM-<force>-crimes-street.json in folder."""
    client = Client(base)
    records = client.crimes_street(parse_poly(poly_text), month)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{month}-{force}-crimes-street.json"
    path.write_text(json.dumps(records))
    return path, client.requests
