"""What every public template needs from the site shell, computed lazily and shared.

The menu and the legally required links change only when pages are published, moved or
deleted, so they are computed once per content version for every worker (foundation/caching):
one cache read per request instead of their queries.
"""

from dataclasses import dataclass

from django.utils.functional import SimpleLazyObject
from wagtail.models import Page, Site

from foundation.caching.shared import shared_value

from .models import AccessibilityStatementPage, SitemapPage


@dataclass(frozen=True)
class MenuItem:
    """A main-menu entry: plain data, so it can be kept in the shared cache."""

    pk: int
    title: str
    url: str
    url_path: str


SHELL_ATTR = "_kronika_shell"


def _shell(request):
    site = Site.find_for_request(request)
    if site is None:
        return {"menu": [], "accessibility_url": None, "sitemap_url": None}
    root = site.root_page
    menu = [
        MenuItem(page.pk, page.title, page.get_url(request), page.url_path)
        for page in root.get_children().live().public().in_menu().only("id", "title", "url_path")
    ]
    special = {
        page.content_type.model_class(): page
        for page in Page.objects.live()
        .public()
        .type(AccessibilityStatementPage, SitemapPage)
        .descendant_of(root)
        .select_related("content_type")
        .only("id", "url_path", "content_type")
    }
    statement = special.get(AccessibilityStatementPage)
    sitemap = special.get(SitemapPage)
    return {
        "menu": menu,
        "accessibility_url": statement.get_url(request) if statement else None,
        "accessibility_full_url": statement.get_full_url(request) if statement else None,
        "sitemap_url": sitemap.get_url(request) if sitemap else None,
    }


def shell_data(request):
    """The shell of the request's site, read once per request from the shared cache."""
    if not hasattr(request, SHELL_ATTR):
        setattr(request, SHELL_ATTR, shared_value(request, "shell", lambda: _shell(request)))
    return getattr(request, SHELL_ATTR)


def site_shell(request):
    """`shell`: the main menu and the legally required links, queried only when used."""
    return {"shell": SimpleLazyObject(lambda: shell_data(request))}
