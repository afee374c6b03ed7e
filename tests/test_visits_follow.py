"""Following a selection of the archive: RSS/Atom and iCalendar of exactly the filtered visits,
filter choices with counts, Polish filter slugs, and what crawlers are told to index."""

import datetime
import re
from types import SimpleNamespace
from xml.etree import ElementTree

import feedparser
import pytest
from django.utils import timezone
from icalendar import Calendar

from tests.conftest import content_per_module, copy_for_test
from tests.factories import (
    build_site_tree,
    make_visit,
    make_visit_index,
    restrict_page,
    visit_stop,
)
from tests.test_visits_archive import titles

pytestmark = pytest.mark.django_db

D = datetime.date


def build_archive_site():
    """The site tree (`build_site_tree`) with the archive of `build_archive` as `archive`."""
    tree = build_site_tree()
    return SimpleNamespace(**vars(tree), archive=build_archive(tree.home))


module_archive = content_per_module(build_archive_site)


@pytest.fixture
def archive(db, module_archive):
    return copy_for_test(module_archive).archive


def build_archive(home):
    """Rawicz (CUS + co-operative, 2021), Łódź (CIS, 2023), Jarocin (OPS, 2021), Gdańsk (CIS,
    2023), plus a draft, a private and an expired visit in Wielkopolska 2021 (CUS)."""
    index = make_visit_index(home)
    make_visit(
        index,
        "Rawicz",
        D(2021, 9, 17),
        D(2021, 9, 18),
        stops=[
            visit_stop("CUS w Rawiczu", "Rawicz", "wielkopolskie", ["cus"]),
            visit_stop("Smak Bistro", "Rawicz", "wielkopolskie", ["social_cooperative"]),
        ],
    )
    make_visit(index, "Łódź", D(2023, 3, 14), stops=[visit_stop("CIS", "Łódź", "lodzkie", ["cis"])])
    make_visit(
        index,
        "Jarocin",
        D(2021, 5, 1),
        stops=[visit_stop("MGOPS", "Jarocin", "wielkopolskie", ["ops"])],
    )
    make_visit(
        index,
        "Gdańsk",
        D(2023, 6, 1),
        stops=[visit_stop("CIS Gdańsk", "Gdańsk", "pomorskie", ["cis"])],
    )
    hidden_stop = [visit_stop("Ukryty CUS", "Rawicz", "wielkopolskie", ["cus"])]
    make_visit(index, "Szkic", D(2021, 2, 1), stops=hidden_stop, publish=False)
    restrict_page(make_visit(index, "Prywatna", D(2021, 3, 1), stops=hidden_stop), "x")
    expired = make_visit(index, "Wygasła", D(2021, 4, 1), stops=hidden_stop)
    expired.expire_at = timezone.now() - datetime.timedelta(days=1)
    expired.expired, expired.live = True, False
    expired.save()
    return index


SELECTIONS = [
    ("", ["Gdańsk", "Łódź", "Rawicz", "Jarocin"]),
    ("?rok=2021", ["Rawicz", "Jarocin"]),
    ("?wojewodztwo=wielkopolskie", ["Rawicz", "Jarocin"]),
    ("?rodzaj=cis", ["Gdańsk", "Łódź"]),
    ("?rodzaj=spoldzielnia-socjalna", ["Rawicz"]),
    ("?rok=2021&wojewodztwo=wielkopolskie&miejscowosc=rawicz&rodzaj=cus", ["Rawicz"]),
    ("?miejscowosc=jarocin&rodzaj=cus", []),
]


def page_html(client, query):
    response = client.get("/wizyty-studyjne/" + query)
    assert response.status_code == 200
    return response.content.decode()


def follow_link(html, label):
    section = html[html.index("visit-archive__follow") :]
    return re.search(rf'<a href="([^"]+)">{label}', section).group(1).replace("&amp;", "&")


@pytest.mark.parametrize(("query", "expected"), SELECTIONS)
def test_feeds_of_a_selection_hold_exactly_its_visits(client, archive, query, expected):
    html = page_html(client, query)
    assert titles(html) == expected
    for label in ("RSS", "Atom"):
        response = client.get(follow_link(html, label))
        assert response.status_code == 200
        feed = feedparser.parse(response.content)
        assert not feed.bozo, feed.bozo_exception
        assert [entry.title.split(" (")[0] for entry in feed.entries] == expected
    ics = client.get(follow_link(html, "kalendarz"))
    assert ics["Content-Type"].startswith("text/calendar")
    events = Calendar.from_ical(ics.content).walk("VEVENT")
    if query:  # without filters the calendar keeps its window (next visits, last 12 months)
        assert [str(event["summary"]) for event in events] == expected


