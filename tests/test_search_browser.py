"""A keyboard reader on /szukaj/: zero axe violations in every state, the suggestion combobox."""

import datetime

import pytest

from tests.conftest import assert_no_axe_violations
from tests.factories import build_site_tree, make_news_index, make_news_page

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def site_url(live_server):
    tree = build_site_tree()
    index = make_news_index(tree.home)
    make_news_page(
        index,
        "Spółdzielnia Socjalna „Smak Bistro” w Rawiczu",
        datetime.date(2021, 9, 19),
        lead="Obiad w bistro prowadzonym przez spółdzielnię socjalną w Rawiczu.",
    )
    make_news_page(index, "Kawiarnia Filmowa w Jarocinie", datetime.date(2022, 3, 10))
    return live_server.url


@pytest.mark.parametrize(
    "query", ["", "?q=Rawicz", "?q=xyzzy&typ=news", "?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E"]
)
def test_search_page_states_have_no_axe_violations(page, site_url, query):
    page.goto(f"{site_url}/szukaj/{query}")
    assert_no_axe_violations(page)


def test_results_page_shows_marked_snippet(page, site_url):
    page.goto(f"{site_url}/szukaj/?q=rawicz")
    assert page.locator("#search-results li").count() == 1
    assert page.locator("#search-results mark").first.inner_text() == "Rawiczu"


def test_combobox_is_operable_by_keyboard(page, site_url):
    page.goto(f"{site_url}/szukaj/")
    box = page.locator("#search-page-input")
    assert box.get_attribute("role") == "combobox"
    assert box.get_attribute("aria-expanded") == "false"
    box.focus()
    page.keyboard.type("spold")
    listbox = page.locator("#search-page-input-podpowiedzi")
    listbox.locator("[role=option]").first.wait_for()
    assert box.get_attribute("aria-expanded") == "true"
    assert box.get_attribute("aria-controls") == "search-page-input-podpowiedzi"
    page.get_by_role("status").filter(has_text="1 podpowiedź").wait_for(state="attached")
    assert_no_axe_violations(page)
    page.keyboard.press("ArrowDown")
    assert box.get_attribute("aria-activedescendant") == "search-page-input-podpowiedzi-0"
    assert listbox.locator("[aria-selected=true]").inner_text().startswith("Spółdzielnia")
    page.keyboard.press("Escape")
    assert box.get_attribute("aria-expanded") == "false"
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_url("**/aktualnosci/spoldzielnia-socjalna-smak-bistro-w-rawiczu/")


def test_without_suggestion_enter_submits_the_form(page, site_url):
    page.goto(f"{site_url}/szukaj/")
    page.locator("#search-page-input").fill("Jarocin")
    page.locator("#search-page-input").press("Enter")
    page.wait_for_url("**/szukaj/?q=Jarocin*")
    assert page.locator("#search-results li").count() == 1
