"""An editor builds the legacy two-day visit through the page editor; readers then find it."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from tests.factories import make_image, make_news_index, make_user, make_visit_index
from visits.models import VisitPage

pytestmark = pytest.mark.django_db

LEGACY = Path(settings.BASE_DIR).parent / "shared" / "legacy" / "000_554fd5b27eb05eb6.txt"


def legacy_lines():
    if not LEGACY.exists():
        pytest.skip(f"legacy article not found at {LEGACY}")
    return [line.strip("\xa0 ") for line in LEGACY.read_text(encoding="utf-8").splitlines()]


def list_block(items):
    """Form data of a ListBlock, like streamfield() does for a StreamField."""
    data = {
        str(index): {"value": value, "deleted": "", "order": str(index), "id": ""}
        for index, value in enumerate(items)
    }
    data["count"] = str(len(items))
    return data


def stop(heading, town, description, people=(), photos=()):
    return (
        "stop",
        {
            "heading": heading,
            "town": town,
            "voivodeship": "wielkopolskie",
            "description": rich_text(f"<p>{description}</p>"),
            "people": list_block([{"name": name, "role": role} for name, role in people]),
            "website": "",
            "photos": list_block(
                [
                    {"image": {"image": str(image.pk), "alt_text": alt}, "caption": caption}
                    for image, alt, caption in photos
                ]
            ),
        },
    )


def visit_form_data(lines, photos, **extra):
    title = lines[4]
    data = nested_form_data(
        {
            "title": title,
            "slug": "",
            "lead": lines[6][:600],
            "start_date": "2021-09-16",
            "end_date": "2021-09-17",
            "organiser": "Regionalny Ośrodek Polityki Społecznej",
            "participants": lines[11],
            "listing_image": "",
            "publication_date": "2021-09-19",
            "seo_title": "",
            "search_description": "",
            "comments": inline_formset([]),
            "body": streamfield(
                [
                    ("paragraph", rich_text(f"<p>{lines[6]}</p>")),
                    stop(
                        "Centrum Usług Społecznych i Spółdzielnia Socjalna „Smak Bistro”",
                        "Rawicz",
                        " ".join(lines[19:21]),
                        people=[
                            ("Władysława Czajkowska", "dyrektorka CUS w Rawiczu"),
                            ("Marta Mikołajczak", "prezeska Spółdzielni Socjalnej „Smak Bistro”"),
                        ],
                        photos=[(photos[0], "Uczestnicy wizyty w CUS", "Spotkanie w CUS")],
                    ),
                    stop(
                        "Miejsko-Gminny Ośrodek Pomocy Społecznej w Jarocinie",
                        "Jarocin",
                        lines[30],
                        photos=[(photos[1], "Prezentacja projektu", "")],
                    ),
                    stop(
                        "Kawiarnia „Filmowa” Spółdzielni Socjalnej „Zmysły”",
                        "Jarocin",
                        lines[34],
                        photos=[
                            (photos[2], "Wnętrze kawiarni", "Filmowa kawiarnia"),
                            (photos[3], "Uczestnicy przy stolikach", ""),
                        ],
                    ),
                ]
            ),
        }
    )
    # Multiple choices are posted as repeated keys, which nested_form_data cannot express.
    data["body-1-value-kinds"] = ["cus", "social_cooperative"]
    data["body-2-value-kinds"] = ["ops"]
    data["body-3-value-kinds"] = ["social_cooperative"]
    data.update(extra)
    return data


@pytest.fixture
def editor_client(client, site_tree):
    client.force_login(make_user("admin", groups=(), superuser=True))
    return client


def test_editor_builds_the_legacy_visit_and_readers_find_it(editor_client, site_tree):
    lines = legacy_lines()
    news = make_news_index(site_tree.home)
    index = make_visit_index(site_tree.home)
    photos = [make_image(f"Zdjęcie {n}") for n in range(4)]
    url = f"/admin/pages/add/visits/visitpage/{index.pk}/"
    assert editor_client.get(url).status_code == 200
    response = editor_client.post(url, visit_form_data(lines, photos, **{"action-publish": "1"}))
    assert response.status_code == 302, re.findall(
        r'class="error-message">\s*(.*?)<', response.content.decode(), re.S
    )

    visit = VisitPage.objects.get()
    assert visit.live
    assert visit.slug.isascii() and visit.slug.startswith("dwudniowa-wizyta-studyjna")
    assert visit.card_image == photos[0]
    assert visit.regions == ["wielkopolskie"], "derived from the stops, not typed"

    page = editor_client.get(visit.url).content.decode()
    assert "16–17 września 2021" in page
    assert page.count('class="visit-stop__heading"') == 3
    assert (
        'Rodzaj: <abbr title="centrum usług społecznych">CUS</abbr>, spółdzielnia socjalna.' in page
    )
    assert "Władysława Czajkowska — dyrektorka CUS w Rawiczu" in page

    found = editor_client.get(
        index.url + "?rok=2021&wojewodztwo=wielkopolskie&miejscowosc=Rawicz&rodzaj=cus"
    ).content.decode()
    assert "Znaleziono 1 wizytę" in found
    assert visit.title in found
    listing = editor_client.get(news.url).content.decode()
    assert visit.title in listing
    assert "Wizyta studyjna</span>" in listing and "16–17 września 2021" in listing


def test_end_date_before_start_shows_polish_error_in_editor(editor_client, site_tree):
    lines = legacy_lines()
    index = make_visit_index(site_tree.home)
    photos = [make_image(f"Zdjęcie {n}") for n in range(4)]
    data = visit_form_data(lines, photos, end_date="2021-09-15", **{"action-publish": "1"})
    response = editor_client.post(f"/admin/pages/add/visits/visitpage/{index.pk}/", data)
    assert response.status_code == 200
    assert (
        "Ostatni dzień wizyty nie może być wcześniejszy niż pierwszy dzień."
        in response.content.decode()
    )
    assert not VisitPage.objects.exists()


def test_editor_shows_stop_block_with_polish_label_and_summary(editor_client, site_tree):
    index = make_visit_index(site_tree.home)
    html = editor_client.get(f"/admin/pages/add/visits/visitpage/{index.pk}/").content.decode()
    assert "Punkt wizyty" in html
    assert "&quot;labelFormat&quot;: &quot;{town} \\u2014 {kinds}: {heading}&quot;" in html
    assert "Wojew\\u00f3dztwo" in html  # the stop's own field, in the block definitions


def test_the_editor_is_not_asked_for_voivodeships_the_stops_already_give(editor_client, site_tree):
    index = make_visit_index(site_tree.home)
    html = editor_client.get(f"/admin/pages/add/visits/visitpage/{index.pk}/").content.decode()
    assert 'name="regions"' not in html
    assert 'name="start_date"' in html
