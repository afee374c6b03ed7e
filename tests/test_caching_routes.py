"""Routes kept per process under the content version: no query to find a page; a change to the
page tree or its restrictions is followed at once (foundation/caching/routes.py)."""

import pytest
from django.db import connection
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction, Site

from news.models import NewsPage
from tests.factories import make_news_index, make_news_page, paragraph, restrict_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def article(site_tree):
    index = make_news_index(site_tree.home)
    return make_news_page(index, title="Wizyta w Rawiczu", body=[paragraph("Treść artykułu.")])


@pytest.fixture
def reader():
    """A reader the page cache never answers (a session cookie), so every request routes."""
    return Client(HTTP_COOKIE="sessionid=nieznana")


def queries_of(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    return response, [query["sql"] for query in queries.captured_queries]


def test_wagtail_takes_the_site_and_route_handed_to_it_on_the_request(site_tree):
    """The Wagtail internal the route keeper relies on: if this fails, Wagtail changed how its
    page view caches routing on the request, and foundation/caching/routes.py must follow."""
    request = RequestFactory().get("/dowolna/")
    site, route = object(), object()
    request._wagtail_site = site
    request._wagtail_route_for_request = route
    with CaptureQueriesContext(connection) as queries:
        assert Site.find_for_request(request) is site
        assert Page.route_for_request(request, "/dowolna/") is route
    assert len(queries) == 0


def test_a_kept_route_costs_no_query_and_serves_the_same_page(reader, article):
    first, _ = queries_of(reader, article.url)
    again, sql = queries_of(reader, article.url)
    assert again.status_code == first.status_code == 200
    assert again.content == first.content
    assert [query for query in sql if "django_session" not in query] == []  # but the cookie's


def test_an_unpublished_page_leaves_its_kept_route_at_once(reader, article):
    assert reader.get(article.url).status_code == 200
    article.unpublish()
    assert reader.get(article.url).status_code == 404


def test_a_restriction_added_above_a_kept_route_applies_at_once(reader, article):
    assert "Treść artykułu." in reader.get(article.url).content.decode()
    restrict_page(article.get_parent(), password="tajne")
    for _ in range(2):
        response = reader.get(article.url)
        assert "Treść artykułu." not in response.content.decode()
        assert 'name="password"' in response.content.decode()
    PageViewRestriction.objects.all().delete()
    assert "Treść artykułu." in reader.get(article.url).content.decode()


def test_a_renamed_page_leaves_its_old_address(reader, article):
    old_url = article.url
    assert reader.get(old_url).status_code == 200
    article.slug = "wizyta-w-rawiczu-2025"
    article.save_revision().publish()
    assert reader.get(old_url).status_code == 404
    assert reader.get(NewsPage.objects.get(pk=article.pk).url).status_code == 200


def test_with_shared_values_off_wagtail_routes_every_request(reader, article, settings):
    settings.KRONIKA_FRAGMENT_CACHE_SECONDS = 0
    reader.get(article.url)
    _, sql = queries_of(reader, article.url)
    assert len(sql) > 1


def test_an_address_the_page_refuses_is_not_kept(reader, article):
    """The news index routes any tag; its view refuses an unknown one, and that route is not
    kept, so junk addresses cannot push the real routes out."""
    for _ in range(2):
        response, sql = queries_of(reader, "/aktualnosci/tag/nie-ma-takiego/")
        assert response.status_code == 404
    assert any("wagtailcore_page" in query for query in sql), "routed again by Wagtail"
