"""Who may see and change funding records.

Everyone signed in with a role reads rounds, bids and grant lines (they are published in committee reports).
Only administrators record bids, decisions, grant lines and spend, or import a round: these are the
partnership's financial decisions, not a partner's own figures.
"""

import rules

from saferplace.accounts.roles import has_role, is_administrator

rules.add_perm("funding.view_funding", has_role)
rules.add_perm("funding.add_bid", is_administrator)
rules.add_perm("funding.change_bid", is_administrator)
rules.add_perm("funding.import_round", is_administrator)
rules.add_perm("funding.change_fundinground", is_administrator)
