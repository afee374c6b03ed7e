"""The visit archive: filters read from the URL, checked against existing values, paginated.

Filters query the stop index (indexed columns), never the StreamField bodies.
"""

from dataclasses import dataclass, field

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from news.listing import paginate, pagination_links

from .choices import INSTITUTION_KIND_LABELS, INSTITUTION_KINDS, VOIVODESHIP_LABELS, VOIVODESHIPS
from .queries import listed_visits, upcoming_first
from .stop_index import town_key

PER_PAGE = 12


@dataclass
class ArchiveFilters:
    year: int | None = None
    voivodeship: str = ""
    town: str = ""  # the folded key
    kind: str = ""
    ignored: list[str] = field(default_factory=list)

    @property
    def active(self):
        return bool(self.year or self.voivodeship or self.town or self.kind)


def filter_options(index):
    """Values that exist among the live visits of the archive, for the filter <select>s."""
    from .models import VisitStop, VisitStopKind

    visits = listed_visits(index).prefetch_related(None).order_by()
    years = sorted({day.year for day in visits.dates("start_date", "year")}, reverse=True)
    stops = VisitStop.objects.filter(page__in=visits.values("pk"))
    towns = {}
    for key, town in stops.values_list("town_key", "town").order_by("town_key", "town").distinct():
        towns.setdefault(key, town)
    present_voivodeships = set(stops.values_list("voivodeship", flat=True).distinct())
    present_kinds = set(
        VisitStopKind.objects.filter(stop__in=stops).values_list("kind", flat=True).distinct()
    )
    return {
        "years": years,
        "voivodeships": [
            (code, label) for code, label in VOIVODESHIPS if code in present_voivodeships
        ],
        "towns": sorted(towns.items()),
        "kinds": [(code, label) for code, label in INSTITUTION_KINDS if code in present_kinds],
    }


def parse_filters(params, options) -> ArchiveFilters:
    """The filters of a query string; unknown values are dropped with a message saying so."""
    filters = ArchiveFilters()
    year = (params.get("rok") or "").strip()
    if year:
        if year.isdigit() and int(year) in options["years"]:
            filters.year = int(year)
        else:
            filters.ignored.append(_("Nie ma wizyt z roku „%(value)s”.") % {"value": year})
    voivodeship = (params.get("wojewodztwo") or "").strip()
    if voivodeship:
        if voivodeship in VOIVODESHIP_LABELS:
            filters.voivodeship = voivodeship
        else:
            filters.ignored.append(_("Nie znamy województwa „%(value)s”.") % {"value": voivodeship})
    town = (params.get("miejscowosc") or "").strip()
    if town:
        key = town_key(town)
        if key in dict(options["towns"]):
            filters.town = key
        else:
            filters.ignored.append(_("Nie ma wizyt w miejscowości „%(value)s”.") % {"value": town})
    kind = (params.get("rodzaj") or "").strip()
    if kind:
        if kind in INSTITUTION_KIND_LABELS:
            filters.kind = kind
        else:
            filters.ignored.append(_("Nie znamy rodzaju instytucji „%(value)s”.") % {"value": kind})
    return filters


def filtered_visits(index, filters: ArchiveFilters, today=None):
    """Visits of the archive matching `filters`; town, voivodeship and kind match one stop."""
    from .models import VisitStop

    visits = listed_visits(index)
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


ARCHIVE_CONTEXT = (
    "filters",
    "filter_options",
    "page_obj",
    "pagination",
    "visits",
    "upcoming",
    "past",
    "calendar_url",
    "result_count_text",
)


def archive_context(index, request):
    """Everything the archive template shows (the keys of ARCHIVE_CONTEXT), computed here so
    tests can reach it; VisitIndexPage computes it lazily, only for an uncached fragment."""
    options = filter_options(index)
    filters = parse_filters(request.GET, options)
    page_obj = paginate(filtered_visits(index, filters), request.GET.get("page"), PER_PAGE)
    visits = list(page_obj.object_list)
    today = timezone.localdate()
    return {
        "filters": filters,
        "filter_options": options,
        "page_obj": page_obj,
        "pagination": pagination_links(request, page_obj),
        "visits": visits,
        "upcoming": [visit for visit in visits if visit.start_date >= today],
        "past": [visit for visit in visits if visit.start_date < today],
        "calendar_url": reverse("visit_calendar"),
        "result_count_text": result_count_text(page_obj.paginator.count),
    }
