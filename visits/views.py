"""The iCal feed of the archive: a plain URL, as Wagtail's page routes always end with "/"."""

from django.http import Http404
from wagtail.models import Site

from .ical import feed_response


def calendar_feed(request):
    """`/wizyty-studyjne/kalendarz.ics`: upcoming visits and those of the last 12 months."""
    from .models import VisitIndexPage

    site = Site.find_for_request(request)
    index = (
        VisitIndexPage.objects.live().public().descendant_of(site.root_page).first()
        if site
        else None
    )
    if index is None:
        raise Http404("Nie ma archiwum wizyt.")
    return feed_response(index, request)
