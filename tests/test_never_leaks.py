"""Nothing a reader may not see leaks into any public listing, feed, search, sitemap or share data.

Every hidden page carries the marker "ZQX" in its title, lead, slug, image title and image file
name (so in every rendition URL too); its image is rendered before the scan, so renditions
exist. Hidden pages are dated 2019 — a year no public page has — so a leak into a year archive
or a filter's options shows as well. Every public URL is then read as an anonymous reader and
must contain neither the marker nor the year.
"""

import datetime
import io
import re
from urllib.parse import parse_qs, quote_plus, urlsplit

import pytest
from django.core.files.images import ImageFile
from django.urls import reverse
from django.utils import timezone
from PIL import Image as PILImage
from wagtail.images import get_image_model

from tests.conftest import content_per_module, copy_for_test
from tests.factories import (
    build_public_site,
    make_news_index,
    make_news_page,
    make_visit,
    make_visit_index,
    restrict_page,
    visit_stop,
)

pytestmark = pytest.mark.django_db

MARKER = "zqx"
HIDDEN_YEAR = 2019
STATES = ["draft", "unpublished", "scheduled", "password", "section", "expired"]


def secret_image(code):
    """An image whose title and file name carry the marker, with one rendition already made."""
    buffer = io.BytesIO()
    PILImage.new("RGB", (640, 480), "purple").save(buffer, "JPEG")
    image = get_image_model()(title=f"Zdjęcie {code}", description=f"Opis {code}")
    image.file = ImageFile(io.BytesIO(buffer.getvalue()), name=f"{code.lower()}.jpg")
    image.save()
    image.get_rendition("fill-400x300")
    return image


def hide(page, state):
    """Put a published (or, for drafts and schedules, unpublished) page in `state`."""
    if state == "unpublished":
        page.unpublish()
    elif state == "password":
        restrict_page(page, password="tajne-haslo")
    elif state == "expired":
        page.expire_at = timezone.now() - datetime.timedelta(days=1)
        page.expired = True
        page.live = False
        page.save()
    return page


def make_hidden_news(index, state, section_index):
    code = f"ZQX{state}news"
    fields = {
        "lead": f"Lead {code}lead",
        "listing_image": secret_image(f"{code}img"),
        "tags": ["ekonomia społeczna"],
    }
    parent = section_index if state == "section" else index
    publish = state not in {"draft", "scheduled"}
    if state == "scheduled":
        fields["go_live_at"] = timezone.now() + datetime.timedelta(days=7)
    page = make_news_page(
        parent,
        f"Ukryty artykuł {code}",
        datetime.date(HIDDEN_YEAR, 9, 18),
        publish=publish,
        **fields,
    )
    if state == "scheduled":
        page.save_revision().publish()
        page.refresh_from_db()
        assert not page.live
    return hide(page, state)


def make_hidden_visit(index, state, section_index):
    code = f"ZQX{state}visit"
    parent = section_index if state == "section" else index
    stop = visit_stop(
        f"Spółdzielnia {code}stop",
        f"Zqxowo{state}",
        "wielkopolskie",
        ["cus"],
        people=[(f"Osoba {code}person", "prezes")],
        photos=[secret_image(f"{code}img")],
    )
    fields = {"lead": f"Lead {code}lead"}
    publish = state not in {"draft", "scheduled"}
    if state == "scheduled":
        fields["go_live_at"] = timezone.now() + datetime.timedelta(days=7)
    page = make_visit(
        parent,
        f"Ukryta wizyta {code}",
        start=datetime.date(HIDDEN_YEAR, 9, 16),
        end=datetime.date(HIDDEN_YEAR, 9, 17),
        stops=[stop],
        publish=publish,
        **fields,
    )
    if state == "scheduled":
        page.save_revision().publish()
        page.refresh_from_db()
        assert not page.live
    return hide(page, state)


