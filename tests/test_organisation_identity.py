"""The organisation's logo, favicon and accent colour (Ustawienia → Dane organizacji)."""

import datetime
import io
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings as django_settings
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.test import RequestFactory
from PIL import Image

from foundation.colours import contrast_ratio, darker
from foundation.models import OrganisationSettings
from foundation.previews import preview_context, serve_listing_preview
from tests.factories import add_page, make_image

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parent.parent


def test_contrast_ratio_follows_wcag():
    assert round(contrast_ratio("#000000", "#ffffff"), 1) == 21.0
    assert round(contrast_ratio("#767676", "#ffffff"), 2) == 4.54
    assert darker("#0b4f8a") == "#083761"


@pytest.mark.parametrize(
    ("colour", "message"),
    [
        ("#ffcc00", "Kolor #ffcc00 ma na jasnym tle strony kontrast tylko 1,38:1"),
        ("#767676", "kontrast tylko 4,16:1"),  # 4.54:1 on white, not on the light grey header
        ("niebieski", "Podaj kolor w zapisie #RRGGBB"),
    ],
)
def test_accent_below_wcag_aa_is_refused_in_polish(site_tree, colour, message):
    settings = site_tree.settings
    settings.accent_colour = colour
    with pytest.raises(ValidationError) as error:
        settings.full_clean()
    assert message in " ".join(error.value.message_dict["accent_colour"])


def test_accent_colours_every_page_but_not_high_contrast(client, site_tree):
    settings = site_tree.settings
    settings.accent_colour = "#7a1f5c"
    settings.full_clean()
    settings.save()
    html = client.get("/o-nas/").content.decode()
    assert 'style="--org-accent: #7a1f5c; --org-accent-dark: #551640"' in html
    css = (ROOT / "static/css/kronika.css").read_text(encoding="utf-8")
    assert 'html[data-contrast="high"], html[data-contrast="high"] body {' in css


def test_without_identity_the_page_has_kronikas_favicon_and_no_style(client, site_tree):
    html = client.get("/o-nas/").content.decode()
    assert "<body" in html and "--org-accent" not in html
    assert "site-name__logo" not in html
    assert 'href="/static/img/favicon.svg"' in html


def test_logo_in_the_header_and_favicon_in_the_links(client, site_tree):
    settings = site_tree.settings
    settings.logo = make_image("Logo", "Logo Ośrodka", size=(300, 120), colour="white")
    settings.favicon = make_image("Ikona", "Ikona Ośrodka", size=(256, 256), colour="navy")
    settings.save()
    html = client.get("/o-nas/").content.decode()
    header = html[html.index('<header class="site-header">') :]
    logo = header[header.index("<img") : header.index(">", header.index("<img"))]
    assert 'class="site-name__logo"' in logo and 'alt=""' in logo
    icon = settings.favicon.get_rendition("fill-192x192|format-png").url
    assert f'<link rel="icon" href="{icon}" type="image/png" sizes="192x192">' in html
    assert 'href="/static/img/favicon.svg"' not in html
    response = client.get("/favicon.ico")
    assert response.status_code == 302 and response["Location"] == icon


def test_settings_form_offers_the_identity_in_polish(admin_client, site_tree):
    html = admin_client.get(
        f"/admin/settings/foundation/organisationsettings/{site_tree.site.pk}/"
    ).content.decode()
    assert "Wygląd" in html and "kolor wiodący" in html.lower() and "favicon" in html
    assert OrganisationSettings._meta.get_field("accent_colour").max_length == 7


def og_image(client, path):
    match = re.search(
        r'<meta property="og:image" content="([^"]+)">', client.get(path).content.decode()
    )
    return match and match.group(1)


def stored_picture(url):
    """The picture behind a media URL of the share card, opened from the storage."""
    name = urlsplit(url).path.removeprefix(django_settings.MEDIA_URL)
    with default_storage.open(name) as file:
        return Image.open(io.BytesIO(file.read())).convert("RGB")


def test_page_without_a_photo_shares_the_logo_over_the_accent(client, site_tree):
    assert og_image(client, "/o-nas/") is None  # no logo: nothing to share, as before
    settings = site_tree.settings
    settings.logo = make_image("Logo", "Logo Ośrodka", size=(300, 120), colour="darkred")
    settings.accent_colour = "#7a1f5c"
    settings.save()
    url = og_image(client, "/o-nas/")
    assert url.startswith("http://testserver/media/share-cards/") and url.endswith(".png")
    picture = stored_picture(url)
    assert picture.size == (1200, 630)
    logo_pixel = picture.getpixel((600, 270))  # the logo (a JPEG), centred above the band
    assert all(abs(a - b) <= 8 for a, b in zip(logo_pixel, (139, 0, 0), strict=True))
    assert picture.getpixel((20, 620)) == (0x7A, 0x1F, 0x5C)  # the band in the accent
    assert picture.getpixel((20, 20)) == (255, 255, 255)
    assert og_image(client, "/") == url  # the home page too

    settings.accent_colour = "#0b6e3c"
    settings.save()
    recoloured = og_image(client, "/o-nas/")
    assert recoloured != url  # a new address, so social sites fetch the new colours
    assert stored_picture(recoloured).getpixel((20, 620)) == (0x0B, 0x6E, 0x3C)


def test_page_with_a_photo_shares_its_photo_and_the_preview_shows_the_card(site_tree):
    from news.models import NewsIndexPage, NewsPage

    settings = site_tree.settings
    settings.logo = make_image("Logo", "Logo Ośrodka", size=(300, 120), colour="darkred")
    settings.save()
    index = add_page(site_tree.home, NewsIndexPage(title="Aktualności", slug="aktualnosci"))
    photo = make_image("Wizyta", "Uczestnicy przed budynkiem", size=(1600, 900))
    article = add_page(
        index,
        NewsPage(
            title="Wizyta",
            slug="wizyta",
            publication_date=datetime.date(2021, 9, 19),
            lead="Lead.",
            listing_image=photo,
        ),
    )
    request = RequestFactory().get("/", SERVER_NAME="testserver")
    request.user = AnonymousUser()
    context = preview_context(article, request)
    assert context["share_image"] == photo and context["share_card_url"] is None
    article.listing_image = None
    response = serve_listing_preview(article, request, "share")
    html = response.render().content.decode()
    assert '<img src="http://testserver/media/share-cards/' in html and "Brak zdjęcia" not in html
