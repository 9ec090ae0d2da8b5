"""Projects, their outputs and cost per output, the priority view, and the traceability view."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from saferplace.core.dates import financial_year_label
from saferplace.funding.cells import import_upload
from saferplace.funding.models import FundingRound
from saferplace.funding.years import normalise_financial_year
from saferplace.incidents.models import MeasureValue
from saferplace.partnership.models import Partnership, Priority

from . import traceability as trace
from .analysis import active_in, priority_year, project_year
from .forms import NoActionForm, OutputForm, OutputsUploadForm, ProjectForm
from .indicators import indicator_change_over_project_life
from .models import Project
from .outputs import years_with_figures
from .outputs_sheet import import_outputs, outputs_template
from .taxonomy import indicators_of

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DEFAULT_PARTNERSHIP = "safer-worcester"


def require(request, perm: str, obj=None) -> None:
    if not request.user.has_perm(perm, obj):
        raise PermissionDenied


def current_year() -> str:
    """The year of the newest funding round, else of the newest output figure: what the pages show by default."""
    latest = FundingRound.objects.order_by("-financial_year").values_list("financial_year", flat=True).first()
    if latest:
        return latest
    newest = MeasureValue.objects.filter(measure__outputs__isnull=False).order_by("-period_start").first()
    return financial_year_label(newest.period_start) if newest else "2020-21"


def _year(request) -> str:
    try:
        return normalise_financial_year(request.GET["year"])
    except Exception:  # absent or malformed: the default year
        return current_year()


def index(request):
    require(request, "interventions.view_interventions")
    year = _year(request)
    projects = [project_year(p, year) for p in Project.objects.select_related("lead_organisation", "partnership")
                if active_in(p, year)]
    return render(request, "interventions/index.html", {
        "year": year, "projects": projects, "can_add": request.user.has_perm("interventions.add_project"),
        "can_upload": request.user.has_perm("interventions.add_output"),
    })


def project_detail(request, pk):
    require(request, "interventions.view_interventions")
    project = get_object_or_404(Project.objects.select_related("lead_organisation", "partnership"), pk=pk)
    years = sorted({*years_with_figures(project),
                    *project.bids.values_list("funding_round__financial_year", flat=True),
                    *project.grant_lines.values_list("financial_year", flat=True),
                    *project.spend.values_list("financial_year", flat=True)}, reverse=True)
    indicators = [indicator_change_over_project_life(i, project)
                  for p in project.priorities.all() for i in indicators_of(p)]
    return render(request, "interventions/project.html", {
        "project": project, "years": [project_year(project, y) for y in years], "indicators": indicators,
        "bids": project.bids.select_related("funding_round"), "spend": project.spend.select_related("grant_line"),
        "can_edit": request.user.has_perm("interventions.change_project", project),
        "can_add_output": request.user.has_perm("interventions.add_output", project),
    })


def _form_page(request, form, *, title, cancel, success, on_save):
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            obj = form.save()
        messages.success(request, success)
        return redirect(on_save(obj))
    return render(request, "funding/form.html", {"form": form, "title": title, "cancel": cancel})


def project_new(request):
    require(request, "interventions.add_project")
    form = ProjectForm(request.POST or None,
                       initial={"partnership": Partnership.objects.filter(slug=DEFAULT_PARTNERSHIP).first()})
    return _form_page(request, form, title="Add a project", cancel=reverse("interventions:index"),
                      success="Project added.", on_save=lambda p: p.get_absolute_url())


def project_edit(request, pk):
    project = get_object_or_404(Project, pk=pk)
    require(request, "interventions.change_project", project)
    form = ProjectForm(request.POST or None, instance=project)
    return _form_page(request, form, title=f"Edit {project.name}", cancel=project.get_absolute_url(),
                      success="Project saved.", on_save=lambda p: p.get_absolute_url())


def output_new(request, pk):
    project = get_object_or_404(Project, pk=pk)
    require(request, "interventions.add_output", project)
    form = OutputForm(request.POST or None, project=project, user=request.user,
                      initial={"financial_year": current_year()})
    return _form_page(request, form, title=f"Record an output for {project.name}", cancel=project.get_absolute_url(),
                      success="Output recorded.", on_save=lambda p: p.get_absolute_url())


def outputs_template_xlsx(request):
    require(request, "interventions.add_output")
    year = _year(request)
    projects = [p for p in Project.objects.order_by("name") if active_in(p, year)
                and request.user.has_perm("interventions.add_output", p)]
    response = HttpResponse(outputs_template(year, projects), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="outputs-{year}.xlsx"'
    return response


def outputs_upload(request):
    require(request, "interventions.add_output")
    form = OutputsUploadForm(request.POST or None, request.FILES or None)
    issues = []
    if request.method == "POST" and form.is_valid():
        result, issues = import_upload(form.cleaned_data["file"], import_outputs, user=request.user)
        if result is not None:
            messages.success(request, result.summary())
            return redirect("interventions:index")
    return render(request, "interventions/upload.html", {"form": form, "issues": issues, "year": current_year()})


def traceability(request):
    require(request, "interventions.view_interventions")
    partnership = get_object_or_404(Partnership, slug=request.GET.get("partnership", DEFAULT_PARTNERSHIP))
    year = _year(request)
    return render(request, "interventions/traceability.html", {
        "trace": trace.build(partnership, year), "partnerships": Partnership.objects.all(),
        "can_record": request.user.has_perm("interventions.record_no_action"),
    })


def priority_detail(request, pk):
    require(request, "interventions.view_interventions")
    priority = get_object_or_404(Priority.objects.select_related("theme__partnership"), pk=pk)
    year = _year(request)
    summary = priority_year(priority, year)
    changes = [indicator_change_over_project_life(i, py.project) for py in summary.projects
               for i in indicators_of(priority)]
    return render(request, "interventions/priority.html", {
        "priority": priority, "summary": summary, "year": year, "changes": changes,
        "no_action": priority.no_action_reasons.filter(financial_year=year).first(),
    })


def no_action(request, pk):
    priority = get_object_or_404(Priority, pk=pk)
    require(request, "interventions.record_no_action")
    year = _year(request)
    instance = priority.no_action_reasons.filter(financial_year=year).first()
    form = NoActionForm(request.POST or None, instance=instance, initial={"financial_year": year})
    form.instance.priority = priority
    return _form_page(request, form, title=f"Record no action on {priority.name}",
                      cancel=reverse("interventions:traceability"), success="Reason recorded.",
                      on_save=lambda r: reverse("interventions:traceability") + f"?year={r.financial_year}")
