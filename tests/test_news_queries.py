"""Query counts of the public news pages are pinned: they must not grow with cards or images."""

import datetime

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.images import get_image_model

from tests.factories import gallery_block, make_image, make_news_index, make_news_page, paragraph

pytestmark = pytest.mark.django_db

# The first request after a publish (every cache empty, Wagtail's site root paths included):
# site, Wagtail's routing, shell (menu, statement, settings), list or article, renditions.
LIST_QUERIES = 21
ARTICLE_QUERIES = 24
# Every later request: none. The route its process kept gives the Site and the page; the list's
# count and years and every fragment come from the shared cache, so a list costs what an
# article costs.
ROUTING_QUERIES = 0
LIST_QUERIES_WARM = {"/aktualnosci/": ROUTING_QUERIES, "/aktualnosci/2025/": ROUTING_QUERIES}
ARTICLE_QUERIES_WARM = ROUTING_QUERIES

Rendition = get_image_model().get_rendition_model()


@pytest.fixture
def news_index(site_tree):
    return make_news_index(site_tree.home)


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def cold_and_warm(client, url):
    """Queries of a render with empty fragment caches, then of the next request.

    The first request creates renditions; neither counted request may create more.
    """
    assert client.get(url).status_code == 200
    renditions = Rendition.objects.count()
    cache.clear()
    cold = count_queries(client, url)
    warm = count_queries(client, url)
    assert Rendition.objects.count() == renditions, "a later request generated renditions"
    return cold, warm


def warm_then_count(client, url):
    """Queries of a render with empty fragment caches (no new renditions)."""
    return cold_and_warm(client, url)[0]


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
    assert cold_and_warm(client, url) == (LIST_QUERIES, LIST_QUERIES_WARM[url])


def test_home_page_query_count_does_not_grow_with_cards(client, news_index):
    # Other sections of the home page (visits) have their own queries: compare, do not pin.
    make_cards(news_index, 1)
    one_card = cold_and_warm(client, "/")
    make_cards(news_index, 5, prefix="Kolejny")
    assert cold_and_warm(client, "/") == one_card


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
    counts = cold_and_warm(client, page.url)
    if counts != (ARTICLE_QUERIES, ARTICLE_QUERIES_WARM):
        cache.clear()
        with CaptureQueriesContext(connection) as queries:
            client.get(page.url)
        print("\n".join(q["sql"][:200] for q in queries.captured_queries))
    assert counts == (ARTICLE_QUERIES, ARTICLE_QUERIES_WARM)


def test_feeds_query_count_does_not_grow_with_entries(client, news_index):
    make_cards(news_index, 3)
    few = warm_then_count(client, "/aktualnosci/rss/")
    make_cards(news_index, 20, prefix="Kolejny")
    assert warm_then_count(client, "/aktualnosci/rss/") == few
    assert warm_then_count(client, "/aktualnosci/atom/") == few
