"""Values and template fragments shared by every request, kept under the content version.

Requests the page cache cannot answer (a session cookie, a logged-in editor, the first reader
after a change) reuse what is the same for every reader: the site shell (menu, footer links,
organisation settings), listing aggregates, search results and the `{% wagtailcache %}` /
`{% wagtailpagecache %}` fragments keyed by `fragment_version`. Nothing that differs per reader
(the userbar, forms with CSRF tokens, logged-in state) is ever inside them, previews never read
or write them, and when the content version cannot be read they are computed afresh.
"""

from django.conf import settings
from django.core.cache import caches
from django.utils.functional import SimpleLazyObject

from .pages import is_canonical
from .version import request_version

VERSION_ATTR = "_kronika_fragment_version"


def fragment_version(request):
    """The key part every shared value holds: the content version, the scheme and the host
    (fragments hold absolute URLs); None when the version is unknown."""
    version = getattr(request, VERSION_ATTR, None)
    if version is None:
        content_version = request_version(request)
        if content_version is None:
            return None
        version = f"{content_version}:{request.scheme}://{request.get_host()}"
        setattr(request, VERSION_ATTR, version)
    return version


def _seconds(request):
    """How long shared values are kept for this request; 0 when they must not be used."""
    if getattr(request, "is_preview", False):
        return 0
    return settings.KRONIKA_FRAGMENT_CACHE_SECONDS


def template_version(request):
    """`fragment_version` for the template cache tags; None (render, keep nothing) at an
    address that is not canonical: its links may echo junk parameters, and junk must not
    create entries."""
    return fragment_version(request) if is_canonical(request) else None


class FragmentSeconds:
    """The cache tags' timeout, decided when a tag asks (`int()`): 0 — render, keep nothing —
    in previews, at addresses that are not canonical and when the content version is unknown."""

    def __init__(self, request):
        self.request = request

    def __int__(self):
        return _seconds(self.request) if template_version(self.request) is not None else 0


def fragment_context(request):
    """`fragment_version` and `fragment_seconds` for the cache tags; read only when used."""
    return {
        "fragment_version": SimpleLazyObject(lambda: template_version(request) or ""),
        "fragment_seconds": FragmentSeconds(request),
    }


def shared_value(request, name, compute, *, alias="fragments", lifetime=None):
    """`compute()`, kept in the shared cache until the content changes; fresh in previews.

    `alias` names the cache (the default one for values too large for each worker's copy);
    `lifetime()`, asked when the value is computed, may shorten its stay (seconds, or None).
    """
    seconds = _seconds(request)
    version = fragment_version(request) if seconds else None
    if version is None:
        return compute()
    cache = caches[alias]
    key = f"fragment:{name}:{version}"
    value = cache.get(key)
    if value is None:
        value = compute()
        limit = lifetime() if lifetime else None
        cache.set(key, value, seconds if limit is None else min(seconds, limit))
    return value


def shared_values(request, name, ids, compute):
    """`{id: value}` for `ids`, each value kept as `shared_value` keeps one; `compute(missing)`
    gives `{id: value}` for the ids not kept yet, in one call."""
    seconds = _seconds(request)
    version = fragment_version(request) if seconds else None
    if version is None:
        return compute(ids)
    cache = caches["fragments"]
    keys = {pk: f"fragment:{name}:{pk}:{version}" for pk in ids}
    kept = cache.get_many(keys.values())
    found = {pk: kept[key] for pk, key in keys.items() if key in kept}
    missing = [pk for pk in ids if pk not in found]
    if missing:
        computed = compute(missing)
        cache.set_many({keys[pk]: value for pk, value in computed.items()}, seconds)
        found.update(computed)
    return found
