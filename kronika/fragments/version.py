"""The key part every fragment shares: the page cache's generation, the scheme and the host.

The generation changes on any change a page may show (kronika/pagecache/invalidation.py); the
scheme and host are in it because fragments hold absolute URLs built from the request.
"""

from django.conf import settings
from django.utils.functional import SimpleLazyObject

from kronika.pagecache import store

GENERATION_ATTR = store.GENERATION_ATTR
VERSION_ATTR = "_kronika_fragment_version"


def request_generation(request):
    """The generation read once per request (routing may already have read it)."""
    generation = getattr(request, GENERATION_ATTR, None)
    if generation is None:
        generation = store.current_generation()
        setattr(request, GENERATION_ATTR, generation)
    return generation


def fragment_version(request):
    version = getattr(request, VERSION_ATTR, None)
    if version is None:
        version = f"{request_generation(request)}:{request.scheme}://{request.get_host()}"
        setattr(request, VERSION_ATTR, version)
    return version


def fragment_context(request):
    """`fragment_version` and `fragment_seconds` for the cache tags; read only when used."""
    return {
        "fragment_version": SimpleLazyObject(lambda: fragment_version(request)),
        "fragment_seconds": settings.KRONIKA_FRAGMENT_CACHE_SECONDS,
    }
