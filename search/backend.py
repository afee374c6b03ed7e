"""The search backend in `WAGTAILSEARCH_BACKENDS`: modelsearch's database backend, with pages
found and ranked by the site's own search.

`Page.objects.search()`, `.autocomplete()` and every admin search of pages (the page search,
the explorer, the page chooser) go through `results.found_ids`, as the search page does: Polish
words in any form, synonyms, a year by the page's date, the ranking of docs/search.md. What
that code does not cover stays modelsearch's: indexing, other models (images, documents,
snippets), a search limited to some `fields`, the "or" operator and query objects other than
words and phrases.

Matching reads modelsearch's index tables (`matching.py`); pyproject.toml pins modelsearch to
the minor version whose schema tests/test_search_backend.py checks.
"""

import functools
from collections import OrderedDict

from django.db.models import Count, QuerySet
from modelsearch.backends.base import BaseSearchResults, EmptySearchResults
from modelsearch.backends.database import SearchBackend as database_backend
from modelsearch.query import And, Phrase, PlainText
from wagtail.models import Page

from .matching import index_scans, page_ids
from .query import parse_query
from .results import found_ids
from .scope import page_facts
from .synonyms import load_synonyms


def typed_text(query):
    """A modelsearch query as the text a reader would type ("ośrodek »Smak Bistro«" as
    `ośrodek "Smak Bistro"`), or None when it is something else (a negation, a boost, all)."""
    if isinstance(query, str):
        return query
    if isinstance(query, PlainText) and query.operator == "and":
        return query.query_string
    if isinstance(query, Phrase):
        return f'"{query.query_string}"'
    if isinstance(query, And):
        parts = [typed_text(part) for part in query.subqueries]
        return None if None in parts else " ".join(parts)
    return None


class _PageSearch:
    """One search of pages, as `PageSearchResults` carries it where modelsearch's results carry
    a query compiler: the queryset searched and its matching ids in order, found once."""

    def __init__(self, queryset, find):
        self.queryset, self._find, self._ids = queryset, find, None

    def ids(self):
        if self._ids is None:
            self._ids = self._find()
        return self._ids


class PageSearchResults(BaseSearchResults):
    """The pages found, in order, loaded from the searched queryset (its annotations and
    `.specific()` kept) only for the slice asked for."""

    supports_facet = True

    def _do_search(self):
        ids = self.query_compiler.ids()[self.start : self.stop]
        found = {page.pk: page for page in self.query_compiler.queryset.filter(pk__in=ids)}
        return [found[pk] for pk in ids if pk in found]

    def _do_count(self):
        return len(self.query_compiler.ids()[self.start : self.stop])

    def facet(self, field_name):
        """The number of pages found per value of `field_name` (the admin's page types), most
        first."""
        found = self.query_compiler.queryset.filter(pk__in=self.query_compiler.ids())
        counts = found.values(field_name).annotate(count=Count("pk")).order_by("-count")
        return OrderedDict((row[field_name], row["count"]) for row in counts)

    def annotate_score(self, field_name):
        raise NotImplementedError("Pages are ordered by docs/search.md's ranking, not a score.")


class PageRanking:
    """`search()` and `autocomplete()` of pages by `results.found_ids`; anything else by the
    modelsearch backend this is mixed into."""

    def search(self, query, model_or_queryset, fields=None, operator=None, **options):
        found = self._pages(query, model_or_queryset, fields, operator, partial=False, **options)
        if found is None:
            return super().search(query, model_or_queryset, fields, operator, **options)
        return found

    def autocomplete(self, query, model_or_queryset, fields=None, operator=None, **options):
        found = self._pages(query, model_or_queryset, fields, operator, partial=True, **options)
        if found is None:
            return super().autocomplete(query, model_or_queryset, fields, operator, **options)
        return found

    def _pages(self, query, model_or_queryset, fields, operator, partial, order_by_relevance=True):
        if isinstance(model_or_queryset, QuerySet):
            queryset = model_or_queryset
        else:
            queryset = model_or_queryset._default_manager.all()
        text = typed_text(query)
        wanted_or = (operator or "").lower() == "or"
        if not issubclass(queryset.model, Page) or fields or wanted_or or text is None:
            return None
        parsed = parse_query(text)
        if parsed.is_empty:
            return EmptySearchResults()

        # What ranking reads of the pages (a visit's dates, content or not) is read from plain
        # pages, for the matching ones only; the results are loaded from `queryset` itself.
        pages = Page.objects.filter(pk__in=queryset.values("pk"))

        def facts(tree):
            if tree is None:
                return page_facts(pages)
            with index_scans():
                return page_facts(pages.filter(pk__in=page_ids(tree)))

        def find():
            found = found_ids(parsed, facts, load_synonyms(), partial=partial)
            if order_by_relevance:
                return found
            wanted = set(found)
            return [pk for pk in queryset.values_list("pk", flat=True) if pk in wanted]

        return PageSearchResults(self, _PageSearch(queryset, find))


def SearchBackend(params):  # the name modelsearch looks a backend module up by
    """modelsearch's database backend for the database in use (PostgreSQL or SQLite FTS5), with
    pages searched as the site searches them."""
    return _with_page_ranking(type(database_backend(params)))(params)


@functools.cache
def _with_page_ranking(backend_class):
    return type(f"Kronika{backend_class.__name__}", (PageRanking, backend_class), {})
