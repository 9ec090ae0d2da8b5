from django.apps import AppConfig


class IncidentsConfig(AppConfig):
    name = "saferplace.incidents"
    verbose_name = "Incidents"

    def ready(self):
        from . import permissions  # noqa: F401  (registers permissions with `rules`)
        from .audit import register_audited_models

        register_audited_models()
