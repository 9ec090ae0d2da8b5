"""Creating users with a role, for the demo and for `saferplace createuser`-style scripts."""

from django.contrib.auth import get_user_model

from .models import Profile, Role


def ensure_user(username: str, password: str, role: str, organisation=None, email: str = ""):
    """Create or update a user with this role; administrators may use the Django admin."""
    user, _ = get_user_model().objects.get_or_create(username=username, defaults={"email": email})
    user.is_staff = user.is_superuser = role == Role.ADMINISTRATOR
    user.set_password(password)
    user.save()
    Profile.objects.update_or_create(user=user, defaults={"role": role, "organisation": organisation})
    return user
