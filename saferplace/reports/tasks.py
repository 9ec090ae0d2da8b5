"""Running a web build as a background task (django-tasks, database queue), so the page can show its
progress; tests run tasks immediately. Files go to var/reports/<id>/."""

from __future__ import annotations

import traceback

from django.utils import timezone
from django_tasks import task

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


@task()
def build_in_background(pk: int) -> None:
    _run(pk)


def start(job: ReportBuild) -> None:
    build_in_background.enqueue(job.pk)
