"""Search that understands Polish: the query table, never-leaks, bad input, the page's content.

The same table runs on SQLite and PostgreSQL (DATABASE_URL=postgres://… pytest tests/test_search*.py).
"""

import re

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from search.query import build_search_query, clean_query, parse_query
from search.results import matching_pages
from search.scope import read_filters
from tests.conftest import content_per_module, copy_for_test
from tests.factories import build_site_tree
from tests.search_corpus import build_corpus

pytestmark = pytest.mark.django_db

ALL = {
    "o_nas", "visit_rawicz", "visit_lodz", "news_cafe", "news_wtz", "news_training",
    "news_summary", "news_kat", "news_executioner", "contact",
}  # fmt: skip

# (query, pages that must be found, pages that must not be found; "*" = every other page)
TABLE = [
    ("Rawicz", {"visit_rawicz"}, "*"),
    ("rawicz", {"visit_rawicz"}, "*"),
    ("RAWICZ", {"visit_rawicz"}, "*"),
    ("w Rawiczu", {"visit_rawicz"}, "*"),
    ("Jarocin", {"visit_rawicz", "news_cafe"}, "*"),
    ("jarocinie", {"visit_rawicz", "news_cafe"}, "*"),
    ("spoldzielnia socjalna", {"visit_rawicz", "news_cafe"}, {"news_wtz", "news_training"}),
    ("Spółdzielnia Socjalna", {"visit_rawicz", "news_cafe"}, {"news_wtz", "news_training"}),
    ("spółdzielni", {"visit_rawicz", "news_cafe", "news_summary"}, {"news_wtz"}),
    ("wizyty studyjne 2021", {"visit_rawicz", "news_summary"}, {"visit_lodz", "news_cafe"}),
    ("osrodek pomocy", {"visit_rawicz", "news_training"}, {"news_wtz", "news_cafe"}),
    ("ośrodek pomocy społecznej", {"visit_rawicz", "news_training"}, {"news_wtz"}),
    ("smak bistro", {"visit_rawicz"}, "*"),
    ("kawiarnia filmowa", {"visit_rawicz", "news_cafe"}, {"news_wtz"}),
    ("Łódź", {"visit_lodz", "visit_rawicz"}, {"news_cafe"}),
    ("lodz", {"visit_lodz", "visit_rawicz"}, {"news_cafe"}),
    ("Lodzi", {"visit_lodz", "visit_rawicz"}, {"news_cafe"}),
    ("zaklad aktywnosci zawodowej", {"visit_lodz"}, "*"),
    ("ZAZ", {"visit_lodz"}, "*"),
    ("WTZ", {"news_wtz"}, "*"),
    ("warsztat terapii", {"news_wtz"}, "*"),
    ("centrum uslug spolecznych", {"visit_rawicz", "news_training"}, {"news_wtz"}),
    ("CUS", {"visit_rawicz"}, {"news_wtz", "news_cafe"}),
    ("MGOPS", {"visit_rawicz", "news_training"}, {"news_cafe"}),
    ("Anna Nowak", {"visit_rawicz"}, "*"),
    ("dyrektorka", {"visit_rawicz"}, "*"),
    ("kierowniczka", {"visit_lodz"}, "*"),
    ("wielkopolskie", {"visit_rawicz"}, {"visit_lodz"}),
    ("łódzkie", {"visit_lodz"}, {"visit_rawicz"}),
    ('"Smak Bistro"', {"visit_rawicz"}, "*"),
    ('"spółdzielnia socjalna"', {"visit_rawicz"}, {"news_cafe"}),
    ('"kawiarnia filmowa"', {"visit_rawicz", "news_cafe"}, {"news_wtz"}),
    ('"bistro smak"', set(), "*"),
    ("„Smak Bistro” Rawicz", {"visit_rawicz"}, "*"),
    ("kąt", {"news_kat"}, {"news_executioner"}),
    ("kat", {"news_kat", "news_executioner"}, {"news_wtz"}),
    ("Poznań", {"news_training", "contact"}, {"news_wtz"}),
    ("poznan", {"news_training", "contact"}, {"news_wtz"}),
    ("ceramika", {"news_wtz"}, "*"),
    ("glina", {"news_wtz"}, "*"),
    ("naczynie", {"news_wtz"}, "*"),
    ("Kalisz", {"news_wtz"}, "*"),
    ("szkolenia", {"news_training"}, "*"),
    ("urodziny", {"news_cafe"}, "*"),
    ("pomagamy", {"o_nas"}, "*"),
    ("seniorzy", {"news_kat"}, "*"),
    ("biblioteka", {"news_kat"}, "*"),
    ("2022", {"news_cafe", "visit_lodz"}, {"visit_rawicz", "news_wtz"}),
    ("Rawicz Łódź", {"visit_rawicz"}, {"visit_lodz"}),
    ("Rawicz ceramika", set(), "*"),
    ("xyzzy", set(), "*"),
    ("Rawicz AND Jarocin", {"visit_rawicz"}, "*"),
    ("Rawicz OR Kalisz", set(), "*"),
    ("-Rawicz", {"visit_rawicz"}, "*"),
    ("Rawicz*", {"visit_rawicz"}, "*"),
    ("title:Rawicz", set(), "*"),
]