def build_hidden_site():
    """The public site, plus a news page and a visit in every hidden state and a public upcoming
    visit."""
    site = build_public_site()
    news_section = make_news_index(site.home, title="Strefa ZQXsection", slug="strefa-zqx")
    restrict_page(news_section)
    visit_section = make_visit_index(site.home, title="Wizyty ZQXsection", slug="wizyty-zqx")
    restrict_page(visit_section)
    site.hidden = []
    for state in STATES:
        site.hidden.append(make_hidden_news(site.news_index, state, news_section))
        site.hidden.append(make_hidden_visit(site.visit_index, state, visit_section))
    # An upcoming public visit, so the calendar feed and "upcoming" lists are not empty.
    site.upcoming = make_visit(
        site.visit_index,
        "Wizyta nadchodząca w Kaliszu",
        start=timezone.localdate() + datetime.timedelta(days=30),
        stops=[visit_stop("Centrum Usług Społecznych", "Kalisz", "wielkopolskie", ["cus"])],
    )
    return site


module_hidden_site = content_per_module(build_hidden_site)


@pytest.fixture
def hidden_site(db, module_hidden_site):
    return copy_for_test(module_hidden_site)


def public_urls(site):
    article, visit = site.article.url, site.visit.url
    return [
        "/",
        "/aktualnosci/",
        "/aktualnosci/?page=1",
        "/aktualnosci/2021/",
        "/aktualnosci/tag/ekonomia-spoleczna/",
        "/aktualnosci/?tag=ekonomia-spoleczna",
        article,
        "/wizyty-studyjne/",
        "/wizyty-studyjne/?rok=2021",
        "/wizyty-studyjne/?wojewodztwo=wielkopolskie",
        "/wizyty-studyjne/?miejscowosc=Rawicz",
        "/wizyty-studyjne/?rodzaj=cus",
        "/wizyty-studyjne/?rok=2021&wojewodztwo=wielkopolskie&rodzaj=cus&miejscowosc=Rawicz",
        visit,
        visit + "ics/",
        site.upcoming.url,
        "/wizyty-studyjne/kalendarz.ics",
        "/wizyty-studyjne/kalendarz.ics?wojewodztwo=wielkopolskie&rodzaj=cus",
        "/wizyty-studyjne/rss.xml",
        "/wizyty-studyjne/atom.xml?miejscowosc=rawicz",
        "/wizyty-studyjne/rss.xml?rodzaj=cus",
        "/wizyty-studyjne/dane.csv",
        "/wizyty-studyjne/dane.json?wojewodztwo=wielkopolskie",
        "/wizyty-studyjne/dane.rdf",
        "/wizyty-studyjne/dane-otwarte/",
        "/aktualnosci/rss/",
        "/aktualnosci/atom/",
        "/aktualnosci/rss/2021/",
        "/aktualnosci/atom/tag/ekonomia-spoleczna/",
        "/szukaj/?q=ukryty",
        "/szukaj/?q=ukryta+wizyta",
        "/szukaj/?q=zqx",
        "/szukaj/?q=zqxdraftnews",
        "/szukaj/?q=zqxowo",
        "/szukaj/?q=rawicz",
        "/szukaj/?q=spoldzielnia",
        "/szukaj/?q=lead",
        "/szukaj/?q=osoba",
        "/szukaj/?q=wizyta&typ=visit",
        "/szukaj/?q=artykul&typ=news",
        "/szukaj/?typ=visit&wojewodztwo=wielkopolskie",
        "/szukaj/?rok=2021",
        "/szukaj/",
        "/szukaj/podpowiedzi/?q=ukr",
        "/szukaj/podpowiedzi/?q=zqx",
        "/szukaj/podpowiedzi/?q=wiz",
        "/sitemap.xml",
        "/mapa-strony/",
        "/o-nas/",
        "/robots.txt",
    ]


# What a hidden page would show: the marker, the title words, and each page's own code (which
# survives even where a search for the marker echoes — and so is stripped of — the marker).
NEEDLES = [MARKER, "ukryt", *(f"{state}{kind}" for state in STATES for kind in ("news", "visit"))]


