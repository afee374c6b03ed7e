"""The queries behind Aktualności, the home page and the feeds: cards only, never bodies."""

from django.core.paginator import Paginator
from django.db.models import Count
from django.db.models.functions import ExtractYear

from .models import ListedPage, NewsIndexPage, NewsPageTag, NewsTag

PER_PAGE = 12


def listed_entries(site_root):
    """Live public entries under `site_root`, newest first, with what a card shows.

    Any ListedPage subclass (news, visit reports) joins without change; bodies are deferred and
    card image renditions prefetched, so the query count does not grow with the number of cards.
    """
    return (
        ListedPage.objects.live()
        .public()
        .descendant_of(site_root)
        .order_by("-publication_date", "-pk")
        .defer_streamfields()
        .specific()
        .select_related("card_image", for_specific_subqueries=True)
        .prefetch_related("card_image__renditions", for_specific_subqueries=True)
    )


def selected_entries(site_root, year=None, tag_slug=None):
    """The entries of one view of the list: all of them, a year's or a tag's."""
    entries = listed_entries(site_root)
    if year is not None:
        entries = entries.filter(publication_date__year=year)
    if tag_slug:
        tagged = NewsPageTag.objects.filter(tag__slug=tag_slug).values("content_object_id")
        entries = entries.filter(pk__in=tagged)
    return entries


def archive_years(site_root):
    """[{"year": 2026, "count": 5}, …], newest year first, for the year archive links."""
    return list(
        ListedPage.objects.live()
        .public()
        .descendant_of(site_root)
        .annotate(year=ExtractYear("publication_date"))
        .values("year")
        .annotate(count=Count("pk"))
        .order_by("-year")
    )


def list_facts(site_root, year=None, tag_slug=None):
    """What a view of the list needs before its cards (kept until the content changes): the
    tag, how many entries there are, the years of the archive."""
    tag = NewsTag.objects.filter(slug=tag_slug).first() if tag_slug else None
    return {
        "tag": tag,
        "count": selected_entries(site_root, year, tag_slug).count() if tag or not tag_slug else 0,
        "years": archive_years(site_root),
    }


class CountedPaginator(Paginator):
    """A paginator told the number of entries instead of counting them again."""

    def __init__(self, object_list, per_page, count):
        super().__init__(object_list, per_page)
        self.known_count = count

    @property
    def count(self):
        return self.known_count


def latest_entries(site_root, request, count=6):
    """The home page's latest news cards and the link to the whole list."""

    index = NewsIndexPage.objects.live().child_of(site_root).first()
    return {
        "latest_news": list(listed_entries(site_root)[:count]),
        "news_index_url": index.get_url(request) if index else None,
    }
