"""What the visit page template shows besides the page fields: photos, JSON-LD, the .ics link."""

from typing import NamedTuple

from django.utils.safestring import mark_safe

from foundation.images import prefetch_stream_renditions, share_image_url
from foundation.models import OrganisationSettings
from news.structured_data import json_ld

from .structured_data import visit_event


class VisitContext(NamedTuple):
    """What the visit template shows besides the page's fields."""

    stops: list[dict]
    body_blocks: list[tuple]
    share_image_url: str | None
    structured_data: str
    ics_url: str


def visit_context(page, request):
    """The visit's VisitContext; computed lazily by VisitPage (only for uncached fragments)."""
    prefetch_stream_renditions(page.body)
    organisation = OrganisationSettings.for_request(request)
    image_url = share_image_url(page.card_image, request)
    event = visit_event(page, request, organisation, image_url)
    anchors = iter(stop["anchor"] for stop in page.stops)
    return VisitContext(
        share_image_url=image_url,
        stops=page.stops,
        body_blocks=[
            (block, next(anchors) if block.block_type == "stop" else None) for block in page.body
        ],
        # json_ld() escapes <, > and &, so the text cannot leave its <script> element.
        structured_data=mark_safe(json_ld(event)),
        ics_url=(page.get_url(request) or "") + page.reverse_subpage("ics"),
    )
