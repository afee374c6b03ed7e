"""Running a search: the matching pages in order, and the rows of one page of results.

The page of results costs a fixed number of queries: the ids of every match in order (none when
an earlier search kept them, `kept_ids`), the page's pages, one query per page type for
`.specific()`; snippets come from raw StreamField data (no image or document loads).
"""

import hashlib
import json

from django.core.paginator import Paginator
from django.db import IntegrityError, transaction
from django.utils.dateformat import format as date_format
from django.utils.translation import override
from wagtail.models import Page

from kronika.fragments.shared import shared_value

from .documents import snippet_text
from .matching import SearchResults, ids_in_order, matching_entries, query_text, ranked_ids
from .query import build_search_query
from .results import (
    TYPE_LABELS,
    order_by_date,
    searchable_pages,
    seconds_to_next_change,
    type_of,
)
from .snippets import highlight


def matching_pages(request, parsed, filters):
    """The matching live public pages, ordered (by relevance or date): `SearchResults`, or a page
    queryset when there is nothing to match.

    Without words but with filters, the filtered pages newest first (browsing by filter).
    """
    allowed = filters.apply(searchable_pages(request))
    query = build_search_query(parsed)
    if query is None:
        return order_by_date(allowed) if filters.active else Page.objects.none()

    def find():
        entries = matching_entries(query, allowed)
        if filters.sort == "relevance":
            return ranked_ids(entries)
        return ids_in_order(order_by_date(allowed), entries)

    return SearchResults(kept_ids(request, query, filters, find))


def kept_ids(request, query, filters, find):
    """`find()`'s page ids, kept for every worker until the next publish, or until the next
    expiry or go-live moment of a live page when that comes first: asking again, or for the next
    page of results, runs no search statement. The key holds the host (`shared_value`)."""
    parts = [query_text(query), filters.type, filters.year, filters.voivodeship, filters.sort]
    digest = hashlib.sha256(json.dumps(parts).encode()).hexdigest()
    return shared_value(
        request, f"search:{digest}", find, alias="default", lifetime=seconds_to_next_change
    )


def paginate(pages, number, per_page):
    return Paginator(pages, per_page).get_page(number)


def result_rows(page_of_results, parsed, request):
    """What the template shows of each result: link, type label, date, snippet."""
    keys = parsed.highlight_keys()
    rows = []
    for page in page_of_results.object_list.specific():
        kind = type_of(page)
        rows.append(
            {
                "page": page,
                "url": page.get_url(request),
                "type": kind,
                "type_label": TYPE_LABELS[kind],
                **shown_date(page, kind),
                "snippet": highlight(snippet_text(page), keys),
            }
        )
    return rows


def shown_date(page, kind):
    """The date of a result: the visit dates, the publication date or the first publication."""
    if kind == "visit" and page.start_date:
        return {"date": page.start_date, "date_text": page.dates_display}
    day = getattr(page, "publication_date", None)
    if day is None and page.first_published_at:
        day = page.first_published_at.date()
    if day is None:
        return {"date": None, "date_text": ""}
    with override("pl"):
        return {"date": day, "date_text": date_format(day, "j E Y")}


def promoted_results(request, parsed, record_hit):
    """Editors' picks for the query (only live public pages), recording the hit when asked."""
    from wagtail.contrib.search_promotions.models import Query

    if parsed.is_empty:
        return []
    try:
        with transaction.atomic():
            query = Query.get(parsed.text)
            if record_hit:
                query.add_hit()
    except IntegrityError:  # two first searches for the same words at once: count one
        return []
    picks = list(query.editors_picks.all())
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
