"""Who may see the analyses: everyone with a role, as for the data pages (police.uk data are public; the
analyses add no personal data)."""

import rules

from saferplace.accounts.roles import has_role

rules.add_perm("analyse.view_analysis", has_role)
