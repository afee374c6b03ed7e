"""RSS 2.0 and Atom feeds of Aktualności: the latest entries, from the card columns only."""

import datetime

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from wagtail.models import Site

from .listing import listed_entries
from .models import NewsIndexPage

FEED_SIZE = 20


class NewsRssFeed(Feed):
    title = "Aktualności"
    description = "Aktualności i relacje z wizyt studyjnych."

    def get_object(self, request, *args, **kwargs):
        self.request = request
        site = Site.find_for_request(request)
        if site is None:
            from django.http import Http404

            raise Http404
        return site

    def link(self, site):
        index = NewsIndexPage.objects.live().descendant_of(site.root_page).first()
        return index.get_full_url(self.request) if index else site.root_url + "/"

    def items(self, site):
        return listed_entries(site.root_page)[:FEED_SIZE]

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
