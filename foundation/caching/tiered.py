"""A per-process copy in front of the shared cache, for entries whose keys never change meaning.

Every shared key holds the content version (`shared.fragment_version`): after a change the keys
are new, so an entry stored under a key is the right value for as long as anyone asks for it.
Such entries can be kept in each worker's memory too, and a fragment costs a dictionary lookup
instead of a Redis round trip (five of them on an uncached article). Every worker still renders
a fragment at most once per version: what one renders, the others find in the shared cache.
Nothing needs the copies but their own process, and losing them loses nothing.
"""

from django.core.cache import caches
from django.core.cache.backends.base import DEFAULT_TIMEOUT, BaseCache
from django.core.cache.backends.locmem import LocMemCache

_MISSING = object()


class TieredCache(BaseCache):
    """Reads from process memory first, then from the `SHARED` cache alias; writes to both.

    OPTIONS: `SHARED` (the alias, default "default"), `MAX_ENTRIES` of the local copy (2,000).
    Only for keys that are never rewritten with another value.
    """

    def __init__(self, location, params):
        super().__init__(params)
        options = params.get("OPTIONS", {})
        self.shared_alias = options.get("SHARED", "default")
        self.local = LocMemCache(
            f"kronika-tiered-{location}",
            {
                "TIMEOUT": params.get("TIMEOUT", 300),
                "OPTIONS": {"MAX_ENTRIES": options.get("MAX_ENTRIES", 2000)},
            },
        )

    @property
    def shared(self):
        return caches[self.shared_alias]

    def get(self, key, default=None, version=None):
        value = self.local.get(key, _MISSING, version=version)
        if value is _MISSING:
            value = self.shared.get(key, _MISSING, version=version)
            if value is _MISSING:
                return default
            self.local.set(key, value, version=version)
        return value

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        self.shared.set(key, value, timeout, version=version)
        self.local.set(key, value, timeout, version=version)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        added = self.shared.add(key, value, timeout, version=version)
        if added:
            self.local.set(key, value, timeout, version=version)
        return added

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self.shared.touch(key, timeout, version=version)

    def delete(self, key, version=None):
        self.local.delete(key, version=version)
        return self.shared.delete(key, version=version)

    def clear(self):
        """Forget this process's copies (the shared cache is cleared through its own alias)."""
        self.local.clear()
