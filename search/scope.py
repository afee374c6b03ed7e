"""The scope of search: which pages it may show, the reader's filters and the date order.

Only live, public pages of Kronika's page types under the request's site, never expired or
scheduled. Relevance order is `ranking.py`'s (docs/search.md): the same integer scores and
tie-breakers on SQLite and PostgreSQL, so the same order on both. `sort=date` is deterministic on
both: the date shown (visit start, publication date, first publication), newest first, then pk.
"""

from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db.models import DateField, F, Q
from django.db.models.functions import Coalesce, ExtractYear, TruncDate
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, Site, get_page_models

from foundation.models import BasePage
from visits.choices import VOIVODESHIP_LABELS
from visits.models import VisitPage, VisitStop

OTHER_PAGES = ("page", _("Strona"))
SORT_CHOICES = [("relevance", _("trafności")), ("date", _("daty, od najnowszych"))]
MIN_YEAR, MAX_YEAR = 1990, 2100


def page_models():
    return [model for model in get_page_models() if issubclass(model, BasePage)]


def kind_models():
    """{kind: page models} of the page types that declare a search kind ("news", "visit")."""
    kinds = {}
    for model in page_models():
        if model.search_kind != OTHER_PAGES[0]:
            kinds.setdefault(model.search_kind, []).append(model)
    return kinds


def type_choices():
    """The reader's "typ" filter: each declared kind with its label, then every other page."""
    kinds = kind_models()
    return [*((kind, models[0].search_kind_label) for kind, models in kinds.items()), OTHER_PAGES]


def type_of(page):
    """'news', 'visit' or 'page' for a (specific) page: what its type declares."""
    return getattr(page, "search_kind", "page")


def lookup_from_page(model, field):
    """The lookup of `model`'s `field` from Page across multi-table inheritance, e.g.
    "listedpage__visitpage__start_date" for VisitPage's start date."""
    parents = [parent for parent in model._meta.get_parent_list() if parent is not Page]
    tables = [parent._meta.model_name for parent in reversed(parents)]
    return "__".join([*tables, model._meta.model_name, field])


def _declaring(attribute):
    """(page model, its value) for each page type that declares `attribute` itself, the most
    specific first: a visit's start date before the publication date every listed page has."""
    models = [model for model in page_models() if vars(model).get(attribute) is not None]
    models.sort(key=lambda model: len(model._meta.get_parent_list()), reverse=True)
    return [(model, getattr(model, attribute)) for model in models]


def shown_date_expression():
    """The date a result shows and sorts by, as a query expression: the `shown_date_field` the
    page types declare, else the first publication."""
    declared = [
        F(lookup_from_page(model, field)) for model, field in _declaring("shown_date_field")
    ]
    return Coalesce(*declared, TruncDate("first_published_at"), output_field=DateField())


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
        if self.type:
            kinds = kind_models()
            if self.type in kinds:
                pages = pages.type(*kinds[self.type])
            else:
                pages = pages.not_type(*(model for models in kinds.values() for model in models))
        if self.year:
            pages = pages.annotate(shown_year=ExtractYear(shown_date_expression())).filter(
                shown_year=self.year
            )
        if self.voivodeship:
            stops = VisitStop.objects.filter(voivodeship=self.voivodeship).values("page_id")
            regions = lookup_from_page(VisitPage, "regions__icontains")
            pages = pages.filter(Q(pk__in=stops) | Q(**{regions: f'"{self.voivodeship}"'}))
        return pages


def read_filters(params):
    """Filters from GET parameters; unknown values are dropped and named in `ignored`."""
    filters = Filters()
    kind = params.get("typ", "")
    if kind in dict(type_choices()):
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


def available_years(pages):
    """Years with at least one searchable page, newest first (one query)."""
    years = (
        pages.annotate(shown_year=ExtractYear(shown_date_expression()))
        .order_by()
        .values_list("shown_year", flat=True)
        .distinct()
    )
    return sorted((year for year in years if year), reverse=True)


#: Where `page_facts` keeps each fact in a page's tuple.
CONTENT, SHOWN, YEARS = range(3)


def page_facts(pages):
    """{id: (content, shown, years)} of every page of `pages` (a page queryset), in one query:
    whether it is an article or a visit (a page type that declares a search kind), the date
    shown as its ordinal (0: none, sorted last) and the years it is dated in (a visit: each
    year of its days). Plain tuples: the site keeps these for 20,000 pages in the cache
    (`results.kept_facts`), and each search that reads them unpickles them.

    A search reads these instead of joining the page tables, so its own statement reads only
    the index.
    """
    ranges = {
        f"range_{index}_{end}": F(lookup_from_page(model, name))
        for index, (model, fields) in enumerate(_declaring("date_range_fields"))
        for end, name in zip(("first", "last"), fields, strict=True)
    }
    kinds = [model for models in kind_models().values() for model in models]
    content_types = {ct.pk for ct in ContentType.objects.get_for_models(*kinds).values()}
    rows = (
        pages.annotate(shown=shown_date_expression(), **ranges)
        .order_by()
        .values_list("pk", "content_type_id", "shown", *ranges)
    )
    facts = {}
    for pk, content_type, shown, *bounds in rows:
        years = (shown.year,) if shown else ()
        for first, last in zip(bounds[::2], bounds[1::2], strict=True):
            span = range(first.year, last.year + 1) if first and last else ()
            if any(year not in years for year in span):
                years = tuple(sorted({*years, *span}))
        ordinal = shown.toordinal() if shown else 0
        facts[pk] = (content_type in content_types, ordinal, years)
    return facts


def newest_first(ids, facts):
    """`ids` by the date shown, newest first, then the newest page (`sort=date`)."""
    return sorted(ids, key=lambda pk: (facts[pk][SHOWN], pk), reverse=True)
