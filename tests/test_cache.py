"""The page cache: anonymous readers get stored pages, and every change shows at once."""

import pytest
from django.core.cache import cache

from tests.factories import make_news_index, make_news_page, make_user, restrict_page

pytestmark = pytest.mark.django_db

PUBLIC = "public, max-age=0, s-maxage=60"  # browsers ask again; a CDN is purged on publish
PRIVATE = "private, no-cache"


@pytest.fixture
def page_cache(settings):
    settings.KRONIKA_PAGE_CACHE_SECONDS = 600
    settings.KRONIKA_CDN_MAX_AGE = 60
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def news(site_tree, page_cache):
    index = make_news_index(site_tree.home)
    article = make_news_page(index, title="Wizyta w Rawiczu")
    return article


def cache_state(response):
    return response.headers.get("X-Page-Cache")


def test_second_anonymous_request_is_served_from_cache_without_queries(
    client, news, django_assert_num_queries
):
    first = client.get(news.url)
    assert first.status_code == 200
    assert cache_state(first) == "miss"
    assert first["Cache-Control"] == PUBLIC
    assert "Cookie" in first["Vary"]
    with django_assert_num_queries(0):
        second = client.get(news.url)
    assert cache_state(second) == "hit"
    assert second["Cache-Control"] == PUBLIC
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]


def test_head_is_answered_from_the_cache(client, news):
    client.get(news.url)
    assert cache_state(client.head(news.url)) == "hit"


def test_publishing_a_change_shows_on_the_next_anonymous_request(client, news, site_tree):
    assert "Wizyta w Rawiczu" in client.get("/").content.decode()
    client.get(news.url)
    assert cache_state(client.get(news.url)) == "hit"
    news.title = "Wizyta w Jarocinie"
    news.save_revision().publish()
    article = client.get(news.url).content.decode()
    assert "Wizyta w Jarocinie" in article
    home = client.get("/")
    assert cache_state(home) == "miss"
    assert "Wizyta w Jarocinie" in home.content.decode()


def test_a_new_article_appears_on_the_cached_home_page(client, news):
    client.get("/")
    assert cache_state(client.get("/")) == "hit"
    make_news_page(news.get_parent(), title="Nowe centrum usług społecznych")
    assert "Nowe centrum usług społecznych" in client.get("/").content.decode()


@pytest.mark.parametrize("change", ["unpublish", "delete", "move"])
def test_unpublish_delete_and_move_clear_the_cache(client, news, site_tree, change):
    old_url = news.url
    index_url = news.get_parent().url
    for url in (old_url, index_url):
        client.get(url)
        assert cache_state(client.get(url)) == "hit"
    if change == "unpublish":
        news.unpublish()
    elif change == "delete":
        news.delete()
    else:
        other = make_news_index(site_tree.home, title="Archiwum", slug="archiwum")
        news.move(other, pos="last-child")
    assert client.get(old_url).status_code in (301, 404)  # a move leaves a redirect
    listing = client.get(index_url)
    assert cache_state(listing) == "miss"
    if change != "move":
        assert "Wizyta w Rawiczu" not in listing.content.decode()


def test_settings_change_shows_in_the_footer_at_once(client, news, site_tree):
    assert "+48 61 000 00 00" in client.get(news.url).content.decode()
    site_tree.settings.phone = "+48 61 999 99 99"
    site_tree.settings.save()
    footer = client.get(news.url).content.decode()
    assert "+48 61 999 99 99" in footer
    assert "+48 61 000 00 00" not in footer


def test_logged_in_user_neither_reads_nor_creates_cached_pages(client, news):
    client.force_login(make_user(superuser=True))
    response = client.get(news.url)
    assert response.status_code == 200
    assert cache_state(response) is None
    assert response["Cache-Control"] == PRIVATE
    client.logout()
    assert cache_state(client.get(news.url)) == "miss", "the logged-in request stored a copy"
    client.force_login(make_user("druga", superuser=True))
    assert cache_state(client.get(news.url)) is None, "a logged-in user got the cached copy"


def test_search_with_a_query_is_never_cached(client, news):
    for _ in range(2):
        response = client.get("/szukaj/", {"q": "Rawicz"})
        assert response.status_code == 200
        assert cache_state(response) is None
        assert response["Cache-Control"] == PRIVATE
    client.get("/szukaj/")
    assert cache_state(client.get("/szukaj/")) == "hit"


def test_not_found_and_post_are_never_cached(client, news):
    for _ in range(2):
        missing = client.get("/nie-ma-takiej-strony/")
        assert missing.status_code == 404
        assert cache_state(missing) is None
        assert missing["Cache-Control"] == PRIVATE
    assert cache_state(client.post(news.url)) is None


def test_password_protected_page_is_not_cached(client, news):
    restrict_page(news, password="tajne")
    for _ in range(2):
        response = client.get(news.url)
        assert response.status_code == 200  # the password form
        assert cache_state(response) is None
        assert "Treść: Wizyta w Rawiczu" not in response.content.decode()


def test_responses_setting_cookies_are_not_stored(client, news, rf):
    from django.http import HttpResponse

    from foundation.caching.pages import request_is_cacheable, response_is_cacheable

    request = rf.get(news.url)
    from django.contrib.auth.models import AnonymousUser

    request.user = AnonymousUser()
    response = HttpResponse("<p>ok</p>")
    assert request_is_cacheable(request) and response_is_cacheable(request, response)
    response.set_cookie("sledzenie", "1")
    assert not response_is_cacheable(request, response)
    form = HttpResponse('<input name="csrfmiddlewaretoken" value="x">')
    assert not response_is_cacheable(request, form)
    never = HttpResponse("<p>ok</p>", headers={"Cache-Control": "no-cache"})
    assert not response_is_cacheable(request, never)
    request.is_preview = True
    assert not response_is_cacheable(request, HttpResponse("<p>ok</p>"))


def test_a_session_cookie_bypasses_the_cache(client, news):
    client.get(news.url)
    client.cookies["sessionid"] = "cokolwiek"
    assert cache_state(client.get(news.url)) is None


def test_off_by_default_without_a_shared_cache(client, site_tree, settings):
    assert settings.KRONIKA_PAGE_CACHE_SECONDS == 0
    response = client.get("/")
    assert cache_state(response) is None
    assert "Cache-Control" not in response or response["Cache-Control"] != PUBLIC
