"""`saferplace demo`: migrate the embedded database, load the Safer Worcester demo, then serve.

Each app contributes its demo records through `saferplace/<app>/demo.py: load(stdout)`; loaders are
idempotent, so running the demo twice changes nothing.
"""

import secrets
from importlib import import_module
from importlib.util import find_spec
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

from saferplace.accounts.models import Role
from saferplace.accounts.services import ensure_user
from saferplace.partnership.models import Organisation

DEMO_APPS = ["geography", "partnership", "incidents", "funding", "interventions", "registers"]
DEMO_USERS = [  # (username, role, organisation)
    ("demo-admin", Role.ADMINISTRATOR, "Worcester City Council"),
    ("demo-analyst", Role.ANALYST, "Worcester City Council"),
    ("demo-partner", Role.CONTRIBUTOR, "Worcester Community Trust"),
    ("demo-viewer", Role.VIEWER, "Worcestershire County Council"),
]


def demo_password() -> str:
    """A password generated once per installation into var/, so no password is shipped in the code."""
    path = Path(settings.VAR_DIR) / "demo_password"
    if not path.exists():
        path.write_text(secrets.token_urlsafe(12))
        path.chmod(0o600)
    return path.read_text().strip()


class Command(BaseCommand):
    help = "Set up the embedded database, load the Safer Worcester demo, and serve."

    def add_arguments(self, parser):
        parser.add_argument("--no-serve", action="store_true", help="Do everything but serve, then exit")
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--out", default="out", help="Folder for the demo's public annual reports (default out/)")

    def handle(self, *args, no_serve, host, port, out, **options):
        call_command("migrate", interactive=False, verbosity=0)
        for app in DEMO_APPS:
            module = f"saferplace.{app}.demo"
            if find_spec(module):
                import_module(module).load(self.stdout)
        password = demo_password()
        for username, role, org in DEMO_USERS:
            ensure_user(username, password, role, Organisation.objects.get(name=org))
        self.stdout.write(self.style.SUCCESS("The Safer Worcester demo is loaded."))
        from saferplace.reports.demo import write as write_reports

        write_reports(Path(out), self.stdout)
        self.stdout.write("Sign in with one of these accounts, all with the password " + password + ":")
        for username, role, org in DEMO_USERS:
            self.stdout.write(f"  {username:14} {Role(role).label} ({org})")
        if not no_serve:
            call_command("serve", host=host, port=port)
