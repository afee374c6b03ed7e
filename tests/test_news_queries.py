"""Query counts of the public news pages are pinned: they must not grow with cards or images."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.images import get_image_model

from tests.factories import gallery_block, make_image, make_news_index, make_news_page, paragraph

pytestmark = pytest.mark.django_db

# The whole request: site, shell (menu, statement, settings), page route, list, renditions.
LIST_QUERIES = 19
ARTICLE_QUERIES = 22

Rendition = get_image_model().get_rendition_model()


@pytest.fixture
def news_index(site_tree):
    return make_news_index(site_tree.home)


def warm_then_count(client, url):
    """Queries of the second request (the first one creates renditions); no new renditions."""
    assert client.get(url).status_code == 200
    renditions = Rendition.objects.count()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    assert Rendition.objects.count() == renditions, "the second request generated renditions"
    return len(queries)


def make_cards(index, count, prefix="Wpis"):
    for n in range(count):
        make_news_page(
            index,
            f"{prefix} {n}",
            datetime.date(2025, 1, 1) + datetime.timedelta(days=n),
            listing_image=make_image(f"Zdjęcie {n}", size=(900, 600)),
            tags=["CUS"],
        )


@pytest.mark.parametrize("cards", [1, 12])
@pytest.mark.parametrize("url", ["/aktualnosci/", "/aktualnosci/2025/"])
def test_news_list_query_count_does_not_grow_with_cards(client, news_index, cards, url):
    make_cards(news_index, cards)
    assert warm_then_count(client, url) == LIST_QUERIES


def test_home_page_query_count_does_not_grow_with_cards(client, news_index):
    # Other sections of the home page (visits) have their own queries: compare, do not pin.
    make_cards(news_index, 1)
    one_card = warm_then_count(client, "/")
    make_cards(news_index, 5, prefix="Kolejny")
    assert warm_then_count(client, "/") == one_card


@pytest.mark.parametrize("images", [1, 20])
def test_article_query_count_does_not_grow_with_gallery(client, news_index, images):
    photos = [make_image(f"Foto {n}", size=(1000, 750)) for n in range(images)]
    make_news_page(news_index, "Starszy", datetime.date(2025, 1, 1))
    page = make_news_page(
        news_index,
        "Galeria",
        datetime.date(2025, 2, 1),
        body=[
            paragraph("Wstęp."),
            {
                "type": "image",
                "value": {
                    "image": {"image": photos[0].pk, "alt_text": "Okładka", "decorative": False},
                    "caption": "Podpis",
                    "credit": "",
                },
            },
            gallery_block(photos),
        ],
        tags=["CUS", "szkolenia"],
    )
    make_news_page(news_index, "Nowszy", datetime.date(2025, 3, 1))
    count = warm_then_count(client, page.url)
    if count != ARTICLE_QUERIES:
        with CaptureQueriesContext(connection) as queries:
            client.get(page.url)
        print("\n".join(q["sql"][:200] for q in queries.captured_queries))
    assert count == ARTICLE_QUERIES


def test_feeds_query_count_does_not_grow_with_entries(client, news_index):
    make_cards(news_index, 3)
    few = warm_then_count(client, "/aktualnosci/rss/")
    make_cards(news_index, 20, prefix="Kolejny")
    assert warm_then_count(client, "/aktualnosci/rss/") == few
    assert warm_then_count(client, "/aktualnosci/atom/") == few
