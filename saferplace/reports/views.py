"""The reports page: build a report with chosen options, watch it build, read it on screen, download its files."""

from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.safestring import mark_safe

from . import tasks
from .forms import BuildForm
from .models import ReportBuild
from .render import CONTENT_TYPES
from .services import KINDS

FORMAT_LABELS = {"html": "Web page for printing (HTML)", "pdf": "PDF", "docx": "Word (DOCX)",
                 "xlsx": "Excel tables and sources (XLSX)"}


def _require(request, perm: str) -> None:
    if not request.user.has_perm(perm):
        raise PermissionDenied


def _visible(request):
    builds = ReportBuild.objects.all()
    if not request.user.has_perm("reports.view_restricted"):
        builds = builds.filter(audience="public")
    return builds


def _job(request, pk: int) -> ReportBuild:
    job = get_object_or_404(ReportBuild, pk=pk)
    if job.audience != "public" and not request.user.has_perm("reports.view_restricted"):
        raise PermissionDenied
    return job


def index(request):
    _require(request, "reports.build_report")
    can_restrict = request.user.has_perm("reports.view_restricted")
    form = BuildForm(request.POST or None, can_restrict=can_restrict)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        job = ReportBuild.objects.create(kind=data["kind"], partnership=data["partnership"], period=data["period"],
                                         month=data["month"], audience=data["audience"],
                                         report_date=data["report_date"], requested_by=request.user)
        tasks.start(job)
        return redirect(job)
    return render(request, "reports/index.html", {
        "form": form, "builds": _visible(request)[:20], "kinds": KINDS, "can_restrict": can_restrict,
    })


def build(request, pk):
    job = _job(request, pk)
    downloads = [(fmt, FORMAT_LABELS[fmt]) for fmt in job.files]
    return render(request, "reports/build.html", {"job": job, "downloads": downloads, "steps": tasks.STEPS,
                                                  "kind_label": KINDS.get(job.kind, job.kind)})


def status(request, pk):
    job = _job(request, pk)
    return JsonResponse({"status": job.status, "progress": job.progress, "steps_done": job.steps_done,
                         "steps": tasks.STEPS})


def read(request, pk):
    job = _job(request, pk)
    path = job.folder / "web.html"
    if job.status != ReportBuild.Status.DONE or not path.exists():
        raise Http404("This report is not ready.")
    html = path.read_text(encoding="utf-8")
    has_charts = 'class="app-chart"' in html
    # The body was written by render.html.body, which escapes every text it puts in.
    return render(request, "reports/read.html", {"job": job, "body": mark_safe(html),  # noqa: S308
                                                 "has_charts": has_charts})


def download(request, pk, fmt):
    job = _job(request, pk)
    if fmt not in job.files:
        raise Http404("No such file.")
    name = f"{job.kind}-{(job.period or job.month).replace('..', '-to-')}-{job.audience}.{fmt}"
    response = FileResponse(open(job.folder / f"report.{fmt}", "rb"), as_attachment=fmt != "html",  # noqa: SIM115
                            filename=name, content_type=CONTENT_TYPES[fmt])
    return response
