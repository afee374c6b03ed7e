"""Running a search: the matching pages in order, and the rows of one page of results.

The page of results costs a fixed number of queries: the ids of every match in order (none when
an earlier search kept them, `shared_ids`), and for the results not shown since the last publish
their pages (one query, and one per page type for `.specific()`); what a result shows of a page
is kept for every query (`result_rows`). Snippets come from raw StreamField data (no image or
document loads).
"""

import hashlib
import json
import logging

from django.db import DatabaseError, transaction
from django.db.models import Q
from modelsearch.query import PlainText
from wagtail.models import Page

from foundation.caching.shared import shared_until_change, shared_values
from foundation.indexing.documents import snippet_passages

from .matching import SearchResults, ids_in_order, page_ids, query_text
from .query import build_search_query, marked_terms, split_year
from .ranking import ranked_ids, year_score
from .scope import (
    dated_in,
    order_by_date,
    searchable_pages,
    type_choices,
    type_of,
)
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
        # Built only when searching: `.public()` and the site are queries of their own.
        allowed = filters.apply(searchable_pages(request))
        if query is None:
            return list(order_by_date(allowed).values_list("pk", flat=True))
        by_date = order_by_date if filters.sort != "relevance" else None
        return found_ids(parsed, allowed, synonyms, by_date)

    kept = shared_ids(request, query, filters, find)
    return SearchResults(kept["ids"], kept["total"], find)


def found_ids(parsed, allowed, synonyms, order=None, partial=False):
    """The ids of the pages of `allowed` (a page queryset) that match `parsed`: best first
    (`ranking.py`), or in the order `order(matched pages)` gives.

    The one way pages are found: the search page, and `Page.objects.search()` and the admin's
    searches through the search backend (`backend.py`). `partial` also matches the last free
    word as the start of a word (the admin searches as the editor types).
    """
    matched, ranking = _matched(parsed, allowed, synonyms, partial)
    if matched is None:
        return []
    if order is None:
        return ranked_ids(matched, **ranking)
    return ids_in_order(order(matched))


def _matched(parsed, allowed, synonyms, partial):
    """The matching pages of `allowed` (None when nothing searchable was typed), and what ranks
    them (`ranking.ranked_ids`'s words, phrase, the pages holding the words as typed when
    synonyms found more, and the year's score if any).

    A four-digit year is matched by the page's date (a visit: any of its days) or by its text,
    and a page dated in it ranks higher (`ranking.year_score`); the other words as usual.
    """
    year, rest = split_year(parsed)
    ranking = {"words": rest.scored_words(), "phrase": rest.proximity_phrase()}
    query = build_search_query(rest, synonyms, partial)
    typed = build_search_query(rest, partial=partial)
    if query is not None and query_text(query) != query_text(typed):
        ranking["literal"] = page_ids(typed)
    if year is None:
        if query is None:
            return None, ranking
        return allowed.filter(pk__in=page_ids(query)), ranking
    dated = dated_in(allowed, year)
    mentioned = page_ids(PlainText(str(year)))
    matched = allowed.filter(Q(pk__in=dated) | Q(pk__in=mentioned))
    if query is not None:
        matched = matched.filter(pk__in=page_ids(query))
    return matched, {**ranking, "bonus": year_score(year, dated)}


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
