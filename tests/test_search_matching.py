"""Matching straight on the index (search/matching.py): paging, safety, the planner setting."""

import pytest
from django.db import connection
from django.test import RequestFactory
from modelsearch.query import And, Or, Phrase, PlainText

from search.fields import StreamSearchField
from search.listing import matching_pages
from search.matching import _fts5, _tsquery
from search.query import parse_query
from search.results import read_filters
from tests.factories import make_news_index, make_news_page, paragraph

pytestmark = pytest.mark.django_db


@pytest.fixture
def announcements(site_tree):
    """Twelve articles that all match "ogłoszenie", the first three in their title."""
    index = make_news_index(site_tree.home)
    pages = []
    for number in range(12):
        title = f"Ogłoszenie {number}" if number < 3 else f"Komunikat {number}"
        body = [paragraph(f"Treść: ogłoszenia i ogłoszenie numer {number}.")]
        pages.append(make_news_page(index, title, body=body))
    return pages


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
