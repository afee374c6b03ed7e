"""iCalendar files of visits: one visit (`…/ics/`) and the feed of the archive (`kalendarz.ics`)."""

import datetime
from urllib.parse import urlsplit

from django.http import HttpResponse
from django.utils import timezone
from django.utils.html import strip_tags
from icalendar import Calendar, Event

from foundation.slugs import ascii_slug

from .archive import filtered_visits
from .models import VisitPage

PRODID = "-//Kronika//Wizyty studyjne//PL"
CALENDAR_SIZE = 500


def _calendar(name):
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    return calendar


def _host(page, request):
    return urlsplit(page.get_full_url(request) or "").hostname or "kronika"


def location_of(stops):
    """ "Heading, Town; Heading, Town" — every stop, in order."""
    return "; ".join(
        ", ".join(part for part in (stop.get("heading"), stop.get("town")) if part)
        for stop in stops
    )


def description_of(page, stops):
    lines = [page.lead] if page.lead else []
    for position, stop in enumerate(stops, start=1):
        line = f"{position}. {stop.get('heading', '')}, {stop.get('town', '')}"
        text = " ".join(strip_tags(stop.get("description") or "").split())
        lines.append(f"{line}: {text}" if text else line)
    return "\n".join(lines).strip()


def indexed_stops(page):
    """Stops from the stop index (prefetched), so the feed never parses bodies."""
    return [{"heading": stop.heading, "town": stop.town} for stop in page.indexed_stops.all()]


def visit_vevent(page, request, stops, stamp=None):
    """One all-day VEVENT; DTEND is exclusive (the day after the last day), as RFC 5545 wants."""
    event = Event()
    event.add("uid", f"visit-{page.pk}@{_host(page, request)}")
    event.add("dtstamp", stamp or timezone.now())
    event.add("summary", page.title)
    event.add("dtstart", page.start_date)
    event.add("dtend", (page.end_date or page.start_date) + datetime.timedelta(days=1))
    location = location_of(stops)
    if location:
        event.add("location", location)
    description = description_of(page, stops)
    if description:
        event.add("description", description)
    event.add("url", page.get_full_url(request))
    if page.last_published_at:
        event.add("last-modified", page.last_published_at)
    return event


def _response(calendar, filename):
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def visit_response(page, request):
    calendar = _calendar(page.title)
    calendar.add_component(visit_vevent(page, request, page.stops, stamp=page.last_published_at))
    filename = (ascii_slug(page.slug, 80) or f"wizyta-{page.pk}") + ".ics"
    return _response(calendar, filename)


def calendar_visits(index):
    """Live, public visits of `index` with their indexed stops, bodies deferred."""

    return (
        VisitPage.objects.live()
        .public()
        .descendant_of(index)
        .defer_streamfields()
        .prefetch_related("indexed_stops")
    )


def feed_visits(index, today=None):
    """Live, public visits that are upcoming or ended in the last 12 months, soonest first."""
    today = today or timezone.localdate()
    since = today - datetime.timedelta(days=365)
    return calendar_visits(index).filter(end_date__gte=since).order_by("start_date", "pk")


def selection_visits(index, filters):
    """The visits of a filtered selection, as the archive lists them (at most CALENDAR_SIZE)."""

    return filtered_visits(index, filters, visits=calendar_visits(index))[:CALENDAR_SIZE]


def feed_response(index, request, filters, name):
    """The archive's calendar: without filters the next visits and those of the last 12 months
    (what a subscriber plans with); with filters every visit of the selection."""
    calendar = _calendar(name)
    visits = selection_visits(index, filters) if filters.active else feed_visits(index)
    for page in visits:
        stamp = page.last_published_at
        calendar.add_component(visit_vevent(page, request, indexed_stops(page), stamp=stamp))
    return _response(calendar, "wizyty-studyjne.ics")
