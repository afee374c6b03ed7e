"""/szukaj/: the search page, and /szukaj/podpowiedzi/: title suggestions as JSON."""

from urllib.parse import urlencode

from django.conf import settings
from django.core.paginator import Paginator
from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET

from foundation.caching.shared import shared_value
from foundation.pagination import page_number, pagination_links
from visits.choices import VOIVODESHIPS

from .examples import example_queries
from .query import echoed, parse_query, split_year
from .results import matching_pages, promoted_results, result_rows
from .scope import SORT_CHOICES, available_years, read_filters, searchable_pages, type_choices
from .suggestions import closest_spellings, title_suggestions

FILTER_PARAMS = ("typ", "rok", "wojewodztwo")


def _url(params):
    return "?" + urlencode({key: value for key, value in params.items() if value not in ("", None)})


@require_GET
def search(request):
    parsed = parse_query(request.GET.get("q", ""))
    filters = read_filters(request.GET)
    searching = not parsed.is_empty or filters.active
    context = {
        "search_query": parsed.text,
        "query_echo": echoed(parsed),
        "filters": filters,
        "searching": searching,
        "type_choices": type_choices(),
        "sort_choices": SORT_CHOICES,
        "voivodeship_choices": VOIVODESHIPS,
        # The same for every reader until the next publish: one query per generation, not a
        # scan of every page's dates on each search.
        "years": shared_value(
            request, "search-years", lambda: available_years(searchable_pages(request))
        ),
        "example_queries": [
            {"text": text, "url": _url({"q": text})}
            for text in shared_value(request, "search-examples", lambda: example_queries(request))
        ],
        "ignored_filters": [str(name) for name in filters.ignored],
    }
    if searching:
        context.update(_results_context(request, parsed, filters))
    return TemplateResponse(request, "search/search.html", context)


def _results_context(request, parsed, filters):
    """One page of results, the count, the year note, editors' picks on the first page and,
    when nothing was found, the closest spellings."""
    found = matching_pages(request, parsed, filters)
    # A page past the end (fewer results since the link was made) shows the last one.
    paginator = Paginator(found, settings.KRONIKA_SEARCH_RESULTS_PER_PAGE)
    page_of_results = paginator.get_page(page_number(request.GET.get("page")))
    count = page_of_results.paginator.count
    first_page = page_of_results.number == 1
    context = {
        "results": page_of_results,
        "rows": result_rows(request, parsed, found.ids_of(page_of_results)),
        "count": count,
        "count_text": ngettext("Znaleziono %(count)d wynik", "Znaleziono %(count)d wyników", count)
        % {"count": count},
        "pagination": pagination_links(
            request, page_of_results, keep=("q", *FILTER_PARAMS, "sort")
        ),
        "promoted": promoted_results(request, parsed, record_hit=True) if first_page else [],
    }
    year = split_year(parsed)[0]
    if year is not None:
        context["year_note"] = _(
            "Rok %(year)d: najpierw strony z tego roku (wizyty według ich dat), potem te, "
            "które tylko o nim wspominają."
        ) % {"year": year}
    if count == 0:
        context["closest"] = [
            {"text": text, "url": _url({"q": text})} for text in closest_spellings(request, parsed)
        ]
        if filters.active:
            context["without_filters_url"] = _url({"q": parsed.text})
    return context


@require_GET
def suggest(request):
    found = title_suggestions(request, request.GET.get("q", ""))
    announcement = (
        ngettext("%(count)d podpowiedź", "%(count)d podpowiedzi", len(found))
        % {"count": len(found)}
        if found
        else _("Brak podpowiedzi")
    )
    response = JsonResponse({"results": found, "announcement": announcement})
    response["X-Robots-Tag"] = "noindex"
    return response
