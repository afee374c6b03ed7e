"""Matching straight on the index (search/matching.py): paging, safety, the planner setting, and
the results kept between searches (search/results.shared_ids)."""

import datetime
import re
import time

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from modelsearch.query import And, Or, Phrase, PlainText
from wagtail.models import PageViewRestriction

from foundation.indexing.fields import StreamSearchField
from news.models import NewsPage
from search import results as search_results
from search.matching import _fts5, _tsquery
from search.query import parse_query
from search.results import matching_pages
from search.scope import read_filters
from tests.conftest import content_per_module, copy_for_test
from tests.factories import build_site_tree, make_news_index, make_news_page, paragraph
from visits.models import VisitPage

pytestmark = pytest.mark.django_db


def build_announcements():
    """Twelve articles that all match "ogłoszenie", the first three in their title."""
    index = make_news_index(build_site_tree().home)
    pages = []
    for number in range(12):
        title = f"Ogłoszenie {number}" if number < 3 else f"Komunikat {number}"
        body = [paragraph(f"Treść: ogłoszenia i ogłoszenie numer {number}.")]
        pages.append(make_news_page(index, title, body=body))
    return pages


module_announcements = content_per_module(build_announcements)


@pytest.fixture
def announcements(db, module_announcements):
    return copy_for_test(module_announcements)


def results(query, **params):
    request = RequestFactory().get("/szukaj/")
    return matching_pages(request, parse_query(query), read_filters(params))


@pytest.mark.parametrize("sort", ["relevance", "date"])
def test_pages_of_results_cover_every_match_once(announcements, sort):
    found = results("ogloszenie", sort=sort)
    assert found.count() == 12
    pages = [*found[0:5], *found[5:10], *found[10:15]]
    assert len(pages) == 12
    assert {page.pk for page in pages} == {page.pk for page in announcements}


def test_relevance_puts_title_matches_first(announcements):
    first_three = {page.title for page in results("ogłoszenie")[0:3]}
    assert first_three == {"Ogłoszenie 0", "Ogłoszenie 1", "Ogłoszenie 2"}


def test_search_keys_follow_edits_of_the_same_page_object(announcements):
    page = announcements[5]
    assert "ceramika" not in page.search_keys().split()
    page.body = [paragraph("Warsztaty: ceramika i glina.")]
    assert "ceramika" in page.search_keys().split()
    page.title = "Pracownia garncarska"
    assert "garncarska" in page.search_keys().split()


def test_search_keys_follow_what_the_page_type_declares():
    """The keys are kept per page object until what `page_text` reads changes: the facts a page
    type declares (a visit's organiser, its dates) as well as the title and the body."""
    visit = VisitPage(title="Wizyta", start_date=datetime.date(2021, 9, 17), organiser="Alfa")
    assert "alfa" in visit.search_keys().split()
    visit.organiser = "Fundacja Beta"
    visit.start_date = visit.end_date = datetime.date(2023, 5, 4)
    keys = visit.search_keys().split()
    assert "beta" in keys and "alfa" not in keys
    assert "2023" in keys and "2021" not in keys


def test_indexed_body_text_follows_edits_of_the_same_page_object(announcements):
    page, field = announcements[4], StreamSearchField("body")
    assert "ceramika" not in " ".join(field.get_value(page))
    page.body = [paragraph("Warsztaty: ceramika i glina.")]
    assert "ceramika" in " ".join(field.get_value(page))
    assert field.get_value(page) is field.get_value(page)  # unchanged: extracted once


@pytest.mark.parametrize("bad", ["a'b", "a b", "", "a:*", "ą", "A"])
def test_only_keys_reach_the_query_syntax(bad):
    for compile_ in (_tsquery, _fts5):
        with pytest.raises(ValueError):
            compile_(PlainText(bad), False)
        with pytest.raises(ValueError):
            compile_(And([PlainText("rawicz"), Phrase(f"smak {bad}!")]), False)


def test_query_tree_compiles_for_both_databases():
    tree = And([Or([PlainText("rawicz"), PlainText("rawiczu")]), Phrase("smak bistro")])
    assert _tsquery(tree, False) == "(('rawicz' | 'rawiczu') & ('smak' <-> 'bistro'))"
    assert _fts5(tree, False) == '(("rawicz" OR "rawiczu") AND "smak bistro")'
    assert _tsquery(PlainText("z0lod"), True) == "'z0lod':*"
    assert _fts5(PlainText("z0lod"), True) == '"z0lod"*'


@pytest.mark.skipif(connection.vendor != "postgresql", reason="a PostgreSQL planner setting")
def test_search_leaves_the_planner_as_it_found_it(announcements):
    found = results("ogloszenie")
    assert found.count() == 12 and len(list(found[0:3])) == 3
    with connection.cursor() as cursor:
        cursor.execute("SHOW enable_seqscan")
        assert cursor.fetchone()[0] == "on"


