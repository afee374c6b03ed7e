"""The foundation's models: `BasePage`, what every Kronika page is, and the organisation's
settings every page shows (header, footer, schema.org publisher)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index

from .caching.routes import UNRESTRICTED_ATTR
from .caching.shared import shared_value
from .colours import darker, validate_accent_colour
from .forms import KronikaPageForm
from .indexing.documents import proximity_keys, search_keys, suggestion_keys
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
        """None without a query when a kept route knew the page had none (foundation/caching)."""
        if getattr(self, UNRESTRICTED_ATTR, False):
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()

    #: What search calls the page type ("news", "visit"; "page" for the rest) and its label,
    #: which the index holds too, so "wizyta" finds visits whose text never says it.
    search_kind = "page"
    search_kind_label = ""
    #: The field holding the date the page shows and sorts by, on the type that declares it.
    shown_date_field = None

    def result_date(self):
        """The date a search result shows and its text; none for pages whose publication says
        nothing to a reader (standard, index and utility pages)."""
        return None, ""

    def index_date_text(self):
        """The page's date as words and numbers for the index ("wizyty 2021" finds a visit of
        September 2021)."""
        return ""

    def index_facts(self):
        """The page's data fields as texts, for the index and snippets (a visit's organiser)."""
        return []

    def stop_labels(self, stop):
        """The labels of a raw stop block's codes (a voivodeship, kinds of institution)."""
        return []

    def meta_description(self):
        """What search engines and share cards show: the SEO description, else the lead."""
        return self.search_description or self.lead

    def share_image(self):
        """The image of share cards; page types with images override it."""
        return None

    def search_keys(self):
        """The Polish-normalised keys of the page's text, indexed so base forms find inflections."""
        return search_keys(self)

    def proximity_keys(self):
        """Each two words side by side, marked, for the ranking's proximity bonus."""
        return proximity_keys(self)

    def suggestion_keys(self):
        """The title's folded words, marked, for type-ahead suggestions (indexing/documents.py)."""
        return suggestion_keys(self.title)


SETTINGS_ATTR = "_kronika_organisation_settings"


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
        """Wagtail's per-request settings, kept in the shared cache until the content changes.

        Every page shows them (header, footer, schema.org publisher); a save bumps the content
        version (foundation/caching), so a changed phone number shows at once.
        """
        if not hasattr(request, SETTINGS_ATTR):
            instance = shared_value(
                request,
                "organisation-settings",
                lambda: super(OrganisationSettings, cls).for_request(request),
            )
            setattr(request, SETTINGS_ATTR, instance)
        return getattr(request, SETTINGS_ATTR)

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
