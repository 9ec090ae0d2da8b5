"""Dashboard panels contributed by the domain apps.

An app that wants a panel on the dashboard has a `dashboard.py` with `panel(request)` returning
`{"template": "<app>/dashboard_panel.html", **context}` or None (nothing to show to this user).
"""

from importlib import import_module
from importlib.util import find_spec

from django.apps import apps


def dashboard_panels(request) -> list[dict]:
    panels = []
    for config in apps.get_app_configs():
        if config.name.startswith("saferplace.") and find_spec(f"{config.name}.dashboard"):
            panel = import_module(f"{config.name}.dashboard").panel(request)
            if panel:
                panels.append(panel)
    return panels
