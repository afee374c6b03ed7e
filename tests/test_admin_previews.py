"""Preview modes of listed entries: the page, its card in the list and its share card."""

import datetime
import re

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from foundation.previews import ListingPreviewMixin, serve_listing_preview
from tests.factories import add_page, make_image, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def article(site_tree):
    from news.models import NewsIndexPage, NewsPage

    index = add_page(site_tree.home, NewsIndexPage(title="Aktualności", slug="aktualnosci"))
    image = make_image(
        title="Wizyta", description="Uczestnicy przed budynkiem CUS", size=(1600, 900)
    )
    return add_page(
        index,
        NewsPage(
            title="Wizyta studyjna w Rawiczu",
            slug="wizyta-w-rawiczu",
            publication_date=datetime.date(2021, 9, 19),
            lead="Dwa dni w Wielkopolsce: CUS w Rawiczu i spółdzielnie socjalne w Jarocinie.",
            listing_image=image,
        ),
    )


def preview(page, mode):
    request = RequestFactory().get("/", SERVER_NAME="testserver")
    request.user = AnonymousUser()
    response = serve_listing_preview(page, request, mode)
    response.render()
    return response.content.decode()


def test_card_preview_is_the_card_of_the_list(article):
    html = preview(article, "card")
    assert '<html lang="pl">' in html
    assert '<article class="card">' in html
    assert "Wizyta studyjna w Rawiczu" in html
    assert '<time datetime="2021-09-19">19 września 2021</time>' in html
    assert "Dwa dni w Wielkopolsce" in html
    assert 'alt="Uczestnicy przed budynkiem CUS"' in html


def test_share_preview_shows_the_1200x630_image_title_description_domain(article):
    html = preview(article, "share")
    image = re.search(r"<img[^>]*>", html).group(0)
    assert 'width="1200"' in image and 'height="630"' in image
    assert '<h2 class="share-card__title">Wizyta studyjna w Rawiczu</h2>' in html
    assert "Dwa dni w Wielkopolsce" in html
    assert '<p class="share-card__domain">testserver</p>' in html


def test_share_preview_without_image_or_description_says_what_to_add(article):
    article.listing_image = None
    article.lead = ""
    html = preview(article, "share")
    assert "<img" not in html
    assert "Brak zdjęcia" in html and "Brak opisu" in html


def test_default_mode_is_left_to_the_page(article):
    request = RequestFactory().get("/")
    assert serve_listing_preview(article, request, "") is None


def test_mixin_offers_three_polish_modes_and_device_sizes():
    assert [(name, str(label)) for name, label in ListingPreviewMixin.preview_modes] == [
        ("", "Strona"),
        ("card", "Karta na liście"),
        ("share", "Karta udostępnienia"),
    ]
    from wagtail.models import PreviewableMixin

    sizes = [size["name"] for size in PreviewableMixin.DEFAULT_PREVIEW_SIZES]
    assert sizes == ["mobile", "tablet", "desktop"]


@pytest.mark.parametrize(
    ("mode", "expected"),
    [("", "<h1"), ("card", '<article class="card">'), ("share", "share-card__title")],
)
def test_every_mode_through_the_admin_preview(client, article, mode, expected):
    from news.models import NewsPage

    if not issubclass(NewsPage, ListingPreviewMixin):
        pytest.skip("ListingPreviewMixin is not on ListedPage yet (one-line change in news)")
    client.force_login(make_user("redaktorka", groups=["Redaktorzy"]))
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[article.pk])
    data = nested_form_data(
        {
            "title": article.title,
            "slug": article.slug,
            "publication_date": "2021-09-19",
            "lead": article.lead,
            "listing_image": str(article.listing_image_id),
            "body": streamfield([]),
            "tags": "",
            "seo_title": "",
            "search_description": "",
            "comments": inline_formset([]),
        }
    )
    assert client.post(url, data).json()["is_valid"]
    response = client.get(url, {"mode": mode})
    assert response.status_code == 200
    html = response.content.decode()
    assert expected in html and "Wizyta studyjna w Rawiczu" in html
