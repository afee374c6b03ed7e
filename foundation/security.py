"""Security headers, the Content-Security-Policy of public pages, the client IP behind a proxy
and stored rich text cleaned of what a browser could run.

Public pages carry no inline JavaScript (JSON-LD data blocks are not scripts), so one static
policy without nonces fits every response, cached ones included. The Wagtail admin (and the
previews it renders) gets only the framing rules: it needs inline scripts of its own.
"""

import re
from urllib.parse import urlsplit

import nh3
from django.conf import settings

ADMIN_PREFIX = "/admin/"

# Browser features the site never uses; embeds (YouTube, Vimeo) get fullscreen and autoplay
# of their own frames only when the reader starts them.
PERMISSIONS_POLICY = ", ".join(
    [
        "accelerometer=()",
        "camera=()",
        "geolocation=()",
        "gyroscope=()",
        "magnetometer=()",
        "microphone=()",
        "payment=()",
        "usb=()",
        "interest-cohort=()",
        "browsing-topics=()",
    ]
)

ADMIN_CSP = "frame-ancestors 'self'; object-src 'none'; base-uri 'self'"

# Providers whose players may be framed; the same list limits what editors may embed.
EMBED_FRAME_ORIGINS = (
    "https://www.youtube.com",
    "https://www.youtube-nocookie.com",
    "https://player.vimeo.com",
)


def _origin(url):
    parts = urlsplit(url or "")
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else None


def public_csp_directives(media_url="/media/", extra_image_origins=()):
    """The policy of public pages: own scripts only, no inline or eval'd script at all."""
    media = ["'self'"]
    media_origin = _origin(media_url)
    if media_origin:
        media.append(media_origin)
    media.extend(extra_image_origins)
    return {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        # Embed providers' markup and Wagtail's responsive embeds use style attributes.
        "style-src-attr": ["'unsafe-inline'"],
        "img-src": [*media, "data:"],
        "media-src": media,
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-src": ["'self'", *EMBED_FRAME_ORIGINS],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
    }


class SecurityHeadersMiddleware:
    """Headers Django's SecurityMiddleware does not set: Permissions-Policy and the admin's CSP.

    The public Content-Security-Policy comes from django-csp (`CONTENT_SECURITY_POLICY`), which
    skips the admin prefix; the admin gets only its framing rules here.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        if request.path_info.startswith(ADMIN_PREFIX):
            response.setdefault("Content-Security-Policy", ADMIN_CSP)
        return response


def client_ip(request):
    """The reader's address for django-axes: REMOTE_ADDR, or X-Forwarded-For behind proxies.

    `KRONIKA_TRUSTED_PROXY_COUNT` proxies (nginx, a load balancer) each append the address they
    saw; the one added by the outermost trusted proxy is the client, whatever the client itself
    put in front of it (a spoofed header cannot dodge the lock-out). Not django-axes' ipware
    settings: python-ipware 4.1 answers the proxy's own address once a client adds an entry of
    its own, so one reader could lock out everyone behind nginx (tests/test_security.py's cases).
    """
    proxies = getattr(settings, "KRONIKA_TRUSTED_PROXY_COUNT", 0)
    remote = request.META.get("REMOTE_ADDR", "")
    if proxies <= 0:
        return remote
    forwarded = [
        item.strip()
        for item in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        if item.strip()
    ]
    if len(forwarded) >= proxies:
        return forwarded[-proxies]
    return forwarded[0] if forwarded else remote


SAFE_LINK_SCHEMES = {"http", "https", "mailto", "tel"}
# Wagtail's stored rich text (its database format): block keys for comments, page and document
# links by id, embedded images; on top of nh3's (ammonia's) default safe tags and attributes.
_RICH_TEXT_TAGS = nh3.ALLOWED_TAGS | {"embed"}
# nh3 writes `<embed …>`; Wagtail's renderer expands only the stored `<embed …/>`.
_EMBED = re.compile(r"<embed\b([^>]*?)\s*/?>")
_RICH_TEXT_ATTRIBUTES = {
    **nh3.ALLOWED_ATTRIBUTES,
    "*": {"lang", "title", "data-block-key"},
    "a": nh3.ALLOWED_ATTRIBUTES["a"] | {"linktype", "id"},
    "embed": {"embedtype", "id", "alt", "format"},
}


def clean_rich_text(source):
    """Stored rich text without what a browser could run: scripts, event handlers and links
    other than relative, http(s), mailto and tel ones (the link text stays).

    Wagtail's editor already cleans what editors type, but its renderer passes stored HTML
    through as it is, so HTML stored by other routes (imports, scripts) is cleaned here too.
    """
    if not source or "<" not in source:
        return source
    cleaned = nh3.clean(
        source,
        tags=_RICH_TEXT_TAGS,
        attributes=_RICH_TEXT_ATTRIBUTES,
        url_schemes=SAFE_LINK_SCHEMES,
        link_rel=None,
    )
    return _EMBED.sub(r"<embed\1/>", cleaned) if "<embed" in cleaned else cleaned
