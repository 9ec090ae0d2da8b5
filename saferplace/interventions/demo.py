"""Loads the seed's projects, links them to their section 6 outputs (partner measures the incidents demo loads,
with their figures) and seeds the outcome indicators from the analysis library's default. Idempotent."""

from datetime import date

from django.db import transaction

from saferplace.incidents.models import Measure
from saferplace.partnership.models import Organisation, Partnership, Priority

from . import demo_records as seed
from .models import OutcomeIndicator, Output, Project
from .taxonomy import seed_indicators


def organisation(name: str) -> Organisation:
    """The organisation of that name (the partnership demo creates Appendix 1's; this works without it too)."""
    return Organisation.objects.get_or_create(name=name, defaults={"source": "Seed report, funding and projects"})[0]


def seed_priority(name: str) -> Priority:
    """A priority of the South Worcestershire CSP by the seed's name (the partnership demo loads them)."""
    try:
        return Priority.objects.get(theme__partnership__slug=seed.SWCSP, name=name)
    except Priority.DoesNotExist as missing:
        raise RuntimeError(
            f"The priority '{name}' of {seed.SWCSP} is not loaded: load the partnership demo first."
        ) from missing


def ensure_projects() -> dict[str, Project]:
    """Create or update every seed project (the funding demo calls this too, before it loads the bids)."""
    partnerships = {p.slug: p for p in Partnership.objects.filter(slug__in=[seed.SWCSP, seed.WORCESTER])}
    missing = {seed.SWCSP, seed.WORCESTER} - set(partnerships)
    if missing:
        names = ", ".join(sorted(missing))
        raise RuntimeError(f"Partnerships {names} are not loaded: load the partnership demo first.")
    projects = {}
    for name, slug, lead, partners, priorities, reason, purpose, start, end, source in seed.PROJECTS:
        project, _ = Project.objects.update_or_create(
            partnership=partnerships[slug], name=name,
            defaults={
                "purpose": purpose, "lead_organisation": organisation(lead) if lead else None,
                "no_priority_reason": reason, "link_basis": seed.READ_FROM_PURPOSE if priorities else "",
                "start": date.fromisoformat(start) if start else None,
                "end": date.fromisoformat(end) if end else None, "source": source,
            },
        )
        project.partners.set([organisation(p) for p in partners])
        project.priorities.set([seed_priority(p) for p in priorities])
        projects[name] = project
    return projects


@transaction.atomic
def load(stdout) -> None:
    projects = ensure_projects()
    slugs = {slug for *_, slug in seed.OUTPUTS}
    if Measure.objects.filter(slug__in=slugs).count() < len(slugs):
        from saferplace.incidents.demo import load_measures

        load_measures()  # the section 6 figures, written once in incidents/demo_records.py (not yet loaded)
    measures = {m.slug: m for m in Measure.objects.filter(slug__in=slugs)}
    for project_name, name, slug in seed.OUTPUTS:
        Output.objects.update_or_create(project=projects[project_name], measure=measures[slug], defaults={
            "name": name, "source": f"Seed report: {measures[slug].source.removeprefix('Seed report ')}"})
    seed_indicators(Partnership.objects.get(slug=seed.SWCSP))  # the analysis library's default taxonomy
    stdout.write(
        f"Interventions: {len(projects)} projects, {Output.objects.count()} outputs, "
        f"{OutcomeIndicator.objects.count()} outcome indicators."
    )
