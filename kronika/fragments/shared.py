"""Values computed once per generation for every worker: the shell's menu, links and settings."""

import logging

from django.conf import settings
from django.core.cache import caches

from .version import fragment_version

logger = logging.getLogger(__name__)


def shared_value(request, name, compute):
    """`compute()`, kept in the shared cache until the next publish; fresh in previews."""
    seconds = settings.KRONIKA_FRAGMENT_CACHE_SECONDS
    if not seconds or getattr(request, "is_preview", False):
        return compute()
    cache = caches["fragments"]
    key = f"fragment:{name}:{fragment_version(request)}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, seconds)
    return value