module_corpus = content_per_module(lambda: build_corpus(build_site_tree()))


@pytest.fixture
def corpus(db, module_corpus):
    return copy_for_test(module_corpus)


def search_titles(query, **params):
    request = RequestFactory().get("/szukaj/")
    pages = matching_pages(request, parse_query(query), read_filters(params))
    return [page.title for page in pages]


def test_query_table(corpus):
    """Every row on this database; failures listed together."""
    assert len(TABLE) >= 40
    titles = {name: page.title for name, page in corpus.pages.items()}
    failures = []
    for query, present, absent in TABLE:
        found = set(search_titles(query))
        absent = ALL - present if absent == "*" else absent
        missing = {name for name in present if titles[name] not in found}
        extra = {name for name in absent if titles[name] in found}
        if missing or extra:
            failures.append(f"{query!r}: missing {sorted(missing)}, unexpected {sorted(extra)}")
    assert not failures, "\n".join(failures)


def test_never_leaks(corpus, client):
    """Draft, unpublished, scheduled, expired, password- and login-restricted pages stay hidden."""
    assert search_titles("tajemnica") == []
    assert not any("Tajemnica" in title for title in search_titles("Rawicz"))
    for params in ({"q": "tajemnica"}, {"q": "Rawicz"}, {"typ": "news"}, {"typ": "page"}):
        html = client.get("/szukaj/", params).content.decode()
        assert "Tajemnica" not in html and "Strefa członków" not in html
        assert "chroniona" not in html and "Protokół" not in html
    suggestions = client.get("/szukaj/podpowiedzi/", {"q": "taj"}).json()
    assert suggestions["results"] == []
    assert client.get("/szukaj/podpowiedzi/", {"q": "strefa"}).json()["results"] == []
    html = client.get("/szukaj/", {"q": "Rawicz"}).content.decode()
    assert "Znaleziono 1 wynik " in html


def test_publish_and_unpublish_update_the_index(corpus):
    from tests.factories import make_news_page

    page = make_news_page(corpus.news, "Nowość z Gostynia", publish=False)
    assert search_titles("Gostyń") == []
    page.save_revision().publish()
    assert search_titles("Gostyń") == ["Nowość z Gostynia"]
    page.refresh_from_db()
    page.unpublish()
    assert search_titles("Gostyń") == []


BAD_INPUT = [
    "",
    "   ",
    "a" * 5000,
    "Rawicz " * 1000,
    '"',
    '"""',
    '"Rawicz',
    "*",
    "-",
    ":",
    "OR",
    "AND",
    "NOT",
    "Rawicz OR",
    "'; DROP TABLE wagtailcore_page--",
    "<script>alert(1)</script>",
    "😀 Rawicz 🎉",
    "Raw\x00icz",
    "%",
    "\\",
    "NEAR(Rawicz Jarocin)",
    "{title body}: Rawicz",
    "^Rawicz",
]
BAD_QUERY_STRINGS = [
    "q=%00",
    "q=%C3%28",
    "q=%FF",
    "q=Rawicz%00%FF",
    "q=Rawicz&page=abc",
    "q=Rawicz&page=-1",
    "q=Rawicz&page=99999",
    "q=Rawicz&typ=nic&rok=abc&wojewodztwo=ksiezyc&sort=losowo",
    "q=Rawicz&rok=99999999999999999999",
    "q=Rawicz&rok=%D9%A2%D9%A0%D9%A2%D9%A1",
    "q[]=Rawicz",
    "q=a&q=b",
]


