"""The organisation's logo, favicon and accent colour (Ustawienia → Dane organizacji)."""

from pathlib import Path

import pytest
from django.core.exceptions import ValidationError

from home.colours import contrast_ratio, darker
from home.models import OrganisationSettings
from tests.factories import make_image

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
        f"/admin/settings/home/organisationsettings/{site_tree.site.pk}/"
    ).content.decode()
    assert "Wygląd" in html and "kolor wiodący" in html.lower() and "favicon" in html
    assert OrganisationSettings._meta.get_field("accent_colour").max_length == 7
