"""The site shell's page types: the home page, information pages, the sitemap and the
accessibility statement. Thin: logic lives in named modules."""

from typing import NamedTuple

from django.db import models
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from foundation.blocks import RICH_TEXT_FEATURES, shared_blocks
from foundation.caching.lazy import lazy_context
from foundation.indexing.fields import StreamSearchField
from foundation.models import BasePage
from news.listing import latest_entries
from visits.queries import home_visits

from .sitemap_tree import page_tree


class HomeLists(NamedTuple):
    """What the home page shows of news and visits."""

    latest_news: list
    news_index_url: str | None
    upcoming_visits: list
    recent_visits: list
    visit_index_url: str | None


class HomePage(BasePage):
    body = StreamField(shared_blocks(), blank=True, verbose_name=_("treść"))

    content_panels = [*Page.content_panels, FieldPanel("lead"), FieldPanel("body")]
    search_fields = [*BasePage.search_fields, StreamSearchField("body")]
    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    class Meta:
        verbose_name = _("strona główna")
        verbose_name_plural = _("strony główne")

    def get_context(self, request, *args, **kwargs):
        def lists():
            return HomeLists(**latest_entries(self, request), **home_visits(self, request))

        context = super().get_context(request, *args, **kwargs)
        context.update(lazy_context(lists, HomeLists))
        return context


class StandardPage(BasePage):
    """O nas, Kontakt, Polityka prywatności, tekst łatwy do czytania, PJM and the like."""

    body = StreamField(shared_blocks(), blank=True, verbose_name=_("treść"))

    content_panels = [*Page.content_panels, FieldPanel("lead"), FieldPanel("body")]
    search_fields = [*BasePage.search_fields, StreamSearchField("body")]
    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("strona informacyjna")
        verbose_name_plural = _("strony informacyjne")


class SitemapPage(BasePage):
    """Mapa strony: the live public page tree, generated on every request."""

    content_panels = [*Page.content_panels, FieldPanel("lead")]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = _("mapa strony")
        verbose_name_plural = _("mapy strony")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Built only when the page's content fragment is not cached (foundation/caching).
        context["tree"] = SimpleLazyObject(lambda: page_tree(self.get_site().root_page))
        return context


STATUS_CHOICES = [
    (
        "full",
        _(
            "Strona internetowa jest zgodna z ustawą z dnia 4 kwietnia 2019 r. o dostępności "
            "cyfrowej stron internetowych i aplikacji mobilnych podmiotów publicznych."
        ),
    ),
    (
        "partial",
        _(
            "Strona internetowa jest częściowo zgodna z ustawą z dnia 4 kwietnia 2019 r. "
            "o dostępności cyfrowej stron internetowych i aplikacji mobilnych podmiotów "
            "publicznych z powodu niezgodności lub wyłączeń wymienionych poniżej."
        ),
    ),
    (
        "none",
        _(
            "Strona internetowa jest niezgodna z ustawą z dnia 4 kwietnia 2019 r. o dostępności "
            "cyfrowej stron internetowych i aplikacji mobilnych podmiotów publicznych."
        ),
    ),
]


class AccessibilityStatementPage(BasePage):
    """Deklaracja dostępności in the ministry's fixed structure (ids a11y-*)."""

    entity_name = models.CharField(
        _("nazwa podmiotu"),
        max_length=255,
        help_text=_(
            "Pełna nazwa podmiotu publicznego, np. „Regionalny Ośrodek Polityki Społecznej”."
        ),
    )
    site_url = models.URLField(
        _("adres strony"), help_text=_("Adres strony, której dotyczy deklaracja.")
    )
    published_on = models.DateField(
        _("data publikacji strony"), help_text=_("Kiedy strona została opublikowana.")
    )
    updated_on = models.DateField(
        _("data ostatniej dużej aktualizacji"),
        help_text=_("Kiedy strona przeszła ostatnią dużą aktualizację."),
    )
    status = models.CharField(
        _("stan dostępności"),
        max_length=10,
        choices=STATUS_CHOICES,
        default="partial",
        help_text=_("Jedno z trzech zdań wymaganych przez ustawę."),
    )
    non_compliance = RichTextField(
        _("niedostępne treści i wyłączenia"),
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text=_(
            "Lista niezgodności i wyłączeń z uzasadnieniem; wymagana przy zgodności częściowej."
        ),
    )
    prepared_on = models.DateField(_("data sporządzenia deklaracji"))
    reviewed_on = models.DateField(_("data ostatniego przeglądu deklaracji"))
    assessment = models.TextField(
        _("sposób przygotowania"),
        blank=True,
        default="Deklarację sporządzono na podstawie samooceny przeprowadzonej przez podmiot publiczny.",
        help_text=_("Np. samoocena albo badanie przez podmiot zewnętrzny."),
    )
    contact_person = models.CharField(
        _("osoba kontaktowa"),
        max_length=200,
        help_text=_("Osoba odpowiedzialna za kontakt w sprawie dostępności."),
    )
    contact_email = models.EmailField(_("e-mail w sprawie dostępności"))
    contact_phone = models.CharField(_("telefon w sprawie dostępności"), max_length=40)
    procedure = RichTextField(
        _("procedura wnioskowo-skargowa"),
        features=RICH_TEXT_FEATURES,
        help_text=_("Jak zgłosić brak dostępności i złożyć skargę (tekst ustawowy)."),
    )
    architecture = RichTextField(
        _("dostępność architektoniczna"),
        features=RICH_TEXT_FEATURES,
        help_text=_("Opis wejść, wind, toalet, parkingu, pętli indukcyjnych, psa asystującego."),
    )
    communication = RichTextField(
        _("dostępność komunikacyjno-informacyjna"),
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text=_(
            "Tłumacz PJM, kontakt dla osób głuchych, informacja w tekście łatwym do czytania."
        ),
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("entity_name"),
                FieldPanel("site_url"),
                FieldPanel("published_on"),
                FieldPanel("updated_on"),
            ],
            heading=_("Wstęp"),
        ),
        MultiFieldPanel(
            [FieldPanel("status"), FieldPanel("non_compliance")], heading=_("Stan dostępności")
        ),
        MultiFieldPanel(
            [FieldPanel("prepared_on"), FieldPanel("reviewed_on"), FieldPanel("assessment")],
            heading=_("Przygotowanie deklaracji"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("contact_person"),
                FieldPanel("contact_email"),
                FieldPanel("contact_phone"),
                FieldPanel("procedure"),
            ],
            heading=_("Informacje zwrotne i dane kontaktowe"),
        ),
        FieldPanel("architecture"),
        FieldPanel("communication"),
    ]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = _("deklaracja dostępności")
        verbose_name_plural = _("deklaracje dostępności")