def test_bad_input_never_breaks_the_page(corpus, client):
    for query in BAD_INPUT:
        response = client.get("/szukaj/", {"q": query})
        assert response.status_code == 200, query
        html = response.content.decode()
        assert "<script>alert" not in html, query
        assert client.get("/szukaj/podpowiedzi/", {"q": query}).status_code == 200, query
    for query_string in BAD_QUERY_STRINGS:
        response = client.get(f"/szukaj/?{query_string}")
        assert response.status_code == 200, query_string
        assert client.get(f"/szukaj/podpowiedzi/?{query_string}").status_code == 200


def test_script_is_escaped_in_box_title_and_count(corpus, client):
    html = client.get("/szukaj/", {"q": "<script>alert(1)</script> Rawicz"}).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert 'value="&lt;script&gt;alert(1)&lt;/script&gt; Rawicz"' in html
    assert "<title>„&lt;script&gt;alert(1)&lt;/script&gt; Rawicz”" in html


def test_clean_query_limits_and_strips():
    assert clean_query("a\x00b\x07c") == "a b c"
    assert len(clean_query("x" * 5000)) == 200
    assert len(clean_query("słowo " * 50).split()) == 12
    assert clean_query("\ufffd") == ""
    assert clean_query(None) == ""
    assert build_search_query(parse_query("* - : OR")) is not None  # "or" is a plain word
    assert build_search_query(parse_query("* - :")) is None


def test_unknown_filters_are_ignored_with_a_message(corpus, client):
    html = client.get("/szukaj/", {"q": "Rawicz", "typ": "nic", "rok": "abc"}).content.decode()
    assert "Pominięto ustawienia, których nie rozpoznaliśmy: typ, rok." in html
    assert "Znaleziono 1 wynik " in html


def result_links(html):
    block = html.split('<ol id="search-results"', 1)[1].split("</ol>", 1)[0]
    return re.findall(
        r'<li class="search-result[^"]*"><a class="search-result__link" href="([^"]+)">([^<]+)</a>',
        block,
    )


def test_results_show_type_date_and_marked_snippet(corpus, client):
    html = client.get("/szukaj/", {"q": "Rawicz"}).content.decode()
    assert '<meta name="robots" content="noindex">' in html
    assert result_links(html) == [
        (
            "/wizyty-studyjne/wizyta-studyjna-w-rawiczu-i-jarocinie/",
            "Wizyta studyjna w Rawiczu i Jarocinie",
        )
    ]
    assert '<span class="search-result__type">Wizyta studyjna</span>' in html
    assert '<time datetime="2021-09-17">17–18 września 2021</time>' in html
    assert "<mark>Rawiczu</mark>" in html
    html = client.get("/szukaj/", {"q": "spoldzielnia socjalna"}).content.decode()
    assert "Znaleziono 2 wyniki " in html
    assert (
        '<span class="search-result__type">Aktualność</span> · <time datetime="2022-03-10">10 marca 2022</time>'
        in html
    )
    assert "<mark>Spółdzielnię</mark> <mark>Socjalną</mark>" in html
    assert 'value="Rawicz"' in client.get("/szukaj/", {"q": "Rawicz"}).content.decode()


def test_snippet_escapes_and_marks_by_key():
    from search.snippets import highlight

    html = highlight("Wizyta <b>w</b> Rawiczu & Jarocinie", {"rawicz"})
    assert html == "Wizyta &lt;b&gt;w&lt;/b&gt; <mark>Rawiczu</mark> &amp; Jarocinie"
    long = " ".join(["słowo"] * 100 + ["Jarocinie"] + ["słowo"] * 100)
    excerpt = highlight(long, {"jarocin"})
    assert (
        excerpt.startswith("… ") and excerpt.endswith(" …") and "<mark>Jarocinie</mark>" in excerpt
    )
    assert highlight("", {"x"}) == ""
    assert "<mark>" not in highlight("Nic tu nie ma", {"rawicz"})


def test_empty_state_and_no_results_state(corpus, client):
    html = client.get("/szukaj/").content.decode()
    assert "Jak szukać" in html
    assert 'id="search-results"' not in html
    html = client.get("/szukaj/", {"q": "Rawicz ceramika", "typ": "news"}).content.decode()
    assert "Nic nie znaleźliśmy" in html and "Szukaj bez filtrów" in html
    html = client.get("/szukaj/", {"q": "Jarocim"}).content.decode()
    assert "Czy chodziło o:" in html and "jarocinie" in html


