"""Helpers shared by the partnership views: permission checks and the one way a form is saved."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import redirect, render


def require(request, perm: str, obj=None) -> None:
    """403 unless the signed-in user holds `perm` (on `obj` when given)."""
    if not request.user.has_perm(perm, obj):
        raise PermissionDenied


def form_page(request, form, *, title: str, cancel: str, success: str, intro: str = ""):
    """Show `form`; on a valid POST save it in one transaction, say so, and go to the saved record's page."""
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            obj = form.save()
        messages.success(request, success)
        return redirect(obj.get_absolute_url())
    return render(request, "partnership/form.html", {"form": form, "title": title, "cancel": cancel, "intro": intro})
