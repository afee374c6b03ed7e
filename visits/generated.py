"""Realistic random content for benchmarks: many visits (and news) with varied stops.

Pages are added without revisions and with search-index signals muted, so a thousand visits
take seconds; run `manage.py update_index` afterwards if search matters.
"""

import datetime
import random
from contextlib import contextmanager

from django.db import transaction
from django.db.models.signals import post_save

from home.demo.images import demo_image

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
    from .models import VisitPage

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
    )


def random_news(rng, news_model, images, number):
    day = datetime.date(2019, 1, 1) + datetime.timedelta(days=rng.randrange(8 * 365))
    body = _paragraphs(rng, rng.randint(2, 5))
    if rng.random() < 0.7:
        image = rng.choice(images)
        body.insert(
            1,
            {"type": "image", "value": {"image": _image_value(image), "caption": "", "credit": ""}},
        )
    return news_model(
        title=f"Aktualność nr {number}: {rng.choice(SENTENCES)[:60]}",
        slug=f"aktualnosc-{number}-{day:%Y%m%d}",
        lead=rng.choice(SENTENCES),
        publication_date=day,
        body=body,
    )


def _add_children(parent, pages):
    """add_child without revisions: published rows directly, the page tree kept consistent."""
    for page in pages:
        page.live = True
        page.has_unpublished_changes = False
        parent.add_child(instance=page)
        page.first_published_at = page.last_published_at = page.latest_revision_created_at = None
    return pages


def generate(count, seed=2024, stdout=None):
    """Add `count` visits (and `count` news when the news app has NewsPage); returns numbers."""
    from wagtail.signal_handlers import disable_reference_index_auto_update

    from home.models import HomePage

    from .models import VisitIndexPage, VisitPage

    rng = random.Random(seed)
    home = HomePage.objects.first()
    if home is None:
        raise RuntimeError("Najpierw uruchom `manage.py load_demo` — brak strony głównej.")
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
    news_index, news_model = _news_target(home)
    muted = [VisitPage] + ([news_model] if news_model else [])
    with disable_reference_index_auto_update(), search_index_muted(*muted), transaction.atomic():
        visits = [random_visit(rng, images, offset + n + 1) for n in range(count)]
        index = VisitIndexPage.objects.get(pk=index.pk)
        _add_children(index, visits)
        created["visits"] = len(visits)
        if news_index is not None:
            start = news_index.get_children().count()
            news = [random_news(rng, news_model, images, start + n + 1) for n in range(count)]
            _add_children(news_index, news)
            created["news"] = len(news)
    return created


def _news_target(home):
    try:
        from news.models import NewsIndexPage, NewsPage
    except ImportError:
        return None, None
    return NewsIndexPage.objects.child_of(home).first(), NewsPage


@contextmanager
def search_index_muted(*models):
    """Skip the per-page search index update; `update_index` rebuilds it in one pass."""
    from modelsearch.signal_handlers import post_save_signal_handler

    disconnected = [
        model for model in models if post_save.disconnect(post_save_signal_handler, sender=model)
    ]
    try:
        yield
    finally:
        for model in disconnected:
            post_save.connect(post_save_signal_handler, sender=model)
