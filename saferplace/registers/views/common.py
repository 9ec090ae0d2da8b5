"""Helpers shared by the register pages: permission checks, form pages and CSV responses."""

import csv
from datetime import date

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect, render


def require(request, perm: str, obj=None) -> None:
    if not request.user.has_perm(perm, obj):
        raise PermissionDenied


def form_page(request, form_class, *, instance, title: str, back: str, message: str, success_url=None,
              form_kwargs=None, intro: str = "", after_save=None, on_show=None):
    """A GOV.UK form page that saves one record (and its many-to-many fields) in one transaction."""
    kwargs = form_kwargs or {}
    if request.method == "POST":
        form = form_class(request.POST, instance=instance, **kwargs)
        if form.is_valid():
            with transaction.atomic():
                saved = form.save()
                if after_save:
                    after_save(saved)
            messages.success(request, message)
            return redirect(success_url or saved.get_absolute_url())
    else:
        form = form_class(instance=instance, **kwargs)
    if on_show:
        on_show()
    return render(request, "registers/form.html", {"form": form, "title": title, "back": back, "intro": intro})


def csv_response(filename: str, header: list[str], rows) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    writer = csv.writer(response)
    writer.writerow(header)
    for row in rows:
        writer.writerow(["" if v is None else v.isoformat() if isinstance(v, date) else v for v in row])
    return response


def yes_no(value) -> str:
    return "" if value is None else "yes" if value else "no"
