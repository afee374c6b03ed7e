"""The editor's screens in a real browser: the share-card preview styled under the policy, and
the checks panel in Polish."""

import importlib
import re

import pytest
from django.apps import apps
from django.conf import settings as django_settings
from playwright.sync_api import expect

from tests.factories import build_public_site, ensure_wagtail_roots, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def site(transactional_db):
    # An earlier transactional test may have flushed what the migrations create: the roots and
    # the editorial groups and workflow of home/migrations/0002.
    ensure_wagtail_roots()
    migration = importlib.import_module("home.migrations.0002_editorial_groups_and_workflow")
    migration.create_groups_and_workflow(apps, None)  # idempotent
    return build_public_site()


def test_share_card_preview_is_styled_without_a_policy_violation(page, live_server, client, site):
    violations = []
    page.on("console", lambda m: violations.append(m.text) if "Security Policy" in m.text else None)
    page.goto(live_server.url + site.article.url)
    site_font = page.evaluate("getComputedStyle(document.body).fontFamily")

    client.force_login(make_user("redaktorka", groups=["Redaktorzy"]))
    cookie = client.cookies[django_settings.SESSION_COOKIE_NAME]
    page.context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])
    response = page.goto(live_server.url + f"/admin/pages/{site.article.pk}/view_draft/?mode=share")
    assert "style-src 'self'" in response.headers["content-security-policy"]
    card = page.locator(".share-card")
    assert card.get_by_role("heading", level=2).inner_text() == site.article.title
    assert page.evaluate("getComputedStyle(document.body).fontFamily") == site_font
    # Styled as a card: the rules of share-card.css apply (the browser's defaults would not).
    assert card.evaluate("el => getComputedStyle(el).borderTopLeftRadius") == "8px"
    assert card.evaluate("el => getComputedStyle(el).backgroundColor") == "rgb(255, 255, 255)"
    assert violations == []


def test_checks_panel_speaks_polish_in_the_browser(page, live_server, client, site):
    """What Wagtail's scripts write into the checks panel (word count, reading time, axe's
    results) is Polish too, next to the Polish readability of the saved text."""
    from tests.test_admin_polish import STOP_LIST

    client.force_login(make_user("redaktorka", groups=["Redaktorzy"]))
    cookie = client.cookies[django_settings.SESSION_COOKIE_NAME]
    page.context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])
    page.goto(live_server.url + f"/admin/pages/{site.article.pk}/edit/")
    page.locator("[data-side-panel-toggle='checks']").click()
    panel = page.locator("[data-side-panel='checks']")
    expect(panel.locator("[data-content-reading-time]")).to_have_text(re.compile(r"\d+ min"))
    expect(panel.get_by_text("Czytelność (FOG-PL)")).to_be_visible()
    text = panel.inner_text()
    english = [w for w in STOP_LIST if re.search(rf"(?<!\w){re.escape(w)}(?!\w)", text)]
    assert english == [], text
    page.goto("about:blank")  # stop the admin's background requests before the flush
