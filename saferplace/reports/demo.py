"""The demo's two public annual reports, in every format: 2020-21 (the seed's own year, from its records and
published figures) and 2023-24 (from the real police.uk data for Worcester). Called by `saferplace demo`."""

from __future__ import annotations

from pathlib import Path

from .render import FORMATS, write_all
from .services import build

DEMO_PARTNERSHIP = "safer-worcester"
DEMO_PERIODS = ("2020-21", "2023-24")


def write(out_dir, stdout=None, formats=FORMATS) -> list[Path]:
    out_dir = Path(out_dir)
    paths: list[Path] = []
    for period in DEMO_PERIODS:
        report = build("annual", partnership=DEMO_PARTNERSHIP, period=period, audience="public")
        written = write_all(report, out_dir, formats)
        paths += written
        if stdout is not None:
            stdout.write(f"Reports: the public annual report for {period} written to "
                         + ", ".join(str(p) for p in written) + ".")
    return paths
