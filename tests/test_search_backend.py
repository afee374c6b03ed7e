"""The search backend in WAGTAILSEARCH_BACKENDS: `Page.objects.search()` and the admin's page
searches find and order pages as the search page does; other models stay modelsearch's; the
index tables and columns matching reads are those of the pinned modelsearch."""

import datetime
from importlib.metadata import version

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from modelsearch.conf import get_app_config
from modelsearch.query import And, Not, Phrase, PlainText
from wagtail.images import get_image_model
from wagtail.models import Page

from search.backend import PageSearchResults, typed_text
from search.matching import page_ids
from search.query import parse_query
from search.results import matching_pages
from search.scope import read_filters, searchable_pages
from tests.conftest import content_per_module, copy_for_test
from tests.factories import (
    build_site_tree,
    make_image,
    make_news_index,
    make_news_page,
    make_user,
)
from tests.search_ranking_corpus import build_ranking_corpus
from tests.test_search_ranking import JUDGED

pytestmark = pytest.mark.django_db


module_corpus = content_per_module(lambda: build_ranking_corpus(build_site_tree()))


@pytest.fixture
def corpus(db, module_corpus):
    return copy_for_test(module_corpus)


def public_ids(query):
    request = RequestFactory().get("/szukaj/")
    return [page.pk for page in matching_pages(request, parse_query(query), read_filters({}))]


def test_page_search_orders_every_judged_query_as_the_search_page(corpus):
    request = RequestFactory().get("/szukaj/")
    differing = []
    for row in JUDGED:
        through_backend = [page.pk for page in searchable_pages(request).search(row["query"])]
        if through_backend != public_ids(row["query"]):
            differing.append(row["query"])
    assert not differing
    assert isinstance(Page.objects.search("Rawicz"), PageSearchResults)


def ids(results):
    return [page.pk for page in results]


def test_page_search_finds_polish_forms_synonyms_and_years(corpus):
    rawicz = corpus.pages["visit_rawicz"].pk
    assert rawicz in ids(Page.objects.search("rawiczu"))  # another form, no diacritics
    assert rawicz in ids(Page.objects.search("ośrodek pomocy"))  # the stop's heading
    assert rawicz in ids(Page.objects.search("MGOPS"))  # a person's role
    found_2021 = Page.objects.live().specific().search("wizyta 2021")
    assert rawicz in ids(found_2021)
    first = found_2021[0]
    assert (getattr(first, "start_date", None) or first.publication_date).year == 2021


def test_results_come_from_the_queryset_searched_and_keep_its_order_when_asked(corpus):
    from visits.models import VisitPage

    visits = VisitPage.objects.order_by("title")
    found = list(visits.search("spółdzielnia", order_by_relevance=False))
    assert found and all(isinstance(page, VisitPage) for page in found)
    assert [page.title for page in found] == sorted(page.title for page in found)
    assert Page.objects.search("spółdzielnia").count() > len(found)  # articles too


def test_autocomplete_matches_the_last_word_as_the_start_of_a_word(site_tree):
    index = make_news_index(site_tree.home)
    article = make_news_page(index, "Jadłodzielnia otwarta w Lesznie")
    assert ids(Page.objects.autocomplete("jadłodz")) == [article.pk]
    assert ids(Page.objects.autocomplete("lesznie jadlodziel")) == [article.pk]
    assert ids(Page.objects.search("jadłodz")) == []  # a whole word is asked
    assert ids(Page.objects.autocomplete("jadłodz kawiarnia")) == []


def test_a_page_search_reads_the_facts_of_its_matching_pages_only(site_tree):
    """What ranking reads of the pages (dates, tier) is read for the matches, not for every
    page of the queryset on each keystroke."""
    index = make_news_index(site_tree.home)
    article = make_news_page(index, "Jadłodzielnia otwarta w Lesznie")
    make_news_page(index, "Kawiarnia społeczna")
    with CaptureQueriesContext(connection) as queries:
        assert ids(Page.objects.autocomplete("jadłodz")) == [article.pk]
    facts = [
        query["sql"] for query in queries.captured_queries if "news_listedpage" in query["sql"]
    ]
    assert facts and all("indexentry" in sql for sql in facts)


