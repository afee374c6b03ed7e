"""Running a search: the matching pages in order, and the rows of one page of results.

The page of results costs a fixed number of queries: the ids of every match in order (none when
an earlier search kept them, `shared_ids`) — one statement over the index, with the pages' facts
read once per content version (`kept_facts`) — and for the results not shown since the last publish
their pages (one query, and one per page type for `.specific()`); what a result shows of a page
is kept for every query (`result_rows`). Snippets come from raw StreamField data (no image or
document loads).
"""

import hashlib
import json
import logging

from django.db import DatabaseError, transaction
from wagtail.models import Page

from foundation.caching.shared import shared_until_change, shared_values
from foundation.indexing.documents import snippet_passages

from .matching import SearchResults, query_text
from .query import build_search_query, marked_terms, split_year
from .ranking import ranked_ids
from .scope import newest_first, page_facts, searchable_pages, type_choices, type_of
from .snippets import best_passage, highlight
from .synonyms import current_synonyms

logger = logging.getLogger(__name__)

#: Ids kept per search: 100 pages of results (~5 KB); a page further on is searched again.
KEPT_IDS = 1000


def matching_pages(request, parsed, filters):
    """The matching live public pages, ordered (by relevance or date), as `SearchResults`.

    Without words but with filters, the filtered pages newest first (browsing by filter); with
    neither, none.
    """
    synonyms = current_synonyms(request) if not parsed.is_empty else []
    query = build_search_query(parsed, synonyms)
    if query is None and not filters.active:
        return SearchResults([])

    def find():
        facts = kept_facts(request, filters)
        if query is None:
            return newest_first(facts.keys(), facts)
        by_date = filters.sort != "relevance"
        return found_ids(parsed, lambda tree: facts, synonyms, by_date=by_date)

    kept = shared_ids(request, query, filters, find)
    return SearchResults(kept["ids"], kept["total"], find)


def kept_facts(request, filters):
    """`page_facts` of every page the search may show (kept for every worker until the content
    changes, as `shared_until_change` keeps values), narrowed to the reader's filters."""
    facts = shared_until_change(
        request, "search-facts", lambda: page_facts(searchable_pages(request))
    )
    if not filters.active:
        return facts
    allowed = filters.apply(searchable_pages(request)).values_list("pk", flat=True)
    return {pk: facts[pk] for pk in allowed if pk in facts}


def found_ids(parsed, facts, synonyms, by_date=False, partial=False):
    """The ids of the pages that may be found and match `parsed`: best first (`ranking.py`), or
    newest first (`by_date`); `facts` gives their `scope.page_facts` (`ranking.ranked_ids`).

    The one way pages are found: the search page, and `Page.objects.search()` and the admin's
    searches through the search backend (`backend.py`). A four-digit year is matched by the
    page's date (a visit: any of its days) or by its text, and a page dated in it ranks higher;
    the other words as usual. `partial` also matches the last free word as the start of a word
    (the admin searches as the editor types).
    """
    year, rest = split_year(parsed)
    query = build_search_query(rest, synonyms, partial)
    if query is None and year is None:
        return []
    typed = build_search_query(rest, partial=partial)
    synonyms_found_more = query is not None and query_text(query) != query_text(typed)
    return ranked_ids(
        facts,
        query,
        words=rest.scored_words(),
        phrase=rest.proximity_phrase(),
        literal=typed if synonyms_found_more else None,
        year=year,
        by_date=by_date,
    )


def shared_ids(request, query, filters, find):
    """The number of `find()`'s page ids and the first `KEPT_IDS` of them, kept for every worker
    until the next publish, or until the next expiry or go-live moment of a live page when that
    comes first: asking again, or for the next pages of results, runs no search statement. The
    key holds the host (`shared_value`); the limit bounds what a flood of queries can store."""

    def first_ids():
        ids = find()
        return {"total": len(ids), "ids": ids[:KEPT_IDS]}

    words = query_text(query) if query is not None else ""
    parts = [words, filters.type, filters.year, filters.voivodeship, filters.sort]
    digest = hashlib.sha256(json.dumps(parts).encode()).hexdigest()
    return shared_until_change(request, f"search:{digest}", first_ids)


def result_rows(request, parsed, ids):
    """What the template shows of each result, in the order of `ids`: link, title, type, date
    and the snippet with the query's words marked."""
    synonyms = current_synonyms(request) if not parsed.is_empty else []
    keys, names = marked_terms(parsed, synonyms)
    shown = shared_values(
        request, "search-result", ids, lambda missing: _shown_pages(request, missing)
    )
    labels = dict(type_choices())
    return [
        {
            **shown[pk],
            "type_label": labels[shown[pk]["type"]],
            "snippet": highlight(best_passage(shown[pk]["passages"], keys, names), keys, names),
        }
        for pk in ids
        if pk in shown
    ]


def _shown_pages(request, ids):
    """The same for every query: what a result shows of each page, and the text of its snippet."""
    rows = {}
    for page in Page.objects.filter(pk__in=ids).specific():
        date, date_text = page.result_date()
        rows[page.pk] = {
            "title": page.title,
            "url": page.get_url(request),
            "type": type_of(page),
            "date": date,
            "date_text": date_text,
            "passages": snippet_passages(page),
        }
    return rows


def promoted_results(request, parsed, record_hit):
    """Editors' picks for the query (only live public pages), recording the hit when asked.

    Reading the picks writes nothing; the hit is recorded best-effort (`record_search_hit`).
    """
    from wagtail.contrib.search_promotions.models import SearchPromotion
    from wagtail.search.utils import normalise_query_string

    if parsed.is_empty:
        return []
    if record_hit:
        record_search_hit(parsed.text)
    picks = list(
        SearchPromotion.objects.filter(
            query__query_string=normalise_query_string(parsed.text)
        ).order_by("sort_order")
    )
    page_ids = [pick.page_id for pick in picks if pick.page_id]
    visible = (
        {page.pk: page for page in searchable_pages(request).filter(pk__in=page_ids)}
        if page_ids
        else {}
    )
    rows = []
    for pick in picks:
        if pick.page_id:
            page = visible.get(pick.page_id)
            if page is None:
                continue
            rows.append(
                {"title": page.title, "url": page.get_url(request), "description": pick.description}
            )
        elif pick.external_link_url:
            rows.append(
                {
                    "title": pick.external_link_text or pick.external_link_url,
                    "url": pick.external_link_url,
                    "description": pick.description,
                }
            )
    return rows


def record_search_hit(text):
    """Count a search for the promotions report, or skip it when the database will not write.

    A count is not worth a reader's results: a locked SQLite file ("database is locked" under
    concurrent writers) or two first searches for the same words at once (a duplicate query
    row) lose one hit, in a savepoint of its own, never the page.
    """
    from wagtail.contrib.search_promotions.models import Query

    try:
        with transaction.atomic():
            Query.get(text).add_hit()
    except DatabaseError as error:
        logger.warning("Search hit not recorded for %r: %s", text, error)
