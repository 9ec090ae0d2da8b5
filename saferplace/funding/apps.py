from django.apps import AppConfig


class FundingConfig(AppConfig):
    name = "saferplace.funding"
    verbose_name = "Funding"

    def ready(self):
        from . import permissions  # noqa: F401  (registers object permissions with `rules`)
        from .audit import register_audited_models

        register_audited_models()
