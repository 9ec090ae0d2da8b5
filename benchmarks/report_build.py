"""Benchmark: build the demo's public 2023-24 annual report (Worcester, real police.uk data).

Sets up a throwaway SQLite database with the demo records, then times, in one process:
  seconds_html_docx_xlsx  build the report from the database and write HTML, DOCX and XLSX (a cold start:
                          chart engine, map drawing and analysis loaded on first use are included);
  seconds_with_pdf        build it again from the database and write all four formats, with the chart and map
                          caches emptied (the engines stay loaded, as in a running server).
Target on the development machine: under 5 s and under 15 s. Prints one line of key=value pairs.

    .venv/bin/python benchmarks/report_build.py
"""

import io
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main() -> None:
    var = tempfile.mkdtemp(prefix="saferplace-bench-")
    os.environ["SAFERPLACE_VAR"] = var
    os.environ.pop("DATABASE_URL", None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "saferplace.settings")
    import django

    django.setup()
    from importlib import import_module

    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)
    for app in ("geography", "partnership", "incidents", "funding", "interventions", "registers"):
        import_module(f"saferplace.{app}.demo").load(io.StringIO())

    from saferplace.reports import charts, maps
    from saferplace.reports.render import write_all
    from saferplace.reports.services import build

    out = Path(var) / "out"
    start = time.perf_counter()
    report = build("annual", period="2023-24", audience="public")
    write_all(report, out, ("html", "docx", "xlsx"))
    first = time.perf_counter() - start

    charts._svg.cache_clear()
    charts.svg_to_png.cache_clear()
    maps.png.cache_clear()
    start = time.perf_counter()
    report = build("annual", period="2023-24", audience="public")
    paths = write_all(report, out, ("html", "pdf", "docx", "xlsx"))
    second = time.perf_counter() - start
    pdf = next(p for p in paths if p.suffix == ".pdf")
    print(f"benchmark=report_build seconds_html_docx_xlsx={first:.2f} seconds_with_pdf={second:.2f} "
          f"figures={len(report.figures())} tables={len(report.tables())} pdf_kb={pdf.stat().st_size // 1024}")


if __name__ == "__main__":
    main()
