from django.apps import AppConfig


class PartnershipConfig(AppConfig):
    name = "saferplace.partnership"
    verbose_name = "Partnership"

    def ready(self):
        from . import permissions  # noqa: F401  (registers object permissions with `rules`)
        from .audit import register_audited_models

        register_audited_models()
