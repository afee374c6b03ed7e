"""Cards in a real browser: a row of cards lines up whether or not each card has a picture."""

import datetime

import pytest

from tests.factories import build_site_tree, make_image, make_news_index, make_news_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# For every card grid: group the cards by the row they sit in and give the spread of their
# titles' tops (0 when the titles of a row line up).
RAGGED_ROWS = """() => [...document.querySelectorAll('.card-list')].flatMap(list => {
    const rows = {};
    for (const item of list.children) {
        const top = Math.round(item.getBoundingClientRect().top);
        const title = item.querySelector('.card__title').getBoundingClientRect().top;
        (rows[top] = rows[top] || []).push(title);
    }
    return Object.values(rows).filter(titles => titles.length > 1)
        .map(titles => Math.max(...titles) - Math.min(...titles))
        .filter(spread => spread > 1);
})"""

WIDEST_ROW = """() => Math.max(...[...document.querySelectorAll('.card-list > li')].map(item =>
    [...item.parentNode.children].filter(other =>
        Math.round(other.getBoundingClientRect().top) === Math.round(item.getBoundingClientRect().top)
    ).length))"""


@pytest.fixture
def mixed_cards(transactional_db):
    tree = build_site_tree()
    index = make_news_index(tree.home)
    photo = make_image("Spotkanie", "Uczestnicy spotkania przy stole", size=(1200, 800))
    for day in range(1, 7):
        fields = {"listing_image": photo} if day % 2 else {}
        make_news_page(index, f"Wiadomość {day}", datetime.date(2026, 5, day), **fields)
    return tree


@pytest.mark.parametrize("width", [390, 1366])
def test_card_rows_line_up_with_and_without_pictures(page, live_server, mixed_cards, width):
    page.set_viewport_size({"width": width, "height": 900})
    for path in ["/", "/aktualnosci/"]:
        page.goto(live_server.url + path)
        assert page.locator(".card").count() >= 6
        assert page.locator(".card__image--none").count() >= 3
        assert page.evaluate(WIDEST_ROW) == (1 if width == 390 else 3)
        assert page.evaluate(RAGGED_ROWS) == [], f"ragged card row on {path} at {width} px"
