"""Shared pieces of the browser tests: Debian's Chromium driven by Playwright, and axe-core's WCAG checks."""

import os
import shutil
import threading
from pathlib import Path

from django.db import connections

ROOT = Path(__file__).resolve().parents[1]
DIST = ROOT / "saferplace" / "static" / "dist"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"  # a devDependency: the site itself never serves it
AXE_URL = "/__axe__/axe.min.js"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
BROWSER_READY = bool(CHROMIUM and AXE.exists() and (DIST / "saferplace.css").exists())
NOT_READY = "needs Debian's chromium and the front-end packages and assets (npm ci && npm run build)"


def require_browser() -> None:
    """Skip where the browser or assets are missing, except in CI (.ci/run sets SAFERPLACE_REQUIRE_BROWSER when
    Chromium is installed), where a missing piece is a build fault and fails the test."""
    import pytest

    if not BROWSER_READY:
        if os.environ.get("SAFERPLACE_REQUIRE_BROWSER"):
            pytest.fail(NOT_READY)
        pytest.skip(NOT_READY)
AXE_RULESETS = "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']"


def violations(page, url=None) -> list[str]:
    """axe-core's WCAG 2.2 A/AA violations on the page (after going to `url` if given)."""
    if url:
        page.goto(url)
    # The CSP forbids inline scripts, so axe is loaded from a same-origin address the browser answers itself.
    page.route(f"**{AXE_URL}", lambda route: route.fulfill(path=AXE, content_type="application/javascript"))
    page.add_script_tag(url=AXE_URL)
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
