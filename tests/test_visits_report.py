"""The editors' visit reports: visits per voivodeship and year, stops per kind, as tables in
the admin and as CSV/XLSX downloads (Wagtail's report views), published visits only."""

import csv
import io

import pytest
from openpyxl import load_workbook

from tests.test_visits_follow import build_archive

pytestmark = pytest.mark.django_db

VOIVODESHIPS_URL = "/admin/raporty-wizyt/wizyty-wedlug-wojewodztw/"
KINDS_URL = "/admin/raporty-wizyt/miejsca-wedlug-rodzajow/"


@pytest.fixture
def archive(site_tree):
    return build_archive(site_tree.home)


def csv_rows(client, url):
    response = client.get(url + "?export=csv")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv"
    body = b"".join(response.streaming_content).decode()
    return list(csv.reader(io.StringIO(body)))


def test_visits_per_voivodeship_and_year(editor_client, archive):
    response = editor_client.get(VOIVODESHIPS_URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Wizyty według województw i lat" in html
    assert "Pobierz XLSX" in html or "Download XLSX" in html
    # The hidden visits (draft, private, expired) all have a CUS stop in Wielkopolska in 2021.
    assert csv_rows(editor_client, VOIVODESHIPS_URL) == [
        ["Rok", "Województwo", "Kod TERYT", "Liczba wizyt"],
        ["2023", "łódzkie", "10", "1"],
        ["2023", "pomorskie", "22", "1"],
        ["2021", "wielkopolskie", "30", "2"],
    ]


def test_stops_per_kind_and_year_as_xlsx(editor_client, archive):
    response = editor_client.get(KINDS_URL + "?export=xlsx")
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    assert [list(row) for row in sheet.iter_rows(values_only=True)] == [
        ["Rok", "Rodzaj instytucji", "Liczba miejsc", "Liczba wizyt"],
        [2023, "CIS", 2, 2],
        [2021, "CUS", 1, 1],
        [2021, "OPS/MGOPS/GOPS", 1, 1],
        [2021, "spółdzielnia socjalna", 1, 1],
    ]
    assert (
        "Odwiedzone miejsca według rodzajów instytucji"
        in editor_client.get(KINDS_URL).content.decode()
    )


def test_reports_are_in_the_reports_menu_and_closed_to_readers(client, editor_client, archive):
    sidebar = editor_client.get("/admin/").content.decode()
    assert VOIVODESHIPS_URL in sidebar and KINDS_URL in sidebar
    client.logout()
    assert client.get(VOIVODESHIPS_URL).status_code == 302
