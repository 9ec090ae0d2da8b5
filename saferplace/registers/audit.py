"""Audit: every change to a register record, and every read of a record holding personal data.

Reads use django-auditlog's access log (LogEntry.Action.ACCESS through the `accessed` signal), so changes and
reads of a case sit in one history. The actor and address come from AuditlogMiddleware; what was shown
(page or CSV, with or without personal details) goes in the entry's additional_data (ADR 0603).
"""

from auditlog.registry import auditlog
from auditlog.signals import accessed
from django.apps import apps


def register_audited_models():
    for model in apps.get_app_config("registers").get_models():
        if not auditlog.contains(model):
            auditlog.register(model)


class AccessNote:
    """Model mixin: the log entry of a read carries what was shown (set just before the signal is sent)."""

    _access_note: dict | None = None

    def get_additional_data(self):
        return self._access_note


def record_read(instance, view: str, personal: bool) -> None:
    """Log that the signed-in user read `instance` through `view`, and whether personal details were shown."""
    instance._access_note = {"view": view, "personal_details_shown": personal}
    try:
        accessed.send(sender=type(instance), instance=instance)
    finally:
        instance._access_note = None
