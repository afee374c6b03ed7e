"""Synonyms and acronyms (search/synonyms.py): editors keep the list in the admin, an
abbreviation finds its full name in any form and the reverse, below the pages that hold the words
as typed; changing the list renews kept results. Runs on SQLite and PostgreSQL."""

import re

import pytest
from django.test import RequestFactory
from modelsearch.query import Or, PlainText

from search.matching import PrefixPhrase, _fts5, _tsquery, without_positions
from search.models import Synonym
from search.query import parse_query
from search.results import matching_pages
from search.scope import read_filters
from tests.factories import make_news_index, make_news_page, paragraph

pytestmark = pytest.mark.django_db


def titles(query):
    request = RequestFactory().get("/szukaj/")
    return [page.title for page in matching_pages(request, parse_query(query), read_filters({}))]


@pytest.fixture
def welfare(site_tree):
    """Articles naming a welfare centre by its acronym, by its full name in other cases, and
    two with the same words apart (one with each two neighbours side by side, not all three)."""
    index = make_news_index(site_tree.home)

    def article(title, text):
        return make_news_page(index, title, lead="", body=[paragraph(text)])

    article("Nowa siedziba MOPS", "Miejski ośrodek przeniósł się na ulicę Polną.")
    article("Szkolenie w Ośrodku Pomocy Społecznej", "Pracownicy ośrodków uczyli się razem.")
    article("Rada gminy", "Ośrodek kultury zbiera datki, a rada mówi o pomocy społecznej.")
    article("Dzień otwarty", "W powiatowym centrum pomocy rodzinie w Lesznie i w GOPS.")
    article("Centrum usług", "Gmina otworzyła CUS.")
    article("Dwie pomoce", "W ośrodku pomocy dla bezdomnych mówiono o pomocy społecznej.")
    return index


def test_the_common_synonyms_are_seeded():
    seeded = {synonym.full_name: synonym.abbreviation_list() for synonym in Synonym.objects.all()}
    assert seeded["ośrodek pomocy społecznej"] == ["MOPS", "GOPS", "MGOPS", "MOPR"]
    assert seeded["powiatowe centrum pomocy rodzinie"] == ["PCPR"]
    assert seeded["środowiskowy dom samopomocy"] == ["ŚDS"]
    assert seeded["organizacja pozarządowa"] == ["NGO"]
    expected = {"CUS", "DPS", "WTZ", "ZAZ", "KIS", "CIS", "LGD", "PES", "OWES"}
    assert expected <= {a for abbreviations in seeded.values() for a in abbreviations}


def test_an_acronym_finds_the_full_name_in_any_form_below_the_acronym_itself(welfare):
    found = titles("MOPS")
    # GOPS ("Dzień otwarty") is another acronym of the name, not the name: not found
    assert found == ["Nowa siedziba MOPS", "Szkolenie w Ośrodku Pomocy Społecznej"]
    assert "Rada gminy" not in titles("MGOPS")  # the words of the name, but not side by side
    assert "Dwie pomoce" not in titles("MOPR")  # "ośrodku pomocy" and "pomocy społecznej" apart


def test_the_full_name_in_any_form_finds_the_acronyms(welfare):
    found = titles("ośrodki pomocy społecznej")
    assert found[0] == "Szkolenie w Ośrodku Pomocy Społecznej"
    assert {"Nowa siedziba MOPS", "Dzień otwarty"} <= set(found)
    assert titles("osrodek pomocy spolecznej")[0] == "Szkolenie w Ośrodku Pomocy Społecznej"


def test_each_acronym_of_a_name_finds_the_name_not_the_other_acronyms(welfare):
    assert titles("GOPS") == ["Dzień otwarty", "Szkolenie w Ośrodku Pomocy Społecznej"]
    assert titles("PCPR") == ["Dzień otwarty"]
    assert titles("pcpr Lesznie") == ["Dzień otwarty"]
    assert titles("centrum usług społecznych") == ["Centrum usług"]


def marked(client, query):
    html = client.get("/szukaj/", {"q": query}).content.decode()
    return re.findall(r"<mark>([^<]*)</mark>", html)


