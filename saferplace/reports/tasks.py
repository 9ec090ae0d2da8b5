"""Running a web build: in a background thread (so the page can show progress), or at once when
settings.REPORTS_BUILD_INLINE is set (tests). Files go to var/reports/<id>/."""

from __future__ import annotations

import threading
import traceback

from django.conf import settings
from django.db import close_old_connections, connection
from django.utils import timezone

from .builders.common import ReportInputError
from .models import ReportBuild
from .render import FORMATS, render
from .render.html import body
from .services import build as build_report

STEPS = 14  # about how many progress messages a build sends (for the progress bar)


def _run(pk: int) -> None:
    job = ReportBuild.objects.get(pk=pk)
    job.status = ReportBuild.Status.RUNNING
    job.save(update_fields=["status"])

    def progress(message: str) -> None:
        job.progress = message[:200]
        job.steps_done = min(STEPS, job.steps_done + 1)
        job.save(update_fields=["progress", "steps_done"])

    try:
        report = build_report(job.kind, partnership=job.partnership, period=job.period or None,
                              month=job.month or None, audience=job.audience, report_date=job.report_date,
                              progress=progress)
        folder = job.folder
        folder.mkdir(parents=True, exist_ok=True)
        progress("Writing the web page")
        (folder / "web.html").write_text(body(report, web=True), encoding="utf-8")
        written = []
        for fmt in FORMATS:
            progress(f"Writing {fmt.upper()}")
            (folder / f"report.{fmt}").write_bytes(render(report, fmt))
            written.append(fmt)
        job.title, job.files, job.status = report.title, written, ReportBuild.Status.DONE
        job.progress = "Ready"
    except ReportInputError as error:
        job.status, job.error = ReportBuild.Status.FAILED, str(error)
    except Exception:  # noqa: BLE001 (the page must say the build failed rather than spin for ever)
        job.status, job.error = ReportBuild.Status.FAILED, "The report could not be built:\n" + traceback.format_exc(
            limit=3)
    job.finished = timezone.now()
    job.save()


def _run_in_thread(pk: int) -> None:
    """A thread has its own database connection: open it fresh and close it when done."""
    close_old_connections()
    try:
        _run(pk)
    finally:
        connection.close()


def start(job: ReportBuild) -> None:
    if getattr(settings, "REPORTS_BUILD_INLINE", False):
        _run(job.pk)
    else:
        threading.Thread(target=_run_in_thread, args=(job.pk,), daemon=True, name=f"report-build-{job.pk}").start()
