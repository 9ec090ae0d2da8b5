from django.apps import AppConfig


class AnalyseConfig(AppConfig):
    """Thin Django adapters around the pure analysis library: `saferplace analyse` and the dashboard panels."""

    name = "saferplace.analyse"
    verbose_name = "Analysis"

    def ready(self):
        from . import permissions  # noqa: F401
