"""ASCII slugs from Polish titles ("Wizyta w Łodzi" → "wizyta-w-lodzi").

Django's slugify drops letters such as "ł" that Unicode does not decompose; anyascii
transliterates them first.
"""

from anyascii import anyascii
from django.utils.text import slugify


def ascii_slug(text: str, max_length: int = 255) -> str:
    """The slug of `text`: transliterated to ASCII, lowercase, words joined by hyphens."""
    return slugify(anyascii(text or ""))[:max_length].strip("-")


class TransliteratedSlugMixin:
    """Page mixin: make every slug ASCII, whether typed, generated or set in code."""

    def full_clean(self, *args, **kwargs):
        self._transliterate_slug()
        super().full_clean(*args, **kwargs)

    def save(self, *args, **kwargs):
        self._transliterate_slug()
        return super().save(*args, **kwargs)

    def _transliterate_slug(self):
        source = self.slug or self.title
        if source and (not self.slug or not self.slug.isascii()):
            self.slug = ascii_slug(source, self._meta.get_field("slug").max_length)
