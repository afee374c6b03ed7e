"""The table of visit stops the archive filters on, rebuilt from a visit's body when it is saved.

Filters then query indexed columns instead of parsing StreamField JSON on every request.
"""

from anyascii import anyascii
from django.db import transaction

from foundation.slugs import ascii_slug

from .models import VisitStop, VisitStopKind


def town_key(town: str) -> str:
    """Folded form of a town for matching: "Łódź", "lodz" and " ŁÓDŹ " all give "lodz"."""
    return " ".join(anyascii(town or "").lower().split())


def stop_anchors(headings):
    """Stable, unique anchor ids for stop headings, in order ("rawicz", "rawicz-2", …)."""
    anchors, seen = [], set()
    for position, heading in enumerate(headings, start=1):
        base = ascii_slug(heading, 80) or f"punkt-{position}"
        anchor, suffix = base, 2
        while anchor in seen:
            anchor, suffix = f"{base}-{suffix}", suffix + 1
        seen.add(anchor)
        anchors.append(anchor)
    return anchors


def stops_of(body):
    """The stop blocks of a body, in order, as plain dicts (with their anchors)."""
    raw = [block for block in body.raw_data if block.get("type") == "stop"]
    values = [block.get("value") or {} for block in raw]
    anchors = stop_anchors(value.get("heading", "") for value in values)
    return [{**value, "anchor": anchor} for value, anchor in zip(values, anchors, strict=True)]


def stop_voivodeships(body):
    """The voivodeships of a body's stops in the order they were first visited, without repeats."""
    return list(
        dict.fromkeys(stop["voivodeship"] for stop in stops_of(body) if stop.get("voivodeship"))
    )


def stop_rows(page):
    """The unsaved VisitStop rows of `page`'s body, each with the kinds of institution it lists."""

    return [
        (
            VisitStop(
                page=page,
                position=position,
                heading=(value.get("heading") or "")[:255],
                anchor=value["anchor"],
                town=(value.get("town") or "").strip()[:100],
                town_key=town_key(value.get("town"))[:100],
                voivodeship=value.get("voivodeship") or "",
                website=(value.get("website") or "")[:500],
            ),
            list(dict.fromkeys(value.get("kinds") or [])),
        )
        for position, value in enumerate(stops_of(page.body))
    ]


def save_stop_rows(rows):
    """Insert stop rows (from `stop_rows`) and their kinds: two queries for any number of pages."""

    stops = VisitStop.objects.bulk_create([stop for stop, _kinds in rows])
    VisitStopKind.objects.bulk_create(
        [
            VisitStopKind(stop=stop, kind=kind)
            for stop, (_row, kinds) in zip(stops, rows, strict=True)
            for kind in kinds
        ]
    )


@transaction.atomic
def rebuild_stop_index(page):
    """Replace the index rows of `page` with its current body's stops."""

    VisitStop.objects.filter(page=page).delete()
    save_stop_rows(stop_rows(page))
