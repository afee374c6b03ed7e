"""The organisation's share card: what a page without a photo of its own shares.

The logo on white above a band of the accent colour (Kronika's blue when none is set),
1200 × 630 like every share image. Drawn once per logo and colour into the media storage, so
a new logo or colour gives a new address and social sites fetch it again.
"""

import hashlib
import io

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from PIL import Image

from .models import OrganisationSettings

SHARE_SIZE = (1200, 630)
DEFAULT_ACCENT = "#0b4f8a"
BAND_HEIGHT = 84
LOGO_BOX = (880, 360)
# Names this process has seen in the storage: one existence check per card and process.
_stored = set()


def card_name(logo, accent_colour):
    """The storage name of the card of `logo` in `accent_colour`."""
    key = f"{logo.pk}:{logo.file.name}:{accent_colour}".encode()
    return f"share-cards/organisation-{hashlib.sha256(key).hexdigest()[:16]}.png"


def draw_card(logo_file, accent_colour) -> bytes:
    """A PNG: the logo fitted and centred above the accent band."""
    card = Image.new("RGB", SHARE_SIZE, "white")
    card.paste(accent_colour, (0, SHARE_SIZE[1] - BAND_HEIGHT, SHARE_SIZE[0], SHARE_SIZE[1]))
    with Image.open(logo_file) as source:
        logo = source.convert("RGBA")
    logo.thumbnail(LOGO_BOX)
    free_height = SHARE_SIZE[1] - BAND_HEIGHT
    position = ((SHARE_SIZE[0] - logo.width) // 2, (free_height - logo.height) // 2)
    card.paste(logo, position, logo)
    buffer = io.BytesIO()
    card.save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


def organisation_card_url(request):
    """Absolute URL of the organisation's share card; None when it has set no logo."""
    settings = OrganisationSettings.for_request(request)
    logo = settings.logo
    if logo is None:
        return None
    name = card_name(logo, settings.accent_colour or DEFAULT_ACCENT)
    if name not in _stored and not default_storage.exists(name):
        with logo.open_file() as logo_file:
            data = draw_card(logo_file, settings.accent_colour or DEFAULT_ACCENT)
        name = default_storage.save(name, ContentFile(data))
    _stored.add(name)
    return request.build_absolute_uri(default_storage.url(name))
