from django.apps import AppConfig


class RegistersConfig(AppConfig):
    name = "saferplace.registers"
    verbose_name = "Registers"

    def ready(self):
        from . import permissions  # noqa: F401  (registers object permissions with `rules`)
        from .audit import register_audited_models

        register_audited_models()
