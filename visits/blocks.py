"""The visit stop: a headed section of a visit report (place, town, kinds, people, photos)."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from foundation.blocks import (
    BLOCK_PREVIEW_TEMPLATE,
    RICH_TEXT_FEATURES,
    GalleryImageBlock,
    sample_image_data,
)

from .choices import (
    INSTITUTION_KIND_LABELS,
    INSTITUTION_KINDS,
    KIND_FULL_NAMES,
    VOIVODESHIP_LABELS,
    VOIVODESHIPS,
)


class PersonBlock(blocks.StructBlock):
    name = blocks.CharBlock(
        label=_("Imię i nazwisko"), max_length=150, help_text=_("Np. „Anna Kowalska”.")
    )
    role = blocks.CharBlock(
        label=_("Funkcja"),
        required=False,
        max_length=200,
        help_text=_("Np. „dyrektorka Centrum Usług Społecznych”."),
    )

    class Meta:
        icon = "user"
        label = _("Osoba")
        label_format = "{name}"


class VisitStopValue(blocks.StructValue):
    """Labels a template can print without looking codes up itself."""

    def voivodeship_label(self):
        return VOIVODESHIP_LABELS.get(self.get("voivodeship"), "")

    def gallery(self):
        """The value the shared gallery template expects, titled after the place."""
        return {
            "title": _("Zdjęcia: %(place)s") % {"place": self.get("heading")},
            "images": self.get("photos") or [],
        }

    def kind_labels(self):
        return [
            str(INSTITUTION_KIND_LABELS[kind])
            for kind in self.get("kinds") or []
            if kind in INSTITUTION_KIND_LABELS
        ]

    def kinds_named(self):
        """(label, full name or "") of each kind: acronyms get their full name in <abbr>."""
        return [
            (str(INSTITUTION_KIND_LABELS[kind]), str(KIND_FULL_NAMES.get(kind, "")))
            for kind in self.get("kinds") or []
            if kind in INSTITUTION_KIND_LABELS
        ]


class VisitStopBlock(blocks.StructBlock):
    heading = blocks.CharBlock(
        label=_("Nazwa miejsca"),
        max_length=200,
        help_text=_(
            "Nagłówek punktu, np. „Centrum Usług Społecznych w Rawiczu”; pojawi się w spisie punktów."
        ),
    )
    town = blocks.CharBlock(
        label=_("Miejscowość"),
        max_length=100,
        help_text=_("W mianowniku, np. „Rawicz”, „Łódź” — po niej czytelnicy filtrują archiwum."),
    )
    voivodeship = blocks.ChoiceBlock(
        label=_("Województwo"), choices=VOIVODESHIPS, help_text=_("Województwo miejscowości.")
    )
    kinds = blocks.MultipleChoiceBlock(
        label=_("Rodzaj instytucji"),
        choices=INSTITUTION_KINDS,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Zaznacz wszystkie pasujące, np. CUS i spółdzielnia socjalna."),
    )
    description = blocks.RichTextBlock(
        label=_("Opis"),
        features=RICH_TEXT_FEATURES,
        help_text=_("Co uczestnicy zobaczyli i o czym rozmawiali."),
    )
    people = blocks.ListBlock(
        PersonBlock(),
        label=_("Osoby, z którymi się spotkano"),
        default=[],
        collapsed=True,
    )
    website = blocks.URLBlock(
        label=_("Strona internetowa"), required=False, help_text=_("Adres strony instytucji.")
    )
    photos = blocks.ListBlock(GalleryImageBlock(), label=_("Zdjęcia"), default=[], collapsed=True)

    class Meta:
        icon = "site"
        label = _("Punkt wizyty")
        template = "visits/blocks/visit_stop.html"
        value_class = VisitStopValue
        description = _(
            "Odwiedzone miejsce: nazwa, miejscowość, rodzaj instytucji, opis, osoby i zdjęcia."
        )
        label_format = "{town} — {kinds}: {heading}"
        preview_template = BLOCK_PREVIEW_TEMPLATE
        form_classname = "visit-stop-block struct-block"

    def get_preview_value(self):
        photo = sample_image_data("Spotkanie z zespołem")
        return self.to_python(
            {
                "heading": "Centrum Usług Społecznych w Przykładowie",
                "town": "Przykładowo",
                "voivodeship": "wielkopolskie",
                "kinds": ["cus", "social_cooperative"],
                "description": "<p>Dyrektorka przedstawiła etapy tworzenia centrum.</p>",
                "people": [{"name": "Anna Przykładowa", "role": "dyrektorka CUS"}],
                "website": "https://example.org/",
                "photos": [photo] if photo else [],
            }
        )