def test_admin_page_search_finds_drafts_in_any_form(site_tree, client):
    index = make_news_index(site_tree.home)
    draft = make_news_page(
        index,
        "Spółdzielnia socjalna w Rawiczu",
        publish=False,
        publication_date=datetime.date(2024, 3, 1),
    )
    client.force_login(make_user("redaktorka", superuser=True))
    response = client.get("/admin/pages/search/", {"q": "spoldzielni rawicz"})
    assert response.status_code == 200
    assert [page.pk for page in response.context["object_list"]] == [draft.pk]
    chooser = client.get("/admin/choose-page/search/", {"q": "spółdzielnie"})
    assert chooser.status_code == 200
    assert draft.title in chooser.content.decode()


def test_other_models_fields_and_query_objects_stay_modelsearchs(site_tree):
    image = make_image(title="Sala konferencyjna")
    assert ids(get_image_model().objects.search("konferencyjna")) == [image.pk]
    assert not isinstance(Page.objects.search("Rawicz", fields=["title"]), PageSearchResults)
    assert not isinstance(Page.objects.search("Rawicz", operator="or"), PageSearchResults)
    assert not isinstance(Page.objects.search("Rawicz", operator="OR"), PageSearchResults)
    assert typed_text(And([PlainText("Smak"), Phrase("Smak Bistro")])) == 'Smak "Smak Bistro"'
    assert typed_text(Not(PlainText("Rawicz"))) is None


def test_matching_reads_the_schema_of_the_pinned_modelsearch(site_tree):
    assert version("modelsearch").startswith("1.3.")
    entry = get_app_config().get_model("IndexEntry")
    assert {"content_type", "object_id", "title", "body", "autocomplete"} <= {
        field.name for field in entry._meta.get_fields()
    }
    with connection.cursor() as cursor:
        columns = {
            column.name
            for column in connection.introspection.get_table_description(
                cursor, entry._meta.db_table
            )
        }
    assert {"content_type_id", "object_id", "body", "autocomplete"} <= columns
    if connection.vendor == "sqlite":
        fts = get_app_config().get_model("SQLiteFTSIndexEntry")
        assert {"index_entry", "body", "autocomplete"} <= {
            field.name for field in fts._meta.get_fields()
        }
    # Every page's keys are in `body`, field-marked (documents.field_keys).
    index = make_news_index(site_tree.home)
    article = make_news_page(index, "Rawicz gości sąsiadów")
    assert article.pk in set(page_ids(PlainText("t0rawicz")).values_list("page_id", flat=True))


def test_autocomplete_never_lets_a_started_word_stand_for_a_synonyms_whole_name(site_tree):
    index = make_news_index(site_tree.home)
    named = make_news_page(index, "Szkolenie w Ośrodku Pomocy Społecznej")
    apart = make_news_page(index, "Rada", lead="Ośrodek kultury i rada o pomocy społecznej.")
    make_news_page(index, "Ekonomia społeczna w gminie")  # the name's last word only
    query = "ośrodek pomocy społecznej"
    found = ids(Page.objects.search(query))
    assert found == [named.pk, apart.pk]
    assert ids(Page.objects.autocomplete(query)) == found
    assert ids(Page.objects.autocomplete("ośrodek pomocy społ")) == found


def test_admin_page_search_offers_its_page_type_filter(site_tree, client):
    index = make_news_index(site_tree.home)
    make_news_page(index, "Spółdzielnia socjalna w Rawiczu")
    found = Page.objects.search("spółdzielnia")
    assert dict(found.facet("content_type_id")) == {index.get_children()[0].content_type_id: 1}
    client.force_login(make_user("redaktorka", superuser=True))
    response = client.get("/admin/pages/search/", {"q": "spoldzielnia"})
    assert [str(kind.name) for kind, count in response.context["content_types"]] == ["artykuł"]
