"""Realistic random content for benchmarks: many visits (and news) with varied stops.

Pages are written in bulk, as published pages without revisions and without the per-page signals
(search index, reference index, page cache), so 20,000 pages take seconds; run
`manage.py update_index` afterwards if search matters.
"""

import datetime
import random

from django.db import connection, transaction
from wagtail.models import Page, Site

from foundation.demo.images import demo_image
from news.models import NewsIndexPage, NewsPage

from .models import VisitIndexPage, VisitPage
from .stop_index import save_stop_rows, stop_rows

TOWNS = [
    ("Rawicz", "wielkopolskie"),
    ("Jarocin", "wielkopolskie"),
    ("Gniezno", "wielkopolskie"),
    ("Kalisz", "wielkopolskie"),
    ("Łódź", "lodzkie"),
    ("Sieradz", "lodzkie"),
    ("Wrocław", "dolnoslaskie"),
    ("Oleśnica", "dolnoslaskie"),
    ("Kraków", "malopolskie"),
    ("Nowy Targ", "malopolskie"),
    ("Gdańsk", "pomorskie"),
    ("Słupsk", "pomorskie"),
    ("Lublin", "lubelskie"),
    ("Zamość", "lubelskie"),
    ("Gorzów Wielkopolski", "lubuskie"),
    ("Zielona Góra", "lubuskie"),
    ("Białystok", "podlaskie"),
    ("Rzeszów", "podkarpackie"),
    ("Kielce", "swietokrzyskie"),
    ("Olsztyn", "warminsko-mazurskie"),
    ("Szczecin", "zachodniopomorskie"),
    ("Opole", "opolskie"),
    ("Toruń", "kujawsko-pomorskie"),
    ("Katowice", "slaskie"),
    ("Płock", "mazowieckie"),
]
PLACES = [
    ("Centrum Usług Społecznych w {town}", ["cus"]),
    ("Ośrodek Pomocy Społecznej w {town}", ["ops"]),
    ("Spółdzielnia Socjalna „Razem” w {town}", ["social_cooperative"]),
    ("Centrum Integracji Społecznej w {town}", ["cis"]),
    ("Klub Integracji Społecznej w {town}", ["kis"]),
    ("Zakład Aktywności Zawodowej w {town}", ["zaz"]),
    ("Warsztat Terapii Zajęciowej w {town}", ["wtz"]),
    ("Fundacja „Most” w {town}", ["foundation"]),
    ("Kawiarnia społeczna w {town}", ["social_cooperative", "social_enterprise"]),
    ("Powiatowe Centrum Pomocy Rodzinie w {town}", ["pcpr"]),
]
SENTENCES = [
    "Uczestnicy poznali zasady działania instytucji i jej najważniejsze usługi.",
    "Rozmawialiśmy o współpracy z organizacjami pozarządowymi i samorządem.",
    "Dyrekcja przedstawiła harmonogram zmian i doświadczenia pierwszego roku.",
    "Najwięcej pytań dotyczyło finansowania i zatrudniania osób z niepełnosprawnościami.",
    "Spotkanie zakończyło się wspólnym obiadem przygotowanym przez spółdzielnię.",
    "Goście zobaczyli pracownie i rozmawiali z uczestnikami zajęć.",
]
NAMES = ["Anna Nowak", "Piotr Kowalski", "Ewa Wiśniewska", "Tomasz Zieliński", "Maria Lewandowska"]


def _paragraphs(rng, count):
    return [
        {"type": "paragraph", "value": "<p>" + " ".join(rng.sample(SENTENCES, 3)) + "</p>"}
        for _ in range(count)
    ]


def _image_value(image):
    return {"image": image.pk, "alt_text": image.title, "decorative": False}


def random_visit(rng, images, number):
    """An unsaved VisitPage with 1–5 stops in one or two voivodeships."""

    start = datetime.date(2019, 1, 1) + datetime.timedelta(days=rng.randrange(9 * 365))
    end = start + datetime.timedelta(days=rng.choice([0, 0, 1, 1, 2]))
    towns = rng.sample(TOWNS, rng.randint(1, 3))
    stops = []
    for _ in range(rng.randint(1, 5)):
        town, voivodeship = rng.choice(towns)
        place, kinds = rng.choice(PLACES)
        stops.append(
            {
                "type": "stop",
                "value": {
                    "heading": place.format(town=town),
                    "town": town,
                    "voivodeship": voivodeship,
                    "kinds": kinds,
                    "description": "<p>" + " ".join(rng.sample(SENTENCES, 2)) + "</p>",
                    "people": [{"name": rng.choice(NAMES), "role": "dyrektor(ka)"}],
                    "website": "",
                    "photos": [
                        {"image": _image_value(image), "caption": ""}
                        for image in rng.sample(images, rng.randint(0, 2))
                    ],
                },
            }
        )
    title = f"Wizyta studyjna: {', '.join(sorted({t for t, _ in towns}))} ({number})"
    photos = [photo["image"]["image"] for stop in stops for photo in stop["value"]["photos"]]
    return VisitPage(
        title=title,
        slug=f"wizyta-{number}-{start:%Y%m%d}",
        lead=f"Relacja z wizyty w miejscowościach: {', '.join(t for t, _ in towns)}.",
        start_date=start,
        end_date=end,
        publication_date=end + datetime.timedelta(days=2),
        regions=sorted({v for _, v in towns}),
        organiser="Regionalny Ośrodek Polityki Społecznej",
        participants="Przedstawiciele gmin, powiatów i organizacji pozarządowych.",
        body=[*_paragraphs(rng, rng.randint(1, 3)), *stops],
        card_image_id=photos[0] if photos else None,
    )


