"""The image library's form: no image enters the library without a description (its alt text).

Set as WAGTAILIMAGES_IMAGE_FORM_BASE, so the library, the chooser's upload tab and the multiple
uploader's edit forms all ask for it; ImageBlock then offers it as the default alt text.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from PIL import Image as PILImage
from wagtail.images.forms import BaseImageForm

UNREADABLE_IMAGE = _(
    "Nie udało się odczytać tego pliku jako zdjęcia: jest uszkodzony albo to nie jest obraz. "
    "Zapisz go ponownie jako JPEG lub PNG i spróbuj jeszcze raz."
)


def refuse_unreadable(to_python):
    """Wagtail reads an upload's header with Pillow and lets its errors through as a 500 (a PNG
    cut short, say); an editor gets a Polish form error instead."""

    def checked(data):
        try:
            return to_python(data)
        except (OSError, SyntaxError, ValueError, PILImage.DecompressionBombError) as error:
            raise ValidationError(UNREADABLE_IMAGE, code="invalid_image") from error

    return checked


class DescribedImageForm(BaseImageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        description = self.fields.get("description")
        if description is not None:
            description.required = True
            description.label = _("Tekst alternatywny — opisz, co widać na zdjęciu")
            description.help_text = _(
                "Jedno–dwa zdania dla osób, które nie widzą zdjęcia, np. „Uczestnicy wizyty "
                "przed budynkiem Centrum Usług Społecznych w Rawiczu”. Nie zaczynaj od "
                "„Zdjęcie…” i nie wpisuj nazwy pliku."
            )
            description.error_messages["required"] = _(
                "Dodaj tekst alternatywny: opisz, co widać na zdjęciu."
            )
        file_field = self.fields.get("file")
        if file_field is not None:
            file_field.to_python = refuse_unreadable(file_field.to_python)
