"""schema.org `Event` data of a visit, built in Python and serialised safely for a <script>."""

from django.utils.html import strip_tags

from .choices import VOIVODESHIP_LABELS


def stop_place(stop):
    return {
        "@type": "Place",
        "name": stop.get("heading", ""),
        "address": {
            "@type": "PostalAddress",
            "addressLocality": stop.get("town", ""),
            "addressRegion": str(VOIVODESHIP_LABELS.get(stop.get("voivodeship"), "")),
            "addressCountry": "PL",
        },
        **({"url": stop["website"]} if stop.get("website") else {}),
    }


def visit_event(page, request, organisation=None, image_url=None):
    """The `Event` of a visit: dates, one Place per stop, the organiser, image and description."""
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": page.title,
        "startDate": page.start_date.isoformat(),
        "endDate": (page.end_date or page.start_date).isoformat(),
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "url": page.get_full_url(request),
        "location": [stop_place(stop) for stop in page.stops],
    }
    description = page.meta_description() or strip_tags(page.participants)
    if description:
        data["description"] = description
    if organisation is not None and organisation.name:
        data["organizer"] = {
            "@type": "Organization",
            "name": organisation.name,
            "url": request.build_absolute_uri("/"),
        }
    if image_url:
        data["image"] = [image_url]
    return data
