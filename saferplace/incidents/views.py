"""Data pages: crime and ASB by month, the import page (upload, validation report, confirm), the import
history and the data-quality page. Partner measures are in measure_views.py."""

import secrets
import shutil
from pathlib import Path

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from .forms import UploadForm
from .importers.measures import load_measures
from .importers.policeuk import Options
from .models import ForceMonth, ImportBatch
from .queries import UnknownArea, force_month_checks
from .rules import BLOCK, NOTE, RULES, WARN
from .services import ProgressFile, import_policeuk, running_imports
from .summary import default_area, monthly_crime_and_asb

SESSION_KEY = "incidents_pending_upload"


def _require(request, perm: str, obj=None) -> None:
    if not request.user.has_perm(perm, obj):
        raise PermissionDenied


def index(request):
    _require(request, "incidents.view_data")
    area = request.GET.get("area") or default_area()[0]
    try:
        summary = monthly_crime_and_asb(area)
    except UnknownArea:
        summary = monthly_crime_and_asb(None)
    whole = monthly_crime_and_asb(None) if summary["area"] else None
    return render(request, "incidents/index.html", {
        "summary": summary, "whole": whole,
        "can_import": request.user.has_perm("incidents.import_policeuk"),
        "recent": ImportBatch.objects.all()[:5],
    })


def _uploads_dir() -> Path:
    return Path(settings.VAR_DIR) / "uploads"


def _save_upload(upload) -> tuple[str, Path]:
    token = secrets.token_urlsafe(16)
    folder = _uploads_dir() / token
    folder.mkdir(parents=True)
    target = folder / (Path(upload.name).name or "upload")
    with open(target, "wb") as out:
        for chunk in upload.chunks():
            out.write(chunk)
    return token, target


def _pending(request) -> tuple[dict, Path] | tuple[None, None]:
    """The upload waiting in this session for its check or confirmation (403 when the user may not load its
    kind), or (None, None)."""
    pending = request.session.get(SESSION_KEY)
    if not pending:
        return None, None
    path = _uploads_dir() / pending["token"] / pending["name"]
    if not path.is_file():
        return None, None
    if pending["kind"] not in _kinds(request.user):
        raise PermissionDenied
    return pending, path


def _kinds(user) -> list[str]:
    kinds = []
    if user.has_perm("incidents.import_policeuk"):
        kinds.append("policeuk")
    if user.has_perm("incidents.import_measures"):
        kinds.append("measures")
    return kinds


def _organisation_limit(user):
    """Contributors load only their own organisation's measures."""
    from saferplace.accounts.models import Role, organisation_of, role_of

    return organisation_of(user) if role_of(user) == Role.CONTRIBUTOR else None


def _check(pending: dict, path: Path, user) -> list:
    if pending["kind"] == "measures":
        return [load_measures(path, user=user, organisation=_organisation_limit(user), dry_run=True)]
    return import_policeuk([path], Options(user=user, release=pending.get("release") or None, dry_run=True))


def import_page(request):
    kinds = _kinds(request.user)
    if not kinds:
        raise PermissionDenied
    form = UploadForm(request.POST or None, request.FILES or None, kinds=kinds)
    if request.method == "POST" and form.is_valid():
        kind = form.cleaned_data["kind"]
        token, path = _save_upload(form.cleaned_data["file"])
        request.session[SESSION_KEY] = {"token": token, "name": path.name, "kind": kind,
                                        "release": form.cleaned_data.get("release") or ""}
        return redirect("incidents:import-check")
    return render(request, "incidents/import.html", {"form": form})


def import_check(request):
    """The validation report of the uploaded file, loaded in a transaction that is rolled back."""
    pending, path = _pending(request)
    if pending is None:
        return redirect("incidents:import")
    reports = _check(pending, path, request.user)
    return render(request, "incidents/import_check.html", {
        "pending": pending, "reports": [_view_report(r) for r in reports],
        "refused": any(r.refused for r in reports), "rows": sum(r.rows_loaded for r in reports),
    })


@require_POST
def import_confirm(request):
    pending, path = _pending(request)
    if pending is None:
        return redirect("incidents:import")
    user = request.user
    loaded_by = user.get_username()
    if pending["kind"] == "measures":
        reports = [load_measures(path, user=user, loaded_by=loaded_by, organisation=_organisation_limit(user))]
    else:
        tracker = ProgressFile(f"{pending['name']} (uploaded by {loaded_by})")
        try:
            options = Options(user=user, loaded_by=loaded_by, release=pending["release"] or None,
                              progress=lambda rows: tracker.update(rows, pending["name"]))
            reports = import_policeuk([path], options)
        finally:
            tracker.close()
    shutil.rmtree(path.parent, ignore_errors=True)
    del request.session[SESSION_KEY]
    refused = sum(1 for r in reports if r.refused)
    loaded = sum(r.rows_loaded for r in reports)
    if not refused:
        messages.success(request, f"Loaded {loaded:,} rows from {pending['name']}.")
    first = next((r.batch_id for r in reports if r.batch_id), None)
    return redirect("incidents:batch", first) if first and len(reports) == 1 else redirect("incidents:history")


def _view_report(report) -> dict:
    data = report.as_dict()
    data["blocking"] = [i for i in data["issues"] if i["severity"] == BLOCK]
    data["warnings"] = [i for i in data["issues"] if i["severity"] != BLOCK]
    data["rules"] = [{"code": code, "n": n, "severity": RULES[code].severity, "sentence": RULES[code].sentence}
                     for code, n in data["counts_by_rule"].items()]
    return data


def history(request):
    _require(request, "incidents.view_data")
    page = Paginator(ImportBatch.objects.select_related("user"), 50).get_page(request.GET.get("page"))
    return render(request, "incidents/history.html", {"page": page, "running": running_imports()})


def batch(request, pk: int):
    _require(request, "incidents.view_data")
    item = get_object_or_404(ImportBatch, pk=pk)
    rules = [{"code": code, "n": n, "severity": RULES[code].severity, "sentence": RULES[code].sentence}
             for code, n in item.counts_by_rule.items() if code in RULES]
    return render(request, "incidents/batch.html", {
        "batch": item, "rules": rules,
        "blocking": [i for i in item.issues if i["severity"] == BLOCK],
        "warnings": [i for i in item.issues if i["severity"] in (WARN, NOTE)],
        "stored": ForceMonth.objects.filter(batch=item).select_related("force"),
    })


def quality(request):
    """Data-quality flags per force-month: publication gaps, rows with no location, and the rules each
    force-month's file broke."""
    _require(request, "incidents.view_data")
    kind = request.GET.get("kind", "street")
    if kind not in ImportBatch.Kind.values or kind == "measures":
        kind = "street"
    stored = {(fm.force.slug, f"{fm.month:%Y-%m}"): fm
              for fm in ForceMonth.objects.filter(kind=kind).select_related("force", "batch")}
    rows = []
    for check in force_month_checks(kind):
        fm = stored.get((check["force"], check["month"]))
        warnings = {}
        if fm is not None:
            warnings = {code: n for code, n in fm.batch.counts_by_rule.items()
                        if code in RULES and RULES[code].severity == WARN}
        rows.append({**check, "fm": fm, "warnings": warnings})
    return render(request, "incidents/quality.html", {
        "rows": rows, "kind": kind, "kinds": [k for k in ImportBatch.Kind.choices if k[0] != "measures"],
        "gaps": [r for r in rows if r["gap"]],
    })
