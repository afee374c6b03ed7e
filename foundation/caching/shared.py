"""Values and template fragments shared by every request, kept under the content version.

Requests the page cache cannot answer (a session cookie, a logged-in editor, the first reader
after a change) reuse what is the same for every reader: the site shell (menu, footer links,
organisation settings), listing aggregates, search results and the `{% wagtailcache %}` /
`{% wagtailpagecache %}` fragments keyed by `fragment_version`. Nothing that differs per reader
(the userbar, forms with CSRF tokens, logged-in state) is ever inside them, previews never read
or write them, and when the content version cannot be read they are computed afresh.
"""

import math

from django.conf import settings
from django.core.cache import caches
from django.db.models import Min, Q
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from wagtail.models import Page

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


def _next_change():
    """The next moment a live page expires or reaches its go-live time, changing what readers may
    see without a publish; None when no such moment is ahead."""
    now = timezone.now()
    moments = Page.objects.filter(live=True).aggregate(
        expire=Min("expire_at", filter=Q(expire_at__gt=now)),
        go_live=Min("go_live_at", filter=Q(go_live_at__gt=now)),
    )
    ahead = [moment for moment in moments.values() if moment]
    return min(ahead) if ahead else None


def seconds_to_next_change(request):
    """Seconds until `_next_change()` (None: no such moment ahead). The moment is shared until
    the content changes, so each value shared until then does not ask for it again; once it has
    passed (the scheduled job that publishes or unpublishes then has not run yet) it is asked
    afresh."""
    shared = shared_value(request, "next-change", lambda: {"at": _next_change()}, alias="default")
    moment = shared["at"]
    if moment is not None and moment <= timezone.now():
        moment = _next_change()
    if moment is None:
        return None
    return max(1, math.ceil((moment - timezone.now()).total_seconds()))


def shared_until_change(request, name, compute):
    """`compute()`, kept for every worker until the next publish, or until a live page's next
    expiry or go-live moment when that comes first (the default cache: Redis in production)."""
    return shared_value(
        request, name, compute, alias="default", lifetime=lambda: seconds_to_next_change(request)
    )
