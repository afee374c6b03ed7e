"""The visit archive: filters read from the URL, checked against existing values, paginated.

Filters query the stop index (indexed columns), never the StreamField bodies.
"""

from typing import NamedTuple
from urllib.parse import urlencode

from django.core.paginator import Page
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import ngettext

from foundation.caching.pages import mark_canonical
from foundation.pagination import page_number, paginate, pagination_links

from .facets import choices_for, read_filters
from .filters import ArchiveFilters
from .models import VisitStop
from .queries import listed_visits, upcoming_first

PER_PAGE = 12


def filtered_visits(index, filters: ArchiveFilters, today=None, visits=None):
    """Visits of the archive matching `filters`, upcoming first; town, voivodeship and kind
    match one stop. `visits` replaces the cards' queryset (feeds and data load other columns)."""

    visits = listed_visits(index) if visits is None else visits
    if filters.year:
        visits = visits.filter(start_date__year=filters.year)
    stop_conditions = {}
    if filters.voivodeship:
        stop_conditions["voivodeship"] = filters.voivodeship
    if filters.town:
        stop_conditions["town_key"] = filters.town
    if filters.kind:
        stop_conditions["kinds__kind"] = filters.kind
    if stop_conditions:
        matching = VisitStop.objects.filter(**stop_conditions).values("page_id")
        visits = visits.filter(pk__in=matching)
    return upcoming_first(visits, today)


def result_count_text(count):
    return ngettext("Znaleziono %(count)d wizytę", "Znaleziono %(count)d wizyt", count) % {
        "count": count
    }


class ArchiveContext(NamedTuple):
    """What the archive template shows besides the page's fields."""

    filters: ArchiveFilters
    filter_choices: dict
    page_obj: Page
    pagination: list[dict]
    visits: list
    upcoming: list
    past: list
    follow_links: dict
    result_count_text: str


def follow_links(filters: ArchiveFilters):
    """Feeds and data of exactly the visits `filters` select ("Obserwuj ten wybór")."""
    query = filters.query_string()
    return {
        "rss": reverse("visits:rss") + query,
        "atom": reverse("visits:atom") + query,
        "calendar": reverse("visits:calendar") + query,
        "csv": reverse("visits:csv") + query,
        "json": reverse("visits:json") + query,
    }


def archive_head(index, request):
    """What the <head> of an archive page says: its canonical URL, whether search engines may
    index it (only a single voivodeship or a single year among filter combinations) and the
    feed of its selection."""
    filters = read_filters(request, index)
    number = page_number(request.GET.get("page"))
    params = filters.params() + ([("page", str(number))] if number > 1 else [])
    canonical = index.get_full_url(request) + (f"?{urlencode(params)}" if params else "")
    asked = [(name, value) for name, values in request.GET.lists() for value in values]
    if sorted(asked) == sorted(params):
        mark_canonical(request)  # a junk parameter or spelling is served, never kept
    return {
        "canonical_url": canonical,
        "robots": None if filters.indexable else "noindex, follow",
        "feed_links": follow_links(filters),
    }


def archive_context(index, request):
    """Everything the archive template shows, computed here so tests can reach it;
    VisitIndexPage computes it lazily, only for an uncached fragment."""
    filters = read_filters(request, index)
    page_obj = paginate(filtered_visits(index, filters), request.GET.get("page"), PER_PAGE)
    visits = list(page_obj.object_list)
    today = timezone.localdate()
    return ArchiveContext(
        filters=filters,
        filter_choices=choices_for(request, index, filters),
        page_obj=page_obj,
        pagination=pagination_links(request, page_obj),
        visits=visits,
        upcoming=[visit for visit in visits if visit.start_date >= today],
        past=[visit for visit in visits if visit.start_date < today],
        follow_links=follow_links(filters),
        result_count_text=result_count_text(page_obj.paginator.count),
    )