def assert_no_secret(path, response):
    assert response.status_code == 200, (path, response.status_code)
    body = response.content.decode().lower()
    query = parse_qs(urlsplit(path).query).get("q", [""])[0].lower()
    for echo in {query, quote_plus(query), query.replace(" ", "+")} - {""}:
        body = body.replace(echo, "")
    for needle in NEEDLES:
        found = body.find(needle)
        excerpt = body[max(found - 120, 0) : found + 80]
        assert found < 0, f"{path} shows a hidden page ({needle}): …{excerpt}…"
    assert str(HIDDEN_YEAR) not in body, f"{path} shows the hidden year {HIDDEN_YEAR}"


def test_hidden_pages_are_in_the_states_they_claim(hidden_site):
    from wagtail.models import PageViewRestriction

    by_state = dict(zip([s for s in STATES for _ in (0, 1)], hidden_site.hidden, strict=True))
    assert not by_state["draft"].live and by_state["draft"].last_published_at is None
    assert not by_state["unpublished"].live and by_state["unpublished"].first_published_at
    assert by_state["scheduled"].get_latest_revision().approved_go_live_at is not None
    assert by_state["password"].live
    assert PageViewRestriction.objects.filter(page=by_state["password"]).exists()
    assert by_state["section"].live
    assert by_state["expired"].expired and not by_state["expired"].live


def test_nothing_hidden_appears_on_any_public_url(client, hidden_site):
    for path in public_urls(hidden_site):
        assert_no_secret(path, client.get(path))


def test_search_counts_only_public_pages(client, hidden_site):
    # The same search finds the public article, so an empty answer below is search's own.
    public = client.get("/szukaj/", {"q": hidden_site.article.title}).content.decode()
    assert hidden_site.article.title in public
    html = client.get("/szukaj/", {"q": "ukryty artykul"}).content.decode()
    assert "Nic nie znaleźliśmy" in html
    assert "ZQX" not in html
    suggestions = client.get("/szukaj/podpowiedzi/", {"q": "ukryt"}).json()
    assert suggestions["results"] == []


#: What a reader gets at a hidden page's own address (and its calendar's), by its state.
ANSWERS = {
    "draft": 404,
    "unpublished": 404,
    "scheduled": 404,
    "expired": 404,
    "password": 200,  # the password form
    "section": 302,  # to the login page
}


def test_hidden_pages_themselves_show_nothing(client, hidden_site):
    """Direct URLs: 404 for drafts, schedules and expired pages; a form or a login for the rest."""
    states = [state for state in STATES for _kind in ("news", "visit")]
    for page, state in zip(hidden_site.hidden, states, strict=True):
        urls = [page.get_url() or page.url_path]
        if page.specific_class.__name__ == "VisitPage":
            urls.append(urls[0] + "ics/")
        for url in urls:
            response = client.get(url)
            body = response.content.decode()
            assert response.status_code == ANSWERS[state], (url, state, response.status_code)
            if state == "password":
                assert 'name="password"' in body
            if state == "section":
                assert response["Location"].startswith(reverse("wagtailcore_login"))
            assert "ZQX" not in body and "BEGIN:VCALENDAR" not in body


def test_year_of_hidden_pages_has_no_archive(client, hidden_site):
    assert client.get(f"/aktualnosci/{HIDDEN_YEAR}/").status_code == 404
    html = client.get(f"/wizyty-studyjne/?rok={HIDDEN_YEAR}").content.decode()
    assert MARKER not in html.lower()


def test_neighbours_of_an_article_are_public_pages_only(client, hidden_site):
    """Prev/next links, JSON-LD and OpenGraph of a public article name no hidden neighbour."""
    html = client.get(hidden_site.article.url).content.decode().lower()
    assert MARKER not in html
    for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S):
        assert MARKER not in block
    for content in re.findall(r'<meta property="og:[^"]+" content="([^"]*)"', html):
        assert MARKER not in content


def test_no_api(client, hidden_site):
    for path in ("/api/", "/api/v2/pages/", "/api/v2/images/", "/api/v2/documents/"):
        assert client.get(path).status_code == 404
