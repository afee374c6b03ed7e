"""Feeds and data of the archive at plain URLs (`kalendarz.ics`, `rss.xml`, `dane.csv`…), as
Wagtail's page routes always end with "/"; each takes the archive page's filters."""

from django.http import Http404, HttpResponseBadRequest, HttpResponsePermanentRedirect
from wagtail.models import Site

from .facets import archive_choices
from .feeds import VisitAtomFeed, VisitRssFeed, selection_title
from .filters import legacy_kind_redirect, parse_filters
from .ical import feed_response
from .models import VisitIndexPage
from .open_data import csv_response, data_rows, data_visits, dcat_response, json_response


def archive_index(request):
    """The site's live, public visit archive, or 404."""

    site = Site.find_for_request(request)
    index = (
        VisitIndexPage.objects.live().public().descendant_of(site.root_page).first()
        if site
        else None
    )
    if index is None:
        raise Http404("Nie ma archiwum wizyt.")
    return index


def selection_view(respond):
    """A view of one selection: old kind codes redirect (301), an unknown value is a 400 in
    Polish; `respond(request, index, filters)` answers the rest."""

    def view(request):
        old_url = legacy_kind_redirect(request)
        if old_url:
            return HttpResponsePermanentRedirect(old_url)
        index = archive_index(request)
        filters = parse_filters(request.GET)
        if filters.ignored:
            return HttpResponseBadRequest(
                "Nie rozpoznaliśmy filtrów: " + " ".join(filters.ignored),
                content_type="text/plain; charset=utf-8",
            )
        return respond(request, index, filters)

    view.__name__ = respond.__name__
    view.__doc__ = respond.__doc__
    return view


def _title(request, index, filters):
    towns = {
        choice["value"]: choice["label"] for choice in archive_choices(request, index)["towns"]
    }
    return selection_title(index, filters, towns)


@selection_view
def calendar_feed(request, index, filters):
    """`kalendarz.ics`: the next visits and those of the last 12 months, or a selection."""
    return feed_response(index, request, filters, _title(request, index, filters))


@selection_view
def rss_feed(request, index, filters):
    return VisitRssFeed()(request, index, filters, _title(request, index, filters))


@selection_view
def atom_feed(request, index, filters):
    return VisitAtomFeed()(request, index, filters, _title(request, index, filters))


@selection_view
def data_csv(request, index, filters):
    """`dane.csv`: one row per stop of the selection, UTF-8, with a header."""
    return csv_response(data_rows(data_visits(index, filters), request))


@selection_view
def data_json(request, index, filters):
    return json_response(data_rows(data_visits(index, filters), request))


def dataset_description(request):
    """`dane.rdf`: the DCAT-AP PL description dane.gov.pl harvests."""
    return dcat_response(archive_index(request), request)
