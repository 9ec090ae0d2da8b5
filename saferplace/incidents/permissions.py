"""Who may see and load data.

Everyone with a role sees the data pages. Administrators and analysts load police.uk files and define
measures. A partner contributor enters and uploads figures only for its own organisation's measures.
"""

import rules

from saferplace.accounts.models import organisation_of
from saferplace.accounts.roles import has_role, is_administrator, is_analyst, is_contributor


@rules.predicate
def owns_measure(user, measure) -> bool:
    return measure is not None and measure.organisation_id == getattr(organisation_of(user), "pk", None)


rules.add_perm("incidents.view_data", has_role)
rules.add_perm("incidents.import_policeuk", is_administrator | is_analyst)
rules.add_perm("incidents.add_measure", is_administrator | is_analyst)
rules.add_perm("incidents.import_measures", is_administrator | is_analyst | is_contributor)
rules.add_perm("incidents.enter_measurevalue", is_administrator | is_analyst | (is_contributor & owns_measure))
