"""Type-ahead suggestions and closest spellings at more than a handful of pages.

Both must cost a fixed number of queries whatever the number of pages, and give what reading
every title would give. Runs on SQLite and PostgreSQL (DATABASE_URL=postgres://…).
"""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from foundation.indexing import polish
from search import suggestions
from search.query import parse_query
from search.scope import searchable_pages
from tests.factories import make_news_index, make_news_page

pytestmark = pytest.mark.django_db

TITLES = [
    "Wizyta w Łodzi nr {n}",
    "Spółdzielnia socjalna „Razem” {n}",
    "Podsumowanie: wizyty studyjne {n}",
    "Łódzkie spotkanie {n}",
    "Kawiarnia społeczna w Gostyniu {n}",
    "Ośrodek pomocy, nr {n}",
]
TYPED = [
    "wiz",
    "wizyta w lod",
    "WIZYTA W ŁÓD",
    "lodz",
    "łódz",
    "spol",
    "spółdzielnia soc",
    "razem 1",
    "kawiarnia gost",
    "nr 5",
    "1",
    "osrodek pomocy",
    "ośr",
    "podsumowanie wizyty",
    "xyz",
]


def reference(request, raw):
    """What the old implementation gave: every searchable title read and ranked in Python."""
    prefixes = polish.tokens(polish.fold(raw))
    if not prefixes or sum(map(len, prefixes)) < suggestions.MIN_PREFIX:
        return []
    typed = " ".join(prefixes)
    found = []
    for page in searchable_pages(request).order_by("pk"):
        words = polish.tokens(polish.fold(page.title))
        if all(any(word.startswith(prefix) for word in words) for prefix in prefixes):
            found.append((not " ".join(words).startswith(typed), page.title.lower(), page.title))
    found.sort(key=lambda item: item[:2])
    return [title for _, _, title in found[: suggestions.MAX_SUGGESTIONS]]


def add_pages(site_tree, count):
    index = make_news_index(site_tree.home)
    for n in range(count):
        make_news_page(index, TITLES[n % len(TITLES)].format(n=n))


def suggest(client, typed):
    return [
        row["title"] for row in client.get("/szukaj/podpowiedzi/", {"q": typed}).json()["results"]
    ]


def queries_of(client, typed):
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/szukaj/podpowiedzi/", {"q": typed}).status_code == 200
    return len(queries)


@pytest.mark.parametrize("count", [5, 60])
def test_suggestions_equal_reading_every_title(site_tree, client, count):
    add_pages(site_tree, count)
    request = RequestFactory().get("/szukaj/podpowiedzi/")
    for typed in TYPED:
        assert suggest(client, typed) == reference(request, typed), typed


def test_suggestions_stay_exact_when_candidates_are_cut(site_tree, client, monkeypatch):
    """Fewer rows per prefix query than matching pages: still the same eight."""
    add_pages(site_tree, 60)
    request = RequestFactory().get("/szukaj/podpowiedzi/")
    expected = {typed: reference(request, typed) for typed in TYPED}
    monkeypatch.setattr(suggestions, "CANDIDATES", 12)
    for typed in TYPED:
        assert suggest(client, typed) == expected[typed], typed


def test_suggestion_queries_do_not_grow_with_pages(site_tree, client):
    add_pages(site_tree, 5)
    small = {typed: queries_of(client, typed) for typed in TYPED}
    add_pages_more = make_news_index(site_tree.home, title="Archiwum", slug="archiwum")
    for n in range(55):
        make_news_page(add_pages_more, TITLES[n % len(TITLES)].format(n=100 + n))
    large = {typed: queries_of(client, typed) for typed in TYPED}
    assert all(large[typed] <= small[typed] for typed in TYPED), (small, large)
    assert max(large.values()) <= 6, large


def test_closest_spellings_use_a_cached_vocabulary_that_follows_publishing(site_tree):
    index = make_news_index(site_tree.home)
    page = make_news_page(index, "Kawiarnia w Gostyniu")

    def closest(text):
        request = RequestFactory().get("/szukaj/")
        with CaptureQueriesContext(connection) as queries:
            found = suggestions.closest_spellings(request, parse_query(text))
        return found, len(queries)

    cache.clear()
    assert closest("Gostymiu")[0] == ["gostyniu"]
    assert closest("Gostymiu") == (["gostyniu"], 0)  # the words from the cache
    page.unpublish()  # a hidden page's words are never suggested
    assert closest("Gostymiu")[0] == []
    for n in range(40):
        make_news_page(index, f"Ogłoszenie numer {n}")
    # New pages: the content version, view restrictions, site, titles and the next scheduled
    # change read once.
    assert closest("Ogloszemie") == (["ogloszenie"], 5)
    assert closest("Ogloszemie") == (["ogloszenie"], 0)


def test_suggestions_for_the_same_words_are_kept_until_a_publish(site_tree, client):
    add_pages(site_tree, 5)
    first = suggest(client, "Kaw")
    assert first and queries_of(client, "kaw") == 0  # the same folded words
    make_news_page(make_news_index(site_tree.home, slug="nowe"), "Kawiarnia Aaa")
    assert suggest(client, "kaw") == ["Kawiarnia Aaa", *first][: suggestions.MAX_SUGGESTIONS]
