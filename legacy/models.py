"""What the importer remembers of each old article, so a second run updates instead of duplicating."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportRecord(models.Model):
    """One imported old article and the page made from it.

    ``source_key`` is the old URL when the article has one (it survives re-exports), else the
    SHA-256 of the file's normalised text; ``content_hash`` tells an unchanged file from an
    edited one; ``revision`` is the revision the importer saved last, so edits made by an
    editor since are noticed and never overwritten silently.
    """

    source_key = models.CharField(_("klucz źródła"), max_length=500, unique=True)
    content_hash = models.CharField(_("skrót treści (SHA-256)"), max_length=64, db_index=True)
    source_path = models.TextField(_("plik źródłowy"))
    old_url = models.URLField(_("adres na starej stronie"), max_length=500, blank=True)
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("strona"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    revision = models.ForeignKey(
        "wagtailcore.Revision",
        verbose_name=_("wersja z importu"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    imported_at = models.DateTimeField(_("ostatni import"), auto_now=True)
    warnings = models.JSONField(_("uwagi"), default=list, blank=True)

    class Meta:
        verbose_name = _("zaimportowany artykuł")
        verbose_name_plural = _("zaimportowane artykuły")

    def __str__(self):
        return self.old_url or self.source_path
