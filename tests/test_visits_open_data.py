"""The archive as open data: dane.csv and dane.json (one row per stop, the page's filters), the
"Dane otwarte" page documenting them, and the DCAT-AP PL description for dane.gov.pl."""

import csv
import io
import json
import re

import pytest
import rdflib
from rdflib import namespace

from tests.conftest import content_per_module, copy_for_test
from tests.factories import make_visit, visit_stop
from tests.test_visits_archive import titles
from tests.test_visits_follow import SELECTIONS, build_archive_site

pytestmark = pytest.mark.django_db


module_archive = content_per_module(build_archive_site)


@pytest.fixture
def archive_site(db, module_archive):
    return copy_for_test(module_archive)


@pytest.fixture
def archive(archive_site):
    return archive_site.archive


def read_csv(client, query=""):
    response = client.get("/wizyty-studyjne/dane.csv" + query)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8"))))


def read_json(client, query=""):
    response = client.get("/wizyty-studyjne/dane.json" + query)
    assert response.status_code == 200
    return json.loads(response.content.decode("utf-8"))


def visit_titles(rows):
    return list(dict.fromkeys(row["wizyta_tytul"] for row in rows))


@pytest.mark.parametrize(("query", "expected"), SELECTIONS)
def test_csv_and_json_hold_the_visits_of_the_page(client, archive, query, expected):
    html = client.get("/wizyty-studyjne/" + query).content.decode()
    assert titles(html) == expected
    assert visit_titles(read_csv(client, query)) == expected
    assert visit_titles(read_json(client, query)) == expected
    links = re.findall(r'<a href="(/wizyty-studyjne/dane\.(?:csv|json)[^"]*)"', html)
    assert [link.replace("&amp;", "&") for link in links] == [
        f"/wizyty-studyjne/dane.csv{query}",
        f"/wizyty-studyjne/dane.json{query}",
    ]


def test_one_row_per_stop_with_teryt_kinds_and_website(client, archive):
    rows = read_csv(client, "?miejscowosc=rawicz")
    assert list(rows[0]) == [
        "wizyta_id",
        "wizyta_tytul",
        "wizyta_url",
        "data_od",
        "data_do",
        "punkt_nr",
        "instytucja",
        "punkt_url",
        "miejscowosc",
        "wojewodztwo",
        "wojewodztwo_teryt",
        "rodzaje_instytucji",
        "strona_www",
    ]
    assert [(r["punkt_nr"], r["instytucja"], r["rodzaje_instytucji"]) for r in rows] == [
        ("1", "CUS w Rawiczu", "CUS"),
        ("2", "Smak Bistro", "spółdzielnia socjalna"),
    ]
    first = rows[0]
    assert first["wizyta_url"] == "http://testserver/wizyty-studyjne/rawicz/"
    assert first["punkt_url"] == "http://testserver/wizyty-studyjne/rawicz/#cus-w-rawiczu"
    assert (first["data_od"], first["data_do"]) == ("2021-09-17", "2021-09-18")
    assert (first["wojewodztwo"], first["wojewodztwo_teryt"]) == ("wielkopolskie", "30")
    assert read_json(client, "?miejscowosc=lodz")[0]["wojewodztwo_teryt"] == "10"


def test_website_and_a_visit_without_stops(client, archive):
    stop = visit_stop("Kawiarnia", "Kalisz", "wielkopolskie", ["social_cooperative"])
    stop["value"]["website"] = "https://kawiarnia.example.org/"
    make_visit(archive, "Kalisz", stops=[stop])
    make_visit(archive, "Bez punktów")
    rows = {row["wizyta_tytul"]: row for row in read_json(client)}
    assert rows["Kalisz"]["strona_www"] == "https://kawiarnia.example.org/"
    assert rows["Bez punktów"]["punkt_nr"] is None and rows["Bez punktów"]["instytucja"] == ""