def search_statements(queries):
    return [query["sql"] for query in queries.captured_queries if "indexentry" in query["sql"]]


def found_count(client, query, **params):
    html = client.get("/szukaj/", {"q": query, **params}).content.decode()
    return int(re.search(r"Znaleziono (\d+) wynik", html).group(1))


def test_a_repeated_search_and_its_next_page_run_no_search_statement(announcements, client):
    assert found_count(client, "ogloszenie") == 12
    with CaptureQueriesContext(connection) as queries:
        again = client.get("/szukaj/", {"q": "ogloszenie"})
        next_page = client.get("/szukaj/", {"q": "ogloszenie", "page": 2})
    assert again.status_code == next_page.status_code == 200
    assert search_statements(queries) == []
    assert next_page.content.decode().count('class="search-result search-result--news"') == 2


def test_a_new_query_reads_only_the_index_once_the_pages_facts_are_kept(announcements, client):
    """The pages' date and tier are read once per content version (`results.kept_facts`): a
    first ask of another query is one statement over the index, joining no page table."""
    assert found_count(client, "ogloszenie") == 12
    with CaptureQueriesContext(connection) as queries:
        assert found_count(client, "tresc") == 12
    statements = search_statements(queries)
    assert len(statements) == 1
    assert "wagtailcore_page" not in statements[0]
    assert not [query for query in queries.captured_queries if "visits_visitpage" in query["sql"]]


def test_kept_results_follow_publishing(announcements, client):
    assert found_count(client, "ogloszenie") == 12
    make_news_page(announcements[0].get_parent(), "Ogłoszenie o naborze")
    assert found_count(client, "ogloszenie") == 13
    announcements[1].unpublish()
    assert found_count(client, "ogloszenie") == 12
    assert found_count(client, "ogloszenie", sort="date") == 12


def test_kept_results_end_when_a_live_page_expires(announcements, client, monkeypatch):
    # Expiry set without a publish (nothing renews the cache) and publish_scheduled not yet run.
    expires = timezone.now() + datetime.timedelta(minutes=1)  # sooner than the next publish
    NewsPage.objects.filter(pk=announcements[0].pk).update(expire_at=expires)
    assert found_count(client, "ogloszenie") == 12
    later = expires + datetime.timedelta(seconds=5)
    monkeypatch.setattr(timezone, "now", lambda: later)
    monkeypatch.setattr(time, "time", later.timestamp)
    assert found_count(client, "ogloszenie") == 11


def test_a_view_restriction_hides_kept_results_at_once(announcements, client):
    assert found_count(client, "ogloszenie") == 12
    PageViewRestriction.objects.create(
        page=announcements[0], restriction_type=PageViewRestriction.LOGIN
    )
    assert found_count(client, "ogloszenie") == 11


def test_a_result_shown_once_is_not_read_again_for_another_query(announcements, client):
    client.get("/szukaj/", {"q": "ogloszenie"})
    client.get("/szukaj/", {"q": "ogloszenie", "page": 2})  # all twelve shown once
    with CaptureQueriesContext(connection) as queries:
        html = client.get("/szukaj/", {"q": "tresc"}).content.decode()
    assert html.count("<mark>Treść</mark>") == 10
    assert not [query for query in queries.captured_queries if "news_newspage" in query["sql"]]
    with CaptureQueriesContext(connection) as queries:
        client.get("/szukaj/", {"q": "tresc"})
    assert not [query for query in queries.captured_queries if "wagtailcore_page" in query["sql"]]


@pytest.mark.parametrize("sort", ["relevance", "date"])
def test_pages_past_the_shared_ids_are_searched_again(announcements, client, monkeypatch, sort):
    monkeypatch.setattr(search_results, "KEPT_IDS", 4)
    assert found_count(client, "ogloszenie", sort=sort) == 12
    shown = []
    for number in (1, 2):
        html = client.get("/szukaj/", {"q": "ogloszenie", "sort": sort, "page": number})
        shown += re.findall(
            r'class="search-result__link" href="[^"]*">([^<]+)<', html.content.decode()
        )
    assert sorted(shown) == sorted(page.title for page in announcements)


def test_words_outside_the_dictionary_match_in_other_forms(site_tree):
    """ "jadłodzielnia" is in no dictionary: its endings still join its forms, and typed
    diacritics still count."""
    index = make_news_index(site_tree.home)
    found = make_news_page(index, "Nowa jadłodzielnia", body=[paragraph("Dzielimy się jedzeniem.")])
    inflected = make_news_page(
        index, "Jedzenie dla sąsiadów", body=[paragraph("Zostaw zakupy w jadłodzielni.")]
    )
    undiacritised = make_news_page(index, "Lodowka", body=[paragraph("Stoi w jadlodzielni.")])
    assert {page.pk for page in results("jadłodzielnia")} == {found.pk, inflected.pk}
    assert {page.pk for page in results("jadlodzielniach")} == {
        found.pk,
        inflected.pk,
        undiacritised.pk,
    }
