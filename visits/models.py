"""Study visits: the archive page, the visit page and the stop index the archive filters on.

Page methods import the modules they hand work to when called: those modules query these models.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpResponsePermanentRedirect
from django.utils.functional import cached_property
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from foundation.blocks import PhotoPlaceholderBlock, shared_blocks
from foundation.caching.lazy import lazy_context
from foundation.indexing.fields import StreamSearchField
from foundation.models import BasePage
from news.models import ListedPage

from .blocks import VisitStopBlock
from .choices import VOIVODESHIP_LABELS, VOIVODESHIPS, stop_label_texts
from .dates import format_visit_dates
from .page_context import VisitContext, visit_context


class VisitIndexPage(RoutablePageMixin, BasePage):
    """Wizyty studyjne: upcoming visits first, then past ones, with filters, feeds of any
    selection and the archive as open data ("Dane otwarte")."""

    content_panels = [*Page.content_panels, FieldPanel("lead")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["visits.VisitPage"]
    max_count = 1
    # The page explorer lists visits by when they happen, latest first (its rows are base Page
    # rows: a visit field is reached through ListedPage).
    admin_default_ordering = "-listedpage__visitpage__start_date"

    class Meta:
        verbose_name = _("archiwum wizyt studyjnych")
        verbose_name_plural = _("archiwa wizyt studyjnych")

    def get_context(self, request, *args, **kwargs):
        from .archive import ArchiveContext, archive_context

        context = super().get_context(request, *args, **kwargs)
        context.update(lazy_context(lambda: archive_context(self, request), ArchiveContext))
        return context

    @path("")
    def archive(self, request):
        from .archive import archive_head
        from .filters import legacy_kind_redirect

        old_url = legacy_kind_redirect(request)
        if old_url:
            return HttpResponsePermanentRedirect(old_url)
        return self.render(request, context_overrides=archive_head(self, request))

    @path("dane-otwarte/", name="open_data")
    def open_data(self, request):
        from .open_data import open_data_context

        return self.render(
            request,
            template="visits/open_data_page.html",
            context_overrides=open_data_context(self, request),
        )

    def get_sitemap_urls(self, request=None):
        """The archive, its open data page, and each voivodeship and year that has visits:
        the only filtered pages search engines are invited to index."""
        from .sitemap import archive_sitemap_urls

        return archive_sitemap_urls(self, request)

    def get_cached_paths(self):
        return ["/", "/" + self.reverse_subpage("open_data")]


class VisitPage(RoutablePageMixin, ListedPage):
    """One study visit: dates, regions, who took part and the stops in order."""

    start_date = models.DateField(
        _("pierwszy dzień wizyty"), db_index=True, help_text=_("Dzień rozpoczęcia wizyty.")
    )
    end_date = models.DateField(
        _("ostatni dzień wizyty"),
        help_text=_("Dla wizyty jednodniowej — ten sam dzień co pierwszy."),
    )
    # Derived from the stops when saved (clean), kept on the row for search filters and cards;
    # a visit whose stops name no voivodeship keeps what it had.
    regions = models.JSONField(
        _("województwa"),
        default=list,
        blank=True,
        editable=False,
        help_text=_("Województwa punktów wizyty, uzupełniane z nich przy zapisie."),
    )
    organiser = models.CharField(
        _("organizator"),
        max_length=255,
        blank=True,
        help_text=_("Kto zorganizował wizytę, np. „Regionalny Ośrodek Polityki Społecznej”."),
    )
    participants = models.TextField(
        _("uczestnicy"),
        blank=True,
        help_text=_("Kto wziął udział, np. przedstawiciele samorządów i spółdzielni socjalnych."),
    )
    body = StreamField(
        [
            *shared_blocks(),
            ("stop", VisitStopBlock()),
            ("photo_placeholder", PhotoPlaceholderBlock()),
        ],
        blank=True,
        verbose_name=_("treść"),
        help_text=_("Relacja z wizyty; każde odwiedzone miejsce dodaj jako „Punkt wizyty”."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("lead"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
                FieldPanel("organiser"),
                FieldPanel("participants"),
            ],
            heading=_("Wizyta"),
        ),
        FieldPanel("listing_image"),
        FieldPanel("body"),
    ]
    promote_panels = [*Page.promote_panels, FieldPanel("publication_date")]
    search_fields = [
        *ListedPage.search_fields,
        StreamSearchField("body"),
        index.SearchField("participants"),
        index.FilterField("start_date"),
    ]
    parent_page_types = ["visits.VisitIndexPage"]
    subpage_types = []
    search_kind = "visit"
    search_kind_label = _("Wizyta studyjna")
    shown_date_field = "start_date"
    #: The first and last day: a year search finds a visit in any year it spans.
    date_range_fields = ("start_date", "end_date")

    class Meta:
        verbose_name = _("wizyta studyjna")
        verbose_name_plural = _("wizyty studyjne")

    def clean(self):
        super().clean()
        self.derive_regions()  # save_revision() cleans, so revisions carry them too
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError(
                {
                    "end_date": _(
                        "Ostatni dzień wizyty nie może być wcześniejszy niż pierwszy dzień."
                    )
                }
            )

    def derive_regions(self):
        """The visit's voivodeships are its stops' (kept when no stop names one)."""
        from .stop_index import stop_voivodeships

        self.regions = stop_voivodeships(self.body) or self.regions

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        if self.start_date and not self.end_date:
            self.end_date = self.start_date
        if update_fields is None or "body" in update_fields:
            self.derive_regions()
        result = super().save(*args, **kwargs)
        # save_revision() saves only revision bookkeeping: the index follows published content.
        if update_fields is None or "body" in update_fields:
            from .stop_index import rebuild_stop_index

            rebuild_stop_index(self)
        return result

    @property
    def dates_display(self):
        return format_visit_dates(self.start_date, self.end_date)

    @property
    def is_one_day(self):
        return not self.end_date or self.end_date == self.start_date

    card_meta_template = "visits/includes/card_meta.html"

    def card_meta(self):
        """What a news card shows under the title: the visit dates instead of the publication date."""
        return self.dates_display

    def stop_towns(self):
        """Towns of the stops, without repeats, from the (prefetched) stop index."""
        return list(dict.fromkeys(stop.town for stop in self.indexed_stops.all() if stop.town))

    def result_date(self):
        if self.start_date:
            return self.start_date, self.dates_display
        return super().result_date()

    def index_date_text(self):
        return self.dates_display if self.start_date else super().index_date_text()

    def index_facts(self):
        return [text for text in (self.organiser, self.participants, *self.region_labels()) if text]

    def stop_labels(self, stop):
        voivodeships, kinds = stop_label_texts(get_language())
        labels = [voivodeships.get(stop.get("voivodeship"), "")]
        labels.extend(kinds.get(kind, "") for kind in stop.get("kinds") or [])
        return [label for label in labels if label]

    def region_labels(self):
        return [
            str(VOIVODESHIP_LABELS[code])
            for code in self.regions or []
            if code in VOIVODESHIP_LABELS
        ]

    @cached_property
    def stops(self):
        """The stop blocks with their anchors, for the table of contents."""
        from .stop_index import stops_of

        return stops_of(self.body)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(lazy_context(lambda: visit_context(self, request), VisitContext))
        return context

    @path("ics/", name="ics")
    def ics(self, request):
        from .ical import visit_response

        return visit_response(self, request)


class VisitStop(models.Model):
    """One stop of a published visit, copied from the body for the archive filters."""

    page = models.ForeignKey(VisitPage, on_delete=models.CASCADE, related_name="indexed_stops")
    position = models.PositiveSmallIntegerField(_("kolejność"))
    heading = models.CharField(_("nazwa miejsca"), max_length=255)
    anchor = models.CharField(_("kotwica"), max_length=100)
    town = models.CharField(_("miejscowość"), max_length=100)
    town_key = models.CharField(_("miejscowość do wyszukiwania"), max_length=100, db_index=True)
    voivodeship = models.CharField(
        _("województwo"), max_length=30, choices=VOIVODESHIPS, blank=True, db_index=True
    )
    website = models.URLField(_("strona internetowa"), max_length=500, blank=True)

    class Meta:
        ordering = ["page", "position"]
        verbose_name = _("punkt wizyty (indeks)")
        verbose_name_plural = _("punkty wizyt (indeks)")

    def __str__(self):
        return f"{self.town} — {self.heading}"


class VisitStopKind(models.Model):
    """One kind of institution of an indexed stop (a stop may be a CUS and a co-operative)."""

    stop = models.ForeignKey(VisitStop, on_delete=models.CASCADE, related_name="kinds")
    kind = models.CharField(_("rodzaj instytucji"), max_length=30, db_index=True)

    class Meta:
        verbose_name = _("rodzaj instytucji punktu")
        verbose_name_plural = _("rodzaje instytucji punktów")

    def __str__(self):
        return self.kind
