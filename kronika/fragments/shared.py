"""Values computed once per generation for every worker: the shell's menu, links and settings."""

import logging

from django.conf import settings
from django.core.cache import caches

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
