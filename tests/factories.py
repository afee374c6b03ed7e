"""Small factories that build pages in the tree and images with Pillow, as Wagtail's tests do."""

import datetime
import io
from types import SimpleNamespace

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site

from foundation.models import OrganisationSettings
from home.models import AccessibilityStatementPage, HomePage, SitemapPage, StandardPage


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


def ensure_wagtail_roots():
    """Recreate what Wagtail's migrations create (locale, root collection, root page).

    A transactional test flushes the database when it ends, so the next one starts without them.
    """
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Collection

    locale, _ = Locale.objects.get_or_create(language_code="pl")
    if not Collection.objects.filter(depth=1).exists():
        Collection.add_root(name="Root")
    root = Page.get_first_root_node()
    if root is None:
        root = Page.add_root(
            instance=Page(
                title="Root",
                slug="root",
                locale=locale,
                content_type=ContentType.objects.get_for_model(Page),
            )
        )
    return root


def build_site_tree():
    """Home page (default site root), a standard page, the statement, the site map, settings."""
    root = ensure_wagtail_roots()
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


def make_visit_index(home, **fields):
    """The visit archive (Wizyty studyjne) under `home`."""
    from visits.models import VisitIndexPage

    fields.setdefault("title", "Wizyty studyjne")
    fields.setdefault("slug", "wizyty-studyjne")
    return add_page(home, VisitIndexPage(**fields))


def visit_stop(heading, town, voivodeship, kinds=(), people=(), photos=(), description=None):
    """Raw stream data of one visit stop block."""
    return {
        "type": "stop",
        "value": {
            "heading": heading,
            "town": town,
            "voivodeship": voivodeship,
            "kinds": list(kinds),
            "description": description or f"<p>Spotkanie: {heading}.</p>",
            "people": [{"name": name, "role": role} for name, role in people],
            "website": "",
            "photos": [
                {
                    "image": {"image": image.pk, "alt_text": image.title, "decorative": False},
                    "caption": "",
                }
                for image in photos
            ],
        },
    }


def make_visit(
    index, title="Wizyta studyjna", start=None, end=None, stops=(), publish=True, **fields
):
    """A visit under `index`; `stops` is a list of visit_stop() data, dates default to 2021."""
    from visits.models import VisitPage

    start = start or datetime.date(2021, 9, 17)
    fields.setdefault("lead", f"{title} — lead.")
    fields.setdefault("regions", sorted({stop["value"]["voivodeship"] for stop in stops}))
    body = [paragraph("Wprowadzenie do wizyty."), *stops]
    page = VisitPage(title=title, start_date=start, end_date=end or start, body=body, **fields)
    return add_page(index, page, publish=publish)


def make_news_index(home, title="Aktualności", slug="aktualnosci"):
    """The news index under the home page."""
    from news.models import NewsIndexPage

    return add_page(home, NewsIndexPage(title=title, slug=slug, lead="Wiadomości z regionu."))


def gallery_block(images, title="Zdjęcia z wizyty"):
    """Raw stream data of a gallery of `images`, each with alt text and caption."""
    return {
        "type": "gallery",
        "value": {
            "title": title,
            "images": [
                {
                    "image": {"image": image.pk, "alt_text": f"Opis {n}", "decorative": False},
                    "caption": f"Podpis {n}",
                }
                for n, image in enumerate(images, start=1)
            ],
        },
    }


def make_news_page(index, title="Artykuł", publication_date=None, publish=True, **fields):
    """A NewsPage under `index`; body defaults to one paragraph, tags via `tags=[...]`."""
    from news.models import NewsPage

    tags = fields.pop("tags", [])
    fields.setdefault("lead", f"Lead: {title}.")
    fields.setdefault("body", [paragraph(f"Treść: {title}.")])
    page = NewsPage(
        title=title,
        publication_date=publication_date or datetime.date(2025, 1, 1),
        **fields,
    )
    if tags:
        page.tags.add(*tags)
    return add_page(index, page, publish=publish)


def make_user(username="redaktorka", groups=("Redaktorzy",), superuser=False):
    """An admin user in the editorial groups the home migrations create (or a superuser)."""
    from django.contrib.auth.models import Group, User

    if superuser:
        return User.objects.create_superuser(username, f"{username}@example.org", "haslo-testowe")
    user = User.objects.create_user(username, f"{username}@example.org", "haslo-testowe")
    user.groups.set(Group.objects.filter(name__in=groups))
    return user


def make_standard_page(parent, title, text="", publish=True, **fields):
    """A StandardPage under `parent` with one paragraph of `text`."""
    fields.setdefault("lead", "")
    fields.setdefault("body", [paragraph(text)] if text else [])
    return add_page(parent, StandardPage(title=title, **fields), publish=publish)


def restrict_page(page, password=None):
    """A view restriction on `page` (and its subtree): a password, else logged-in readers only."""
    from wagtail.models import PageViewRestriction

    if password:
        return PageViewRestriction.objects.create(
            page=page, restriction_type=PageViewRestriction.PASSWORD, password=password
        )
    return PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)


def build_public_site():
    """The shell plus one of every public page type: news index, tagged article, visit archive,
    a visit with a stop and photos — what the security and fuzz tests walk over."""
    tree = build_site_tree()
    photo = make_image(title="Zdjęcie z Rawicza")
    news_index = make_news_index(tree.home)
    article = make_news_page(
        news_index,
        "Spółdzielnia socjalna w Rawiczu",
        datetime.date(2021, 9, 19),
        tags=["ekonomia społeczna"],
        listing_image=photo,
    )
    visit_index = make_visit_index(tree.home)
    visit = make_visit(
        visit_index,
        "Wizyta studyjna w Jarocinie",
        start=datetime.date(2021, 9, 17),
        end=datetime.date(2021, 9, 18),
        stops=[
            visit_stop(
                "Centrum Usług Społecznych",
                "Rawicz",
                "wielkopolskie",
                ["cus"],
                people=[("Anna Nowak", "dyrektorka")],
                photos=[photo],
            )
        ],
    )
    return SimpleNamespace(
        **vars(tree),
        photo=photo,
        news_index=news_index,
        article=article,
        visit_index=visit_index,
        visit=visit,
    )
