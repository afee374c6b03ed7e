"""The share-card preview in a real browser: styled by the site's stylesheets, under the policy."""

import pytest
from django.conf import settings as django_settings

from tests.factories import build_public_site, ensure_wagtail_roots, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def site(transactional_db):
    ensure_wagtail_roots()
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
