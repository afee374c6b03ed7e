"""RSS 2.0 and Atom feeds of any selection of the archive (`rss.xml?rok=2021&rodzaj=cus`)."""

import datetime

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed

from .archive import filtered_visits
from .choices import INSTITUTION_KIND_LABELS, VOIVODESHIP_LABELS
from .filters import ArchiveFilters

FEED_SIZE = 50


def selection_title(index, filters: ArchiveFilters, town_labels):
    """ "Wizyty studyjne: 2021, wielkopolskie, Rawicz, CUS" — the archive's title and the
    labels of the chosen filters (`town_labels`: {key: town} of the archive)."""
    chosen = [
        str(filters.year) if filters.year else "",
        str(VOIVODESHIP_LABELS.get(filters.voivodeship, "")),
        town_labels.get(filters.town, filters.town),
        str(INSTITUTION_KIND_LABELS.get(filters.kind, "")),
    ]
    chosen = [label for label in chosen if label]
    return f"{index.title}: {', '.join(chosen)}" if chosen else index.title


class VisitRssFeed(Feed):
    """The visits of one selection, in the archive's order (upcoming first), at most 50."""

    def __call__(self, request, index, filters, title):
        self.request, self.index, self.filters, self.feed_title = request, index, filters, title
        return super().__call__(request)

    def title(self):
        return self.feed_title

    def description(self):
        return "Zapowiedzi i relacje z wizyt studyjnych."

    def link(self):
        return self.index.get_full_url(self.request) + self.filters.query_string()

    def items(self):
        return filtered_visits(self.index, self.filters)[:FEED_SIZE]

    def item_title(self, item):
        return f"{item.title} ({item.dates_display})"

    def item_description(self, item):
        return item.lead

    def item_link(self, item):
        return item.get_full_url(self.request)

    def item_guid(self, item):
        return item.get_full_url(self.request)

    def item_pubdate(self, item):
        return timezone.make_aware(
            datetime.datetime.combine(item.publication_date, datetime.time(8))
        )

    def item_updateddate(self, item):
        return item.last_published_at

    def item_categories(self, item):
        return item.stop_towns()


class VisitAtomFeed(VisitRssFeed):
    feed_type = Atom1Feed

    def subtitle(self):
        return self.description()
