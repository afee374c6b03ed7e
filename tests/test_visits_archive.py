"""The visit archive: upcoming then past, filters in the URL, pagination, the iCal feed."""

import datetime
import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from icalendar import Calendar
from wagtail.models import PageViewRestriction

from tests.conftest import content_per_module, copy_for_test
from tests.factories import build_site_tree, make_image, make_visit, make_visit_index, visit_stop

pytestmark = pytest.mark.django_db

D = datetime.date


@pytest.fixture
def index(site_tree):
    return make_visit_index(site_tree.home)


def titles(html):
    return re.findall(r'<h3 class="card__title"><a href="[^"]+">([^<]+)</a>', html)


def build_archive():
    """The site tree and a visit index with four visits: Rawicz (CUS + co-operative, 2021), Łódź
    (CIS, 2023), Jarocin (OPS, 2021), Gdańsk (CIS, 2023); the index."""
    index = make_visit_index(build_site_tree().home)
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
    return index


module_archive = content_per_module(build_archive)


@pytest.fixture
def archive(db, module_archive):
    return copy_for_test(module_archive)


def get(client, index, query=""):
    response = client.get(index.url + query)
    assert response.status_code == 200
    return response.content.decode()


def test_upcoming_soonest_first_then_past_newest_first(client, index):
    today = timezone.localdate()
    for title, delta in [
        ("Za rok", 365),
        ("Jutro", 1),
        ("Dziś", 0),
        ("Wczoraj", -1),
        ("Rok temu", -365),
    ]:
        make_visit(index, title, today + datetime.timedelta(days=delta))
    html = get(client, index)
    assert titles(html) == ["Dziś", "Jutro", "Za rok", "Wczoraj", "Rok temu"]
    assert html.index("Najbliższe wizyty") < html.index("Dziś") < html.index("Minione wizyty")
    assert html.index("Minione wizyty") < html.index("Wczoraj")


def test_card_shows_label_dates_and_towns(client, archive):
    html = get(client, archive, "?miejscowosc=rawicz")
    assert (
        'Wizyta studyjna</span> · <time datetime="2021-09-17">17–18 września 2021</time> · Rawicz'
        in html
    )


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("?rok=2021", ["Rawicz", "Jarocin"]),
        ("?wojewodztwo=wielkopolskie", ["Rawicz", "Jarocin"]),
        ("?miejscowosc=Jarocin", ["Jarocin"]),
        ("?rodzaj=cis", ["Gdańsk", "Łódź"]),
        ("?rok=2023&rodzaj=cis", ["Gdańsk", "Łódź"]),
        ("?rok=2021&wojewodztwo=wielkopolskie&miejscowosc=rawicz&rodzaj=cus", ["Rawicz"]),
        ("?rok=2023&wojewodztwo=pomorskie", ["Gdańsk"]),
    ],
)
def test_filters_alone_and_combined(client, archive, query, expected):
    html = get(client, archive, query)
    assert titles(html) == expected
    assert "Pominięto" not in html


def test_town_and_kind_must_match_the_same_stop(client, archive):
    html = get(client, archive, "?miejscowosc=jarocin&rodzaj=cus")
    assert titles(html) == []
    assert "Znaleziono 0 wizyt" in html
    assert "Nie ma wizyt spełniających wybrane warunki" in html


def test_town_without_diacritics_finds_lodz(client, archive):
    html = get(client, archive, "?miejscowosc=lodz")
    assert titles(html) == ["Łódź"]
    assert '<option value="lodz" selected>Łódź (1)</option>' in html


@pytest.mark.parametrize(
    ("count", "text"),
    [(1, "Znaleziono 1 wizytę"), (2, "Znaleziono 2 wizyty"), (5, "Znaleziono 5 wizyt")],
)
def test_count_uses_polish_plural_forms(client, index, count, text):
    for n in range(count):
        make_visit(index, f"Wizyta {n}", D(2020, 1, 1) + datetime.timedelta(days=n))
    assert text in get(client, index)


