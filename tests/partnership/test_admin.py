"""Every partnership model has a Django admin page that works on the demo records."""

import pytest
from django.apps import apps
from django.contrib import admin
from django.test import Client
from django.urls import reverse

MODELS = list(apps.get_app_config("partnership").get_models())


def test_every_partnership_model_is_in_the_admin():
    assert [m.__name__ for m in MODELS if m not in admin.site._registry] == []


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_admin_lists_adds_and_changes(demo, make_user, model):
    c = Client()  # the Django admin's pages follow Django's conventions, not the project's page checker
    c.force_login(make_user("administrator"), backend="django.contrib.auth.backends.ModelBackend")
    meta = model._meta
    assert c.get(reverse(f"admin:{meta.app_label}_{meta.model_name}_changelist")).status_code == 200
    assert c.get(reverse(f"admin:{meta.app_label}_{meta.model_name}_add")).status_code == 200
    first = model.objects.first()
    if first is not None:
        assert c.get(reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[first.pk])).status_code == 200
