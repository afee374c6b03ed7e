"""Aktualności as a reader meets them: the list, archive, tags, articles, feeds and share data."""

import datetime
import json
import re
import xml.etree.ElementTree as ET

import pytest
from wagtail.models import PageViewRestriction

from tests.conftest import content_per_module, copy_for_test
from tests.factories import (
    build_site_tree,
    gallery_block,
    make_image,
    make_news_index,
    make_news_page,
    paragraph,
)

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


module_news_index = content_per_module(lambda: make_news_index(build_site_tree().home))


@pytest.fixture
def news_index(db, module_news_index):
    return copy_for_test(module_news_index)


def card_titles(html):
    return re.findall(r'<h3 class="card__title"><a href="[^"]+">([^<]+)</a>', html)


def make_dated(index, count, start=datetime.date(2025, 1, 1)):
    return [
        make_news_page(index, f"Wpis {n:02d}", start + datetime.timedelta(days=n))
        for n in range(count)
    ]


def test_list_is_newest_first_with_ties_by_newest_page(client, news_index):
    make_news_page(news_index, "Starszy", datetime.date(2024, 5, 1))
    make_news_page(news_index, "Najnowszy", datetime.date(2026, 2, 1))
    make_news_page(news_index, "Ten sam dzień A", datetime.date(2025, 3, 3))
    make_news_page(news_index, "Ten sam dzień B", datetime.date(2025, 3, 3))
    html = client.get("/aktualnosci/").content.decode()
    assert card_titles(html) == ["Najnowszy", "Ten sam dzień B", "Ten sam dzień A", "Starszy"]


def test_card_shows_polish_date_lead_and_link(client, news_index):
    make_news_page(news_index, "Wizyta w Łodzi", datetime.date(2021, 9, 19), lead="Krótko.")
    html = client.get("/aktualnosci/").content.decode()
    assert '<a href="/aktualnosci/wizyta-w-lodzi/">Wizyta w Łodzi</a>' in html
    assert '<time datetime="2021-09-19">19 września 2021</time>' in html
    assert '<p class="card__lead">Krótko.</p>' in html


def test_pagination_twelve_a_page_and_keeps_other_parameters(client, news_index):
    make_dated(news_index, 14)
    first = client.get("/aktualnosci/").content.decode()
    assert len(card_titles(first)) == 12
    assert 'aria-label="Strony listy aktualności"' in first
    assert '<span aria-current="page"><span class="visually-hidden">Strona </span>1</span>' in first
    assert 'href="?page=2" rel="next">Następna' in first
    second = client.get("/aktualnosci/?page=2").content.decode()
    assert card_titles(second) == ["Wpis 01", "Wpis 00"]
    assert 'rel="prev">‹ Poprzednia' in second
    tagged = client.get("/aktualnosci/?tag=nic&page=1")
    assert tagged.status_code == 404  # unknown tag


def test_pagination_keeps_tag_parameter(client, news_index):
    for n in range(13):
        make_news_page(news_index, f"CUS {n:02d}", datetime.date(2025, 1, 1 + n), tags=["CUS"])
    html = client.get("/aktualnosci/?tag=cus").content.decode()
    assert 'href="?tag=cus&amp;page=2"' in html


@pytest.mark.parametrize(
    ("query", "status", "first"),
    [
        ("?page=abc", 200, "Wpis 13"),
        ("?page=0", 200, "Wpis 13"),
        ("?page=-1", 200, "Wpis 13"),
        ("?page=", 200, "Wpis 13"),
        ("?page=2", 200, "Wpis 01"),
        ("?page=3", 404, None),
        ("?page=99999", 404, None),
        ("?page=1e9", 200, "Wpis 13"),
    ],
)
def test_bad_page_numbers_never_fail(client, news_index, query, status, first):
    make_dated(news_index, 14)
    response = client.get("/aktualnosci/" + query)
    assert response.status_code == status
    html = response.content.decode()
    if first:
        assert card_titles(html)[0] == first
    else:
        assert "Nie znaleziono strony" in html


