"""The per-process copy in front of the shared cache (foundation/caching/tiered.py)."""

import pytest
from django.core.cache import caches
from django.test import Client

from tests.factories import make_news_index, make_news_page, paragraph

TIERED = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "shared"},
    "fragments": {
        "BACKEND": "foundation.caching.tiered.TieredCache",
        "LOCATION": "worker-1",
        "OPTIONS": {"SHARED": "default"},
    },
    "routes": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "routes"},
    "other_worker": {
        "BACKEND": "foundation.caching.tiered.TieredCache",
        "LOCATION": "worker-2",
        "OPTIONS": {"SHARED": "default"},
    },
}


@pytest.fixture
def tiered(settings):
    settings.CACHES = TIERED
    yield caches["fragments"], caches["other_worker"], caches["default"]
    for alias in TIERED:
        caches[alias].clear()


def test_what_one_worker_stores_the_other_reads_and_keeps(tiered):
    worker, other, shared = tiered
    worker.set("fragment:footer:7", "<footer>")
    assert shared.get("fragment:footer:7") == "<footer>"
    assert other.get("fragment:footer:7") == "<footer>"
    shared.delete("fragment:footer:7")  # e.g. evicted from Redis
    assert other.get("fragment:footer:7") == "<footer>", "its own copy answers"
    assert other.get("fragment:header:7") is None
    assert other.add("fragment:header:7", "<header>") is True
    assert worker.add("fragment:header:7", "<inny>") is False
    assert worker.get("fragment:header:7") == "<header>"
    worker.delete("fragment:header:7")
    assert worker.get("fragment:header:7") is None and shared.get("fragment:header:7") is None


@pytest.mark.django_db
def test_a_publish_shows_through_the_per_process_copies(tiered, site_tree):
    index = make_news_index(site_tree.home)
    article = make_news_page(index, title="Wizyta w Rawiczu", body=[paragraph("Pierwsza treść.")])
    readers = [Client(), Client(HTTP_COOKIE="sessionid=nieznana")]
    for client in readers:
        for _ in range(2):
            assert "Pierwsza treść." in client.get(article.url).content.decode()
    article.body = [paragraph("Druga treść.")]
    article.save_revision().publish()
    for client in readers:
        page = client.get(article.url).content.decode()
        assert "Druga treść." in page and "Pierwsza treść." not in page
