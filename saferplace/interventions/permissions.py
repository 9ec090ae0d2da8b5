"""Who may see and change projects and their outputs.

Everyone signed in with a role reads projects, outputs and the traceability view. Administrators and
analysts keep projects, indicators and no-action reasons. A partner contributor records outputs for the
projects its organisation leads or is a partner in, and edits the projects it leads.
"""

import rules

from saferplace.accounts.models import organisation_of
from saferplace.accounts.roles import has_role, is_administrator, is_analyst, is_contributor


def _own_org_id(user):
    return getattr(organisation_of(user), "pk", None)


@rules.predicate
def leads_project(user, project) -> bool:
    return project is not None and project.lead_organisation_id is not None and (
        project.lead_organisation_id == _own_org_id(user))


@rules.predicate
def works_on_project(user, project) -> bool:
    if project is None:
        return False
    org = _own_org_id(user)
    return org is not None and (project.lead_organisation_id == org or project.partners.filter(pk=org).exists())


@rules.predicate
def no_project_given(user, project=None) -> bool:
    return project is None


keeps_projects = is_administrator | is_analyst

rules.add_perm("interventions.view_interventions", has_role)
rules.add_perm("interventions.add_project", keeps_projects)
rules.add_perm("interventions.change_project", keeps_projects | (is_contributor & leads_project))
# Without a project (the spreadsheet upload page) a contributor may start; each row is then checked per project.
rules.add_perm("interventions.add_output", keeps_projects | (is_contributor & (works_on_project | no_project_given)))
rules.add_perm("interventions.record_no_action", keeps_projects)
