from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "saferplace.reports"
    verbose_name = "Reports"

    def ready(self):
        from . import permissions  # noqa: F401