def test_snippets_mark_what_a_synonym_found(site_tree, client):
    index = make_news_index(site_tree.home)
    make_news_page(
        index,
        "Szkolenie",
        lead="",
        body=[
            paragraph("Ośrodek kultury gościł pracowników Miejskiego Ośrodka Pomocy Społecznej.")
        ],
    )
    make_news_page(index, "Dyżur", lead="", body=[paragraph("Dyżur w MOPS i GOPS we wtorki.")])
    # the name in any form, its words side by side, for the acronym; not "Ośrodek kultury"
    assert marked(client, "MOPS") == ["MOPS", "Ośrodka", "Pomocy", "Społecznej"]
    # the acronyms for the name (GOPS is one of them too); the typed words in any form as ever
    found = marked(client, "ośrodki pomocy społecznej")
    assert found == ["Ośrodek", "Ośrodka", "Pomocy", "Społecznej", "MOPS", "GOPS"]


def test_editors_change_the_list_and_kept_results_follow(welfare, client):
    def found(query):
        html = client.get("/szukaj/", {"q": query}).content.decode()
        match = re.search(r"Znaleziono (\d+) wynik", html)
        return int(match.group(1)) if match else 0

    assert found("OPS") == 0
    synonym = Synonym.objects.create(abbreviations="OPS", full_name="ośrodek pomocy społecznej")
    assert found("OPS") == 1
    synonym.delete()
    assert found("OPS") == 0


def test_the_synonyms_are_managed_in_the_admin_in_polish(editor_client):
    listing = editor_client.get("/admin/snippets/search/synonym/")
    assert listing.status_code == 200
    html = listing.content.decode()
    assert "synonimy w wyszukiwarce" in html.lower()
    assert "ośrodek pomocy społecznej" in html
    response = editor_client.post(
        "/admin/snippets/search/synonym/add/",
        {"abbreviations": "ROPS", "full_name": "regionalny ośrodek polityki społecznej"},
    )
    assert response.status_code == 302
    assert Synonym.objects.filter(abbreviations="ROPS").exists()


@pytest.mark.parametrize(
    ("abbreviations", "full_name", "message"),
    [
        ("", "bank żywności", "Podaj co najmniej jeden skrót."),
        ("BŻ, bank żywności", "bank żywności", "Każdy skrót musi być jednym słowem"),
        ("BŻ", "  ", "Podaj pełną nazwę."),
    ],
)
def test_a_bad_synonym_gets_a_polish_message(editor_client, abbreviations, full_name, message):
    response = editor_client.post(
        "/admin/snippets/search/synonym/add/",
        {"abbreviations": abbreviations, "full_name": full_name},
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Synonym.objects.filter(abbreviations=abbreviations, full_name=full_name).exists()


def test_a_name_compiles_to_a_phrase_of_prefixes_narrowed_by_its_name_keys():
    """The keys of each two neighbours (`documents.name_keys`) on both databases; a name with a
    word too short for those keys is the phrase alone."""
    name = PrefixPhrase(["osrod", "pomoc", "spoleczn"])
    assert _tsquery(name, prefix=False) == (
        "('n0osr0pom' & 'n0pom0spo' & ('osrod':* <-> 'pomoc':* <-> 'spoleczn':*))"
    )
    assert _fts5(name, prefix=False) == (
        '("n0osr0pom" AND "n0pom0spo" AND ("osrod"* + "pomoc"* + "spoleczn"*))'
    )
    short = PrefixPhrase(["ds", "senior"])
    assert _tsquery(short, prefix=False) == "('ds':* <-> 'senior':*)"
    assert _fts5(short, prefix=False) == '("ds"* + "senior"*)'
    with pytest.raises(ValueError):
        _tsquery(PrefixPhrase(["a'b"]), prefix=False)


def test_a_names_lookups_read_its_keys_not_its_prefixes():
    """What narrows the ranking's lookups (`matching.without_positions`): a name as its keys,
    which every page holding the name holds; a name too short for keys as its prefixes."""
    name = PrefixPhrase(["osrod", "pomoc", "spoleczn"])
    assert _tsquery(without_positions(Or([PlainText("mops"), name])), prefix=False) == (
        "('mops' | ('n0osr0pom' & 'n0pom0spo'))"
    )
    short = without_positions(PrefixPhrase(["ds", "senior"]))
    assert _tsquery(short, prefix=False) == "(('ds':*) & ('senior':*))"