def test_data_never_shows_drafts_private_or_expired_visits(client, archive):
    for rows in (read_csv(client), read_json(client), read_csv(client, "?rodzaj=cus")):
        assert {row["wizyta_tytul"] for row in rows}.isdisjoint({"Szkic", "Prywatna", "Wygasła"})
        assert all(row["instytucja"] != "Ukryty CUS" for row in rows)


def test_unknown_filter_is_a_polish_400(client, archive):
    response = client.get("/wizyty-studyjne/dane.csv?rok=²")
    assert response.status_code == 400
    assert "Nie ma wizyt z roku „²”" in response.content.decode()


def test_open_data_page_documents_every_field(client, archive):
    from visits.open_data import FIELD_NAMES

    response = client.get("/wizyty-studyjne/dane-otwarte/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Dane otwarte: wizyty studyjne</h1>" in html
    documented = re.findall(r'<th scope="row"><code>([a-z_]+)</code></th>', html)
    assert documented == FIELD_NAMES == list(read_csv(client)[0])
    assert 'href="https://creativecommons.org/licenses/by/4.0/" rel="license"' in html
    assert 'href="http://testserver/wizyty-studyjne/dane.rdf"' in html
    assert '<link rel="canonical" href="http://testserver/wizyty-studyjne/dane-otwarte/">' in html
    archive_html = client.get("/wizyty-studyjne/").content.decode()
    assert 'href="/wizyty-studyjne/dane-otwarte/"' in archive_html


def dcat_graph(client):
    response = client.get("/wizyty-studyjne/dane.rdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/rdf+xml; charset=utf-8"
    return rdflib.Graph().parse(data=response.content, format="xml")


def test_dcat_description_parses_and_names_its_distributions(client, archive):
    from visits.models import VisitPage

    graph = dcat_graph(client)
    dataset = graph.value(predicate=namespace.RDF.type, object=namespace.DCAT.Dataset, any=False)
    assert str(dataset) == "http://testserver/wizyty-studyjne/dane-otwarte/"
    assert (None, namespace.DCAT.dataset, dataset) in graph
    distributions = {str(url) for url in graph.objects(dataset, namespace.DCAT.distribution)}
    assert distributions == {
        "http://testserver/wizyty-studyjne/dane.csv",
        "http://testserver/wizyty-studyjne/dane.json",
    }
    for url in distributions:
        node = rdflib.URIRef(url)
        assert (node, namespace.RDF.type, namespace.DCAT.Distribution) in graph
        assert graph.value(node, namespace.DCAT.downloadURL) == node
    assert (
        str(graph.value(dataset, namespace.DCTERMS.license))
        == "https://creativecommons.org/licenses/by/4.0/"
    )
    publisher = graph.value(dataset, namespace.DCTERMS.publisher)
    assert str(graph.value(publisher, namespace.FOAF.name)) == "Ośrodek Testowy"
    latest = max(p.last_published_at for p in VisitPage.objects.live().public())
    assert graph.value(dataset, namespace.DCTERMS.modified).toPython() == latest


def test_dcat_modified_follows_the_latest_publish_and_the_licence_setting(client, archive_site):
    archive, settings = archive_site.archive, archive_site.settings
    settings.open_data_licence = "https://creativecommons.org/publicdomain/zero/1.0/"
    settings.save()
    newest = make_visit(archive, "Najnowsza")
    graph = dcat_graph(client)
    dataset = graph.value(predicate=namespace.RDF.type, object=namespace.DCAT.Dataset, any=False)
    assert graph.value(dataset, namespace.DCTERMS.modified).toPython() == newest.last_published_at
    assert str(graph.value(dataset, namespace.DCTERMS.license)) == settings.open_data_licence
    page = client.get("/wizyty-studyjne/dane-otwarte/").content.decode()
    assert 'href="https://creativecommons.org/publicdomain/zero/1.0/" rel="license"' in page
