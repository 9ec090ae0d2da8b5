"""Importing many files: each file on its own transaction, reports collected for the command and the web."""

from collections.abc import Callable, Iterable

from .importers.policeuk import Options, load_file
from .importers.report import FileReport
from .importers.sources import Source, iter_sources


def import_policeuk(paths: Iterable, options: Options,
                    on_file: Callable[[Source, FileReport], None] | None = None,
                    on_start: Callable[[Source], None] | None = None) -> list[FileReport]:
    reports = []
    for source in list(iter_sources(paths)):
        if on_start:
            on_start(source)
        report = load_file(source, options)
        reports.append(report)
        if on_file:
            on_file(source, report)
    return reports


class ProgressFile:
    """A small JSON file under var/progress/ that the import history page shows while a load runs (the load's
    own transaction cannot be seen from another connection until it commits)."""

    def __init__(self, label: str):
        import os
        import time
        from pathlib import Path

        from django.conf import settings

        folder = Path(settings.VAR_DIR) / "progress"
        folder.mkdir(parents=True, exist_ok=True)
        self.path = folder / f"{os.getpid()}-{time.monotonic_ns()}.json"
        self.label, self.started, self.files, self.rows_before = label, time.time(), 0, 0

    def update(self, rows_in_file: int, file: str = "") -> None:
        import json
        import time

        rows = self.rows_before + rows_in_file
        elapsed = max(time.time() - self.started, 1e-6)
        self.path.write_text(json.dumps({"label": self.label, "file": file, "files_done": self.files, "rows": rows,
                                         "rows_per_s": rows / elapsed, "started": self.started,
                                         "updated": time.time()}))

    def file_done(self, rows: int) -> None:
        self.files += 1
        self.rows_before += rows

    def close(self) -> None:
        self.path.unlink(missing_ok=True)


def running_imports(max_age_s: int = 600) -> list[dict]:
    import json
    import time
    from pathlib import Path

    from django.conf import settings

    out = []
    for path in sorted((Path(settings.VAR_DIR) / "progress").glob("*.json")):
        try:
            data = json.loads(path.read_text())
        except (OSError, ValueError):
            continue
        if time.time() - data.get("updated", 0) <= max_age_s:
            out.append(data)
    return out
