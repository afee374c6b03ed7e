"""The caches on a real Redis of the test's own: correct when Redis works, harmless when not.

Redis is started on a spare port for each test (tests/services.py); the machine's own Redis is
never touched. Stopped, paused or full, Redis must cost readers nothing but the cache.
"""

import random
import string
from unittest import mock

import pytest
import redis
from django.core.cache import caches
from django.test import Client
from redis.connection import Connection

from foundation.caching import redis as failfast
from foundation.caching.models import ContentVersion
from foundation.caching.redis import site_caches
from tests.conftest import content_per_module, copy_for_test
from tests.factories import (
    build_site_tree,
    make_news_index,
    make_news_page,
    make_visit,
    make_visit_index,
)
from tests.services import start_redis, stop_redis

pytestmark = pytest.mark.django_db


@pytest.fixture
def own_redis(tmp_path, settings):
    server = start_redis(tmp_path)
    settings.CACHES = site_caches(server.url)
    settings.KRONIKA_PAGE_CACHE_SECONDS = 600
    failfast._state["skip_until"] = 0.0
    yield server
    caches["default"].close()
    stop_redis(server)
    failfast._state["skip_until"] = 0.0


def build_news_and_visit():
    """The site tree with one article and one visit; the two pages."""
    home = build_site_tree().home
    news = make_news_page(make_news_index(home), title="Spółdzielnia socjalna Smak")
    visit = make_visit(make_visit_index(home), title="Wizyta studyjna w Jarocinie")
    return news, visit


module_news_and_visit = content_per_module(build_news_and_visit)


@pytest.fixture
def site(db, module_news_and_visit):
    return copy_for_test(module_news_and_visit)


URLS = ["/", "/aktualnosci/", "/wizyty-studyjne/", "/szukaj/?q=smak", "/sitemap.xml"]


def test_pages_are_kept_in_redis_under_the_content_version(client, own_redis, site):
    news, _ = site
    assert client.get(news.url)["X-Page-Cache"] == "miss"
    assert client.get(news.url)["X-Page-Cache"] == "hit"
    version = ContentVersion.objects.get().version
    assert own_redis.cli("--scan", "--pattern", f"kronika:*:page:{version}:*")
    news.title = "Spółdzielnia socjalna Zmysły"
    news.save_revision().publish()
    assert ContentVersion.objects.get().version != version
    response = client.get(news.url)
    assert response["X-Page-Cache"] == "miss"
    assert "Zmysły" in response.content.decode()


def test_junk_query_strings_do_not_grow_the_cache(client, own_redis, site):
    news, visit = site
    pages = ["/", news.url, visit.url, "/aktualnosci/", "/wizyty-studyjne/", "/szukaj/"]
    for url in pages:
        client.get(url)
    before = int(own_redis.cli("dbsize"))
    rng = random.Random(14)
    for n in range(500):
        junk = "".join(rng.choices(string.ascii_lowercase, k=8))
        response = client.get(f"{pages[n % len(pages)]}?{junk}={n}")
        assert response.status_code in (200, 404)
    assert int(own_redis.cli("dbsize")) - before <= 5


def test_a_canonical_page_of_a_list_is_kept_and_its_variants_are_not(client, own_redis, site):
    index = site[0].get_parent()
    for n in range(13):
        make_news_page(index, title=f"Wpis {n}")
    assert client.get("/aktualnosci/?page=2")["X-Page-Cache"] == "miss"
    assert client.get("/aktualnosci/?page=2")["X-Page-Cache"] == "hit"
    for variant in ("?page=02", "?page=2&page=2", "?page=2&utm_source=x", "?page=²"):
        response = client.get("/aktualnosci/" + variant)
        assert response.status_code == 200
        assert "X-Page-Cache" not in response, variant


def every_url_answers(client, urls=URLS):
    return {url: client.get(url).status_code for url in urls}


def test_a_stopped_redis_serves_every_page_uncached(client, own_redis, site):
    stop_redis(own_redis)
    for reader in (client, Client(HTTP_COOKIE="sessionid=nieznana")):
        assert set(every_url_answers(reader).values()) == {200}
    assert client.get(site[0].url)["X-Page-Cache"] == "miss"  # tried, nothing stored


def test_a_full_redis_refuses_writes_and_pages_are_still_served(client, own_redis, site):
    own_redis.cli("config", "set", "maxmemory-policy", "noeviction")
    own_redis.cli("config", "set", "maxmemory", "1")
    before = own_redis.cli("dbsize")
    for reader in (client, Client(HTTP_COOKIE="sessionid=nieznana")):
        assert set(every_url_answers(reader).values()) == {200}
    assert own_redis.cli("dbsize") == before, "nothing was written"


def count_timeouts():
    """A spy on redis-py's reads: how many of them waited for a time-out."""
    waited = []
    original = Connection.read_response

    def read_response(self, *args, **kwargs):
        try:
            return original(self, *args, **kwargs)
        except redis.TimeoutError:
            waited.append(1)
            raise

    return waited, mock.patch.object(Connection, "read_response", read_response)


def test_a_paused_redis_costs_at_most_one_timeout_per_process(client, own_redis, site):
    every_url_answers(client)
    own_redis.cli("client", "pause", "4000")
    waited, spy = count_timeouts()
    with spy:
        for reader in (client, Client(HTTP_COOKIE="sessionid=nieznana")):
            assert set(every_url_answers(reader).values()) == {200}
    assert len(waited) == 1, "every cache call after the first time-out skips Redis"


def test_after_an_outage_redis_is_used_again(client, own_redis, site, monkeypatch):
    monkeypatch.setattr(failfast, "SKIP_SECONDS", 0)
    own_redis.cli("client", "pause", "300")
    every_url_answers(client)
    own_redis.cli("client", "unpause")
    client.get(site[0].url)
    assert client.get(site[0].url)["X-Page-Cache"] == "hit"
