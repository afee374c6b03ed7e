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


def test_phone_header_is_one_row_and_search_with_the_title_on_the_first_screen(
    page, live_server, tree
):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(live_server.url + "/o-nas/")
    header = page.locator(".site-header").bounding_box()
    assert header["height"] <= 130  # the name, two disclosure buttons and the search box
    assert page.locator("h1").bounding_box()["y"] < 300
    assert page.get_by_label("Szukaj w serwisie").is_visible()
    assert not page.get_by_role("navigation", name="Menu główne").is_visible()
    assert not page.get_by_role("button", name="Wysoki kontrast").is_visible()
    assert_no_axe_violations(page)


def test_phone_menu_and_appearance_open_without_javascript(browser, live_server, tree):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(live_server.url + "/o-nas/")
    menu = page.locator("summary", has_text="Menu")
    assert menu.get_attribute("aria-expanded") is None  # a native disclosure: no ARIA needed
    menu.click()
    nav = page.get_by_role("navigation", name="Menu główne")
    assert nav.get_by_role("link", name="O nas").is_visible()
    page.locator("summary", has_text="Wygląd").click()
    assert page.get_by_role("button", name="Wysoki kontrast").is_visible()
    assert not nav.get_by_role("link", name="O nas").is_visible()  # one panel at a time
    context.close()


def test_phone_menu_opened_with_the_keyboard_passes_axe(page, live_server, tree):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(live_server.url + "/o-nas/")
    page.locator("summary", has_text="Menu").focus()
    page.keyboard.press("Enter")
    assert (
        page.get_by_role("navigation", name="Menu główne")
        .get_by_role("link", name="O nas")
        .is_visible()
    )
    assert_no_axe_violations(page)


def test_desktop_header_shows_menu_and_switches_without_a_click(page, live_server, tree):
    page.set_viewport_size({"width": 1366, "height": 768})
    page.goto(live_server.url + "/o-nas/")
    assert not page.locator("summary", has_text="Menu").is_visible()
    nav = page.get_by_role("navigation", name="Menu główne")
    assert nav.get_by_role("link", name="O nas").is_visible()
    assert page.get_by_role("button", name="Wysoki kontrast").is_visible()


def test_phone_skip_link_to_the_menu_opens_it(page, live_server, tree):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(live_server.url + "/o-nas/")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Przejdź do menu"
    page.keyboard.press("Enter")
    nav = page.get_by_role("navigation", name="Menu główne")
    assert nav.get_by_role("link", name="O nas").is_visible()


def test_organisation_accent_keeps_axe_clean_and_yields_to_high_contrast(page, live_server, tree):
    tree.settings.accent_colour = "#7a1f5c"
    tree.settings.save()
    page.goto(live_server.url + "/o-nas/")
    link_colour = "getComputedStyle(document.querySelector('.main-nav a')).color"
    assert page.evaluate(link_colour) == "rgb(122, 31, 92)"
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Wysoki kontrast").click()
    assert page.evaluate(link_colour) == "rgb(255, 255, 0)"
