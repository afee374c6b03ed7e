"""Where cached pages live: Django's default cache, each entry stamped with a generation number.

Clearing the page cache bumps the generation instead of deleting keys: one atomic INCR in Redis,
shared by every worker and server; entries of old generations are never read again and expire.
An entry carries the generation it was rendered under and is read together with the current
one (`load_current`: one round trip), so a hit costs one Redis request. The same stamped
entries serve the fragment caches' routes (kronika/fragments/routing.py).
"""

import hashlib
import logging
import time

from django.core.cache import cache
from django.http import HttpResponse

logger = logging.getLogger(__name__)

GENERATION_KEY = "pagecache:generation"
GENERATION_ATTR = "_kronika_generation"  # the generation a request read, for its fragments


def current_generation():
    """The generation pages are stored under; a fresh, unique one when the key is missing.

    A missing key (first start, Redis flushed or the key evicted) must not bring back entries
    of an earlier generation, hence a time-based starting value rather than 0.
    """
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, time.time_ns(), timeout=None)
        generation = cache.get(GENERATION_KEY)
    return generation


def clear():
    """Forget every cached page (for every worker and server sharing the cache)."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # the key is missing: any new value is a new generation
        cache.set(GENERATION_KEY, time.time_ns(), timeout=None)
    except Exception:
        logger.exception("Page cache: could not clear; pages may be stale until they expire")


def load_current(key):
    """(current generation, the entry under `key` if it was stored in that generation)."""
    values = cache.get_many([GENERATION_KEY, key])
    generation = values.get(GENERATION_KEY)
    if generation is None:
        return current_generation(), None
    stamped = values.get(key)
    if stamped is None or stamped[0] != generation:
        return generation, None
    return generation, stamped[1]


def save_current(key, generation, entry, seconds):
    """Store `entry` as rendered under `generation` (read before rendering, not after it)."""
    cache.set(key, (generation, entry), timeout=seconds)


def page_key(request):
    scheme = "https" if request.is_secure() else "http"
    address = f"{scheme}://{request.get_host()}{request.get_full_path()}"
    return f"pagecache:page:{hashlib.sha256(address.encode()).hexdigest()}"


def load(request):
    """(generation, the cached response or None); (None, None) when the cache does not answer."""
    try:
        generation, entry = load_current(page_key(request))
    except Exception:
        logger.exception("Page cache: cannot read the cache; serving uncached")
        return None, None
    if entry is None:
        return generation, None
    status, headers, content = entry
    return generation, HttpResponse(content, status=status, headers=headers)


def save(request, response, seconds, generation):
    """Keep the response's status, headers and body (not the object: smaller, version-proof).

    Stored under the generation read before the page was rendered: if a publish happened
    meanwhile, the entry is already out of date and is never served.
    """
    if generation is None:
        return
    headers = [(name, value) for name, value in response.items() if name.lower() != "set-cookie"]
    entry = (response.status_code, headers, response.content)
    try:
        save_current(page_key(request), generation, entry, seconds)
    except Exception:
        logger.exception("Page cache: cannot write the cache")