def test_plural_forms_for_larger_numbers():
    from django.utils import translation

    from visits.archive import result_count_text

    with translation.override("pl"):
        assert result_count_text(12) == "Znaleziono 12 wizyt"
        assert result_count_text(22) == "Znaleziono 22 wizyty"
        assert result_count_text(0) == "Znaleziono 0 wizyt"


def test_unknown_values_are_ignored_with_a_message(client, archive):
    html = get(client, archive, "?rok=abc&wojewodztwo=mars&miejscowosc=Atlantyda&rodzaj=xyz")
    assert titles(html) == ["Gdańsk", "Łódź", "Rawicz", "Jarocin"]
    assert "Nie ma wizyt z roku „abc”." in html
    assert "Nie znamy województwa „mars”." in html
    assert "Nie ma wizyt w miejscowości „Atlantyda”." in html
    assert "Nie znamy rodzaju instytucji „xyz”." in html
    html = get(client, archive, "?rok=1999&rodzaj=cis")
    assert "Nie ma wizyt z roku „1999”." in html
    assert titles(html) == ["Gdańsk", "Łódź"]


def test_form_works_without_javascript_and_lists_existing_values(client, archive):
    html = get(client, archive, "?rok=2021")
    form = re.search(
        r'<form class="filters" method="get" action="/wizyty-studyjne/".*?</form>', html, re.S
    ).group(0)
    for field, label in [
        ("rok", "Rok"),
        ("wojewodztwo", "Województwo"),
        ("miejscowosc", "Miejscowość"),
        ("rodzaj", "Rodzaj instytucji"),
    ]:
        assert f'<label for="filtr-{field}">{label}</label>' in form
        assert f'<select id="filtr-{field}" name="{field}">' in form
    assert '<button type="submit"' in form
    assert '<a href="/wizyty-studyjne/">Wyczyść filtry</a>' in form
    # Each select offers what the other filters leave, with counts: 2021 keeps only Wielkopolska.
    assert re.findall(r'<option value="(\d{4})"[^>]*>([^<]+)<', form) == [
        ("2023", "2023 (2)"),
        ("2021", "2021 (2)"),
    ]
    assert '<option value="2021" selected>' in form
    assert re.findall(r'name="wojewodztwo">.*?</select>', form, re.S)[0].count("<option") == 2
    assert '<option value="wielkopolskie">wielkopolskie (2)</option>' in form
    assert "pomorskie (" not in form
    assert re.findall(r'<option value="([a-z-]+)"', form.split('name="rodzaj"')[1]) == [
        "cus",
        "ops",
        "spoldzielnia-socjalna",
    ]


def test_pagination_keeps_filters_and_survives_bad_numbers(client, index):
    for n in range(14):
        make_visit(
            index,
            f"Wizyta {n:02d}",
            D(2020, 1, 1) + datetime.timedelta(days=n),
            stops=[visit_stop("Miejsce", "Rawicz", "wielkopolskie", ["cus"])],
        )
    make_visit(index, "Inna", D(2020, 6, 1), stops=[visit_stop("M", "Kalisz", "wielkopolskie")])
    first = get(client, index, "?miejscowosc=rawicz")
    assert len(titles(first)) == 12
    assert "Znaleziono 14 wizyt" in first
    assert 'href="?miejscowosc=rawicz&amp;page=2"' in first
    second = get(client, index, "?miejscowosc=rawicz&page=2")
    assert titles(second) == ["Wizyta 01", "Wizyta 00"]
    for bad in ["abc", "0", "-3", ""]:
        assert titles(get(client, index, f"?miejscowosc=rawicz&page={bad}")) == titles(first)
    assert client.get(index.url + "?page=99999").status_code == 404


def test_drafts_and_private_visits_are_not_listed(client, archive):
    make_visit(
        archive,
        "Szkic",
        D(2021, 1, 1),
        publish=False,
        stops=[visit_stop("Tajne", "Kalisz", "wielkopolskie", ["zaz"])],
    )
    private = make_visit(
        archive,
        "Prywatna",
        D(2021, 2, 1),
        stops=[visit_stop("Prywatne", "Konin", "wielkopolskie", ["wtz"])],
    )
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    html = get(client, archive)
    assert "Szkic" not in html and "Prywatna" not in html
    assert "Kalisz" not in html and "Konin" not in html
    assert ">ZAZ<" not in html and ">WTZ<" not in html