def test_feed_links_and_titles_name_the_selection(client, archive):
    html = page_html(client, "?rok=2021&rodzaj=cus")
    assert "Obserwuj ten wybór" in html
    assert 'href="/wizyty-studyjne/rss.xml?rok=2021&amp;rodzaj=cus"' in html
    assert 'href="/wizyty-studyjne/kalendarz.ics?rok=2021&amp;rodzaj=cus"' in html
    assert re.search(r'<link rel="alternate" type="application/rss\+xml"[^>]+rok=2021', html)
    feed = feedparser.parse(client.get("/wizyty-studyjne/atom.xml?rok=2021&rodzaj=cus").content)
    assert feed.feed.title == "Wizyty studyjne: 2021, CUS"
    assert feed.entries[0].link == "http://testserver/wizyty-studyjne/rawicz/"
    calendar = Calendar.from_ical(
        client.get("/wizyty-studyjne/kalendarz.ics?miejscowosc=lodz").content
    )
    assert str(calendar["x-wr-calname"]) == "Wizyty studyjne: Łódź"
    assert "Obserwuj archiwum" in page_html(client, "")


def test_feeds_refuse_unknown_filters_in_polish(client, archive):
    for query in ("?rok=²", "?rok=①", "?rodzaj=kosmos", "?wojewodztwo=mars"):
        response = client.get("/wizyty-studyjne/rss.xml" + query)
        assert response.status_code == 400
        assert "Nie rozpoznaliśmy filtrów" in response.content.decode()
    # A town or year with no visits yet is a valid, empty selection to follow.
    empty = feedparser.parse(
        client.get("/wizyty-studyjne/rss.xml?miejscowosc=Kalisz&rok=2030").content
    )
    assert empty.entries == [] and not empty.bozo


@pytest.mark.parametrize("value", ["²", "¹", "①", "٣", "2021²", " 2021 x", "9" * 5000])
def test_odd_digits_in_numeric_parameters_are_a_message_not_a_500(client, archive, value):
    html = page_html(client, f"?rok={value}")
    assert "Nie ma wizyt z roku" in html
    assert titles(html) == ["Gdańsk", "Łódź", "Rawicz", "Jarocin"]
    assert titles(page_html(client, f"?page={value}")) == ["Gdańsk", "Łódź", "Rawicz", "Jarocin"]


def options(html, name):
    select = re.search(rf'<select id="filtr-{name}" name="{name}">(.*?)</select>', html, re.S)
    return re.findall(r'<option value="([^"]+)"( selected)?>([^<]+)</option>', select.group(1))


def test_choices_are_the_values_present_with_counts(client, archive):
    html = page_html(client, "")
    assert options(html, "rok") == [("2023", "", "2023 (2)"), ("2021", "", "2021 (2)")]
    assert options(html, "wojewodztwo") == [
        ("lodzkie", "", "łódzkie (1)"),
        ("pomorskie", "", "pomorskie (1)"),
        ("wielkopolskie", "", "wielkopolskie (2)"),
    ]
    assert [label for _v, _s, label in options(html, "miejscowosc")] == [
        "Gdańsk (1)",
        "Jarocin (1)",
        "Łódź (1)",
        "Rawicz (1)",
    ]
    assert options(html, "rodzaj") == [
        ("cus", "", "CUS (1)"),
        ("ops", "", "OPS/MGOPS/GOPS (1)"),
        ("spoldzielnia-socjalna", "", "spółdzielnia socjalna (1)"),
        ("cis", "", "CIS (2)"),
    ]


def test_every_offered_choice_gives_the_visits_it_counts(client, archive):
    for query in ("", "?rok=2023", "?wojewodztwo=wielkopolskie", "?rodzaj=cis"):
        html = page_html(client, query)
        for name in ("rok", "wojewodztwo", "miejscowosc", "rodzaj"):
            for value, selected, label in options(html, name):
                count = int(re.search(r"\((\d+)\)$", label).group(1))
                narrowed = re.sub(rf"[?&]{name}=[^&]*", "", query).lstrip("?&")
                narrowed = f"?{narrowed}&{name}={value}" if narrowed else f"?{name}={value}"
                assert len(titles(page_html(client, narrowed))) == count, (query, name, value)
                assert count > 0 or selected


def test_chosen_value_stays_offered_when_the_others_leave_it_nothing(client, archive):
    html = page_html(client, "?miejscowosc=jarocin&rodzaj=cus")
    assert ("cus", " selected", "CUS (0)") in options(html, "rodzaj")
    assert [value for value, _s, _l in options(html, "rodzaj")] == ["cus", "ops"]


