"""The default Site's hostname and port taken from BASE_URL.

Wagtail builds every absolute link (feeds, canonical links, og:url, .ics files, the sitemap)
from the Site, not from the request, so the Site must name the address readers use.
"""

from urllib.parse import urlsplit

from django.conf import settings
from wagtail.models import Site

DEFAULT_PORTS = {"http": 80, "https": 443}


def address_of(base_url: str) -> tuple[str, int]:
    """(hostname, port) of an address such as `https://rops.example.pl` or `http://127.0.0.1:8100`."""
    parts = urlsplit(base_url)
    if parts.scheme not in DEFAULT_PORTS or not parts.hostname:
        raise ValueError(
            f"Nieprawidłowy adres BASE_URL: „{base_url}” (np. https://rops.example.pl)."
        )
    return parts.hostname, parts.port or DEFAULT_PORTS[parts.scheme]


def set_site_address(site: Site, base_url: str | None = None) -> bool:
    """Give `site` the hostname and port of `base_url` (BASE_URL); True when it changed."""
    hostname, port = address_of(base_url or settings.BASE_URL)
    if (site.hostname, site.port) == (hostname, port):
        return False
    site.hostname, site.port = hostname, port
    site.save(update_fields=["hostname", "port"])
    return True
