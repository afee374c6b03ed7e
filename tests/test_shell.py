"""The site shell as a reader and an administrator meet it."""

import re
from html.parser import HTMLParser

import pytest
from django.db import DatabaseError
from wagtail.models import Page

from foundation.slugs import ascii_slug
from home.models import StandardPage
from tests.factories import add_page

pytestmark = pytest.mark.django_db


def ids_in(html):
    return re.findall(r'\sid="([^"]+)"', html)


def test_home_page_is_polish_with_skip_links_first(client, site_tree):
    html = client.get("/").content.decode()
    assert '<html lang="pl"' in html
    body = html[html.index("<body") :]
    first_link = re.search(r"<a [^>]*>([^<]+)</a>", body)
    assert first_link.group(1) == "Przejdź do treści"
    assert "Przejdź do menu" in body and "Przejdź do wyszukiwarki" in body
    assert 'id="tresc"' in body and 'id="menu"' in body and 'id="wyszukiwarka"' in body


@pytest.mark.parametrize("path", ["/", "/o-nas/", "/deklaracja-dostepnosci/", "/mapa-strony/"])
def test_every_page_type_renders_with_statement_meta_and_footer_link(client, site_tree, path):
    response = client.get(path)
    assert response.status_code == 200
    html = response.content.decode()
    assert (
        '<meta name="deklaracja-dostępności" content="http://testserver/deklaracja-dostepnosci/">'
        in html
    )
    assert '<a href="/deklaracja-dostepnosci/">Deklaracja dostępności</a>' in html
    assert '<a href="/mapa-strony/">Mapa strony</a>' in html


def test_footer_shows_organisation_settings(client, site_tree):
    html = client.get("/o-nas/").content.decode()
    assert "Ośrodek Testowy" in html
    assert 'href="tel:+48610000000"' in html
    assert "ePUAP: /OT/SkrytkaESP" in html
    assert 'href="https://bip.example.org/">Biuletyn Informacji Publicznej (BIP)' in html
    assert '<a href="/o-nas/">Kontakt</a>' in html


def test_settings_change_shows_in_footer(client, site_tree):
    site_tree.settings.phone = "+48 22 999 99 99"
    site_tree.settings.save()
    assert "+48 22 999 99 99" in client.get("/").content.decode()


def test_menu_lists_pages_shown_in_menus_and_marks_current(client, site_tree):
    add_page(site_tree.home, StandardPage(title="Ukryta", slug="ukryta", show_in_menus=False))
    html = client.get("/o-nas/").content.decode()
    menu = html[html.index('id="menu"') : html.index("</nav>", html.index('id="menu"'))]
    assert '<a href="/o-nas/" aria-current="page">O nas</a>' in menu
    assert "Ukryta" not in menu


def test_accessibility_statement_has_each_required_id_once(client, site_tree):
    html = client.get("/deklaracja-dostepnosci/").content.decode()
    ids = ids_in(html)
    required = [
        "a11y-wstep",
        "a11y-podmiot",
        "a11y-zakres",
        "a11y-url",
        "a11y-data-publikacja",
        "a11y-data-aktualizacja",
        "a11y-status",
        "a11y-data-sporzadzenie",
        "a11y-data-przeglad",
        "a11y-kontakt",
        "a11y-osoba",
        "a11y-email",
        "a11y-telefon",
        "a11y-procedura",
        "a11y-architektura",
        "a11y-komunikacja",
    ]
    for element_id in required:
        assert ids.count(element_id) == 1, element_id
    for element_id, day in [
        ("a11y-data-publikacja", "2024-01-02"),
        ("a11y-data-aktualizacja", "2025-03-04"),
        ("a11y-data-sporzadzenie", "2024-01-05"),
        ("a11y-data-przeglad", "2025-06-07"),
    ]:
        assert f'<time id="{element_id}" datetime="{day}">' in html
    status = re.search(r'<p id="a11y-status">([^<]+)</p>', html).group(1)
    assert status.startswith("Strona internetowa jest częściowo zgodna z ustawą")


def test_sitemap_page_lists_live_public_tree_only(client, site_tree):
    child = add_page(site_tree.standard, StandardPage(title="Zespół", slug="zespol"))
    add_page(site_tree.home, StandardPage(title="Szkic tajny", slug="szkic"), publish=False)
    html = client.get("/mapa-strony/").content.decode()
    assert f'<a href="{child.url}">Zespół</a>' in html
    assert "Szkic tajny" not in html


def test_sitemap_xml_lists_live_pages(client, site_tree):
    add_page(site_tree.home, StandardPage(title="Szkic", slug="szkic"), publish=False)
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    xml = response.content.decode()
    assert "<loc>http://testserver/o-nas/</loc>" in xml
    assert "szkic" not in xml


def test_robots_txt_points_to_sitemap(client, site_tree):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    assert "Sitemap: http://testserver/sitemap.xml" in response.content.decode()


def test_healthz_ok_when_database_answers(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_healthz_503_when_database_fails(client, db, monkeypatch):
    from django.db.backends.utils import CursorWrapper

    def broken(*args, **kwargs):
        raise DatabaseError("connection refused")

    monkeypatch.setattr(CursorWrapper, "execute", broken)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["status"] == "error"


def test_404_page_is_polish(client, site_tree):
    response = client.get("/nie-ma-takiej-strony/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Nie znaleziono strony" in html and '<html lang="pl"' in html


def test_500_page_is_polish(client, db, settings):
    from django.template.loader import render_to_string

    html = render_to_string("500.html")
    assert "wystąpił błąd serwera" in html and '<html lang="pl"' in html


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Wizyta studyjna w Łodzi", "wizyta-studyjna-w-lodzi"),
        ("Żółć", "zolc"),
        ("Spółdzielnia „Smak” — ŚWIĘTO", "spoldzielnia-smak-swieto"),
    ],
)
def test_slugs_are_transliterated(title, slug):
    assert ascii_slug(title) == slug


def test_pages_created_in_code_get_ascii_slugs(site_tree):
    page = add_page(site_tree.home, StandardPage(title="Wizyta studyjna w Łodzi"))
    assert page.slug == "wizyta-studyjna-w-lodzi"
    typed = add_page(site_tree.home, StandardPage(title="Inna", slug="żółta-łódź"))
    assert typed.slug == "zolta-lodz"


def test_admin_page_editor_creates_ascii_slug(admin_client, site_tree):
    from wagtail.test.utils.form_data import nested_form_data, streamfield

    url = f"/admin/pages/add/home/standardpage/{site_tree.home.pk}/"
    data = nested_form_data(
        {"title": "Źródła wiedzy o łódzkich CUS", "slug": "", "lead": "", "body": streamfield([])}
    )
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    page = Page.objects.get(title="Źródła wiedzy o łódzkich CUS")
    assert page.slug == "zrodla-wiedzy-o-lodzkich-cus"


def test_admin_is_polish(admin_client, db):
    html = admin_client.get("/admin/").content.decode()
    assert 'lang="pl"' in html
    assert "Pulpit" in html or "Strony" in html


class _TagCounter(HTMLParser):
    def __init__(self):
        super().__init__()
        self.buttons = []

    def handle_starttag(self, tag, attrs):
        if tag == "button":
            self.buttons.append(dict(attrs))


def test_contrast_and_font_switches_are_toggle_buttons(client, site_tree):
    parser = _TagCounter()
    parser.feed(client.get("/").content.decode())
    toggles = [b for b in parser.buttons if "aria-pressed" in b]
    assert len(toggles) == 4
    assert {b.get("data-a11y-font") for b in toggles} == {None, "normal", "large", "larger"}
