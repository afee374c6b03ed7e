"""StreamField blocks shared by every page type with a body.

One StructBlock per idea, each with its template, a Polish label, a description and a preview
value, so editors see what a block does before they add it.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents import get_document_model
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock as WagtailEmbedBlock
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageBlock

from foundation.security import clean_rich_text

RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul"]
# The block picker shows a preview only with a preview template: ours loads the site's CSS.
BLOCK_PREVIEW_TEMPLATE = "foundation/admin_block_preview.html"


def sample_image_data(caption=""):
    """Raw block data of the newest library image, for block previews (None when empty)."""
    image = get_image_model().objects.order_by("-created_at").first()
    if image is None:
        return None
    alt_text = image.default_alt_text or image.title
    return {
        "image": {"image": image.pk, "alt_text": alt_text, "decorative": False},
        "caption": caption,
    }


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        super().__init__(features=RICH_TEXT_FEATURES, **kwargs)

    def to_python(self, value):
        # Stored HTML is rendered as it is: a script or `javascript:` link that did not come
        # through the editor (an import, a script) is defused whenever the page is read.
        return super().to_python(clean_rich_text(value))

    def clean(self, value):
        value = super().clean(value)
        source = clean_rich_text(value.source)
        return value if source == value.source else self.to_python(source)

    class Meta:
        icon = "pilcrow"
        label = _("Akapit")
        template = "blocks/paragraph.html"
        preview_template = BLOCK_PREVIEW_TEMPLATE
        description = _("Tekst z pogrubieniem, kursywą, odnośnikami i listami.")
        preview_value = (
            "<p>Uczestnicy poznali działania <b>Centrum Usług Społecznych</b> i rozmawiali "
            "o współpracy z organizacjami pozarządowymi.</p>"
        )


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(
        label=_("Tekst nagłówka"),
        max_length=200,
        help_text=_("Krótki tytuł sekcji, bez kropki na końcu."),
    )
    level = blocks.ChoiceBlock(
        label=_("Poziom"),
        choices=[("h2", _("Nagłówek 2")), ("h3", _("Nagłówek 3")), ("h4", _("Nagłówek 4"))],
        default="h2",
        search_index=False,
        help_text=_("Poziom 2 dla głównych sekcji, 3 i 4 dla podsekcji — nie pomijaj poziomów."),
    )

    class Meta:
        icon = "title"
        label = _("Nagłówek")
        template = "blocks/heading.html"
        preview_template = BLOCK_PREVIEW_TEMPLATE
        description = _("Nagłówek sekcji (poziom 2–4).")
        preview_value = {"text": "Przebieg spotkania", "level": "h2"}


class LabelledImageBlock(ImageBlock):
    """Wagtail's ImageBlock with a Polish label on its chooser, which upstream is the bare field
    name "Image" (the editor's path read "Zdjęcie › Zdjęcie › Image"). Deconstructs as
    ImageBlock, so migrations do not change."""

    def __init__(self, required=True, **kwargs):
        super().__init__(required=required, **kwargs)
        chooser = self.child_blocks["image"]
        chooser.label = chooser.meta.label = _("Plik zdjęcia")


class DescribedImageBlock(LabelledImageBlock):
    """Wagtail's ImageBlock whose alt text defaults to the image's description in the library.

    Alt text is asked once, when the image is added; a block's own text overrides it for this
    use, and an empty one (or the description itself) is stored empty, so a description
    corrected later reaches every page that uses it. Publishing still refuses an image with
    neither (Wagtail's ImageBlock.clean), and the title is never used in its place.
    """

    def with_description_as_default(self, image):
        if image is not None and not image.decorative and not image.contextual_alt_text:
            image.contextual_alt_text = getattr(image, "description", "") or ""
        return image

    def to_python(self, value):
        return self.with_description_as_default(super().to_python(value))

    def bulk_to_python(self, values):
        return [self.with_description_as_default(image) for image in super().bulk_to_python(values)]

    def normalize(self, value):
        return self.with_description_as_default(super().normalize(value))

    def value_from_datadict(self, data, files, prefix):
        return self.with_description_as_default(super().value_from_datadict(data, files, prefix))

    def get_prep_value(self, value):
        prep = super().get_prep_value(value)
        description = getattr(value, "description", "") or ""
        if value is not None and description and prep["alt_text"] == description:
            prep["alt_text"] = ""  # the default: follow the library's description
        return prep


class FigureBlock(blocks.StructBlock):
    """An image with its alt text (or marked decorative), caption and credit."""

    image = DescribedImageBlock(
        label=_("Zdjęcie"),
        help_text=_(
            "Tekst alternatywny to opis zdjęcia z biblioteki; zmień go tylko, jeśli tutaj "
            "zdjęcie mówi coś innego, albo zaznacz, że jest dekoracyjne."
        ),
    )
    caption = blocks.CharBlock(
        label=_("Podpis"),
        required=False,
        max_length=300,
        help_text=_("Widoczny pod zdjęciem."),
    )
    credit = blocks.CharBlock(
        label=_("Autor zdjęcia"),
        required=False,
        max_length=120,
        help_text=_("Np. „fot. Jan Kowalski”."),
    )

    class Meta:
        icon = "image"
        label = _("Zdjęcie")
        template = "blocks/figure.html"
        preview_template = BLOCK_PREVIEW_TEMPLATE
        description = _("Jedno zdjęcie z tekstem alternatywnym, podpisem i autorem.")

    def get_preview_value(self):
        data = sample_image_data("Spotkanie w Centrum Usług Społecznych")
        return self.to_python(data) if data else None


class GalleryImageBlock(blocks.StructBlock):
    image = DescribedImageBlock(label=_("Zdjęcie"))
    caption = blocks.CharBlock(label=_("Podpis"), required=False, max_length=300)

    class Meta:
        icon = "image"
        label = _("Zdjęcie w galerii")


class GalleryBlock(blocks.StructBlock):
    title = blocks.CharBlock(
        label=_("Tytuł galerii"),
        required=False,
        max_length=200,
        help_text=_("Opcjonalny; czytniki ekranu ogłaszają go przed zdjęciami."),
    )
    images = blocks.ListBlock(GalleryImageBlock(), label=_("Zdjęcia"), min_num=1)

    class Meta:
        icon = "image"
        label = _("Galeria zdjęć")
        template = "blocks/gallery.html"
        preview_template = BLOCK_PREVIEW_TEMPLATE
        description = _(
            "Miniatury zdjęć; po kliknięciu otwiera się powiększenie, także z klawiatury."
        )

    def get_preview_value(self):
        data = sample_image_data("Uczestnicy wizyty")
        return self.to_python({"title": "Zdjęcia z wizyty", "images": [data] * 3}) if data else None


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Cytat"), help_text=_("Bez cudzysłowów — dodamy je sami."))
    attribution = blocks.CharBlock(
        label=_("Autor cytatu"),
        required=False,
        max_length=200,
        help_text=_("Imię, nazwisko i funkcja."),
    )

    class Meta:
        icon = "openquote"
        label = _("Cytat")
        template = "blocks/quote.html"
        preview_template = BLOCK_PREVIEW_TEMPLATE
        description = _("Wyróżniona wypowiedź z podpisem.")
        preview_value = {
            "quote": "Centrum usług społecznych to usługi bliżej mieszkańców.",
            "attribution": "dyrektorka CUS",
        }


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Dokument"))
    title = blocks.CharBlock(
        label=_("Nazwa odnośnika"),
        required=False,
        max_length=200,
        help_text=_("Gdy puste, użyjemy tytułu dokumentu. Typ i rozmiar pliku dodamy sami."),
    )

    class Meta:
        icon = "doc-full"
        label = _("Dokument do pobrania")
        template = "blocks/document.html"
        preview_template = BLOCK_PREVIEW_TEMPLATE
        description = _("Odnośnik do pliku z jego typem i rozmiarem, np. „(PDF, 1,2 MB)”.")

    def get_preview_value(self):
        document = get_document_model().objects.order_by("-created_at").first()
        if document is None:
            return None
        return self.to_python({"document": document.pk, "title": "Program wizyty studyjnej"})


class EmbedBlock(blocks.StructBlock):
    embed = WagtailEmbedBlock(
        label=_("Adres materiału"), help_text=_("Adres filmu lub materiału, np. z YouTube.")
    )
    title = blocks.CharBlock(
        label=_("Tytuł materiału"),
        max_length=200,
        help_text=_("Wymagany dla dostępności: czytniki ekranu ogłaszają go przy odtwarzaczu."),
    )

    class Meta:
        icon = "media"
        label = _("Film lub osadzony materiał")
        template = "blocks/embed.html"
        preview_template = BLOCK_PREVIEW_TEMPLATE
        description = _("Film lub inny materiał osadzony z zewnętrznego serwisu.")
        # No URL: a preview must not call the provider; the frame stays empty, the title shows.
        preview_value = {"embed": None, "title": "Film z wizyty studyjnej w Jarocinie"}


def shared_blocks():
    """The blocks every body StreamField offers, in the order editors see them."""
    return [
        ("paragraph", ParagraphBlock()),
        ("heading", HeadingBlock()),
        ("image", FigureBlock()),
        ("gallery", GalleryBlock()),
        ("quote", QuoteBlock()),
        ("document", DocumentBlock()),
        ("embed", EmbedBlock()),
    ]


class PhotoPlaceholderBlock(blocks.StructBlock):
    """Where a photo is missing (an imported article's photo the export lost): editors see it in
    the admin with the old caption and replace it or delete it; its public template is empty."""

    caption = blocks.CharBlock(
        label=_("Podpis ze starej strony"),
        required=False,
        max_length=300,
        help_text=_(
            "Podpis lub tytuł zdjęcia w starym artykule — pomoże znaleźć właściwe zdjęcie."
        ),
    )
    source = blocks.CharBlock(
        label=_("Plik na starej stronie"),
        required=False,
        max_length=500,
        help_text=_("Adres lub nazwa pliku zdjęcia w starym artykule, jeśli był znany."),
    )

    class Meta:
        icon = "warning"
        label = _("Miejsce na zdjęcie (z importu)")
        label_format = "Miejsce na zdjęcie: {caption}"
        template = "blocks/photo_placeholder.html"
        # The public template is empty: the picker previews what editors see instead.
        preview_template = "foundation/photo_placeholder_preview.html"
        description = _(
            "Tu w starym artykule było zdjęcie. Zastąp ten blok blokiem „Zdjęcie” albo go usuń — "
            "na stronie nic się nie wyświetla."
        )
        help_text = _(
            "Tu w starym artykule było zdjęcie. Dodaj właściwe zdjęcie blokiem „Zdjęcie” "
            "i usuń ten blok — czytelnicy go nie widzą."
        )
        preview_value = {"caption": "Uczestnicy wizyty przed budynkiem", "source": "zdjecie1.jpg"}
        # Offered only in bodies that already hold one (foundation.forms): imported pages keep
        # theirs.
        import_only = True
