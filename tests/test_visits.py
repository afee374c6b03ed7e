"""A visit page as a reader meets it: dates, table of contents, stops, iCal and JSON-LD."""

import datetime
import json
import re

import pytest
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from icalendar import Calendar

from tests.factories import add_page, make_image, make_visit, make_visit_index, visit_stop
from visits.dates import format_visit_dates
from visits.models import VisitPage, VisitStop
from visits.stop_index import stop_anchors, town_key

pytestmark = pytest.mark.django_db

D = datetime.date


@pytest.fixture
def index(site_tree):
    return make_visit_index(site_tree.home)


def rawicz_jarocin_stops(photos=()):
    return [
        visit_stop(
            "Centrum Usług Społecznych w Rawiczu",
            "Rawicz",
            "wielkopolskie",
            ["cus", "social_cooperative"],
            people=[("Anna Nowak", "dyrektorka CUS"), ("Jan Kowal", "zastępca burmistrza")],
            photos=photos,
        ),
        visit_stop("Ośrodek Pomocy Społecznej", "Jarocin", "wielkopolskie", ["ops"]),
        visit_stop("Ośrodek Pomocy Społecznej", "Jarocin", "wielkopolskie", ["ops"]),
    ]


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (D(2021, 9, 17), D(2021, 9, 18), "17–18 września 2021"),
        (D(2021, 9, 30), D(2021, 10, 2), "30 września – 2 października 2021"),
        (D(2021, 12, 30), D(2022, 1, 2), "30 grudnia 2021 – 2 stycznia 2022"),
        (D(2021, 9, 17), D(2021, 9, 17), "17 września 2021"),
        (D(2021, 9, 17), None, "17 września 2021"),
        (D(2024, 3, 1), D(2024, 3, 3), "1–3 marca 2024"),
        (D(2025, 5, 31), D(2025, 6, 1), "31 maja – 1 czerwca 2025"),
    ],
)
def test_visit_dates_in_polish(start, end, expected):
    assert format_visit_dates(start, end) == expected


def test_end_before_start_is_rejected_with_polish_message_on_end_date():
    page = VisitPage(title="Wizyta", start_date=D(2021, 9, 18), end_date=D(2021, 9, 17))
    with pytest.raises(ValidationError) as error:
        page.clean()
    assert error.value.message_dict["end_date"] == [
        "Ostatni dzień wizyty nie może być wcześniejszy niż pierwszy dzień."
    ]
    VisitPage(title="Wizyta", start_date=D(2021, 9, 17), end_date=D(2021, 9, 17)).clean()


def test_anchors_are_ascii_and_unique():
    assert stop_anchors(["Łódź — CIS", "Łódź — CIS", "", "Łódź — CIS"]) == [
        "lodz-cis",
        "lodz-cis-2",
        "punkt-3",
        "lodz-cis-3",
    ]
    assert town_key("  ŁÓDŹ ") == town_key("lodz") == "lodz"


def test_page_shows_dates_regions_and_ics_link(client, index):
    visit = make_visit(
        index, "Wizyta w Rawiczu", D(2021, 9, 17), D(2021, 9, 18), stops=rawicz_jarocin_stops()
    )
    html = client.get(visit.url).content.decode()
    assert "17–18 września 2021" in html
    assert "<dt>Województwo</dt>\n            <dd>wielkopolskie</dd>" in html
    assert f'<a href="{visit.url}ics/" download>Pobierz do kalendarza (.ics)</a>' in html


def test_table_of_contents_links_match_unique_stop_heading_ids(client, index):
    visit = make_visit(index, "Wizyta", stops=rawicz_jarocin_stops())
    html = client.get(visit.url).content.decode()
    nav = re.search(
        r'<nav class="visit-toc" aria-label="Spis punktów wizyty">(.*?)</nav>', html, re.S
    )
    links = re.findall(r'href="#([^"]+)"', nav.group(1))
    heading_ids = re.findall(r'<h2 class="visit-stop__heading" id="([^"]+)"', html)
    assert (
        links
        == heading_ids
        == [
            "centrum-uslug-spolecznych-w-rawiczu",
            "osrodek-pomocy-spolecznej",
            "osrodek-pomocy-spolecznej-2",
        ]
    )
    assert len(set(re.findall(r'\sid="([^"]+)"', html))) == len(re.findall(r'\sid="', html))


