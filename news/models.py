"""Aktualności: the entries of the news list (articles and, from visits, visit reports).

Page methods import the modules they hand work to when called: those modules query these models.
"""

import datetime
from typing import NamedTuple

from django.core.validators import slug_unicode_re
from django.db import models
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import ItemBase, TagBase
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from foundation.blocks import PhotoPlaceholderBlock, shared_blocks
from foundation.caching.lazy import lazy_context
from foundation.caching.pages import mark_canonical
from foundation.caching.shared import shared_value
from foundation.dates import polish_date
from foundation.images import first_image
from foundation.indexing.fields import StreamSearchField
from foundation.models import BasePage
from foundation.pagination import page_number, pagination_links
from foundation.previews import ListingPreviewMixin
from foundation.slugs import ascii_slug


def today():
    return timezone.localdate()


class ListedPage(ListingPreviewMixin, BasePage):
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
        help_text=_(
            "Pokazywane na liście i w udostępnieniach; gdy puste — pierwsze zdjęcie z treści."
        ),
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
    # Per-type hooks of the shared card and meta tags: VisitPage overrides card_meta_template.
    card_meta_template = "includes/card_meta.html"
    og_type = "article"
    shown_date_field = "publication_date"
    search_fields = [*BasePage.search_fields, index.FilterField("publication_date")]
    listing_panels = [
        FieldPanel("publication_date"),
        FieldPanel("lead"),
        FieldPanel("listing_image"),
    ]

    class Meta:
        verbose_name = _("wpis w aktualnościach")
        verbose_name_plural = _("wpisy w aktualnościach")

    def result_date(self):
        day = self.publication_date or (self.first_published_at and self.first_published_at.date())
        return day, polish_date(day) if day else ""

    def index_date_text(self):
        return polish_date(self.publication_date) if self.publication_date else ""

    def first_body_image(self):
        """The first image of the body (figures, galleries, visit stops), if any."""
        return first_image(getattr(self, "body", None))

    def save(self, *args, **kwargs):
        # Kept on the row so lists and feeds never load StreamField bodies.
        self.card_image = self.listing_image or self.first_body_image()
        return super().save(*args, **kwargs)

    def share_image(self):
        return self.card_image


class NewsTag(TagBase):
    """A news tag with an ASCII slug ("ekonomia społeczna" → "ekonomia-spoleczna")."""

    class Meta:
        verbose_name = _("tag")
        verbose_name_plural = _("tagi")

    def slugify(self, tag, i=None):
        slug = ascii_slug(tag, 90) or "tag"
        return f"{slug}-{i}" if i is not None else slug


def is_tag_slug(text):
    """Whether `text` could be a tag's slug: junk never reaches the database or a cache key."""
    return len(text) <= NewsTag._meta.get_field("slug").max_length and bool(
        slug_unicode_re.match(text)
    )


class NewsPageTag(ItemBase):
    """The through model of news tags (one table, so the tag filter is one subquery)."""

    tag = models.ForeignKey(NewsTag, related_name="tagged_pages", on_delete=models.CASCADE)
    content_object = ParentalKey(
        "news.NewsPage", related_name="tagged_items", on_delete=models.CASCADE
    )


class ListCards(NamedTuple):
    """One page of the news list's cards and the links to the others."""

    entries: object
    pagination: list[dict]


