"""Cards in a real browser: a row of cards lines up whether or not each card has a picture."""

import datetime

import pytest

from tests.factories import build_site_tree, make_image, make_news_index, make_news_page
from tests.layout import RAGGED_ROWS, WIDEST_ROW

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


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