def random_news(rng, images, number):
    day = datetime.date(2019, 1, 1) + datetime.timedelta(days=rng.randrange(8 * 365))
    body = _paragraphs(rng, rng.randint(2, 5))
    image = rng.choice(images) if rng.random() < 0.7 else None
    if image is not None:
        body.insert(
            1,
            {"type": "image", "value": {"image": _image_value(image), "caption": "", "credit": ""}},
        )
    return NewsPage(
        title=f"Aktualność nr {number}: {rng.choice(SENTENCES)[:60]}",
        slug=f"aktualnosc-{number}-{day:%Y%m%d}",
        lead=rng.choice(SENTENCES),
        publication_date=day,
        body=body,
        card_image=image,
    )


def _add_children(parent, pages):
    """Append published `pages` (all of one type) under `parent`, a few bulk INSERTs per table.

    `add_child` saves one page at a time (over a dozen queries and Wagtail's validation each);
    the generator writes what it would have written itself —
    treebeard paths after the parent's last child, url paths, the parent's locale, numchild —
    one INSERT per table of the page type's inheritance chain. The pages get no revisions.
    """
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Page

    if not pages:
        return pages
    parent = Page.objects.get(pk=parent.pk)
    last = parent.get_last_child()
    first_step = Page._str2int(last.path[-Page.steplen :]) + 1 if last else 1
    content_type = ContentType.objects.get_for_model(type(pages[0]))
    for step, page in enumerate(pages, start=first_step):
        page.path = Page._get_path(parent.path, parent.depth + 1, step)
        page.depth, page.numchild = parent.depth + 1, 0
        page.url_path = f"{parent.url_path}{page.slug}/"
        page.draft_title = page.title
        page.content_type = content_type
        page.locale_id = parent.locale_id
        page.live, page.has_unpublished_changes = True, False
    base_rows = Page.objects.bulk_create(
        [
            Page(**{f.attname: getattr(page, f.attname) for f in Page._meta.concrete_fields})
            for page in pages
        ]
    )
    # Every table of the chain, base first; each child table's key is its parent link.
    chain = [*reversed(type(pages[0])._meta.get_parent_list()), type(pages[0])]
    links = [link.attname for model in chain for link in model._meta.parents.values()]
    for page, row in zip(pages, base_rows, strict=True):
        for attname in ["id", *links]:
            setattr(page, attname, row.pk)
    for model in chain[1:]:
        _insert_rows(model, pages)
    Page.objects.filter(pk=parent.pk).update(numchild=parent.numchild + len(pages))
    return pages


def _insert_rows(model, pages):
    """One table's rows of multi-table-inherited pages (Django's bulk_create refuses those)."""
    fields = model._meta.local_concrete_fields
    columns = ", ".join(connection.ops.quote_name(field.column) for field in fields)
    marks = ", ".join(["%s"] * len(fields))
    table = connection.ops.quote_name(model._meta.db_table)
    rows = [
        [field.get_db_prep_save(getattr(page, field.attname), connection) for field in fields]
        for page in pages
    ]
    with connection.cursor() as cursor:
        cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES ({marks})", rows)


class NoHomePage(Exception):
    """The default site has no home page of the demo to add the content under."""


def generate(count, seed=2024, stdout=None):
    """Add `count` visits and `count` news under the default site's home page; returns numbers."""
    rng = random.Random(seed)
    site = Site.objects.filter(is_default_site=True).first()
    home = site.root_page if site is not None else None
    if home is None or home.specific_class is Page:  # Wagtail's placeholder, no demo site
        raise NoHomePage("Najpierw uruchom `manage.py load_demo` — brak strony głównej.")
    index = VisitIndexPage.objects.child_of(home).first()
    if index is None:
        index = VisitIndexPage(title="Wizyty studyjne", slug="wizyty-studyjne")
        home.add_child(instance=index)
        index.save_revision().publish()
    images = [
        demo_image(f"Zdjęcie z wizyty {n}", "Uczestnicy wizyty studyjnej", seed=200 + n)
        for n in range(6)
    ]
    offset = index.get_children().count()
    created = {"visits": 0, "news": 0}
    news_index = NewsIndexPage.objects.child_of(home).first()
    with transaction.atomic():
        visits = [random_visit(rng, images, offset + n + 1) for n in range(count)]
        _add_children(index, visits)
        save_stop_rows([row for visit in visits for row in stop_rows(visit)])
        created["visits"] = len(visits)
        if news_index is not None:
            start = news_index.get_children().count()
            news = [random_news(rng, images, start + n + 1) for n in range(count)]
            _add_children(news_index, news)
            created["news"] = len(news)
    analyse_tables()
    return created


def analyse_tables():
    """Fresh planner statistics on PostgreSQL after a bulk write.

    Until autovacuum gets to it, the planner would take the new rows for a few and choose
    nested loops over them: a search then took minutes instead of milliseconds.
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
