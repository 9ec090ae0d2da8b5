"""The partnership pages pass axe-core's WCAG 2.2 A and AA checks in a real Chromium (Debian's, not downloaded)."""

import io

import pytest
from django.urls import reverse

from saferplace.accounts.services import ensure_user
from saferplace.geography import demo as geography_demo
from saferplace.partnership import demo as partnership_demo
from saferplace.partnership.models import Group, Meeting, Organisation, TermsOfReference
from tests.browser import CHROMIUM, require_browser, violations, wait_for_request_threads

pytestmark = pytest.mark.browser
PASSWORD = "correct horse battery staple"  # noqa: S105 (test-only)


@pytest.fixture
def browser_page(transactional_db, live_server, monkeypatch):
    """The database fixture comes first: the session's live server must stop before the test database goes."""
    require_browser()
    playwright = pytest.importorskip("playwright.sync_api")
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's sync API runs an event loop in this thread
    geography_demo.load(io.StringIO())
    partnership_demo.load(io.StringIO())
    ensure_user("axe-admin", PASSWORD, "administrator", Organisation.objects.get(name="Worcester City Council"))
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        page = browser.new_page()
        page.goto(live_server.url + reverse("login"))
        page.fill("#id_username", "axe-admin")
        page.fill("#id_password", PASSWORD)
        page.click("main form button[type=submit]")
        yield page
        browser.close()
    wait_for_request_threads()


def test_partnership_pages_have_no_axeviolations(browser_page, live_server):
    sw = Group.objects.get(name="Safer Worcester")
    urls = [
        reverse("partnership:overview", args=["safer-worcester"]),
        reverse("partnership:partners", args=["safer-worcester"]),
        reverse("partnership:governance"),
        reverse("partnership:group", args=[sw.pk]),
        reverse("partnership:terms", args=[TermsOfReference.objects.get(group=sw).pk]),
        reverse("partnership:meetings"),
        reverse("partnership:meeting", args=[Meeting.objects.filter(group=sw).first().pk]),
        reverse("partnership:meeting-new"),
        reverse("partnership:action-new", args=["safer-worcester"]),
        reverse("partnership:assessments", args=["south-worcestershire"]),
    ]
    problems = {url: v for url in urls if (v := violations(browser_page, live_server.url + url))}
    assert problems == {}


def test_a_refused_form_with_its_error_summary_has_no_axeviolations(browser_page, live_server):
    browser_page.goto(live_server.url + reverse("partnership:meeting-new"))
    browser_page.click("main form button[type=submit]")
    assert browser_page.locator(".govuk-error-summary").count() == 1
    assert violations(browser_page) == []
    # The check is live: an input without a label added to the page is caught.
    browser_page.evaluate("document.querySelector('main form').append(document.createElement('input'))")
    assert any(v.startswith("label:") for v in violations(browser_page))
