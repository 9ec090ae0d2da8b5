"""Shared fixtures: a page-checking client and one signed-in client per role."""

import pytest

from saferplace.accounts.models import Role
from saferplace.accounts.services import ensure_user
from saferplace.partnership.models import Organisation
from tests.htmlcheck import CheckingClient

PASSWORD = "correct horse battery staple"  # noqa: S105 (test-only)


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """Tests make users afresh for each role; the production hasher would dominate the run time."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def immediate_tasks(settings):
    """Background tasks run at once in tests, so a test sees their result (DESIGN.md)."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture
def client():
    return CheckingClient()


@pytest.fixture
def organisation(db):
    return Organisation.objects.create(name="Test Council", kind=Organisation.Kind.COUNCIL)


@pytest.fixture
def other_organisation(db):
    return Organisation.objects.create(name="Other Trust", kind=Organisation.Kind.VOLUNTARY)


@pytest.fixture
def make_user(db, organisation):
    def make(role: str, org=None, username: str | None = None):
        return ensure_user(username or role, PASSWORD, role, org or organisation)

    return make


@pytest.fixture
def signed_in(make_user):
    """signed_in(role) -> a CheckingClient signed in as a new user with that role."""

    def sign_in(role: str, org=None):
        user = make_user(role, org)
        c = CheckingClient()
        c.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
        return c

    return sign_in


ALL_ROLES = [Role.ADMINISTRATOR, Role.ANALYST, Role.CONTRIBUTOR, Role.VIEWER]
