from django.apps import AppConfig


class InterventionsConfig(AppConfig):
    name = "saferplace.interventions"
    verbose_name = "Interventions"

    def ready(self):
        from . import permissions  # noqa: F401  (registers object permissions with `rules`)
        from .audit import register_audited_models

        register_audited_models()
