"""Who may see and change partnership records.

Everyone signed in with a role reads the register. Administrators change everything. Analysts also
see exempt items and keep strategic assessments and priorities. Partner contributors change only
their own organisation's records (its details and the actions it owns). Viewers read.
"""

import rules

from saferplace.accounts.models import organisation_of
from saferplace.accounts.roles import can_see_exempt, has_role, is_administrator, is_analyst, is_contributor


@rules.predicate
def owns_action(user, action) -> bool:
    return action is not None and action.owner_id == getattr(organisation_of(user), "pk", None)


@rules.predicate
def is_own_organisation(user, organisation) -> bool:
    return organisation is not None and organisation.pk == getattr(organisation_of(user), "pk", None)


@rules.predicate
def is_exempt(user, assessment) -> bool:
    return assessment is not None and assessment.exempt


rules.add_perm("partnership.view_register", has_role)
rules.add_perm("partnership.view_exempt", can_see_exempt)
rules.add_perm("partnership.view_strategicassessment", has_role & (~is_exempt | can_see_exempt))
rules.add_perm("partnership.change_organisation", is_administrator | (is_contributor & is_own_organisation))
rules.add_perm("partnership.add_meeting", is_administrator)
rules.add_perm("partnership.change_meeting", is_administrator)
rules.add_perm("partnership.add_action", is_administrator)
rules.add_perm("partnership.change_action", is_administrator | (is_contributor & owns_action))
rules.add_perm("partnership.change_termsofreference", is_administrator)
rules.add_perm("partnership.add_strategicassessment", is_administrator | is_analyst)
rules.add_perm("partnership.change_strategicassessment", is_administrator | is_analyst)
rules.add_perm("partnership.change_priority", is_administrator | is_analyst)
