"""Small factories that build pages in the tree and images with Pillow, as Wagtail's tests do."""

import datetime
import io
from types import SimpleNamespace

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site

from home.models import (
    AccessibilityStatementPage,
    HomePage,
    OrganisationSettings,
    SitemapPage,
    StandardPage,
)


def make_image(title="Zdjęcie testowe", description="Opis zdjęcia", size=(800, 600), colour="navy"):
    """A library image with a real JPEG file drawn by Pillow."""
    buffer = io.BytesIO()
    PILImage.new("RGB", size, colour).save(buffer, "JPEG")
    image = get_image_model()(title=title, description=description)
    image.file = ImageFile(io.BytesIO(buffer.getvalue()), name="test.jpg")
    image.save()
    return image


def add_page(parent, page, publish=True):
    """Add `page` under `parent`, as a published page unless `publish` is False."""
    if not publish:
        page.live = False
    parent.add_child(instance=page)
    revision = page.save_revision()
    if publish:
        revision.publish()
        page.refresh_from_db()
    return page


def paragraph(text):
    return {"type": "paragraph", "value": f"<p>{text}</p>"}


def build_site_tree():
    """Home page (default site root), a standard page, the statement, the site map, settings."""
    Locale.objects.get_or_create(language_code="pl")
    root = Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root"))
    home = HomePage(title="Strona testowa", slug="strona-testowa", lead="Wprowadzenie")
    root.add_child(instance=home)
    home.save_revision().publish()
    Site.objects.all().delete()
    site = Site.objects.create(
        hostname="testserver", port=80, root_page=home, is_default_site=True, site_name="Test"
    )
    Page.objects.filter(depth=2).exclude(pk=home.pk).delete()
    home.refresh_from_db()
    standard = add_page(
        home,
        StandardPage(
            title="O nas",
            slug="o-nas",
            lead="Kim jesteśmy.",
            show_in_menus=True,
            body=[paragraph("Pomagamy gminom.")],
        ),
    )
    statement = add_page(
        home,
        AccessibilityStatementPage(
            title="Deklaracja dostępności",
            slug="deklaracja-dostepnosci",
            entity_name="Ośrodek Testowy",
            site_url="https://example.org/",
            published_on=datetime.date(2024, 1, 2),
            updated_on=datetime.date(2025, 3, 4),
            status="partial",
            non_compliance="<p>Stare PDF-y.</p>",
            prepared_on=datetime.date(2024, 1, 5),
            reviewed_on=datetime.date(2025, 6, 7),
            contact_person="Jan Testowy",
            contact_email="a11y@example.org",
            contact_phone="+48 600 100 200",
            procedure="<p>Procedura.</p>",
            architecture="<p>Winda.</p>",
            communication="<p>Pętla indukcyjna.</p>",
        ),
    )
    sitemap = add_page(home, SitemapPage(title="Mapa strony", slug="mapa-strony"))
    settings = OrganisationSettings.for_site(site)
    settings.name = "Ośrodek Testowy"
    settings.short_name = "OT"
    settings.phone = "+48 61 000 00 00"
    settings.email = "biuro@example.org"
    settings.epuap = "/OT/SkrytkaESP"
    settings.bip_url = "https://bip.example.org/"
    settings.contact_page = standard
    settings.save()
    return SimpleNamespace(
        site=site,
        home=home,
        standard=standard,
        statement=statement,
        sitemap=sitemap,
        settings=settings,
    )
