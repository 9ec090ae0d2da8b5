"""Who may build reports, and which version they may read."""

import rules

from saferplace.accounts.roles import can_see_exempt, has_role

# Everyone signed in with a role may build and read the public version of any report.
rules.add_perm("reports.build_report", has_role)
# The restricted version holds exempt items, personal data and small counts: administrators and analysts.
rules.add_perm("reports.view_restricted", can_see_exempt)
