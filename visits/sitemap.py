"""The archive's entries in sitemap.xml: the filtered pages worth indexing, nothing else."""

from urllib.parse import urlencode

from .facets import archive_choices, archive_facts, filter_choices
from .filters import ArchiveFilters


def archive_sitemap_urls(index, request=None):
    """The archive, its "Dane otwarte" page, and one URL per voivodeship and per year with
    visits (the combinations `ArchiveFilters.indexable` lets search engines index)."""
    base = index.get_full_url(request)
    lastmod = index.last_published_at or index.latest_revision_created_at
    if request is None:
        choices = filter_choices(archive_facts(index), ArchiveFilters())
    else:
        choices = archive_choices(request, index)
    locations = [base, base + index.reverse_subpage("open_data")]
    locations += [
        f"{base}?{urlencode({'wojewodztwo': c['value']})}" for c in choices["voivodeships"]
    ]
    locations += [f"{base}?{urlencode({'rok': c['value']})}" for c in choices["years"]]
    return [{"location": location, "lastmod": lastmod} for location in locations]
