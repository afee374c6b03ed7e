"""The site and route of a page URL from the shared cache: no query for the page, not seven.

Wagtail resolves a URL by looking up the Site, then each ancestor by slug, each made specific
(~4.5 ms for an article here). What it finds depends only on the host, the path and the page
tree, so the terminal page (its row without StreamField bodies, and how many path components it
consumed) is kept under the page cache's generation, which every publish, move, unpublish,
delete, Site save or view-restriction change renews. On a hit that copy is asked to route the
rest of the path itself — `Page.route` checks `live`, a RoutablePage resolves its sub-URL — so
the result is what Wagtail's own routing would return; a body is loaded (one query) only when a
fragment has to be rendered. The result is handed to Wagtail the way it caches it itself:
`request._wagtail_site` and `request._wagtail_route_for_request`; the page's view restrictions
(two queries in Wagtail's check before serving) travel with the entry and are still checked
against this request.
"""

import hashlib

from django.conf import settings
from django.http import Http404
from wagtail import views as wagtail_views
from wagtail.models import Page

from kronika.pagecache import store

from .version import GENERATION_ATTR

ROUTED_METHODS = ("GET", "HEAD")


def route_key(request, path):
    address = f"{request._get_raw_host()}|{request.get_port()}|{path}"
    # The version names the entry's layout, so a deploy never reads entries of an older one.
    return "route:v2:" + hashlib.sha256(address.encode()).hexdigest()


def consumed_components(site, page, components):
    """How many path components lead to `page` from the site root, or None if not a prefix."""
    root_path = site.root_page.url_path
    if not page.url_path.startswith(root_path):
        return None
    own = [part for part in page.url_path[len(root_path) :].split("/") if part]
    return len(own) if components[: len(own)] == own else None


def remember(request, path, generation, components):
    """Route with Wagtail, then keep what it found for every worker."""
    result = Page.route_for_request(request, path)
    site = getattr(request, "_wagtail_site", None)
    if result is None or site is None or generation is None:
        return
    page = result.page
    consumed = consumed_components(site, page, components)
    if consumed is not None:
        restrictions = list(page.get_view_restrictions())
        page.known_view_restrictions = restrictions  # Wagtail's check reads them next
        # Without its bodies: small to keep and to read; a fragment miss loads them.
        kept = type(page).objects.defer_streamfields().get(pk=page.pk)
        entry = (site, kept, consumed, restrictions)
        seconds = settings.KRONIKA_FRAGMENT_CACHE_SECONDS
        store.save_current(route_key(request, path), generation, entry, seconds)


def replay(request, entry, components):
    site, page, consumed, restrictions = entry
    request._wagtail_site = site
    page.known_view_restrictions = restrictions  # read by BasePage.get_view_restrictions
    try:
        request._wagtail_route_for_request = page.route(request, components[consumed:])
    except Http404:
        request._wagtail_route_for_request = None


class RouteCacheMiddleware:
    """Before Wagtail's page view runs, find its route in the shared cache (or remember it)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if view_func is not wagtail_views.serve or request.method not in ROUTED_METHODS:
            return None
        if not settings.KRONIKA_FRAGMENT_CACHE_SECONDS:
            return None
        path = view_args[0] if view_args else view_kwargs.get("path", "")
        components = [part for part in path.split("/") if part]
        generation, entry = store.load_current(route_key(request, path))
        setattr(request, GENERATION_ATTR, generation)
        if entry is not None:
            replay(request, entry, components)
        else:
            for attr in ("_wagtail_site", "_wagtail_route_for_request"):
                if hasattr(request, attr):
                    delattr(request, attr)
            remember(request, path, generation, components)
        return None
