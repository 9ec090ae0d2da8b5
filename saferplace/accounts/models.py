"""A user's role in Saferplace and the organisation they act for."""

from django.conf import settings
from django.db import models


class Role(models.TextChoices):
    ADMINISTRATOR = "administrator", "Administrator"
    ANALYST = "analyst", "Analyst"
    CONTRIBUTOR = "contributor", "Partner contributor"
    VIEWER = "viewer", "Viewer"


class Profile(models.Model):
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile")
    role = models.CharField(max_length=20, choices=Role.choices, default=Role.VIEWER)
    organisation = models.ForeignKey(
        "partnership.Organisation", null=True, blank=True, on_delete=models.SET_NULL, related_name="users"
    )

    def __str__(self):
        return f"{self.user} ({self.get_role_display()})"


def role_of(user) -> str | None:
    """The user's role; superusers are administrators; anonymous users and users without a profile have none."""
    if not user.is_authenticated:
        return None
    if user.is_superuser:
        return Role.ADMINISTRATOR
    profile = getattr(user, "profile", None)
    return profile.role if profile else None


def organisation_of(user):
    profile = getattr(user, "profile", None) if user.is_authenticated else None
    return profile.organisation if profile else None
