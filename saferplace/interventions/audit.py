"""Changes to interventions records are kept in the audit log (who changed what, when)."""

from auditlog.registry import auditlog
from django.apps import apps


def register_audited_models():
    for model in apps.get_app_config("interventions").get_models():
        if not auditlog.contains(model):
            auditlog.register(model)
