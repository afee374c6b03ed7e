"""Synonyms and acronyms editors keep for search (the matching itself: `synonyms.py`)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from foundation.indexing import polish


class Synonym(models.Model):
    """Abbreviations and the full name they stand for: a query for either finds both."""

    abbreviations = models.CharField(
        _("skróty"),
        max_length=200,
        help_text=_(
            "Skróty tej samej nazwy oddzielone przecinkami, np. „MOPS, GOPS, MGOPS, MOPR”. "
            "Każdy skrót to jedno słowo."
        ),
    )
    full_name = models.CharField(
        _("pełna nazwa"),
        max_length=200,
        help_text=_(
            "Nazwa w mianowniku, np. „ośrodek pomocy społecznej”. Wyszukiwarka znajdzie ją "
            "w każdej odmianie („ośrodka pomocy społecznej”) i ze skrótem."
        ),
    )

    class Meta:
        verbose_name = _("synonim w wyszukiwarce")
        verbose_name_plural = _("synonimy w wyszukiwarce")
        ordering = ["full_name"]

    def __str__(self):
        return f"{self.abbreviations} — {self.full_name}"

    def abbreviation_list(self):
        """The abbreviations as typed, one word each, without repeats."""
        words = (part.strip() for part in self.abbreviations.split(","))
        return list(dict.fromkeys(word for word in words if word))

    def clean(self):
        errors = {}
        words = self.abbreviation_list()
        if not words:
            errors["abbreviations"] = _("Podaj co najmniej jeden skrót.")
        elif any(len(polish.tokens(word)) != 1 for word in words):
            errors["abbreviations"] = _(
                "Każdy skrót musi być jednym słowem (bez spacji i łączników); oddziel skróty "
                "przecinkami."
            )
        if not polish.tokens(self.full_name):
            errors["full_name"] = _("Podaj pełną nazwę.")
        elif len(polish.tokens(self.full_name)) > 8:
            errors["full_name"] = _("Pełna nazwa może mieć najwyżej 8 słów.")
        if errors:
            raise ValidationError(errors)
