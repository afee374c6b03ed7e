"""The site shell in a real browser: axe, keyboard order, and the appearance switches."""

import pytest

from tests.conftest import assert_no_axe_violations
from tests.factories import build_site_tree

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def tree(transactional_db):
    return build_site_tree()


@pytest.mark.parametrize(
    "path", ["/", "/o-nas/", "/deklaracja-dostepnosci/", "/mapa-strony/", "/nie-ma-takiej/"]
)
def test_no_axe_violations(page, live_server, tree, path):
    page.goto(live_server.url + path)
    assert_no_axe_violations(page)


def test_no_axe_violations_in_high_contrast(page, live_server, tree):
    page.goto(live_server.url + "/o-nas/")
    page.get_by_role("button", name="Wysoki kontrast").click()
    assert_no_axe_violations(page)


def test_skip_link_is_first_tab_stop_and_moves_focus(page, live_server, tree):
    page.goto(live_server.url + "/o-nas/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Przejdź do treści"
    assert page.locator(".skip-links a").first.is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "tresc"


def test_contrast_switch_is_remembered_without_reload(page, live_server, tree):
    page.goto(live_server.url + "/")
    button = page.get_by_role("button", name="Wysoki kontrast")
    assert button.get_attribute("aria-pressed") == "false"
    button.click()
    assert button.get_attribute("aria-pressed") == "true"
    assert page.evaluate("document.documentElement.dataset.contrast") == "high"
    page.goto(live_server.url + "/o-nas/")
    assert page.evaluate("document.documentElement.dataset.contrast") == "high"
    assert (
        page.get_by_role("button", name="Wysoki kontrast").get_attribute("aria-pressed") == "true"
    )


def test_font_size_switch_enlarges_text_and_is_remembered(page, live_server, tree):
    page.goto(live_server.url + "/")
    base = page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)")
    page.locator("[data-a11y-font=larger]").click()
    assert page.locator("[data-a11y-font=larger]").get_attribute("aria-pressed") == "true"
    assert page.locator("[data-a11y-font=normal]").get_attribute("aria-pressed") == "false"
    larger = page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)")
    assert larger > base * 1.3
    page.reload()
    assert page.evaluate("document.documentElement.dataset.font") == "larger"


def test_reflows_at_320_pixels(page, live_server, tree):
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(live_server.url + "/deklaracja-dostepnosci/")
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
