"""Top locations: the snap points with most crime, always worded "On or near …".

A police.uk location is the nearest of ~750,000 anonymous map points (a street centre or a point of interest
such as "Supermarket"), not the place a crime happened; so a location is a snap point (its text AND its
coordinates — the same street name can be several points) and is never shown as an address.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

PREFIX = "On or near"
UNNAMED = "On or near an unnamed street or place"


@dataclass(frozen=True)
class TopLocation:
    label: str
    count: int
    share: float        # of all located crimes in the input
    lsoa: str
    longitude: float
    latitude: float


def location_label(text: str) -> str | None:
    """'On or near Supermarket' stays; 'On or near ' becomes UNNAMED; 'No location' gives None."""
    text = (text or "").strip()
    if not text or text.lower() == "no location":
        return None
    if text.lower().startswith(PREFIX.lower()):
        name = text[len(PREFIX):].strip()
        return f"{PREFIX} {name}" if name else UNNAMED
    return f"{PREFIX} {text}"


def top_locations(frame: pd.DataFrame, n: int = 10, *, location_col: str = "location", lsoa_col: str = "lsoa",
                  lon_col: str = "longitude", lat_col: str = "latitude") -> list[TopLocation]:
    """The `n` snap points with most crimes (one row per crime in `frame`); ties broken by label."""
    data = frame[[location_col, lsoa_col, lon_col, lat_col]].copy()
    data["label"] = data[location_col].map(location_label)
    data = data[data["label"].notna() & data[lon_col].notna() & data[lat_col].notna()]
    if data.empty:
        return []
    grouped = (data.groupby(["label", lon_col, lat_col], as_index=False)
               .agg(count=(location_col, "size"), lsoa=(lsoa_col, lambda s: s.mode().iat[0] if len(s) else "")))
    grouped = grouped.sort_values(["count", "label"], ascending=[False, True]).head(n)
    total = len(data)
    return [TopLocation(r.label, int(r.count), r.count / total, str(r.lsoa), float(getattr(r, lon_col)),
                        float(getattr(r, lat_col))) for r in grouped.itertuples(index=False)]
