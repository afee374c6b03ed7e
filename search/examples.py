"""Example queries on the empty search page, computed from the content so each one has results:
the towns visited most often, the kind of institution visited most often, the latest year of
visits."""

from django.db.models import Count, Max

from visits.choices import INSTITUTION_KIND_LABELS
from visits.models import VisitPage, VisitStop, VisitStopKind

from .scope import searchable_pages

#: How many of the most visited towns the examples name.
TOWNS = 2


def example_queries(request):
    """Up to four queries a reader may try, each with results (none without visits)."""
    visits = searchable_pages(request).type(VisitPage).values("pk")
    stops = VisitStop.objects.filter(page__in=visits).exclude(town="")
    towns = (
        stops.values("town")
        .annotate(visits=Count("page", distinct=True))
        .order_by("-visits", "town")
        .values_list("town", flat=True)[:TOWNS]
    )
    kinds = (
        VisitStopKind.objects.filter(stop__in=stops.values("pk"))
        .exclude(kind="other")
        .values("kind")
        .annotate(visits=Count("stop__page", distinct=True))
        .order_by("-visits", "kind")
        .values_list("kind", flat=True)[:1]
    )
    latest = VisitPage.objects.filter(pk__in=visits).aggregate(latest=Max("start_date"))["latest"]
    queries = [*towns, *(str(INSTITUTION_KIND_LABELS[kind]) for kind in kinds)]
    if latest:
        queries.append(f"wizyty studyjne {latest.year}")
    return list(dict.fromkeys(queries))