def test_stop_reads_in_order_town_voivodeship_kinds_people_website_photos(client, index):
    photo = make_image("Spotkanie w CUS")
    stop = visit_stop(
        "Centrum Usług Społecznych w Rawiczu",
        "Rawicz",
        "wielkopolskie",
        ["cus", "social_cooperative"],
        people=[("Anna Nowak", "dyrektorka CUS")],
        photos=[photo],
    )
    stop["value"]["website"] = "https://cus.example.org/"
    visit = make_visit(index, "Wizyta", stops=[stop])
    html = client.get(visit.url).content.decode()
    section = html[html.index('<section class="visit-stop"') :]
    text = re.sub(r"<[^>]+>", " ", section)
    text = " ".join(text.split())
    assert "Miejscowość: Rawicz, województwo wielkopolskie. Rodzaj: CUS" in text
    # The acronym carries its full name; a kind that is a plain word does not.
    assert (
        'Rodzaj: <abbr title="centrum usług społecznych">CUS</abbr>, spółdzielnia socjalna.'
        in section
    )
    order = [
        section.index("Miejscowość: Rawicz"),
        section.index("Spotkanie: Centrum"),
        section.index("Anna Nowak — dyrektorka CUS"),
        section.index('href="https://cus.example.org/"'),
        section.index('class="gallery"'),
    ]
    assert order == sorted(order)
    assert 'alt="Spotkanie w CUS"' in section


def test_stop_index_rebuilt_on_publish_and_drafts_not_exposed(client, index):
    visit = make_visit(index, "Wizyta", stops=rawicz_jarocin_stops())
    assert list(VisitStop.objects.filter(page=visit).values_list("town", flat=True)) == [
        "Rawicz",
        "Jarocin",
        "Jarocin",
    ]
    draft = VisitPage.objects.get(pk=visit.pk)
    draft.body = [visit_stop("Centrum w Łodzi", "Łódź", "lodzkie", ["cis"])]
    draft.save_revision()
    assert "Łódź" not in VisitStop.objects.values_list("town", flat=True)
    assert "lodz" not in client.get(index.url).content.decode()
    draft.get_latest_revision().publish()
    assert list(VisitStop.objects.filter(page=visit).values_list("town", "voivodeship")) == [
        ("Łódź", "lodzkie")
    ]
    assert list(VisitStop.objects.get(page=visit).kinds.values_list("kind", flat=True)) == ["cis"]


def test_card_image_falls_back_to_first_stop_photo(index):
    photo = make_image("Zdjęcie z punktu")
    visit = make_visit(index, "Wizyta", stops=rawicz_jarocin_stops(photos=[photo]))
    assert visit.card_image == photo


def parse_ics(response):
    assert response["Content-Type"].startswith("text/calendar")
    return Calendar.from_ical(response.content)


def test_ics_is_an_all_day_event_with_exclusive_end_location_and_stable_uid(client, index):
    visit = make_visit(
        index, "Wizyta w Rawiczu", D(2021, 9, 17), D(2021, 9, 18), stops=rawicz_jarocin_stops()
    )
    first = client.get(visit.url + "ics/")
    assert first["Content-Disposition"] == 'attachment; filename="wizyta-w-rawiczu.ics"'
    events = parse_ics(first).walk("VEVENT")
    assert len(events) == 1
    event = events[0]
    assert event.decoded("dtstart") == D(2021, 9, 17)
    assert event.decoded("dtend") == D(2021, 9, 19)
    assert not isinstance(event.decoded("dtstart"), datetime.datetime)
    assert str(event["summary"]) == "Wizyta w Rawiczu"
    assert str(event["location"]).startswith("Centrum Usług Społecznych w Rawiczu, Rawicz; ")
    assert "Wizyta w Rawiczu — lead." in str(event["description"])
    assert str(event["url"]) == "http://testserver/wizyty-studyjne/wizyta-w-rawiczu/"
    second = parse_ics(client.get(visit.url + "ics/")).walk("VEVENT")[0]
    assert str(event["uid"]) == str(second["uid"]) == f"visit-{visit.pk}@testserver"
    assert event.decoded("dtstamp") == second.decoded("dtstamp")


def test_one_day_visit_ics_ends_next_day(client, index):
    visit = make_visit(index, "Jeden dzień", D(2023, 3, 14), D(2023, 3, 14))
    event = parse_ics(client.get(visit.url + "ics/")).walk("VEVENT")[0]
    assert (event.decoded("dtstart"), event.decoded("dtend")) == (D(2023, 3, 14), D(2023, 3, 15))


def json_ld(html):
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return [json.loads(block) for block in blocks]