def test_choices_are_renewed_by_a_publish(client, archive):
    from django.core.cache import caches

    caches["fragments"].clear()
    page_html(client, "?rok=2021")
    make_visit(
        archive,
        "Kalisz",
        D(2024, 1, 1),
        stops=[visit_stop("ZAZ", "Kalisz", "wielkopolskie", ["zaz"])],
    )
    html = page_html(client, "?rok=2021")
    assert ("2024", "", "2024 (1)") in options(html, "rok")
    assert ("zaz", "", "ZAZ (1)") not in options(html, "rodzaj")  # none in 2021
    assert ("zaz", "", "ZAZ (1)") in options(page_html(client, ""), "rodzaj")


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("?rodzaj=social_cooperative", "?rodzaj=spoldzielnia-socjalna"),
        ("?rok=2021&rodzaj=local_government&page=2", "?rok=2021&rodzaj=jst&page=2"),
    ],
)
def test_english_kind_codes_redirect_permanently(client, archive, old, new):
    for path in ("/wizyty-studyjne/", "/wizyty-studyjne/rss.xml", "/wizyty-studyjne/dane.csv"):
        response = client.get(path + old)
        assert response.status_code == 301
        assert response["Location"] == path + new


def robots(html):
    found = re.search(r'<meta name="robots" content="([^"]+)">', html)
    return found.group(1) if found else None


def canonical(html):
    return re.search(r'<link rel="canonical" href="([^"]+)">', html).group(1).replace("&amp;", "&")


@pytest.mark.parametrize(
    ("query", "indexed", "canonical_query"),
    [
        ("", True, ""),
        ("?wojewodztwo=wielkopolskie", True, "?wojewodztwo=wielkopolskie"),
        ("?rok=2021", True, "?rok=2021"),
        ("?rok=2021&page=1", True, "?rok=2021"),
        ("?rodzaj=cis&rok=2023", False, "?rok=2023&rodzaj=cis"),
        ("?rok=2021&wojewodztwo=wielkopolskie", False, "?rok=2021&wojewodztwo=wielkopolskie"),
        ("?miejscowosc=Rawicz", False, "?miejscowosc=rawicz"),
        ("?rodzaj=cus", False, "?rodzaj=cus"),
        ("?rok=abc", True, ""),
    ],
)
def test_only_a_single_voivodeship_or_year_is_indexed(
    client, archive, query, indexed, canonical_query
):
    html = page_html(client, query)
    assert robots(html) == (None if indexed else "noindex, follow")
    assert canonical(html) == "http://testserver/wizyty-studyjne/" + canonical_query


def test_sitemap_lists_the_archive_its_voivodeships_and_years_only(client, archive):
    body = client.get("/sitemap.xml").content
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locations = [loc.text for loc in ElementTree.fromstring(body).findall(".//s:loc", namespace)]
    archive_urls = sorted(
        url for url in locations if url.startswith("http://testserver/wizyty-studyjne/?")
    )
    assert archive_urls == [
        "http://testserver/wizyty-studyjne/?rok=2021",
        "http://testserver/wizyty-studyjne/?rok=2023",
        "http://testserver/wizyty-studyjne/?wojewodztwo=lodzkie",
        "http://testserver/wizyty-studyjne/?wojewodztwo=pomorskie",
        "http://testserver/wizyty-studyjne/?wojewodztwo=wielkopolskie",
    ]
    assert "http://testserver/wizyty-studyjne/dane-otwarte/" in locations
    assert not any("rodzaj=" in url or "miejscowosc=" in url for url in locations)


@pytest.mark.parametrize(
    "path",
    [
        "/wizyty-studyjne/rss.xml?wojewodztwo=wielkopolskie",
        "/wizyty-studyjne/atom.xml",
        "/wizyty-studyjne/kalendarz.ics?wojewodztwo=wielkopolskie",
        "/wizyty-studyjne/dane.csv?wojewodztwo=wielkopolskie",
        "/wizyty-studyjne/dane.json",
    ],
)
def test_feed_and_data_queries_do_not_grow_with_visits(client, site_tree, path):
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    index = make_visit_index(site_tree.home)
    counts = []
    for total in (1, 12):
        while index.get_children().count() < total:
            n = index.get_children().count()
            stops = [visit_stop(f"M{n}", "Kalisz", "wielkopolskie", ["cus", "cis"])] * 2
            make_visit(index, f"W {n}", D(2022, 1, 1) + datetime.timedelta(days=n), stops=stops)
        cache.clear()
        with CaptureQueriesContext(connection) as queries:
            assert client.get(path).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]
