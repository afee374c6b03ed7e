"""Aktualności: the entries of the news list (articles and, from visits, visit reports)."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from home.models import BasePage


def today():
    return timezone.localdate()


class ListedPage(BasePage):
    """What every entry of Aktualności has, in one table, so the list and feeds are one query.

    A page type joins the news list by subclassing this (NewsPage, VisitPage).
    """

    publication_date = models.DateField(
        _("data publikacji"),
        default=today,
        db_index=True,
        help_text=_("Data pokazywana przy wpisie; dla przeniesionych artykułów — data oryginału."),
    )
    listing_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("zdjęcie na liście"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Pokazywane na liście i w udostępnieniach; gdy puste — pierwsze zdjęcie z treści."),
    )
    card_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    is_creatable = False
    search_fields = [*BasePage.search_fields, index.FilterField("publication_date")]
    listing_panels = [FieldPanel("publication_date"), FieldPanel("lead"), FieldPanel("listing_image")]

    class Meta:
        verbose_name = _("wpis w aktualnościach")
        verbose_name_plural = _("wpisy w aktualnościach")

    def first_body_image(self):
        """The first image of the body; page types with a body override it."""
        return None

    def save(self, *args, **kwargs):
        # Kept on the row so lists and feeds never load StreamField bodies.
        self.card_image = self.listing_image or self.first_body_image()
        return super().save(*args, **kwargs)

    def share_image(self):
        return self.card_image
