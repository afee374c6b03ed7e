"""Visit querysets for lists (archive, home page, cards): live, public, no bodies loaded."""

from django.db.models import Case, F, IntegerField, Prefetch, When
from django.utils import timezone
from wagtail.images import get_image_model

from .models import VisitIndexPage, VisitPage, VisitStop


def listed_visits(index=None):
    """Live, public visits with what a card shows: card image, its renditions, indexed stops."""

    rendition_model = get_image_model().get_rendition_model()
    queryset = (
        VisitPage.objects.live()
        .public()
        .defer_streamfields()
        .select_related("card_image")
        .prefetch_related(
            Prefetch(
                "card_image__renditions",
                queryset=rendition_model.objects.all(),
                to_attr="prefetched_renditions",
            ),
            Prefetch("indexed_stops", queryset=VisitStop.objects.order_by("position")),
        )
    )
    return queryset.descendant_of(index) if index is not None else queryset


def upcoming_first(queryset, today=None):
    """Upcoming visits (soonest first), then past ones (newest first), in one ordering."""
    today = today or timezone.localdate()
    is_past = Case(When(start_date__gte=today, then=0), default=1, output_field=IntegerField())
    upcoming_date = Case(When(start_date__gte=today, then=F("start_date")))
    return queryset.annotate(is_past=is_past).order_by(
        "is_past", upcoming_date.asc(nulls_last=True), F("start_date").desc(), "-pk"
    )


def upcoming_visits(limit=3, index=None, today=None):
    """The next visits, soonest first."""
    today = today or timezone.localdate()
    return listed_visits(index).filter(start_date__gte=today).order_by("start_date", "pk")[:limit]


def recent_visits(limit=3, index=None, today=None):
    """The latest reports: visits that have started, newest first."""
    today = today or timezone.localdate()
    return listed_visits(index).filter(start_date__lt=today).order_by("-start_date", "-pk")[:limit]


def home_visits(site_root, request, count=3):
    """The home page's next visits and latest visit reports, with the archive link."""

    index = VisitIndexPage.objects.live().public().child_of(site_root).first()
    if index is None:
        return {"upcoming_visits": [], "recent_visits": [], "visit_index_url": None}
    return {
        "upcoming_visits": list(upcoming_visits(count, index)),
        "recent_visits": list(recent_visits(count, index)),
        "visit_index_url": index.get_url(request),
    }
