"""Role predicates for `rules`, shared by every app's permissions."""

import rules

from .models import Role, role_of


@rules.predicate
def is_administrator(user) -> bool:
    return role_of(user) == Role.ADMINISTRATOR


@rules.predicate
def is_analyst(user) -> bool:
    return role_of(user) == Role.ANALYST


@rules.predicate
def is_contributor(user) -> bool:
    return role_of(user) == Role.CONTRIBUTOR


@rules.predicate
def has_role(user) -> bool:
    return role_of(user) is not None


can_see_exempt = is_administrator | is_analyst
