"""Wagtail's routing of a page address, kept in each process under the content version.

Wagtail finds a page by looking up the Site, then each level of the path, each made specific,
then the view restrictions of the page and its ancestors: eight queries for an article. What it
finds depends only on the host, the path and the page tree, all under the content version, so
each process keeps the Site and where the path led (the page, the path components it used,
whether a view restriction applies) in local memory, pickled as it was before serving, so
every request gets a fresh copy. On a hit the page routes the rest of the path itself (a
RoutablePage resolves its sub-address) and no query is made.

Wagtail has no public way to be handed a route: its page view reads `request._wagtail_site` and
`request._wagtail_route_for_request`, which tests/test_caching_routes.py pins.
"""

import hashlib
import pickle

from django.conf import settings
from django.core.cache import caches
from django.http import Http404
from wagtail.models import Page, Site

from .version import request_version

# Set on a page routed from a kept route without view restrictions; BasePage then answers
# Wagtail's restriction check without its two queries.
UNRESTRICTED_ATTR = "kronika_known_unrestricted"
FOUND_ATTR = "_kronika_found_route"
# A route holds the page and its ancestors; a larger one (a very long page) is routed each time,
# so a worker's routes stay under MAX_ENTRIES (redis.py) × this.
MAX_ENTRY_BYTES = 32 * 1024


def path_components(path):
    return [part for part in path.split("/") if part]


def consumed(site, page, components):
    """How many path components lead from the site's root to `page`, or None."""
    root = site.root_page.url_path
    if not page.url_path.startswith(root):
        return None
    own = path_components(page.url_path[len(root) :])
    return len(own) if components[: len(own)] == own else None


def find(request, path):
    """Route with Wagtail (which keeps the result on the request), and say what to keep."""
    result = Page.route_for_request(request, path)
    site = Site.find_for_request(request)
    if result is None or site is None:
        return None
    page = result.page
    used = consumed(site, page, path_components(path))
    if used is None:
        return None
    unrestricted = not page.get_view_restrictions().exists()
    setattr(page, UNRESTRICTED_ATTR, unrestricted)  # Wagtail's check need not ask again
    return (site, page, used)


def hand_over(request, path, entry):
    """Give Wagtail's page view the kept route: its own copy of the Site and the page."""
    site, page, used = entry
    try:
        result = page.route(request, path_components(path)[used:])
    except Http404:
        result = None
    request._wagtail_site = site
    request._wagtail_route_for_request = result


def route_key(request, version, path):
    address = f"{request.get_host().lower()}:{request.get_port()}:{path}"
    return f"route:{version}:{hashlib.sha256(address.encode()).hexdigest()}"


class RouteMiddleware:
    """Before Wagtail's page view runs, hand it the kept route; keep the one Wagtail finds once
    the page answered 200 (a sub-address its view refuses, `/aktualnosci/tag/<junk>/`, is not
    kept), as it was before serving, and only if it is small."""

    def __init__(self, get_response):
        from wagtail import views  # needs the models loaded, so not at import (BasePage's)

        self.get_response = get_response
        self.wagtail_serve = views.serve

    def __call__(self, request):
        response = self.get_response(request)
        found = getattr(request, FOUND_ATTR, None)
        if found is not None and response.status_code == 200:
            key, entry = found
            caches["routes"].set(key, entry, settings.KRONIKA_FRAGMENT_CACHE_SECONDS)
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        if view_func is not self.wagtail_serve or not settings.KRONIKA_FRAGMENT_CACHE_SECONDS:
            return None
        version = request_version(request)
        if version is None:
            return None  # the database does not answer: Wagtail's view meets the same fault
        path = view_args[0] if view_args else view_kwargs.get("path", "")
        key = route_key(request, version, path)
        entry = caches["routes"].get(key)
        if entry is not None:
            hand_over(request, path, pickle.loads(entry))
        elif (found := find(request, path)) is not None:
            entry = pickle.dumps(found)  # now: serving may set attributes on the page
            if len(entry) <= MAX_ENTRY_BYTES:
                setattr(request, FOUND_ATTR, (key, entry))
        return None
