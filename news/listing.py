"""The queries behind Aktualności, the home page and the feeds: cards only, never bodies."""

import re

from django.core.paginator import EmptyPage, Paginator
from django.db.models import Count
from django.db.models.functions import ExtractYear
from django.http import Http404

from .models import ListedPage, NewsPageTag, NewsTag

PER_PAGE = 12
PAGE_NUMBER = re.compile(r"[0-9]{1,9}")


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


def page_number(raw):
    """The requested page number; anything but ASCII digits means page 1 (`int()` would also
    take "٣" or " 3", and `str.isdigit()` "²", which `int()` refuses)."""
    raw = raw or ""
    if not PAGE_NUMBER.fullmatch(raw):
        return 1
    return max(int(raw), 1)


def paginate(entries, raw_page, per_page=PER_PAGE):
    """One page of `entries`; a page past the end is a 404, never a 500."""
    paginator = Paginator(entries, per_page)
    try:
        return paginator.page(page_number(raw_page))
    except EmptyPage as error:
        raise Http404("Nie ma takiej strony listy.") from error


def pagination_links(request, page, window=2):
    """Links of the pagination include, keeping the other query parameters (e.g. ?tag=)."""

    def url(number):
        params = request.GET.copy()
        if number == 1:
            params.pop("page", None)
        else:
            params["page"] = number
        query = params.urlencode()
        return f"?{query}" if query else request.path

    paginator = page.paginator
    if paginator.num_pages <= 1:
        return None
    numbers = sorted(
        {1, paginator.num_pages}
        | set(
            range(max(1, page.number - window), min(paginator.num_pages, page.number + window) + 1)
        )
    )
    links, previous = [], 0
    for number in numbers:
        if number - previous > 1:
            links.append({"gap": True})
        links.append({"number": number, "url": url(number), "current": number == page.number})
        previous = number
    return {
        "links": links,
        "previous_url": url(page.number - 1) if page.has_previous() else None,
        "next_url": url(page.number + 1) if page.has_next() else None,
    }


def latest_entries(site_root, request, count=6):
    """The home page's latest news cards and the link to the whole list."""
    from .models import NewsIndexPage

    index = NewsIndexPage.objects.live().child_of(site_root).first()
    return {
        "latest_news": list(listed_entries(site_root)[:count]),
        "news_index_url": index.get_url(request) if index else None,
    }
