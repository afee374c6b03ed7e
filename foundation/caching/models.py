"""The content version: the one number every cache of the site is keyed by."""

from django.db import models


class ContentVersion(models.Model):
    """A single row, given a new random value in the same transaction as any change a reader
    may see (foundation/caching/version.py)."""

    version = models.BigIntegerField(default=1)

    class Meta:
        verbose_name = "wersja treści"
        verbose_name_plural = "wersja treści"

    def __str__(self):
        return str(self.version)
