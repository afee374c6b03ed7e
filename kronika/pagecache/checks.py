"""A page cache in one worker's memory would serve stale pages from the others."""

from django.conf import settings
from django.core.checks import Warning, register

LOCAL_BACKENDS = ("LocMemCache", "DummyCache")


@register(deploy=True)
def page_cache_is_shared(app_configs, **kwargs):
    backend = settings.CACHES["default"]["BACKEND"]
    if settings.KRONIKA_PAGE_CACHE_SECONDS and backend.endswith(LOCAL_BACKENDS):
        return [
            Warning(
                "The page cache is on, but the cache is local to each process.",
                hint="Set REDIS_URL, or PAGE_CACHE_SECONDS=0.",
                id="pagecache.W001",
            )
        ]
    return []