def test_empty_list_says_so(client, news_index):
    response = client.get("/aktualnosci/")
    assert response.status_code == 200
    assert "Nie ma jeszcze aktualności." in response.content.decode()


def test_year_archive_with_counts(client, news_index):
    for day in range(1, 4):
        make_news_page(news_index, f"Rok 2021 nr {day}", datetime.date(2021, 9, day))
    make_news_page(news_index, "Rok 2025", datetime.date(2025, 1, 5))
    index_html = client.get("/aktualnosci/").content.decode()
    years = re.findall(
        r'<a href="/aktualnosci/(\d{4})/"[^>]*>(\d{4}) <span class="year-archive__count">\((\d+)',
        index_html,
    )
    assert years == [("2025", "2025", "1"), ("2021", "2021", "3")]
    archive = client.get("/aktualnosci/2021/").content.decode()
    assert card_titles(archive) == ["Rok 2021 nr 3", "Rok 2021 nr 2", "Rok 2021 nr 1"]
    assert "<h1>Aktualności z roku 2021</h1>" in archive
    assert '<a href="/aktualnosci/2021/" aria-current="page">' in archive
    assert '<link rel="canonical" href="http://testserver/aktualnosci/2021/">' in archive
    assert client.get("/aktualnosci/1999/").status_code == 404


def test_tag_filter_by_path_and_parameter(client, news_index):
    make_news_page(news_index, "O CUS", datetime.date(2025, 2, 1), tags=["CUS", "szkolenia"])
    make_news_page(
        news_index, "O spółdzielniach", datetime.date(2025, 3, 1), tags=["ekonomia społeczna"]
    )
    by_path = client.get("/aktualnosci/tag/cus/").content.decode()
    assert card_titles(by_path) == ["O CUS"]
    assert "CUS" in by_path[by_path.index("<h1>") : by_path.index("</h1>")]
    by_param = client.get("/aktualnosci/?tag=ekonomia-spoleczna").content.decode()
    assert card_titles(by_param) == ["O spółdzielniach"]
    assert client.get("/aktualnosci/tag/nie-ma/").status_code == 404


def test_drafts_and_private_pages_are_never_listed_nor_in_feeds(client, news_index):
    make_news_page(news_index, "Publiczny", datetime.date(2025, 1, 1))
    make_news_page(news_index, "Szkic", datetime.date(2025, 1, 2), publish=False)
    private = make_news_page(news_index, "Prywatny", datetime.date(2025, 1, 3))
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    for url in [
        "/aktualnosci/",
        "/aktualnosci/2025/",
        "/aktualnosci/rss/",
        "/aktualnosci/atom/",
        "/",
    ]:
        html = client.get(url).content.decode()
        assert "Publiczny" in html, url
        assert "Szkic" not in html and "Prywatny" not in html, url
    assert (
        '2025 <span class="year-archive__count">(1' in client.get("/aktualnosci/").content.decode()
    )


def test_article_shows_title_date_lead_body_and_tags(client, news_index):
    page = make_news_page(
        news_index,
        "Dwa dni w Rawiczu",
        datetime.date(2021, 9, 19),
        lead="Wizyta w CUS.",
        body=[
            paragraph("Pierwszy akapit."),
            {"type": "heading", "value": {"text": "Przebieg", "level": "h2"}},
            {
                "type": "quote",
                "value": {"quote": "Usługi bliżej ludzi.", "attribution": "dyrektorka"},
            },
        ],
        tags=["CUS", "ekonomia społeczna"],
    )
    html = client.get(page.url).content.decode()
    assert "<h1>Dwa dni w Rawiczu</h1>" in html
    assert '<time datetime="2021-09-19">19 września 2021</time>' in html
    assert '<p class="lead">Wizyta w CUS.</p>' in html
    assert "Pierwszy akapit." in html and '<h2 class="block-heading">Przebieg</h2>' in html
    assert "Usługi bliżej ludzi." in html
    assert '<a href="/aktualnosci/tag/cus/">CUS</a>' in html
    assert '<a href="/aktualnosci/tag/ekonomia-spoleczna/">ekonomia społeczna</a>' in html


