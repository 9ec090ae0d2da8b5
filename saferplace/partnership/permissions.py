"""Who may see and change partnership records (docs/adr/0051-partnership-roles.md).

Everyone signed in with a role reads the register. Administrators change everything. Analysts also see
exempt items and keep strategic assessments and priorities. Partner contributors change only their own
organisation's records: its details, the actions it owns, and the meetings of the groups it hosts.
Viewers read. A signed-in account without a role sees nothing.
"""

import rules

from saferplace.accounts.models import organisation_of
from saferplace.accounts.roles import can_see_exempt, has_role, is_administrator, is_analyst, is_contributor


def _own_pk(user):
    return getattr(organisation_of(user), "pk", None)


@rules.predicate
def owns_action(user, action) -> bool:
    return action is not None and action.owner_id is not None and action.owner_id == _own_pk(user)


@rules.predicate
def is_own_organisation(user, organisation) -> bool:
    return organisation is not None and organisation.pk is not None and organisation.pk == _own_pk(user)


@rules.predicate
def hosts_meeting(user, meeting) -> bool:
    """The meeting's group is hosted by the user's organisation (e.g. the council that runs Safer Worcester)."""
    if meeting is None or _own_pk(user) is None:
        return False
    return meeting.group.organisation_id == _own_pk(user)


@rules.predicate
def has_organisation(user) -> bool:
    return _own_pk(user) is not None


@rules.predicate
def is_exempt(user, assessment) -> bool:
    return assessment is not None and assessment.exempt


rules.add_perm("partnership.view_register", has_role)
rules.add_perm("partnership.view_exempt", can_see_exempt)
rules.add_perm("partnership.view_strategicassessment", has_role & (~is_exempt | can_see_exempt))

rules.add_perm("partnership.add_organisation", is_administrator)
rules.add_perm("partnership.change_organisation", is_administrator | (is_contributor & is_own_organisation))

rules.add_perm("partnership.add_group", is_administrator)
rules.add_perm("partnership.change_group", is_administrator)
rules.add_perm("partnership.add_termsofreference", is_administrator)
rules.add_perm("partnership.change_termsofreference", is_administrator)

# Without an object: may this user add meetings at all (a contributor only for groups its organisation hosts).
rules.add_perm("partnership.add_meeting", is_administrator | (is_contributor & has_organisation))
rules.add_perm("partnership.change_meeting", is_administrator | (is_contributor & hosts_meeting))

# A contributor adds actions owned by its own organisation and changes only those.
rules.add_perm("partnership.add_action", is_administrator | (is_contributor & has_organisation))
rules.add_perm("partnership.change_action", is_administrator | (is_contributor & owns_action))

rules.add_perm("partnership.add_strategicassessment", is_administrator | is_analyst)
rules.add_perm("partnership.change_strategicassessment", is_administrator | is_analyst)
rules.add_perm("partnership.change_priority", is_administrator | is_analyst)
