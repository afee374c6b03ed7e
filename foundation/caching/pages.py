"""Whole pages for anonymous readers, kept under the content version; said in Cache-Control.

First in MIDDLEWARE: a hit costs one cache read and, at most once a second per process, the
content version's query; a response is stored only after every other middleware has had its
say (cookies, CSRF, HSTS, Content-Security-Policy), so what is replayed is exactly what was
sent, headers included. Only canonical addresses are stored: no query string, or one the view
recognised as its own (`mark_canonical`), so junk parameters cannot fill the cache.
"""

import hashlib
import logging

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.http import HttpResponse
from django.urls import NoReverseMatch, reverse
from django.utils.cache import patch_vary_headers

from .version import request_version

logger = logging.getLogger(__name__)

PRIVATE = "private, no-cache"
CACHE_HEADER = "X-Page-Cache"
NOT_STORABLE_DIRECTIVES = ("private", "no-cache", "no-store", "max-age=0")
CANONICAL_ATTR = "_kronika_canonical_query"


def mark_canonical(request):
    """Views call this when every query parameter was theirs and valid: the page may be kept."""
    setattr(request, CANONICAL_ATTR, True)


def is_canonical(request):
    """No query string, or one the view recognised as its own."""
    return not request.GET or getattr(request, CANONICAL_ATTR, False)


def _prefix(viewname, default):
    try:
        return reverse(viewname)
    except NoReverseMatch:
        return default


def page_key(request, version):
    """None for a request whose Host is not allowed (Django answers it with the 400 page)."""
    try:
        host = request.get_host()
    except DisallowedHost:
        return None
    address = f"{request.scheme}://{host}{request.get_full_path()}"
    return f"page:{version}:{hashlib.sha256(address.encode()).hexdigest()}"


def request_is_cacheable(request):
    """Could an anonymous reader's copy answer this request? Decided before any view runs."""
    if request.method not in ("GET", "HEAD"):
        return False
    if settings.SESSION_COOKIE_NAME in request.COOKIES or "HTTP_AUTHORIZATION" in request.META:
        return False  # maybe logged in: such requests never read nor write the cache
    path = request.path
    if path.startswith(settings.STATIC_URL) or path.startswith(settings.MEDIA_URL):
        return False
    return not path.startswith(_prefix("wagtailadmin_home", "/admin/"))


def response_is_cacheable(request, response):
    """Is this response the same for every anonymous reader, at a canonical address?"""
    if request.method != "GET" or response.status_code != 200 or response.streaming:
        return False
    if not is_canonical(request):
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


def load(key):
    entry = cache.get(key)
    if entry is None:
        return None
    status, headers, content = entry
    return HttpResponse(content, status=status, headers=headers)


def save(key, response):
    """Keep the response's status, headers and body (not the object: smaller, version-proof)."""
    headers = [(name, value) for name, value in response.items() if name.lower() != "set-cookie"]
    cache.set(
        key, (response.status_code, headers, response.content), settings.KRONIKA_PAGE_CACHE_SECONDS
    )


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not settings.KRONIKA_PAGE_CACHE_SECONDS or not request_is_cacheable(request):
            return self.respond_uncached(request)
        version = request_version(request)
        key = page_key(request, version) if version is not None else None
        if key is None:
            return self.respond_uncached(request)
        cached = load(key)
        if cached is not None:
            cached[CACHE_HEADER] = "hit"
            return cached
        response = self.get_response(request)
        if response_is_cacheable(request, response):
            # Browsers ask again every time; a CDN in front keeps the page until Wagtail purges it.
            response["Cache-Control"] = (
                f"public, max-age=0, s-maxage={settings.KRONIKA_CDN_MAX_AGE}"
            )
            patch_vary_headers(response, ["Cookie"])
            save(key, response)
            response[CACHE_HEADER] = "miss"
        elif "Cache-Control" not in response:
            response["Cache-Control"] = PRIVATE
        return response

    def respond_uncached(self, request):
        response = self.get_response(request)
        if "Cache-Control" not in response:
            response["Cache-Control"] = PRIVATE
        return response
