"""RSS 2.0 and Atom feeds of Aktualności — the whole list, one year or one tag: the latest
entries, from the card columns only."""

import datetime

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from wagtail.models import Site

from .listing import selected_entries
from .models import NewsIndexPage, NewsTag

FEED_SIZE = 20


class NewsRssFeed(Feed):
    description = "Aktualności i relacje z wizyt studyjnych."

    def get_object(self, request, year=None, tag=None):
        self.request, self.year, self.tag = request, year, None
        site = Site.find_for_request(request)
        if site is None or (year is not None and not datetime.MINYEAR <= year <= datetime.MAXYEAR):
            raise Http404
        if tag is not None:
            self.tag = NewsTag.objects.filter(slug=tag).first()
            if self.tag is None:
                raise Http404("Nie ma takiego tematu.")
        return site

    def title(self, site):
        if self.year:
            return f"Aktualności z roku {self.year}"
        return f"Aktualności: {self.tag.name}" if self.tag else "Aktualności"

    def link(self, site):
        index = NewsIndexPage.objects.live().descendant_of(site.root_page).first()
        if index is None:
            return site.root_url + "/"
        if self.year:
            return index.get_full_url(self.request) + index.reverse_subpage(
                "year", args=[self.year]
            )
        if self.tag:
            return index.get_full_url(self.request) + index.reverse_subpage(
                "tag", args=[self.tag.slug]
            )
        return index.get_full_url(self.request)

    def items(self, site):
        tag_slug = self.tag.slug if self.tag else None
        return selected_entries(site.root_page, self.year, tag_slug)[:FEED_SIZE]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.lead

    def item_link(self, item):
        return item.get_full_url(self.request)

    def item_pubdate(self, item):
        midnight = datetime.datetime.combine(item.publication_date, datetime.time(8, 0))
        return timezone.make_aware(midnight)

    def item_updateddate(self, item):
        return item.last_published_at

    def item_categories(self, item):
        return ()


class NewsAtomFeed(NewsRssFeed):
    feed_type = Atom1Feed
    subtitle = NewsRssFeed.description
