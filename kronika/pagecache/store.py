"""Where cached pages live: Django's default cache, under a generation number.

Clearing the page cache bumps the generation instead of deleting keys: one atomic INCR in Redis,
shared by every worker and server; entries of old generations are never read again and expire.
"""

import hashlib
import logging
import time

from django.core.cache import cache
from django.http import HttpResponse

logger = logging.getLogger(__name__)

GENERATION_KEY = "pagecache:generation"


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


def page_key(request, generation):
    scheme = "https" if request.is_secure() else "http"
    address = f"{scheme}://{request.get_host()}{request.get_full_path()}"
    return f"pagecache:{generation}:{hashlib.sha256(address.encode()).hexdigest()}"


def load(request):
    """The cached response for this request, or None (also when the cache does not answer)."""
    try:
        entry = cache.get(page_key(request, current_generation()))
    except Exception:
        logger.exception("Page cache: cannot read the cache; serving uncached")
        return None
    if entry is None:
        return None
    status, headers, content = entry
    return HttpResponse(content, status=status, headers=headers)


def save(request, response, seconds):
    """Keep the response's status, headers and body (not the object: smaller, version-proof)."""
    headers = [(name, value) for name, value in response.items() if name.lower() != "set-cookie"]
    entry = (response.status_code, headers, response.content)
    try:
        cache.set(page_key(request, current_generation()), entry, timeout=seconds)
    except Exception:
        logger.exception("Page cache: cannot write the cache")
