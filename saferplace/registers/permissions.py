"""Who may see and change the registers (ADR 0603).

Everyone signed in with a role reads the registers' non-personal facts (references, dates, status, counts).
Personal details of a case review or DHR (names, contacts, places, date of death) are for administrators and
users of the case's owning organisations. Administrators change everything; contributors of an owning
organisation keep their organisation's cases and their council's PSPOs. Only administrators set the local
procedure. The PSPO register and the published case review counts are public.
"""

import rules

from saferplace.accounts.models import organisation_of
from saferplace.accounts.roles import has_role, is_administrator, is_contributor


@rules.predicate
def in_owning_organisation(user, record) -> bool:
    org = organisation_of(user)
    if record is None or org is None or record.pk is None:
        return False
    return record.owning_organisations.filter(pk=org.pk).exists()


@rules.predicate
def of_own_council(user, order) -> bool:
    org = organisation_of(user)
    return order is not None and org is not None and order.council_id == org.pk


can_see_personal = is_administrator | in_owning_organisation
can_keep_case = is_administrator | (is_contributor & in_owning_organisation)

rules.add_perm("registers.view_register", has_role)
rules.add_perm("registers.view_personal_casereview", can_see_personal)
rules.add_perm("registers.view_personal_domestichomicidereview", can_see_personal)
rules.add_perm("registers.add_casereview", is_administrator | is_contributor)
rules.add_perm("registers.change_casereview", can_keep_case)
rules.add_perm("registers.add_domestichomicidereview", is_administrator | is_contributor)
rules.add_perm("registers.change_domestichomicidereview", can_keep_case)
rules.add_perm("registers.add_order", is_administrator | is_contributor)
rules.add_perm("registers.change_order", is_administrator | (is_contributor & of_own_council))
rules.add_perm("registers.change_localprocedure", is_administrator)
