"""The admin menu reaches search promotions and redirects; sections list entries newest first."""

import datetime
import json
import re

import pytest
from django.test import RequestFactory
from wagtail.admin.menu import admin_menu, settings_menu

from tests.factories import add_page, make_user

pytestmark = pytest.mark.django_db


def menu_urls(user):
    request = RequestFactory().get("/admin/")
    request.user = user
    urls = []
    for menu in (admin_menu, settings_menu):
        for item in menu.menu_items_for_request(request):
            urls.append(getattr(item, "url", ""))
    return urls


def test_search_promotions_and_redirects_are_in_the_menu(client, site_tree):
    admin = make_user("admin", superuser=True)
    urls = menu_urls(admin)
    assert "/admin/searchpicks/" in urls
    assert "/admin/redirects/" in urls
    client.force_login(admin)
    sidebar = client.get("/admin/").content.decode()
    assert "/admin/searchpicks/" in sidebar and "/admin/redirects/" in sidebar
    for url in ("/admin/searchpicks/", "/admin/redirects/"):
        assert client.get(url).status_code == 200


def test_explorer_lists_news_newest_first_by_publication_date(client, site_tree):
    from news.models import NewsIndexPage, NewsPage

    index = add_page(site_tree.home, NewsIndexPage(title="Aktualności", slug="aktualnosci"))
    for title, day in (("Środkowy", 10), ("Najstarszy", 1), ("Najnowszy", 20)):
        add_page(
            index,
            NewsPage(title=title, slug=title.lower(), publication_date=datetime.date(2024, 5, day)),
        )
    # The oldest revision is the newest one here, so "latest revision first" would differ.
    add_page(
        index, NewsPage(title="Przeniesiony", slug="p", publication_date=datetime.date(2019, 1, 1))
    )
    client.force_login(make_user("redaktorka", groups=["Redaktorzy"]))
    html = client.get(f"/admin/pages/{index.pk}/").content.decode()
    links = re.findall(
        r'<div class="title-wrapper">.*?<a href="/admin/pages/\d+/edit/"[^>]*>(.*?)</a>', html, re.S
    )
    titles = [" ".join(re.sub(r"<[^>]+>", " ", link).split()) for link in links]
    assert titles == ["Najnowszy", "Środkowy", "Najstarszy", "Przeniesiony"], titles


def test_sidebar_json_is_polish(client, site_tree):
    client.force_login(make_user("admin", superuser=True))
    html = client.get("/admin/").content.decode()
    match = re.search(r'id="wagtail-sidebar-props"[^>]*>(.*?)</script>', html, re.S)
    if match is None:
        pytest.skip("sidebar props are not rendered as JSON in this Wagtail version")
    props = json.dumps(json.loads(match.group(1)), ensure_ascii=False)
    assert "Przekierowania" in props


def test_explorer_lists_visits_latest_first_by_their_dates(client, site_tree):
    from tests.factories import make_visit, make_visit_index

    index = make_visit_index(site_tree.home)
    for title, day in (("Czerwcowa", 12), ("Majowa", 1), ("Lipcowa", 20)):
        month = {"Majowa": 5, "Czerwcowa": 6, "Lipcowa": 7}[title]
        make_visit(index, title, start=datetime.date(2024, month, day))
    client.force_login(make_user("redaktorka", groups=["Redaktorzy"]))
    response = client.get(f"/admin/pages/{index.pk}/")
    assert response.status_code == 200
    links = re.findall(
        r'<div class="title-wrapper">.*?<a href="/admin/pages/\d+/edit/"[^>]*>(.*?)</a>',
        response.content.decode(),
        re.S,
    )
    titles = [" ".join(re.sub(r"<[^>]+>", " ", link).split()) for link in links]
    assert titles == ["Lipcowa", "Czerwcowa", "Majowa"], titles