def test_article_links_older_and_newer_entries(client, news_index):
    make_news_page(news_index, "Pierwszy", datetime.date(2025, 1, 1))
    middle = make_news_page(news_index, "Środkowy", datetime.date(2025, 2, 1))
    make_news_page(news_index, "Szkic", datetime.date(2025, 2, 15), publish=False)
    make_news_page(news_index, "Ostatni", datetime.date(2025, 3, 1))
    html = client.get(middle.url).content.decode()
    assert 'Starszy wpis:</span> <a href="/aktualnosci/pierwszy/" rel="next">Pierwszy</a>' in html
    assert 'Nowszy wpis:</span> <a href="/aktualnosci/ostatni/" rel="prev">Ostatni</a>' in html
    assert "Szkic" not in html


def test_gallery_links_to_large_images_with_alt_and_captions(client, news_index):
    images = [make_image(f"Foto {n}", size=(2000, 1500)) for n in range(3)]
    page = make_news_page(news_index, "Galeria", body=[gallery_block(images)])
    html = client.get(page.url).content.decode()
    links = re.findall(r'<a class="gallery__link" href="([^"]+)" data-srcset="([^"]+)"', html)
    assert len(links) == 3
    assert all("width-1600" in href for href, _ in links)
    assert all("1600w" in srcset and "800w" in srcset for _, srcset in links)
    assert 'alt="Opis 1"' in html and 'data-caption="Podpis 3"' in html
    assert "powiększ zdjęcie 2 z 3" in html
    assert 'loading="lazy"' in html and 'width="' in html and 'height="' in html
    assert "format-avif" in html or "format-webp" in html


def test_decorative_image_has_empty_alt(client, news_index):
    image = make_image("Ozdobnik")
    body = [
        {
            "type": "image",
            "value": {
                "image": {"image": image.pk, "alt_text": "", "decorative": True},
                "caption": "",
                "credit": "",
            },
        }
    ]
    page = make_news_page(news_index, "Ozdobny", body=body)
    html = client.get(page.url).content.decode()
    assert re.search(r'<img[^>]+alt=""', html)


def test_card_image_falls_back_to_first_body_image(client, news_index):
    image = make_image("Z treści")
    page = make_news_page(
        news_index, "Ze zdjęciem", body=[paragraph("Tekst"), gallery_block([image])]
    )
    assert page.card_image == image
    html = client.get("/aktualnosci/").content.decode()
    card = html[html.index('<article class="card">') :]
    assert "<picture>" in card[: card.index("</article>")]
    assert 'loading="eager"' in card[: card.index("</article>")]


def test_rss_feed_parses_with_absolute_links(client, news_index):
    make_news_page(news_index, "Starszy", datetime.date(2025, 1, 1), lead="Lead starszy")
    make_news_page(news_index, "Nowszy", datetime.date(2025, 2, 1))
    response = client.get("/aktualnosci/rss/")
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")
    assert channel.findtext("title") == "Aktualności"
    assert channel.findtext("link") == "http://testserver/aktualnosci/"
    items = channel.findall("item")
    assert [item.findtext("title") for item in items] == ["Nowszy", "Starszy"]
    assert items[1].findtext("link") == "http://testserver/aktualnosci/starszy/"
    assert items[1].findtext("description") == "Lead starszy"
    assert "01 Jan 2025" in items[1].findtext("pubDate")


def test_atom_feed_parses_and_is_limited_to_twenty(client, news_index):
    make_dated(news_index, 22)
    root = ET.fromstring(client.get("/aktualnosci/atom/").content)
    entries = root.findall(f"{ATOM}entry")
    assert len(entries) == 20
    assert entries[0].findtext(f"{ATOM}title") == "Wpis 21"
    link = entries[0].find(f"{ATOM}link").get("href")
    assert link == "http://testserver/aktualnosci/wpis-21/"


