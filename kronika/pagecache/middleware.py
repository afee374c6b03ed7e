"""Serve public pages to anonymous readers from the page cache; say so in Cache-Control.

First in MIDDLEWARE: a hit costs one cache read (the generation and the page together) and no
database query, and a response is stored only after every other middleware has had its say
(cookies, CSRF, HSTS, Content-Security-Policy, Permissions-Policy), so what is replayed is
exactly what was sent, headers included. Plain HTTP behind SSL redirect is never stored (a 301
is not cacheable), and static files are left to WhiteNoise without a cache read.
"""

from django.conf import settings
from django.urls import NoReverseMatch, reverse
from django.utils.cache import patch_vary_headers

from . import store

PRIVATE = "private, no-cache"
CACHE_HEADER = "X-Page-Cache"
NOT_STORABLE_DIRECTIVES = ("private", "no-cache", "no-store", "max-age=0")


def _prefix(viewname, default):
    try:
        return reverse(viewname)
    except NoReverseMatch:
        return default


def request_is_cacheable(request):
    """Could an anonymous reader's copy answer this request? Decided before any view runs."""
    if request.method not in ("GET", "HEAD"):
        return False
    if settings.SESSION_COOKIE_NAME in request.COOKIES or "HTTP_AUTHORIZATION" in request.META:
        return False  # maybe logged in: such requests never read nor write the cache
    path = request.path
    if path.startswith(settings.STATIC_URL) or path.startswith(settings.MEDIA_URL):
        return False
    if path.startswith(_prefix("wagtailadmin_home", "/admin/")):
        return False
    return not ("q" in request.GET and path.startswith(_prefix("search", "/szukaj/")))


def response_is_cacheable(request, response):
    """Is this response the same for every anonymous reader?"""
    if request.method != "GET" or response.status_code != 200 or response.streaming:
        return False
    if response.cookies or request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return False  # sets a cookie or carries a CSRF token (a form)
    if getattr(request, "is_preview", False):
        return False
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return False
    cache_control = response.get("Cache-Control", "").lower()
    if any(directive in cache_control for directive in NOT_STORABLE_DIRECTIVES):
        return False
    if "*" in response.get("Vary", ""):
        return False
    return b"csrfmiddlewaretoken" not in response.content


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        seconds = settings.KRONIKA_PAGE_CACHE_SECONDS
        if not seconds:
            return self.get_response(request)
        cacheable = request_is_cacheable(request)
        generation = None
        if cacheable:
            generation, cached = store.load(request)
            if cached is not None:
                cached[CACHE_HEADER] = "hit"
                return cached
            setattr(request, store.GENERATION_ATTR, generation)  # fragments reuse it
        response = self.get_response(request)
        if cacheable and response_is_cacheable(request, response):
            response["Cache-Control"] = f"public, max-age={settings.KRONIKA_CDN_MAX_AGE}"
            patch_vary_headers(response, ["Cookie"])
            store.save(request, response, seconds, generation)
            response[CACHE_HEADER] = "miss"
        elif "Cache-Control" not in response:
            response["Cache-Control"] = PRIVATE
        return response
