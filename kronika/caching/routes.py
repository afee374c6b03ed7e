"""Wagtail's routing of a page address, kept in each process under the content version.

Wagtail finds a page by looking up the Site, then each level of the path, each made specific,
then the view restrictions of the page and its ancestors: eight queries for an article. What it
finds depends only on the host, the path and the page tree, all under the content version, so
each process keeps the Site and where the path led (the page, the path components it used,
whether a view restriction applies) in local memory, which hands out a fresh copy on every
read. On a hit the page routes the rest of the path itself (a RoutablePage resolves its
sub-address) and no query is made.

Wagtail has no public way to be handed a route: its page view reads `request._wagtail_site` and
`request._wagtail_route_for_request`, which tests/test_caching_routes.py pins.
"""

from django.conf import settings
from django.core.cache import caches
from django.http import Http404
from wagtail.models import Page, Site

from .version import request_version

# Set on a page routed from a kept route without view restrictions; BasePage then answers
# Wagtail's restriction check without its two queries.
UNRESTRICTED_ATTR = "kronika_known_unrestricted"


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


class RouteMiddleware:
    """Before Wagtail's page view runs, hand it the kept route (or keep the one it finds)."""

    def __init__(self, get_response):
        from wagtail import views  # needs the models loaded, so not at import (BasePage's)

        self.get_response = get_response
        self.wagtail_serve = views.serve

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if view_func is not self.wagtail_serve or not settings.KRONIKA_FRAGMENT_CACHE_SECONDS:
            return None
        version = request_version(request)
        if version is None:
            return None  # the database does not answer: Wagtail's view meets the same fault
        path = view_args[0] if view_args else view_kwargs.get("path", "")
        key = f"route:{version}:{request.get_host()}:{request.get_port()}:{path}"
        routes = caches["routes"]
        entry = routes.get(key)
        if entry is not None:
            hand_over(request, path, entry)
        elif (entry := find(request, path)) is not None:
            routes.set(key, entry, settings.KRONIKA_FRAGMENT_CACHE_SECONDS)
        return None