def test_json_ld_is_an_event_with_places_organiser_and_image(client, index):
    photo = make_image("Zdjęcie z punktu")
    visit = make_visit(
        index,
        "Wizyta </script><b>",
        D(2021, 9, 17),
        D(2021, 9, 18),
        stops=rawicz_jarocin_stops(photos=[photo]),
    )
    html = client.get(visit.url).content.decode()
    assert "</script><b>" not in html.split("<body")[0]
    (event,) = [data for data in json_ld(html) if data.get("@type") == "Event"]
    assert event["name"] == "Wizyta </script><b>"
    assert (event["startDate"], event["endDate"]) == ("2021-09-17", "2021-09-18")
    assert event["eventStatus"] == "https://schema.org/EventScheduled"
    assert event["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert event["organizer"] == {
        "@type": "Organization",
        "name": "Ośrodek Testowy",
        "url": "http://testserver/",
    }
    assert event["description"] == "Wizyta </script><b> — lead."
    assert event["image"][0].startswith("http://testserver/")
    places = event["location"]
    assert [place["address"]["addressLocality"] for place in places] == [
        "Rawicz",
        "Jarocin",
        "Jarocin",
    ]
    assert places[0]["@type"] == "Place"
    assert places[0]["name"] == "Centrum Usług Społecznych w Rawiczu"
    assert places[0]["address"]["@type"] == "PostalAddress"
    assert places[0]["address"]["addressRegion"] == "wielkopolskie"


def many_stops(count, image):
    return [
        visit_stop(
            f"Miejsce {n}",
            f"Miasto {n}",
            "lubuskie",
            ["cis", "kis"],
            [("Ktoś", "rola")],
            [image, image],
        )
        for n in range(count)
    ]


def page_queries(client, url):
    """Queries of a render with empty fragment caches (the N+1 guard), renditions made."""
    client.get(url)  # creates renditions once
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_visit_page_query_count_does_not_grow_with_stops_and_photos(client, index):
    one = make_visit(index, "Jeden punkt", stops=many_stops(1, make_image("A")))
    images = [make_image(f"Zdjęcie {n}") for n in range(3)]
    eight = make_visit(
        index,
        "Osiem punktów",
        stops=[
            visit_stop(
                f"Miejsce {n}", f"Miasto {n}", "lubuskie", ["cis"], [("Ktoś", "rola")], images
            )
            for n in range(8)
        ],
    )
    assert page_queries(client, one.url) == page_queries(client, eight.url)


def test_visit_only_under_the_index_and_one_index(index, site_tree):
    assert VisitPage.parent_page_types == ["visits.VisitIndexPage"]
    from visits.models import VisitIndexPage

    assert not VisitIndexPage.can_create_at(site_tree.home)
    assert VisitIndexPage.parent_page_types == ["home.HomePage"]


def test_draft_visit_is_not_served(client, index):
    visit = make_visit(index, "Szkic", publish=False)
    assert client.get(f"/wizyty-studyjne/{visit.slug}/").status_code == 404
    assert client.get(f"/wizyty-studyjne/{visit.slug}/ics/").status_code == 404


def test_unknown_subpath_is_404(client, index):
    visit = make_visit(index, "Wizyta")
    assert client.get(visit.url + "cokolwiek/").status_code == 404


def test_add_page_helper_publishes(index):
    assert add_page  # the factory used throughout


def test_every_acronym_among_the_kinds_has_its_full_name():
    from visits.choices import INSTITUTION_KINDS, KIND_FULL_NAMES

    acronyms = [code for code, label in INSTITUTION_KINDS if str(label).split("/")[0].isupper()]
    assert "sds" in acronyms and "wtz" in acronyms
    assert [code for code in acronyms if code not in KIND_FULL_NAMES] == []


def test_a_visits_voivodeships_are_derived_from_its_stops_in_visit_order(index):
    stops = [
        visit_stop("CIS we Wrocławiu", "Wrocław", "dolnoslaskie"),
        visit_stop("CUS Rawicz", "Rawicz", "wielkopolskie"),
        visit_stop("ZAZ w Legnicy", "Legnica", "dolnoslaskie"),
        visit_stop("Spotkanie online", "", ""),
    ]
    visit = make_visit(index, "Wizyta", stops=stops, regions=["lodzkie"])
    assert VisitPage.objects.get(pk=visit.pk).regions == ["dolnoslaskie", "wielkopolskie"]
    revision = visit.save_revision()
    assert revision.as_object().regions == ["dolnoslaskie", "wielkopolskie"]


def test_a_visit_whose_stops_name_no_voivodeship_keeps_its_own(index):
    visit = make_visit(index, "Zapowiedź wizyty", stops=[], regions=["lubuskie"])
    assert VisitPage.objects.get(pk=visit.pk).regions == ["lubuskie"]


def test_the_migration_derives_existing_visits_regions_from_their_indexed_stops(index):
    import importlib

    from django.apps import apps

    migration = importlib.import_module("visits.migrations.0005_regions_from_stops")
    visit = make_visit(index, "Wizyta", stops=rawicz_jarocin_stops())
    VisitPage.objects.filter(pk=visit.pk).update(regions=["lodzkie", "wielkopolskie"])
    migration.regions_from_stops(apps, None)
    assert VisitPage.objects.get(pk=visit.pk).regions == ["wielkopolskie"]
