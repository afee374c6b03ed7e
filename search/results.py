"""Which pages search may show, the reader's filters, ordering and the rows of a results page.

Only live, public pages of Kronika's page types under the request's site, never expired or
scheduled. Relevance order is `ranking.py`'s (docs/search.md): the same integer scores and
tie-breakers on SQLite and PostgreSQL, so the same order on both. `sort=date` is deterministic on
both: the date shown (visit start, publication date, first publication), newest first, then pk.
"""

import math
from dataclasses import dataclass, field

from django.db.models import DateField, F, Min, Q
from django.db.models.functions import Coalesce, ExtractYear, TruncDate
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, Site, get_page_models

from home.models import BasePage
from kronika.caching.shared import shared_value
from news.models import NewsPage
from visits.choices import VOIVODESHIP_LABELS
from visits.models import VisitPage, VisitStop

TYPE_CHOICES = [("news", _("Aktualność")), ("visit", _("Wizyta studyjna")), ("page", _("Strona"))]
TYPE_LABELS = dict(TYPE_CHOICES)
SORT_CHOICES = [("relevance", _("trafności")), ("date", _("daty, od najnowszych"))]
MIN_YEAR, MAX_YEAR = 1990, 2100


def page_models():
    return [model for model in get_page_models() if issubclass(model, BasePage)]


def type_of(page):
    """'news', 'visit' or 'page' for a (specific) page."""
    for key, model in (("news", NewsPage), ("visit", VisitPage)):
        if isinstance(page, model):
            return key
    return "page"


def shown_date_expression():
    """The date a result shows and sorts by, as a query expression."""
    return Coalesce(
        F("listedpage__visitpage__start_date"),
        F("listedpage__publication_date"),
        TruncDate("first_published_at"),
        output_field=DateField(),
    )


def searchable_pages(request):
    """Every page search may show to an anonymous reader of this site."""
    now = timezone.now()
    pages = (
        Page.objects.live()
        .type(*page_models())
        .exclude(expire_at__lte=now)
        .exclude(go_live_at__gt=now)
    )
    pages = pages.public()
    site = Site.find_for_request(request)
    if site is not None:
        pages = pages.descendant_of(site.root_page, inclusive=True)
    return pages


def _next_change():
    """The next moment a live page expires or reaches its go-live time, changing what search may
    show without a publish; None when no such moment is ahead."""
    now = timezone.now()
    moments = Page.objects.filter(live=True).aggregate(
        expire=Min("expire_at", filter=Q(expire_at__gt=now)),
        go_live=Min("go_live_at", filter=Q(go_live_at__gt=now)),
    )
    ahead = [moment for moment in moments.values() if moment]
    return min(ahead) if ahead else None


def seconds_to_next_change(request):
    """Seconds until `_next_change()` (None: no such moment ahead). The moment is kept until the
    content changes, so each kept search does not ask for it again; once it has passed (the
    scheduled job that publishes or unpublishes then has not run yet) it is asked afresh."""
    kept = shared_value(request, "next-change", lambda: {"at": _next_change()}, alias="default")
    moment = kept["at"]
    if moment is not None and moment <= timezone.now():
        moment = _next_change()
    if moment is None:
        return None
    return max(1, math.ceil((moment - timezone.now()).total_seconds()))


def kept_until_change(request, name, compute):
    """`compute()`, kept for every worker until the next publish, or until a live page's next
    expiry or go-live moment when that comes first (the default cache: Redis in production)."""
    return shared_value(
        request, name, compute, alias="default", lifetime=lambda: seconds_to_next_change(request)
    )


@dataclass
class Filters:
    type: str = ""
    year: int | None = None
    voivodeship: str = ""
    sort: str = "relevance"
    ignored: list = field(default_factory=list)

    @property
    def active(self):
        return bool(self.type or self.year or self.voivodeship)

    def apply(self, pages):
        if self.type == "news":
            pages = pages.type(NewsPage)
        elif self.type == "visit":
            pages = pages.type(VisitPage)
        elif self.type == "page":
            pages = pages.not_type(NewsPage, VisitPage)
        if self.year:
            pages = pages.annotate(shown_year=ExtractYear(shown_date_expression())).filter(
                shown_year=self.year
            )
        if self.voivodeship:
            stops = VisitStop.objects.filter(voivodeship=self.voivodeship).values("page_id")
            pages = pages.filter(
                Q(pk__in=stops)
                | Q(listedpage__visitpage__regions__icontains=f'"{self.voivodeship}"')
            )
        return pages


def read_filters(params):
    """Filters from GET parameters; unknown values are dropped and named in `ignored`."""
    filters = Filters()
    kind = params.get("typ", "")
    if kind in TYPE_LABELS:
        filters.type = kind
    elif kind:
        filters.ignored.append(_("typ"))
    year = params.get("rok", "")
    if year.isascii() and year.isdigit() and MIN_YEAR <= int(year) <= MAX_YEAR:
        filters.year = int(year)
    elif year:
        filters.ignored.append(_("rok"))
    voivodeship = params.get("wojewodztwo", "")
    if voivodeship in VOIVODESHIP_LABELS:
        filters.voivodeship = voivodeship
    elif voivodeship:
        filters.ignored.append(_("województwo"))
    sort = params.get("sort", "")
    if sort in dict(SORT_CHOICES):
        filters.sort = sort
    elif sort:
        filters.ignored.append(_("sortowanie"))
    return filters


def dated_in(pages, year):
    """The ids of `pages` whose date falls in `year`: a visit's days (from its first to its last),
    else the date shown (publication date, first publication)."""
    dated = Q(shown_year=year) | Q(
        listedpage__visitpage__start_date__year__lte=year,
        listedpage__visitpage__end_date__year__gte=year,
    )
    return (
        pages.annotate(shown_year=ExtractYear(shown_date_expression())).filter(dated).values("pk")
    )


def available_years(pages):
    """Years with at least one searchable page, newest first (one query)."""
    years = (
        pages.annotate(shown_year=ExtractYear(shown_date_expression()))
        .order_by()
        .values_list("shown_year", flat=True)
        .distinct()
    )
    return sorted((year for year in years if year), reverse=True)


def order_by_date(queryset):
    return queryset.annotate(shown=shown_date_expression()).order_by(
        F("shown").desc(nulls_last=True), "-pk"
    )