def test_every_page_links_the_feeds(client, news_index):
    for url in ["/", "/o-nas/", "/aktualnosci/"]:
        html = client.get(url).content.decode()
        assert (
            '<link rel="alternate" type="application/rss+xml" title="Aktualności (RSS)" href="/aktualnosci/rss/">'
            in html
        )
        assert (
            'type="application/atom+xml" title="Aktualności (Atom)" href="/aktualnosci/atom/"'
            in html
        )


def structured_data(html):
    scripts = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert len(scripts) == 1
    return json.loads(scripts[0])


def test_article_json_ld_is_a_news_article(client, news_index):
    image = make_image("Okładka", size=(1600, 1000))
    page = make_news_page(
        news_index,
        "Raport </script><b>",
        datetime.date(2025, 6, 18),
        lead="Wyniki & wnioski",
        listing_image=image,
    )
    html = client.get(page.url).content.decode()
    assert "</script><b>" not in html.split("application/ld+json")[1].split("</script>")[0]
    data = structured_data(html)
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "Raport </script><b>"
    assert data["datePublished"] == "2025-06-18"
    assert data["dateModified"].startswith(str(page.last_published_at.date()))
    assert data["publisher"] == {
        "@type": "Organization",
        "name": "Ośrodek Testowy",
        "url": "http://testserver/",
    }
    assert data["author"]["@type"] == "Organization"
    assert data["mainEntityOfPage"]["@id"] == f"http://testserver{page.url}"
    assert data["image"][0].startswith("http://testserver/") and "fill-1200x630" in data["image"][0]


def test_article_open_graph_with_absolute_image(client, news_index):
    image = make_image("Okładka", size=(1600, 1000))
    page = make_news_page(
        news_index, "Udostępniany", datetime.date(2025, 6, 18), listing_image=image
    )
    html = client.get(page.url).content.decode()
    og = dict(re.findall(r'<meta property="([^"]+)" content="([^"]*)">', html))
    assert og["og:type"] == "article"
    assert og["og:locale"] == "pl_PL"
    assert og["article:published_time"] == "2025-06-18"
    assert og["og:url"] == "http://testserver/aktualnosci/udostepniany/"
    assert re.fullmatch(r"http://testserver/\S+fill-1200x630\S*\.jpg", og["og:image"])
    assert '<meta name="twitter:card" content="summary_large_image">' in html
    assert f'<meta name="twitter:image" content="{og["og:image"]}">' in html
    assert '<link rel="canonical" href="http://testserver/aktualnosci/udostepniany/">' in html


def test_pages_without_image_have_no_og_image_and_are_websites(client, news_index):
    html = client.get("/o-nas/").content.decode()
    assert 'property="og:image"' not in html
    assert '<meta property="og:type" content="website">' in html
    assert "application/ld+json" not in html
    assert '<meta name="twitter:card" content="summary">' in html


def test_home_page_shows_latest_news_cards(client, news_index):
    make_dated(news_index, 8)
    html = client.get("/").content.decode()
    section = html[html.index('class="latest-news"') :]
    assert card_titles(section) == [f"Wpis {n:02d}" for n in range(7, 1, -1)]
    assert '<a href="/aktualnosci/">Wszystkie aktualności</a>' in section


def test_index_is_limited_to_one_per_home_and_articles_only_under_it():
    from home.models import HomePage
    from news.models import NewsIndexPage, NewsPage

    assert NewsIndexPage.max_count_per_parent == 1
    assert NewsIndexPage.parent_page_types == ["home.HomePage"]
    assert NewsPage.parent_page_types == ["news.NewsIndexPage"]
    assert NewsIndexPage.allowed_subpage_models() == [NewsPage]
    assert NewsPage not in HomePage.allowed_subpage_models()
