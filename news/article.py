"""What an article page shows besides its fields: neighbours, tags, share and schema.org data."""

from typing import NamedTuple

from django.db.models import Q
from wagtail.blocks import StreamValue
from wagtail.models import Page, Site

from foundation.images import prefetch_stream_renditions, share_image_url
from foundation.models import OrganisationSettings

from .models import ListedPage
from .structured_data import json_ld, news_article


def adjacent_entries(page, site_root):
    """(older, newer) entries of the same site by publication date; one query each."""
    entries = (
        ListedPage.objects.live()
        .public()
        .descendant_of(site_root)
        .exclude(pk=page.pk)
        .only("id", "title", "url_path", "publication_date")
    )
    date, pk = page.publication_date, page.pk
    older = (
        entries.filter(Q(publication_date__lt=date) | Q(publication_date=date, pk__lt=pk))
        .order_by("-publication_date", "-pk")
        .first()
    )
    newer = (
        entries.filter(Q(publication_date__gt=date) | Q(publication_date=date, pk__gt=pk))
        .order_by("publication_date", "pk")
        .first()
    )
    return older, newer


def tag_links(page, request):
    """[{"name", "url"}] of the page's tags, each to the tag-filtered list of its index."""
    tags = list(page.tags.all())
    if not tags:
        return []
    index_url = page.get_parent().get_url(request)
    return [{"name": tag.name, "url": f"{index_url}tag/{tag.slug}/"} for tag in tags]


class ArticleContext(NamedTuple):
    """What the article template shows besides the page's fields."""

    body: StreamValue
    older_entry: Page | None
    newer_entry: Page | None
    page_tags: list[dict]
    share_image_url: str | None
    structured_data: str


def article_context(page, request):
    """The article's ArticleContext; computed lazily by NewsPage (only for uncached fragments).

    `body` is the page's body with every rendition prefetched: templates render it, not
    `page.body`, so the prefetch has run whichever fragment is rendered first.
    """
    prefetch_stream_renditions(page.body)
    older, newer = adjacent_entries(page, Site.find_for_request(request).root_page)
    image_url = share_image_url(page.share_image(), request)
    organisation = OrganisationSettings.for_request(request)
    return ArticleContext(
        body=page.body,
        older_entry=older,
        newer_entry=newer,
        page_tags=tag_links(page, request),
        share_image_url=image_url,
        structured_data=json_ld(news_article(page, request, organisation, image_url)),
    )
