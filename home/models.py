"""The site shell's page types and site settings. Thin: logic lives in named modules."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index

from kronika.caching.routes import UNRESTRICTED_ATTR
from search.fields import StreamSearchField

from .blocks import RICH_TEXT_FEATURES, shared_blocks
from .colours import darker, validate_accent_colour
from .forms import KronikaPageForm
from .slugs import TransliteratedSlugMixin


class BasePage(TransliteratedSlugMixin, Page):
    """Every Kronika page: ASCII slugs and the data the meta tags need."""

    lead = models.TextField(
        _("lead"),
        blank=True,
        max_length=600,
        help_text=_(
            "Lead — 1–2 zdania, pokazywane na listach, w wynikach wyszukiwania i w udostępnieniach."
        ),
    )

    search_fields = [
        *Page.search_fields,
        index.SearchField("lead"),
        index.SearchField("search_keys"),
        index.AutocompleteField("suggestion_keys"),
        index.AutocompleteField("proximity_keys"),
    ]
    base_form_class = KronikaPageForm

    class Meta:
        abstract = True

    def get_view_restrictions(self):
        """None without a query when a kept route knew the page had none (kronika/caching)."""
        if getattr(self, UNRESTRICTED_ATTR, False):
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()

    def meta_description(self):
        """What search engines and share cards show: the SEO description, else the lead."""
        return self.search_description or self.lead

    def share_image(self):
        """The image of share cards; page types with images override it."""
        return None

    def search_keys(self):
        """The Polish-normalised keys of the page's text, indexed so base forms find inflections."""
        from search.documents import search_keys

        return search_keys(self)

    def proximity_keys(self):
        """Each two words side by side, marked, for the ranking's proximity bonus."""
        from search.documents import proximity_keys

        return proximity_keys(self)

    def suggestion_keys(self):
        """The title's folded words, marked, for type-ahead suggestions (search/documents.py)."""
        from search.documents import suggestion_keys

        return suggestion_keys(self.title)


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
        from kronika.caching.lazy import lazy_context
        from news.listing import latest_entries
        from visits.queries import home_visits

        def lists():
            return {**latest_entries(self, request), **home_visits(self, request)}

        context = super().get_context(request, *args, **kwargs)
        names = ("latest_news", "news_index_url", "upcoming_visits", "recent_visits")
        context.update(lazy_context(lists, (*names, "visit_index_url")))
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
        from django.utils.functional import SimpleLazyObject

        from .sitemap_tree import page_tree

        context = super().get_context(request, *args, **kwargs)
        # Built only when the page's content fragment is not cached (kronika/caching).
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


@register_setting(icon="site")
class OrganisationSettings(BaseSiteSetting):
    """Who runs the site: shown in the footer, the contact data and schema.org publisher."""

    name = models.CharField(_("nazwa organizacji"), max_length=255)
    short_name = models.CharField(
        _("nazwa skrócona"), max_length=80, blank=True, help_text=_("Pokazywana w nagłówku strony.")
    )
    address = models.TextField(
        _("adres"), blank=True, help_text=_("Ulica, kod i miejscowość, w osobnych wierszach.")
    )
    phone = models.CharField(_("telefon"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    epuap = models.CharField(
        _("adres skrytki ePUAP"), max_length=120, blank=True, help_text=_("Np. /ROPS/SkrytkaESP.")
    )
    e_delivery = models.CharField(
        _("adres do e-Doręczeń"),
        max_length=120,
        blank=True,
        help_text=_("Np. AE:PL-12345-67890-ABCDE-12."),
    )
    nip = models.CharField(_("NIP"), max_length=20, blank=True)
    regon = models.CharField(_("REGON"), max_length=20, blank=True)
    bip_url = models.URLField(
        _("adres BIP"), blank=True, help_text=_("Biuletyn Informacji Publicznej.")
    )
    opening_hours = models.TextField(_("godziny pracy"), blank=True)
    facebook_url = models.URLField(_("Facebook"), blank=True)
    youtube_url = models.URLField(_("YouTube"), blank=True)
    linkedin_url = models.URLField(_("LinkedIn"), blank=True)
    contact_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("strona „Kontakt”"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("strona „Polityka prywatności”"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    easy_read_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("strona w tekście łatwym do czytania (ETR)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    sign_language_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("strona w Polskim Języku Migowym (PJM)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    open_data_licence = models.URLField(
        _("licencja danych otwartych"),
        blank=True,
        help_text=_(
            "Adres licencji, na której udostępniamy archiwum wizyt jako dane otwarte; "
            "puste — Creative Commons Uznanie autorstwa 4.0 (CC BY 4.0)."
        ),
    )

    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Pokazywane w nagłówku obok nazwy skróconej (najlepiej PNG z przezroczystym tłem)."
        ),
    )
    favicon = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("ikona strony (favicon)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Kwadratowy obraz, co najmniej 192 × 192 px; puste — ikona Kroniki."),
    )
    accent_colour = models.CharField(
        _("kolor wiodący"),
        max_length=7,
        blank=True,
        validators=[validate_accent_colour],
        help_text=_(
            "Kolor linków, przycisków i paska nagłówka w zapisie #RRGGBB, np. #0b4f8a. Musi mieć "
            "kontrast co najmniej 4,5:1 z jasnym tłem strony (WCAG 2.1 AA); puste — kolor Kroniki."
        ),
    )

    select_related = [
        "contact_page",
        "privacy_page",
        "easy_read_page",
        "sign_language_page",
        "logo",
        "favicon",
    ]

    def accent_style(self):
        """The style attribute that gives the page the organisation's accent ("" without one)."""
        if not self.accent_colour:
            return ""
        return (
            f"--org-accent: {self.accent_colour}; --org-accent-dark: {darker(self.accent_colour)}"
        )

    @classmethod
    def for_request(cls, request):
        """Wagtail's per-request settings, from the shell in the shared cache (one read for both).

        Every page shows them (header, footer, schema.org publisher); a save bumps the content
        version (kronika/caching), so a changed phone number shows at once.
        """
        from .context_processors import shell_data

        instance = shell_data(request).get("settings")
        return instance if instance is not None else cls.for_request_uncached(request)

    @classmethod
    def for_request_uncached(cls, request):
        return super().for_request(request)

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("name"),
                FieldPanel("short_name"),
                FieldPanel("address"),
                FieldPanel("opening_hours"),
            ],
            heading=_("Organizacja"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("phone"),
                FieldPanel("email"),
                FieldPanel("epuap"),
                FieldPanel("e_delivery"),
                FieldPanel("nip"),
                FieldPanel("regon"),
                FieldPanel("bip_url"),
            ],
            heading=_("Kontakt i dane urzędowe"),
        ),
        MultiFieldPanel(
            [FieldPanel("facebook_url"), FieldPanel("youtube_url"), FieldPanel("linkedin_url")],
            heading=_("Media społecznościowe"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("contact_page"),
                FieldPanel("privacy_page"),
                FieldPanel("easy_read_page"),
                FieldPanel("sign_language_page"),
            ],
            heading=_("Strony w stopce"),
        ),
        MultiFieldPanel(
            [FieldPanel("logo"), FieldPanel("favicon"), FieldPanel("accent_colour")],
            heading=_("Wygląd"),
        ),
        FieldPanel("open_data_licence"),
    ]

    class Meta:
        verbose_name = _("dane organizacji")
        verbose_name_plural = _("dane organizacji")
