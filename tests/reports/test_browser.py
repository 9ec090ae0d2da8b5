"""On screen, the report's charts are redrawn interactively from their Vega-Lite specs under the strict
Content-Security-Policy (no inline script, no eval), and the reports pages pass axe-core's WCAG checks."""

import io
from importlib import import_module

import pytest
from django.test import override_settings

from saferplace.accounts.services import ensure_user
from saferplace.partnership.models import Organisation
from saferplace.reports.models import ReportBuild
from saferplace.reports.render.html import body
from saferplace.reports.services import build
from tests.browser import CHROMIUM, require_browser, violations, wait_for_request_threads

pytestmark = pytest.mark.browser
PASSWORD = "correct horse battery staple"  # noqa: S105 (test-only)


@pytest.fixture
def pack(transactional_db, tmp_path):
    for app in ("geography", "partnership", "incidents"):
        import_module(f"saferplace.{app}.demo").load(io.StringIO())
    with override_settings(VAR_DIR=tmp_path):
        report = build("meeting", month="2024-03", audience="public")
        job = ReportBuild.objects.create(kind="meeting", partnership="safer-worcester", month="2024-03",
                                         audience="public", status="done", files=["html"], title=report.title)
        job.folder.mkdir(parents=True)
        (job.folder / "web.html").write_text(body(report, web=True))
        yield job


def test_charts_draw_interactively_under_the_csp(pack, live_server, monkeypatch):
    require_browser()
    playwright = pytest.importorskip("playwright.sync_api")
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    ensure_user("report-reader", PASSWORD, "viewer", Organisation.objects.get(name="Worcester City Council"))
    messages = []
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        page = browser.new_page()
        page.on("console", lambda m: messages.append(m.text))
        page.goto(live_server.url + "/sign-in/")
        page.fill("#id_username", "report-reader")
        page.fill("#id_password", PASSWORD)
        page.click("main form button[type=submit]")
        page.goto(f"{live_server.url}/reports/builds/{pack.pk}/read/")
        page.wait_for_selector(".app-chart:not([hidden]) svg", timeout=20000)
        charts = page.locator(".app-chart[data-spec]").count()
        drawn = page.locator(".app-chart:not([hidden]) svg").count()
        hidden_images = page.locator("figure .app-figure__image[hidden]").count()
        problems = violations(page) + violations(page, f"{live_server.url}/reports/")
        browser.close()
    wait_for_request_threads()
    assert charts > 0 and drawn == charts and hidden_images == charts
    assert not [m for m in messages if "Content Security Policy" in m or "Refused" in m], messages
    assert not problems, problems
