"""The news list's year and tag views each link a feed of exactly their entries."""

import datetime
import re

import feedparser
import pytest

from tests.factories import make_news_index, make_news_page, restrict_page

pytestmark = pytest.mark.django_db

D = datetime.date


@pytest.fixture
def news(site_tree):
    index = make_news_index(site_tree.home)
    make_news_page(index, "Spółdzielnie 2021", D(2021, 3, 1), tags=["ekonomia społeczna"])
    make_news_page(index, "CUS 2021", D(2021, 6, 1), tags=["CUS"])
    make_news_page(index, "Spółdzielnie 2023", D(2023, 1, 1), tags=["ekonomia społeczna"])
    make_news_page(index, "Szkic 2021", D(2021, 7, 1), tags=["ekonomia społeczna"], publish=False)
    restrict_page(make_news_page(index, "Prywatny 2021", D(2021, 8, 1), tags=["CUS"]), "x")
    return index


def listed_titles(html):
    return re.findall(r'<h3 class="card__title"><a href="[^"]+">([^<]+)</a>', html)


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/aktualnosci/2021/", ["CUS 2021", "Spółdzielnie 2021"]),
        ("/aktualnosci/tag/ekonomia-spoleczna/", ["Spółdzielnie 2023", "Spółdzielnie 2021"]),
        ("/aktualnosci/?tag=cus", ["CUS 2021"]),
    ],
)
def test_year_and_tag_views_link_feeds_of_their_entries(client, news, path, expected):
    html = client.get(path).content.decode()
    assert listed_titles(html) == expected
    feeds = re.search(r'<p class="feeds">Obserwuj (.*?)</p>', html).group(1)
    links = re.findall(r'href="([^"]+)"', feeds)
    assert len(links) == 2
    for link in links:
        response = client.get(link)
        assert response.status_code == 200
        feed = feedparser.parse(response.content)
        assert not feed.bozo, feed.bozo_exception
        assert [entry.title for entry in feed.entries] == expected


def test_feed_titles_and_unknown_selections(client, news):
    year = feedparser.parse(client.get("/aktualnosci/atom/2021/").content)
    assert year.feed.title == "Aktualności z roku 2021"
    tag = feedparser.parse(client.get("/aktualnosci/rss/tag/ekonomia-spoleczna/").content)
    assert tag.feed.title == "Aktualności: ekonomia społeczna"
    assert tag.feed.link == "http://testserver/aktualnosci/tag/ekonomia-spoleczna/"
    assert client.get("/aktualnosci/rss/tag/nie-ma-takiego/").status_code == 404
    assert client.get("/aktualnosci/rss/0/").status_code == 404
    assert feedparser.parse(client.get("/aktualnosci/rss/").content).feed.title == "Aktualności"
