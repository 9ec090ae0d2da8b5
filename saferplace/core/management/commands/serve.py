"""`saferplace serve`: the web application under gunicorn (several worker processes), static files by
whitenoise, and one background-task worker (`saferplace db_worker`) for report builds."""

import subprocess
import sys

from django.core.management import call_command
from django.core.management.base import BaseCommand
from gunicorn.app.base import BaseApplication


class _Gunicorn(BaseApplication):
    def __init__(self, options: dict):
        self.options = options
        super().__init__()

    def load_config(self):
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self):
        from saferplace.wsgi import application

        return application


class Command(BaseCommand):
    help = "Serve Saferplace on HOST:PORT (default 127.0.0.1:8000)."

    def add_arguments(self, parser):
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--workers", type=int, default=2)

    def handle(self, *args, host, port, workers, **options):
        call_command("collectstatic", interactive=False, verbosity=0)
        self.stdout.write(f"Saferplace is running at http://{host}:{port}/ (press Ctrl+C to stop)")
        self.stdout.flush()
        worker = subprocess.Popen([sys.executable, "-m", "saferplace.cli", "db_worker"])  # noqa: S603
        try:
            _Gunicorn({"bind": f"{host}:{port}", "workers": workers, "accesslog": "-", "loglevel": "warning"}).run()
        finally:
            worker.terminate()
            worker.wait(timeout=30)