def test_filters_combine_with_query(corpus):
    assert set(search_titles("spoldzielnia", typ="news")) == {
        "Kawiarnia Filmowa świętuje piąte urodziny",
        "Podsumowanie roku: wizyty studyjne 2021",
    }
    assert search_titles("spoldzielnia", typ="visit") == ["Wizyta studyjna w Rawiczu i Jarocinie"]
    assert search_titles("Poznań", typ="page") == ["Kontakt"]
    assert set(search_titles("spoldzielnia", rok="2022")) == {
        "Kawiarnia Filmowa świętuje piąte urodziny"
    }
    assert search_titles("wizyta", wojewodztwo="lodzkie") == [
        "Wizyta w Łodzi: zakład aktywności zawodowej"
    ]
    assert search_titles("", wojewodztwo="wielkopolskie") == [
        "Wizyta studyjna w Rawiczu i Jarocinie"
    ]


def test_sort_by_date_is_deterministic(corpus):
    titles = search_titles("spoldzielni", sort="date")
    assert titles == [
        "Kawiarnia Filmowa świętuje piąte urodziny",  # 2022-03-10
        "Podsumowanie roku: wizyty studyjne 2021",  # 2021-12-30
        "Wizyta studyjna w Rawiczu i Jarocinie",  # visit start 2021-09-17
    ]
    assert search_titles("spoldzielni", sort="date") == titles


def test_relevance_prefers_title_matches(corpus):
    titles = search_titles("kawiarnia")
    assert titles[0] == "Kawiarnia Filmowa świętuje piąte urodziny"


def test_promoted_results_first_and_hits_recorded(corpus, client):
    query = Query.get("rawicz")
    SearchPromotion.objects.create(
        query=query, page=corpus.pages["contact"], sort_order=0, description="Napisz do nas"
    )
    SearchPromotion.objects.create(query=query, page=corpus.hidden["draft"], sort_order=1)
    html = client.get("/szukaj/", {"q": "Rawicz"}).content.decode()
    promoted = html.split('id="search-promoted-heading">Polecane</h2>', 1)[1].split(
        "</section>", 1
    )[0]
    assert "Kontakt" in promoted and "Napisz do nas" in promoted and "Tajemnica" not in promoted
    assert html.index("search-promoted") < html.index('id="search-results"')
    assert Query.get("Rawicz").hits == 1
    client.get("/szukaj/", {"q": "  RAWICZ "})
    assert Query.get("rawicz").hits == 2
    client.get("/szukaj/")
    assert not Query.objects.filter(query_string="").exists()


def test_suggestions_match_title_prefixes_without_diacritics(corpus, client):
    data = client.get("/szukaj/podpowiedzi/", {"q": "wizyta w lod"}).json()
    assert data["results"] == [
        {
            "title": "Wizyta w Łodzi: zakład aktywności zawodowej",
            "url": "/wizyty-studyjne/wizyta-w-lodzi-zaklad-aktywnosci-zawodowej/",
        }
    ]
    assert data["announcement"] == "1 podpowiedź"
    data = client.get("/szukaj/podpowiedzi/", {"q": "wiz"}).json()
    assert [r["title"] for r in data["results"]] == [
        "Wizyta studyjna w Rawiczu i Jarocinie",
        "Wizyta w Łodzi: zakład aktywności zawodowej",
        "Wizyty studyjne",
        "Podsumowanie roku: wizyty studyjne 2021",  # a later word starts with "wiz"
    ]
    assert data["announcement"] == "4 podpowiedzi"
    assert client.get("/szukaj/podpowiedzi/", {"q": "k"}).json()["results"] == []


def test_search_page_query_count_does_not_grow_with_results(site_tree, client):
    from tests.factories import make_news_index, make_news_page

    index = make_news_index(site_tree.home)
    for n in range(9):
        make_news_page(index, f"Ogłoszenie numer {n}")

    def count(query):
        client.get("/szukaj/", {"q": query})
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/szukaj/", {"q": query}).status_code == 200
        return len(queries)

    assert count("ogłoszenie 3") == count("ogłoszenie")


