"""What every public template needs from the site shell, computed lazily."""

from django.utils.functional import SimpleLazyObject
from wagtail.models import Page, Site


def _shell(request):
    site = Site.find_for_request(request)
    if site is None:
        return {"menu": [], "accessibility_url": None, "sitemap_url": None, "site": None}
    from .models import AccessibilityStatementPage, SitemapPage

    root = site.root_page
    menu = list(root.get_children().live().public().in_menu().only("id", "title", "url_path"))
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
        "site": site,
        "root": root,
        "menu": menu,
        "accessibility_url": statement.get_url(request) if statement else None,
        "accessibility_full_url": statement.get_full_url(request) if statement else None,
        "sitemap_url": sitemap.get_url(request) if sitemap else None,
    }


def site_shell(request):
    """`shell`: the main menu and the legally required links, queried only when used."""
    return {"shell": SimpleLazyObject(lambda: _shell(request))}