def archive_queries(client, url):
    """Queries of a render with empty fragment caches (the N+1 guard)."""
    client.get(url)
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    return len(queries)


def test_archive_query_count_does_not_grow_with_results(client, index):
    image = make_image()
    make_visit(
        index,
        "Sama",
        D(2019, 1, 1),
        listing_image=image,
        stops=[visit_stop("A", "Konin", "wielkopolskie", ["cus"])],
    )
    for n in range(15):
        make_visit(
            index,
            f"W {n}",
            D(2022, 1, 1) + datetime.timedelta(days=n),
            listing_image=image,
            stops=[
                visit_stop("A", "Kalisz", "wielkopolskie", ["cus"]),
                visit_stop("B", "Koło", "wielkopolskie", ["ops"]),
            ],
        )
    one = archive_queries(client, index.url + "?rok=2019&wojewodztwo=wielkopolskie&rodzaj=cus")
    twelve = archive_queries(client, index.url + "?rok=2022&wojewodztwo=wielkopolskie&rodzaj=cus")
    assert one == twelve == ARCHIVE_QUERIES_COLD


# A filtered archive with empty caches: the shell, Wagtail's routing, the choices of all visits and of
# the filter set (one query each), the count, the cards with renditions and stops.
ARCHIVE_QUERIES_COLD = 22


def test_archive_answers_again_with_wagtails_routing_only(client, index):
    from tests.test_news_queries import ROUTING_QUERIES

    make_visit(index, "Sama", D(2019, 1, 1), stops=[visit_stop("A", "Konin", "wielkopolskie")])
    url = index.url + "?rok=2019&wojewodztwo=wielkopolskie"
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert "Sama" in client.get(url).content.decode()
    assert len(queries) == ROUTING_QUERIES  # choices, count, cards: all from the shared cache


def test_calendar_feed_has_upcoming_and_recent_only(client, index):
    today = timezone.localdate()
    make_visit(
        index,
        "Przyszła",
        today + datetime.timedelta(days=30),
        stops=[visit_stop("CUS", "Rawicz", "wielkopolskie")],
    )
    make_visit(index, "Niedawna", today - datetime.timedelta(days=100))
    make_visit(index, "Dawna", today - datetime.timedelta(days=400))
    make_visit(index, "Szkic", today + datetime.timedelta(days=5), publish=False)
    private = make_visit(index, "Prywatna", today + datetime.timedelta(days=6))
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    response = client.get("/wizyty-studyjne/kalendarz.ics")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    events = Calendar.from_ical(response.content).walk("VEVENT")
    assert [str(event["summary"]) for event in events] == ["Niedawna", "Przyszła"]
    assert str(events[1]["location"]) == "CUS, Rawicz"
    assert len({str(event["uid"]) for event in events}) == 2
    assert 'href="/wizyty-studyjne/kalendarz.ics"' in get(client, index)


def test_calendar_feed_without_archive_is_404(client, site_tree):
    assert client.get("/wizyty-studyjne/kalendarz.ics").status_code == 404


def test_home_page_shows_next_visits_and_latest_reports(client, index):
    today = timezone.localdate()
    for n in range(4):
        make_visit(index, f"Nadchodząca {n}", today + datetime.timedelta(days=10 - n))
    make_visit(index, "Relacja stara", today - datetime.timedelta(days=50))
    make_visit(index, "Relacja nowa", today - datetime.timedelta(days=5))
    html = client.get("/").content.decode()
    section = html[html.index("Najbliższe wizyty") :]
    upcoming = section[: section.index("</section>")]
    assert re.findall(r">(Nadchodząca \d)<", upcoming) == [
        "Nadchodząca 3",
        "Nadchodząca 2",
        "Nadchodząca 1",
    ]
    reports = html[html.index("Relacje z wizyt") :]
    assert reports.index("Relacja nowa") < reports.index("Relacja stara")