def test_a_locked_database_while_counting_the_hit_still_shows_the_results(
    corpus, client, monkeypatch, caplog
):
    """Under concurrent writers SQLite answers "database is locked": the search loses the count
    for the promotions report, never its results or the editors' picks."""
    from django.db import OperationalError

    SearchPromotion.objects.create(
        query=Query.get("rawicz"), page=corpus.pages["contact"], description="Napisz do nas"
    )

    def locked(self, date=None):
        raise OperationalError("database is locked")

    monkeypatch.setattr(Query, "add_hit", locked)
    response = client.get("/szukaj/", {"q": "Rawicz"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Znaleziono 1 wynik " in html and "Napisz do nas" in html
    assert result_links(html)[0][1] == "Wizyta studyjna w Rawiczu i Jarocinie"
    assert "Search hit not recorded" in caplog.text
    assert Query.get("rawicz").hits == 0
    assert client.get("/szukaj/", {"q": "Kalisz"}).status_code == 200  # the connection still works


def test_sqlite_waits_for_the_lock_and_takes_it_when_a_transaction_starts():
    from django.conf import settings

    if connection.vendor != "sqlite":
        pytest.skip("SQLite's locking options")
    options = settings.DATABASES["default"]["OPTIONS"]
    assert options["timeout"] >= 5 and options["transaction_mode"] == "IMMEDIATE"


def test_example_queries_come_from_the_content_and_each_finds_something(corpus, client):
    """The most visited towns, the most visited kind of institution, the latest year of visits."""
    html = client.get("/szukaj/").content.decode()
    examples = re.findall(
        r'<li><a href="(\?q=[^"]+)">([^<]+)</a></li>', html.split('class="search-examples"')[1]
    )
    assert [text for _, text in examples] == ["Jarocin", "Rawicz", "CUS", "wizyty studyjne 2022"]
    for url, text in examples:
        found = client.get("/szukaj/" + url.replace("&amp;", "&")).content.decode()
        assert "Znaleziono" in found and "Nic nie znaleźliśmy" not in found, text


def test_a_quoted_query_is_echoed_in_one_pair_of_quotes(corpus, client):
    html = client.get("/szukaj/", {"q": '"Smak Bistro"'}).content.decode()
    assert "<title>„Smak Bistro” — wyniki wyszukiwania" in html
    assert "dla zapytania „Smak Bistro”." in html
    assert "&quot;" not in html.split('id="search-count"')[1].split("</p>")[0]
    html = client.get("/szukaj/", {"q": "„Smak Bistro” Rawicz"}).content.decode()
    assert "dla zapytania „»Smak Bistro« Rawicz”." in html


def test_a_year_in_the_query_finds_the_visits_of_that_year_and_says_so(corpus, client):
    html = client.get("/szukaj/", {"q": "wizyta 2021"}).content.decode()
    assert {title for _, title in result_links(html)} == {
        "Wizyta studyjna w Rawiczu i Jarocinie",
        "Podsumowanie roku: wizyty studyjne 2021",
    }
    assert "Wizyta w Łodzi" not in html
    assert "Rok 2021: najpierw strony z tego roku (wizyty według ich dat)" in html
    assert "Rok 2021" not in client.get("/szukaj/", {"q": "wizyta"}).content.decode()


def test_pages_without_a_date_show_none(corpus, client):
    html = client.get("/szukaj/", {"q": "Poznań"}).content.decode()
    contact = html.split(">Kontakt</a>", 1)[1].split("</li>", 1)[0]
    assert '<span class="search-result__type">Strona</span>' in contact
    assert "<time" not in contact


def test_snippet_is_the_best_matching_passage_with_its_stop_heading(corpus, client):
    html = client.get("/szukaj/", {"q": "obiad bistro"}).content.decode()
    snippet = html.split('class="search-result__snippet">', 1)[1].split("</p>", 1)[0]
    assert snippet.startswith("Spółdzielnia Socjalna „Smak <mark>Bistro</mark>” (Rawicz")
    assert "<mark>Obiad</mark> w <mark>bistro</mark> prowadzonym przez spółdzielnię." in snippet
    assert "Dyrektorka" not in snippet and "Dwudniowa" not in snippet  # other stops, the lead
    html = client.get("/szukaj/", {"q": "kierowniczka"}).content.decode()
    snippet = html.split('class="search-result__snippet">', 1)[1].split("</p>", 1)[0]
    assert snippet.startswith("Zakład Aktywności Zawodowej w Łodzi (Łódź, łódzkie, ZAZ):")
    assert "Ewa Wiśniewska, <mark>kierowniczka</mark> ZAZ" in snippet
    assert "Jednodniowy" not in snippet
