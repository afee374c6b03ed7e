"""Values computed once per generation for every worker: the shell's menu, links and settings,
the request's Site and the private sections of the page tree."""

import logging

from django.conf import settings
from django.core.cache import caches
from django.db.models import Q
from wagtail.models import PageViewRestriction, Site

from .version import fragment_version

logger = logging.getLogger(__name__)


def shared_value(request, name, compute, *, alias="fragments", lifetime=None):
    """`compute()`, kept in the shared cache until the next publish; fresh in previews.

    `alias` names the cache (the default one for values too large for each worker's copy);
    `lifetime()`, asked when the value is computed, may shorten its stay (seconds, or None).
    """
    seconds = settings.KRONIKA_FRAGMENT_CACHE_SECONDS
    if not seconds or getattr(request, "is_preview", False):
        return compute()
    cache = caches[alias]
    key = f"fragment:{name}:{fragment_version(request)}"
    value = cache.get(key)
    if value is None:
        value = compute()
        limit = lifetime() if lifetime else None
        cache.set(key, value, seconds if limit is None else min(seconds, limit))
    return value


def shared_values(request, name, ids, compute):
    """`{id: value}` for `ids`, each value kept as `shared_value` keeps one; `compute(missing)`
    gives `{id: value}` for the ids not kept yet, in one call."""
    seconds = settings.KRONIKA_FRAGMENT_CACHE_SECONDS
    if not seconds or getattr(request, "is_preview", False):
        return compute(ids)
    cache = caches["fragments"]
    version = fragment_version(request)
    keys = {pk: f"fragment:{name}:{pk}:{version}" for pk in ids}
    kept = cache.get_many(keys.values())
    found = {pk: kept[key] for pk, key in keys.items() if key in kept}
    missing = [pk for pk in ids if pk not in found]
    if missing:
        computed = compute(missing)
        cache.set_many({keys[pk]: value for pk, value in computed.items()}, seconds)
        found.update(computed)
    return found


def request_site(request):
    """`Site.find_for_request`, from the shared cache (a Site save renews the generation)."""
    if not hasattr(request, "_wagtail_site"):
        name = f"site:{request.get_port()}"  # the key holds the host
        request._wagtail_site = shared_value(request, name, lambda: _site_with_root(request))
    return request._wagtail_site


def _site_with_root(request):
    site = Site.find_for_request(request)
    if site is not None:
        site.root_page  # noqa: B018 - loaded now, kept with the site: its callers need it
    return site


def private_sections():
    """The (path, depth) of every page with a view restriction: what `PageQuerySet.public()`
    excludes with their descendants."""
    restricted = PageViewRestriction.objects.values_list("page__path", "page__depth")
    return sorted(set(restricted))


def public_pages(request, pages):
    """`pages.public()` with the private sections read from the shared cache: no query."""
    sections = shared_value(request, "private-sections", private_sections)
    if not sections:
        return pages
    private = Q()
    for path, depth in sections:
        private |= Q(path__startswith=path, depth__gte=depth)
    return pages.exclude(private)