class NewsIndexPage(RoutablePageMixin, BasePage):
    """Aktualności: every listed entry of the site, newest first, by year and by tag."""

    content_panels = [
        *Page.content_panels,
        FieldPanel("lead", help_text=_("Krótki opis działu, pokazywany nad listą aktualności.")),
    ]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["news.NewsPage"]
    max_count_per_parent = 1
    # The page explorer lists articles newest first by publication date (its rows are base Page
    # rows: the date is reached through ListedPage).
    admin_default_ordering = "-listedpage__publication_date"

    class Meta:
        verbose_name = _("lista aktualności")
        verbose_name_plural = _("listy aktualności")

    @path("")
    def all_entries(self, request):
        return self.render_list(request)

    @path("<int:year>/", name="year")
    def year_archive(self, request, year):
        if not datetime.MINYEAR <= year <= datetime.MAXYEAR:
            raise Http404  # /aktualnosci/0/ or a 30-digit year: no such archive, not a 500
        return self.render_list(request, year=year)

    @path("tag/<slug:tag>/", name="tag")
    def tag_archive(self, request, tag):
        return self.render_list(request, tag_slug=tag)

    def get_site_root(self):
        """The list spans the whole site, so visit reports under their own index join it."""
        return self.get_parent()

    def render_list(self, request, year=None, tag_slug=None):
        """One view of the list; its count and years come from the shared cache, its cards
        are queried only when the content fragment is not cached."""

        from .listing import PER_PAGE, CountedPaginator, list_facts, selected_entries

        known = {"page"}
        if tag_slug is None and request.GET.get("tag"):
            tag_slug = request.GET["tag"]  # the old ?tag= links
            known.add("tag")
        if tag_slug is not None and not is_tag_slug(tag_slug):
            raise Http404  # ?tag= is free text: a NUL byte would be a DataError on PostgreSQL
        facts = shared_value(
            request,
            f"news-list:{self.pk}:{year}:{tag_slug}",
            lambda: list_facts(self.get_site_root(), year, tag_slug),
        )
        paginator = CountedPaginator(None, PER_PAGE, facts["count"])
        number = page_number(request.GET.get("page"))
        if (tag_slug and facts["tag"] is None) or (year is not None and not facts["count"]):
            raise Http404
        if number > paginator.num_pages:
            raise Http404("Nie ma takiej strony listy.")
        values = dict(request.GET.lists())
        if set(values) <= known and values.get("page", [str(number)]) == [str(number)]:
            mark_canonical(request)  # every parameter ours, once, in its one spelling

        def cards():
            paginator.object_list = selected_entries(self.get_site_root(), year, tag_slug)
            page_of_entries = paginator.page(number)
            return ListCards(page_of_entries, pagination_links(request, page_of_entries))

        canonical_url = request.build_absolute_uri(request.path) if (year or tag_slug) else None
        context = {
            "canonical_url": canonical_url,
            "list_key": f"{year}:{tag_slug}:{number}",
            "page_number": number,
            "years": facts["years"],
            "active_year": year,
            "active_tag": facts["tag"],
            **lazy_context(cards, ListCards),
        }
        return self.render(request, context_overrides=context)


class NewsPage(ListedPage):
    """An article of Aktualności: a lead, a body of shared blocks, tags."""

    search_kind = "news"
    search_kind_label = _("Aktualność")

    body = StreamField(
        [*shared_blocks(), ("photo_placeholder", PhotoPlaceholderBlock())],
        blank=True,
        verbose_name=_("treść"),
        help_text=_("Akapity, nagłówki, zdjęcia, galerie, cytaty, dokumenty i filmy."),
    )
    tags = ClusterTaggableManager(
        through=NewsPageTag,
        blank=True,
        verbose_name=_("tagi"),
        help_text=_("Słowa kluczowe, np. „ekonomia społeczna”, „CUS”; oddzielaj przecinkami."),
    )

    content_panels = [
        FieldPanel("title", help_text=_("Tytuł artykułu — krótki i konkretny.")),
        FieldPanel("publication_date"),
        FieldPanel(
            "lead",
            help_text=_("Lead — 1–2 zdania, pokazywane na liście aktualności i w udostępnieniach."),
        ),
        FieldPanel("listing_image"),
        FieldPanel("body"),
        FieldPanel("tags"),
    ]
    search_fields = [
        *ListedPage.search_fields,
        StreamSearchField("body"),
        index.RelatedFields("tags", [index.SearchField("name")]),
    ]
    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []
    is_creatable = True

    class Meta:
        verbose_name = _("artykuł")
        verbose_name_plural = _("artykuły")

    def get_context(self, request, *args, **kwargs):
        from .article import ArticleContext, article_context

        context = super().get_context(request, *args, **kwargs)
        context.update(lazy_context(lambda: article_context(self, request), ArticleContext))
        return context
