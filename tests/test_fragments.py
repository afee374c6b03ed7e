"""Fragment caches: every reader gets shared fragments, never stale ones, never in a preview."""

from unittest import mock

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from tests.factories import (
    make_news_index,
    make_news_page,
    make_standard_page,
    make_user,
    paragraph,
    restrict_page,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def readers(site_tree, settings):
    """An anonymous reader (page cache on, as in production) and a logged-in editor."""
    settings.KRONIKA_PAGE_CACHE_SECONDS = 600
    editor = Client()
    editor.force_login(make_user("redaktorka", groups=["Redaktorzy"]))
    return Client(), editor


@pytest.fixture
def article(site_tree):
    index = make_news_index(site_tree.home)
    return make_news_page(index, title="Wizyta w Rawiczu", body=[paragraph("Pierwsza treść.")])


def html(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def warm(readers, *urls):
    """Both readers have seen `urls` twice: page cache and fragments are filled."""
    for client in readers:
        for url in urls:
            html(client, url)
            html(client, url)


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        html(client, url)
    return len(queries)  # now: the next request empties the query log


def test_a_session_cookie_costs_only_the_session(readers, article):
    cookie = Client(HTTP_COOKIE="sessionid=nieznana")
    first = html(cookie, article.url)
    # The session only: the page comes with its kept route (as in tests/test_news_queries.py),
    # the content from fragments.
    assert count_queries(cookie, article.url) == 1
    assert html(cookie, article.url) == first


def test_logged_in_reader_gets_shared_fragments_and_an_own_userbar(readers, article, settings):
    anonymous, editor = readers
    settings.KRONIKA_FRAGMENT_CACHE_SECONDS = 0
    html(editor, article.url)
    fresh = count_queries(editor, article.url)
    settings.KRONIKA_FRAGMENT_CACHE_SECONDS = 600
    html(editor, article.url)
    assert count_queries(editor, article.url) <= fresh - 8
    assert "wagtail-userbar" in html(editor, article.url)
    assert "wagtail-userbar" not in html(anonymous, article.url), "the userbar was shared"


def test_publishing_a_change_shows_to_anonymous_and_logged_in_readers(readers, article):
    warm(readers, article.url, "/")
    article.title = "Wizyta w Jarocinie"
    article.body = [paragraph("Druga treść.")]
    article.save_revision().publish()
    for client in readers:
        page = html(client, article.url)
        assert "<h1>Wizyta w Jarocinie</h1>" in page and "Druga treść." in page
        assert "<h1>Wizyta w Rawiczu</h1>" not in page and "Pierwsza treść." not in page
        assert "Wizyta w Jarocinie" in html(client, "/")


def test_a_menu_title_change_shows_in_every_page_header(readers, article, site_tree):
    warm(readers, article.url)
    site_tree.standard.title = "Kim jesteśmy"
    site_tree.standard.save_revision().publish()
    for client in readers:
        assert ">Kim jesteśmy</a>" in html(client, article.url)


def test_a_new_menu_page_shows_in_the_header(readers, article, site_tree):
    warm(readers, article.url)
    make_standard_page(site_tree.home, "Kontakt", show_in_menus=True)
    for client in readers:
        assert ">Kontakt</a>" in html(client, article.url)


def test_organisation_settings_change_shows_in_footer_and_header(readers, article, site_tree):
    warm(readers, article.url)
    site_tree.settings.phone = "+48 61 999 99 99"
    site_tree.settings.short_name = "ROPS"
    site_tree.settings.save()
    for client in readers:
        page = html(client, article.url)
        assert "+48 61 999 99 99" in page and "+48 61 000 00 00" not in page
        assert '<a class="site-name" href="/"><span>ROPS</span></a>' in page


def test_a_live_page_saved_in_code_shows_at_once(readers, article):
    warm(readers, article.url)
    article.title = "Poprawiony tytuł"
    article.save()
    for client in readers:
        assert "Poprawiony tytuł" in html(client, article.url)


def test_saving_a_draft_changes_nothing_readers_see(readers, article):
    warm(readers, article.url)
    article.title = "Szkic tytułu"
    article.save_revision()
    for client in readers:
        assert "Szkic tytułu" not in html(client, article.url)


@pytest.mark.parametrize("change", ["unpublish", "move", "restrict"])
def test_cached_routes_follow_unpublish_move_and_restrictions(readers, article, site_tree, change):
    old_url = article.url
    warm(readers, old_url)
    if change == "unpublish":
        article.unpublish()
    elif change == "move":
        other = make_news_index(site_tree.home, title="Archiwum", slug="archiwum")
        article.move(other, pos="last-child")
        article.refresh_from_db()
    else:
        restrict_page(article, password="tajne")
    for client in readers:
        for _ in range(2):  # the second request replays the route, restrictions included
            response = client.get(old_url)
            if change == "restrict":
                assert response.status_code == 200  # the password form, for everyone
                assert "Pierwsza treść." not in response.content.decode()
            else:
                assert response.status_code in (301, 302, 404)
    if change == "move":
        for client in readers:
            assert "Pierwsza treść." in html(client, article.url)


def test_preview_is_never_served_from_nor_stored_in_fragments(readers, article):
    _, editor = readers
    warm(readers, article.url)
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[article.pk])
    data = nested_form_data(
        {
            "title": "Tytuł w podglądzie",
            "slug": article.slug,
            "publication_date": article.publication_date.isoformat(),
            "lead": article.lead,
            "listing_image": "",
            "body": streamfield([("paragraph", rich_text("<p>Treść podglądu.</p>"))]),
            "tags": "",
            "seo_title": "",
            "search_description": "",
            "comments": inline_formset([]),
        }
    )
    assert editor.post(url, data).json()["is_valid"]
    preview = editor.get(url).content.decode()
    assert "Tytuł w podglądzie" in preview and "Treść podglądu." in preview
    assert "Pierwsza treść." not in preview
    for client in readers:
        live = html(client, article.url)
        assert "Pierwsza treść." in live and "Treść podglądu." not in live


def test_a_page_cache_hit_is_one_cache_read_with_every_header(readers, article):
    anonymous, _ = readers
    first = anonymous.get(article.url)
    with mock.patch.object(cache, "get", wraps=cache.get) as get:
        hit = anonymous.get(article.url)
    assert hit["X-Page-Cache"] == "hit"
    assert get.call_count == 1
    for header in ("Content-Security-Policy", "Permissions-Policy", "X-Content-Type-Options"):
        assert hit[header] == first[header]


def test_static_files_do_not_read_the_page_cache(readers):
    anonymous, _ = readers
    with mock.patch("foundation.caching.pages.load") as load:
        anonymous.get("/static/css/kronika.css")
    assert load.call_count == 0


def test_fragments_off_render_everything_fresh(readers, article, settings):
    settings.KRONIKA_FRAGMENT_CACHE_SECONDS = 0
    _, editor = readers
    html(editor, article.url)
    article.title = "Zmieniony bez publikacji"
    type(article).objects.filter(pk=article.pk).update(title=article.title)  # no signal at all
    assert "Zmieniony bez publikacji" in html(editor, article.url)
