"""The public Content-Security-Policy in a real browser: the Wagtail userbar and previews work."""

import re

import pytest
from django.conf import settings as django_settings
from playwright.sync_api import expect

from tests.factories import build_public_site, ensure_wagtail_roots, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def site(transactional_db):
    ensure_wagtail_roots()
    return build_public_site()


@pytest.fixture
def editor_page(page, live_server, client, site):
    """A browser page logged in as an editor, collecting every CSP violation report."""
    client.force_login(make_user("redaktor-csp", superuser=True))
    cookie = client.cookies[django_settings.SESSION_COOKIE_NAME]
    page.context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])
    page.violations = []
    page.on(
        "console",
        lambda message: (
            page.violations.append(message.text)
            if "Content Security Policy" in message.text
            or "Content-Security-Policy" in message.text
            else None
        ),
    )
    yield page
    # Stop the admin's background requests before the test database is flushed.
    page.goto("about:blank")
    page.wait_for_timeout(300)


def test_userbar_works_under_the_public_policy(editor_page, live_server, site):
    page = editor_page
    response = page.goto(live_server.url + site.article.url)
    assert "script-src 'self'" in response.headers["content-security-policy"]
    userbar = page.locator("wagtail-userbar")
    userbar.get_by_role("button").first.click()
    edit = userbar.get_by_role("menuitem", name=re.compile("Edytuj"))
    edit.wait_for(state="visible")
    # The accessibility checker (axe in the userbar) finishes its run under the policy too.
    expect(userbar.locator("[data-content-checker-count]").first).to_have_text(re.compile(r"\d"))
    assert edit.get_attribute("href").endswith(f"/admin/pages/{site.article.pk}/edit/")
    assert page.violations == []


def test_public_pages_raise_no_violations_for_readers(page, live_server, site):
    violations = []
    page.on("console", lambda m: violations.append(m.text) if "Security Policy" in m.text else None)
    for path in ["/", site.article.url, site.visit.url, "/wizyty-studyjne/", "/szukaj/?q=rawicz"]:
        page.goto(live_server.url + path)
    page.goto(live_server.url + "/szukaj/")
    with page.expect_response(lambda r: "/szukaj/podpowiedzi/" in r.url) as suggestion:
        page.locator("#search-page-input").press_sequentially("wiz", delay=50)
    assert suggestion.value.ok
    assert violations == []


def test_draft_preview_works_under_the_policy(editor_page, live_server, site):
    page = editor_page
    page.goto(live_server.url + f"/admin/pages/{site.visit.pk}/view_draft/")
    assert page.get_by_role("heading", level=1).first.inner_text() == site.visit.title
    page.goto(live_server.url + f"/admin/pages/{site.visit.pk}/edit/")
    page.wait_for_load_state("networkidle")
    # The live preview panel: the page in an iframe, rendered under the public policy.
    page.locator("[data-side-panel-toggle='preview']").click()
    preview = page.frame_locator("iframe[id='w-preview-iframe']")
    expect(preview.get_by_role("heading", level=1).first).to_have_text(site.visit.title)
    # Everything the preview loads has loaded (and any violation been reported): the preview's
    # frame is idle. The page's own second "networkidle" came only after the editing session's
    # next ping, ~9 s later, though nothing was loading.
    frame = page.locator("iframe[id='w-preview-iframe']").element_handle().content_frame()
    frame.wait_for_load_state("networkidle")
    assert page.violations == []
