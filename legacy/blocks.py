"""The photo placeholder: where an old article had a photo the export lost.

Editors see it in the admin (with the old caption) and replace it with a photo or delete it;
readers never see it — its template renders nothing.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class PhotoPlaceholderBlock(blocks.StructBlock):
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
        template = "legacy/blocks/photo_placeholder.html"
        # The public template is empty: the picker previews what editors see instead.
        preview_template = "legacy/blocks/photo_placeholder_preview.html"
        description = _(
            "Tu w starym artykule było zdjęcie. Zastąp ten blok blokiem „Zdjęcie” albo go usuń — "
            "na stronie nic się nie wyświetla."
        )
        help_text = _(
            "Tu w starym artykule było zdjęcie. Dodaj właściwe zdjęcie blokiem „Zdjęcie” "
            "i usuń ten blok — czytelnicy go nie widzą."
        )
        preview_value = {"caption": "Uczestnicy wizyty przed budynkiem", "source": "zdjecie1.jpg"}
        # Offered only in bodies that already hold one (home.forms): imported pages keep theirs.
        import_only = True
