"""The archive's filter choices: only values that live, public visits have, with their counts.

Every choice is counted under the other filters chosen (a choice that would give no visits is
not offered), from one query of stop facts per filter set, kept until the next publish.
"""

from collections import defaultdict

from foundation.caching.shared import shared_value

from .choices import INSTITUTION_KINDS, KIND_SLUGS, VOIVODESHIPS
from .filters import ArchiveFilters, parse_filters
from .models import VisitPage

FACETS = ("year", "voivodeship", "town", "kind")


def archive_facts(index):
    """(visit, year, voivodeship, town key, town, kind) for every stop and kind of the live,
    public visits of `index`; a visit without stops gives one row of its year alone."""

    rows = (
        VisitPage.objects.live()
        .public()
        .descendant_of(index)
        .order_by()
        .values_list(
            "pk",
            "start_date",
            "indexed_stops__voivodeship",
            "indexed_stops__town_key",
            "indexed_stops__town",
            "indexed_stops__kinds__kind",
        )
    )
    return [
        (pk, start.year, voivodeship or "", key or "", town or "", kind or "")
        for pk, start, voivodeship, key, town, kind in rows
    ]


def _matches(values, filters, skip):
    return all(
        not getattr(filters, name) or values[name] == getattr(filters, name)
        for name in FACETS
        if name != skip
    )


def facet_counts(facts, filters):
    """{facet: {value: number of visits}}, each facet counted under the other filters; town,
    voivodeship and kind must hold for the same stop, as the archive filters them."""
    visits = {name: defaultdict(set) for name in FACETS}
    for pk, year, voivodeship, town, _label, kind in facts:
        values = {"year": year, "voivodeship": voivodeship, "town": town, "kind": kind}
        for name in FACETS:
            if values[name] and _matches(values, filters, skip=name):
                visits[name][values[name]].add(pk)
    return {
        name: {value: len(pks) for value, pks in found.items()} for name, found in visits.items()
    }


def _choice(value, label, count, selected):
    return {"value": value, "label": str(label), "count": count, "selected": selected}


def filter_choices(facts, filters: ArchiveFilters):
    """The options of the four selects; the chosen value stays offered even when the other
    filters leave it no visits (the form must show what was asked)."""
    counts = facet_counts(facts, filters)
    town_labels = {}
    for *_head, key, town, _kind in sorted(facts, key=lambda row: (row[3], row[4])):
        if key:
            town_labels.setdefault(key, town)

    def offered(name, value):
        return value in counts[name] or value == getattr(filters, name)

    years = sorted({*counts["year"], *([filters.year] if filters.year else [])}, reverse=True)
    towns = sorted({*counts["town"], *([filters.town] if filters.town else [])})
    return {
        "years": [
            _choice(year, year, counts["year"].get(year, 0), year == filters.year) for year in years
        ],
        "voivodeships": [
            _choice(code, label, counts["voivodeship"].get(code, 0), code == filters.voivodeship)
            for code, label in VOIVODESHIPS
            if offered("voivodeship", code)
        ],
        "towns": [
            _choice(key, town_labels.get(key, key), counts["town"].get(key, 0), key == filters.town)
            for key in towns
        ],
        "kinds": [
            _choice(KIND_SLUGS[code], label, counts["kind"].get(code, 0), code == filters.kind)
            for code, label in INSTITUTION_KINDS
            if offered("kind", code)
        ],
    }


def archive_choices(request, index):
    """Everything the archive needs of its existing values, kept until the next publish."""
    return shared_value(
        request,
        f"visit-choices:{index.pk}:-",
        lambda: filter_choices(archive_facts(index), ArchiveFilters()),
    )


def present_values(request, index):
    """{"years": {…}, "towns": {…}}: what `parse_filters` accepts on the archive page."""
    choices = archive_choices(request, index)
    return {
        "years": {choice["value"] for choice in choices["years"]},
        "towns": {choice["value"] for choice in choices["towns"]},
    }


def read_filters(request, index):
    """The request's filters, years and towns checked against those the archive has."""
    return parse_filters(request.GET, present_values(request, index))


def choices_for(request, index, filters: ArchiveFilters):
    """The select options under `filters`: one query per filter set, kept until the next publish."""
    if not filters.active:
        return archive_choices(request, index)
    return shared_value(
        request,
        f"visit-choices:{index.pk}:{filters.cache_name()}",
        lambda: filter_choices(archive_facts(index), filters),
    )
