"""Shared pieces of the browser tests: Debian's Chromium driven by Playwright, and axe-core's WCAG checks."""

import shutil
import threading
from pathlib import Path

from django.db import connections

DIST = Path(__file__).resolve().parents[1] / "saferplace" / "static" / "dist"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
AXE_RULESETS = "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']"


def violations(page, url=None) -> list[str]:
    """axe-core's WCAG 2.2 A/AA violations on the page (after going to `url` if given)."""
    if url:
        page.goto(url)
    page.add_script_tag(url="/static/dist/axe.min.js")  # served, because the CSP forbids inline scripts
    return page.evaluate(
        f"axe.run(document, {{runOnly: {AXE_RULESETS}}})"
        ".then(r => r.violations.map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', ')))"
    )


def wait_for_request_threads(timeout: float = 10) -> None:
    """Let the live server finish the requests the browser started, then close database connections,
    so that PostgreSQL can drop the test database afterwards."""
    for thread in threading.enumerate():
        if "process_request_thread" in thread.name and thread is not threading.current_thread():
            thread.join(timeout)
    connections.close_all()
