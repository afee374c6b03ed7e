"""An editor writes an article in the admin; readers see it at the top of the list and in RSS."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.contrib.auth import get_user_model
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from news.models import NewsPage
from tests.factories import make_image, make_news_index, make_news_page

pytestmark = pytest.mark.django_db


def image_data(image, alt):
    return {"image": image.pk, "alt_text": alt}


def test_editor_publishes_article_with_text_heading_image_and_gallery(client, site_tree):
    index = make_news_index(site_tree.home)
    make_news_page(index, "Starszy wpis", datetime.date(2024, 1, 1))
    photo, first, second = (make_image(f"Foto {n}") for n in range(3))
    editor = get_user_model().objects.create_superuser("redaktor", "r@example.org", "haslo")
    client.force_login(editor)

    gallery = {
        "title": "Zdjęcia",
        "images": {
            "count": "2",
            "0": {
                "value": {"image": image_data(first, "Sala"), "caption": "Sala"},
                "deleted": "",
                "order": "0",
            },
            "1": {
                "value": {"image": image_data(second, "Ogród"), "caption": "Ogród"},
                "deleted": "",
                "order": "1",
            },
        },
    }
    data = nested_form_data(
        {
            "title": "Wizyta w Łodzi",
            "slug": "",
            "publication_date": "2026-11-20",
            "lead": "Relacja z wizyty studyjnej.",
            "tags": "CUS, ekonomia społeczna",
            "body": streamfield(
                [
                    ("paragraph", rich_text("<p>Odwiedziliśmy centrum usług społecznych.</p>")),
                    ("heading", {"text": "Przebieg", "level": "h2"}),
                    (
                        "image",
                        {
                            "image": image_data(photo, "Budynek CUS"),
                            "caption": "CUS",
                            "credit": "fot. ROPS",
                        },
                    ),
                    ("gallery", gallery),
                ]
            ),
            "comments": inline_formset([]),
            "action-publish": "publish",
        }
    )
    response = client.post(f"/admin/pages/add/news/newspage/{index.pk}/", data)
    assert response.status_code == 302, response.content.decode()[:3000]

    page = NewsPage.objects.get(title="Wizyta w Łodzi")
    assert page.live and page.slug == "wizyta-w-lodzi"
    assert page.card_image == photo
    assert sorted(tag.name for tag in page.tags.all()) == ["CUS", "ekonomia społeczna"]
    client.logout()

    listing = client.get("/aktualnosci/").content.decode()
    assert listing.index("Wizyta w Łodzi") < listing.index("Starszy wpis")
    article = client.get("/aktualnosci/wizyta-w-lodzi/").content.decode()
    assert "Odwiedziliśmy centrum usług społecznych." in article
    assert 'alt="Budynek CUS"' in article and 'data-alt="Ogród"' in article
    assert '<time datetime="2026-11-20">20 listopada 2026</time>' in article

    channel = ET.fromstring(client.get("/aktualnosci/rss/").content).find("channel")
    first_item = channel.findall("item")[0]
    assert first_item.findtext("title") == "Wizyta w Łodzi"
    assert first_item.findtext("link") == "http://testserver/aktualnosci/wizyta-w-lodzi/"


def test_add_form_is_polish_with_help_texts(client, site_tree):
    index = make_news_index(site_tree.home)
    editor = get_user_model().objects.create_superuser("redaktor", "r@example.org", "haslo")
    client.force_login(editor)
    html = client.get(f"/admin/pages/add/news/newspage/{index.pk}/").content.decode()
    assert "Lead — 1–2 zdania, pokazywane na liście aktualności i w udostępnieniach." in html
    assert "data publikacji" in html.lower()
    assert "tagi" in html.lower()
