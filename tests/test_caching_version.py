"""The content version: every cache's key, renewed with each change, fail-closed when unread."""

import pytest
from django.db import OperationalError, transaction
from django.test import Client

from foundation.caching import version as content_version
from foundation.caching.models import ContentVersion
from tests.factories import make_news_index, make_news_page, paragraph

pytestmark = pytest.mark.django_db


@pytest.fixture
def article(site_tree, settings):
    settings.KRONIKA_PAGE_CACHE_SECONDS = 600
    index = make_news_index(site_tree.home)
    return make_news_page(index, title="Wizyta w Rawiczu", body=[paragraph("Pierwsza treść.")])


def current():
    return ContentVersion.objects.get(pk=1).version


def test_the_version_is_renewed_in_the_transaction_of_the_change(article):
    before = current()
    with pytest.raises(RuntimeError), transaction.atomic():
        article.title = "Wycofana zmiana"
        article.save_revision().publish()
        assert current() != before
        raise RuntimeError("the editor's request fails after publishing")
    assert current() == before, "a rolled-back publish leaves the version as it was"
    article.refresh_from_db()
    article.unpublish()
    assert current() != before


def test_drafts_do_not_renew_the_version(article):
    before = current()
    article.title = "Szkic"
    article.save_revision()
    assert current() == before


def test_a_change_committed_by_another_server_shows_after_the_bound(client, article, settings):
    settings.KRONIKA_CONTENT_VERSION_SECONDS = 0  # the bound: no copy of the version is trusted
    client.get(article.url)
    assert client.get(article.url)["X-Page-Cache"] == "hit"
    # Another server's publish: rows and version written without this process's signals.
    type(article).objects.filter(pk=article.pk).update(title="Wizyta w Jarocinie")
    ContentVersion.objects.filter(pk=1).update(version=content_version.new_version())
    response = client.get(article.url)
    assert response["X-Page-Cache"] == "miss"
    assert "Wizyta w Jarocinie" in response.content.decode()


def test_no_cache_is_read_or_written_while_the_version_cannot_be_read(client, article, monkeypatch):
    client.get(article.url)
    assert client.get(article.url)["X-Page-Cache"] == "hit"

    def unreadable(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr(ContentVersion.objects, "get_or_create", unreadable)
    content_version.forget_read_version()
    for reader in (client, Client(HTTP_COOKIE="sessionid=nieznana")):
        response = reader.get(article.url)
        assert response.status_code == 200
        assert "X-Page-Cache" not in response
        assert response["Cache-Control"] == "private, no-cache"


def test_a_database_error_in_a_middleware_is_the_polish_503(client, article, monkeypatch):
    def database_down(self, request, response):
        raise OperationalError("connection refused")

    monkeypatch.setattr(
        "wagtail.contrib.redirects.middleware.RedirectMiddleware.process_response", database_down
    )
    client.raise_request_exception = False
    response = client.get("/nie-ma-takiej-strony/")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "Serwis jest chwilowo niedostępny" in response.content.decode()
