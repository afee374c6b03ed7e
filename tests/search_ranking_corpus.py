"""A corpus for judging the order of search results: visits and articles that compete for the same
words from different fields (title, lead, stops, body, captions), of different years, and the
listing and utility pages (the news and visit indexes, "O nas", a standard page about the same
topics, the accessibility statement, the site map) that must not push content down."""

import datetime
import io
from types import SimpleNamespace

from tests.factories import (
    gallery_block,
    make_image,
    make_news_index,
    make_news_page,
    make_standard_page,
    make_visit,
    make_visit_index,
    paragraph,
    visit_stop,
)

D = datetime.date


def build_ranking_corpus(tree):
    home = tree.home
    news = make_news_index(home)
    visits = make_visit_index(
        home,
        lead="Archiwum wizyt studyjnych: centra usług społecznych, spółdzielnie socjalne, "
        "zakłady aktywności zawodowej i warsztaty terapii zajęciowej w całej Polsce.",
    )
    pages = {
        "home": home,
        "o_nas": tree.standard,
        "statement": tree.statement,
        "sitemap": tree.sitemap,
        "news_index": news,
        "visit_index": visits,
    }
    pages["cooperation"] = make_standard_page(
        home,
        "Współpraca z samorządami",
        "Organizujemy wizyty studyjne do centrów usług społecznych, spółdzielni socjalnych, "
        "ośrodków pomocy społecznej i warsztatów terapii zajęciowej. Spółdzielnia socjalna, "
        "centrum usług społecznych, ośrodek pomocy — pokazujemy dobre praktyki z Rawicza, "
        "Łodzi, Krakowa i Gdańska.",
        lead="Jak pracujemy z gminami i powiatami: wizyty, szkolenia, doradztwo.",
    )
    pages["visit_rawicz"] = make_visit(
        visits,
        "Rawicz i Jarocin: usługi społeczne w praktyce",
        start=D(2021, 9, 17),
        end=D(2021, 9, 18),
        lead="Dwa dni w Wielkopolsce: centrum usług społecznych, ośrodek pomocy i dwie "
        "spółdzielnie socjalne.",
        stops=[
            visit_stop("Centrum Usług Społecznych w Rawiczu", "Rawicz", "wielkopolskie", ["cus"]),
            visit_stop(
                "Spółdzielnia Socjalna „Smak Bistro”",
                "Rawicz",
                "wielkopolskie",
                ["social_cooperative"],
                description="<p>Obiad w bistro prowadzonym przez spółdzielnię.</p>",
            ),
            visit_stop(
                "Miejsko-Gminny Ośrodek Pomocy Społecznej w Jarocinie",
                "Jarocin",
                "wielkopolskie",
                ["ops"],
                people=[("Jan Kowalczyk", "kierownik MGOPS")],
            ),
            visit_stop("Kawiarnia „Filmowa”", "Jarocin", "wielkopolskie", ["social_cooperative"]),
        ],
        publication_date=D(2021, 9, 20),
    )
    pages["visit_wroclaw"] = make_visit(
        visits,
        "Centra usług społecznych i spółdzielnie na Dolnym Śląsku",
        start=D(2021, 5, 10),
        end=D(2021, 5, 11),
        lead="Dwudniowy wyjazd do Wrocławia i Oleśnicy.",
        stops=[
            visit_stop(
                "Centrum Usług Społecznych we Wrocławiu", "Wrocław", "dolnoslaskie", ["cus"]
            ),
            visit_stop(
                "Spółdzielnia Socjalna „Pod Dębem”",
                "Oleśnica",
                "dolnoslaskie",
                ["social_cooperative"],
            ),
        ],
        publication_date=D(2021, 5, 12),
    )
    pages["visit_lodz"] = make_visit(
        visits,
        "Jeden dzień w Łodzi: integracja przez pracę",
        start=D(2022, 6, 2),
        lead="Zakład aktywności zawodowej i centrum integracji społecznej.",
        stops=[
            visit_stop(
                "Zakład Aktywności Zawodowej w Łodzi",
                "Łódź",
                "lodzkie",
                ["zaz"],
                people=[("Ewa Wiśniewska", "kierowniczka ZAZ")],
                description="<p>Pracownicy ZAZ prowadzą pralnię i introligatornię.</p>",
            ),
            visit_stop("Centrum Integracji Społecznej w Łodzi", "Łódź", "lodzkie", ["cis"]),
        ],
        publication_date=D(2022, 6, 3),
    )
    pages["visit_krakow"] = make_visit(
        visits,
        "Małopolskie centra usług społecznych — trzy dni, pięć miejsc",
        start=D(2023, 4, 12),
        end=D(2023, 4, 14),
        lead="Kraków i Wadowice: jak gminy organizują usługi społeczne.",
        stops=[
            visit_stop("Centrum Usług Społecznych w Krakowie", "Kraków", "malopolskie", ["cus"]),
            visit_stop(
                "Centrum Usług Społecznych w Wadowicach", "Wadowice", "malopolskie", ["cus"]
            ),
        ],
        publication_date=D(2023, 4, 17),
    )
    pages["visit_gdansk"] = make_visit(
        visits,
        "Integracja społeczna na Pomorzu",
        start=D(2023, 10, 5),
        end=D(2023, 10, 6),
        lead="Klub integracji społecznej i warsztat terapii zajęciowej.",
        stops=[
            visit_stop("Klub Integracji Społecznej w Gdańsku", "Gdańsk", "pomorskie", ["kis"]),
            visit_stop("Warsztat Terapii Zajęciowej w Sopocie", "Sopot", "pomorskie", ["wtz"]),
        ],
        publication_date=D(2023, 10, 9),
    )
    pages["visit_lublin"] = make_visit(
        visits,
        "Lublin i Zamość: przedsiębiorstwa społeczne",
        start=D(2024, 5, 20),
        lead="Fundacja i przedsiębiorstwo społeczne, które zatrudnia osoby z niepełnosprawnościami.",
        stops=[
            visit_stop("Fundacja „Dobry Start”", "Lublin", "lubelskie", ["foundation"]),
            visit_stop("Piekarnia „Zamojska”", "Zamość", "lubelskie", ["social_enterprise"]),
        ],
        publication_date=D(2024, 5, 22),
    )
    pages["news_program"] = make_news_page(
        news,
        "Spółdzielnie socjalne w Wielkopolsce: nowy program wsparcia",
        D(2024, 1, 15),
        lead="Samorząd województwa ogłasza konkurs na dotacje.",
        body=[paragraph("Wnioski można składać do końca marca.")],
    )
    pages["news_conference"] = make_news_page(
        news,
        "Konferencja o ekonomii społecznej",
        D(2023, 11, 20),
        lead="Dwa dni rozmów o przyszłości sektora.",
        body=[
            paragraph(
                "Spółdzielnie socjalne, spółdzielnie socjalne osób prawnych i spółdzielnia "
                "socjalna z Kalisza: o spółdzielniach socjalnych mówiono przez dwa dni."
            )
        ],
    )
    pages["news_cafe"] = make_news_page(
        news,
        "Kawiarnia Filmowa świętuje piąte urodziny",
        D(2022, 3, 10),
        lead="Spółdzielnię Socjalną „Zmysły” z Jarocina odwiedzają coraz liczniejsi goście.",
        body=[paragraph("W kawiarni przy kinie pracuje sześć osób zagrożonych wykluczeniem.")],
    )
    photo = make_image(title="Sala konferencyjna")
    pages["news_caption"] = make_news_page(
        news,
        "Jesienne spotkanie partnerów",
        D(2022, 10, 1),
        lead="Rozmawialiśmy o planach na przyszły rok.",
        body=[
            paragraph("Przyjechali przedstawiciele dwunastu gmin."),
            gallery_block([photo], title="Sala konferencyjna w Rawiczu"),
        ],
    )
    pages["news_flats"] = make_news_page(
        news,
        "Nowe mieszkania treningowe w powiecie",
        D(2023, 2, 2),
        lead="Powiat otworzył cztery mieszkania.",
        body=[paragraph("W Rawiczu otwarto mieszkania treningowe dla usamodzielnianej młodzieży.")],
    )
    pages["news_training"] = make_news_page(
        news,
        "Szkolenie dla pracowników ośrodków pomocy społecznej",
        D(2021, 11, 20),
        lead="Zapraszamy pracowników OPS i MGOPS na szkolenie w Poznaniu.",
        body=[paragraph("Omówimy zmiany w ustawie o pomocy społecznej.")],
    )
    pages["news_wtz"] = make_news_page(
        news,
        "Warsztat Terapii Zajęciowej w Kaliszu otwiera pracownię ceramiki",
        D(2023, 5, 5),
        lead="Nowa pracownia w WTZ.",
        body=[paragraph("Uczestnicy WTZ lepią naczynia z gliny i sprzedają je na kiermaszach.")],
    )
    pages["news_cus_law"] = make_news_page(
        news,
        "Ustawa o centrach usług społecznych: co się zmienia",
        D(2024, 3, 1),
        lead="Gminy mogą tworzyć CUS od 2020 roku; nowelizacja upraszcza procedury.",
        body=[paragraph("Centrum usług społecznych koordynuje usługi w gminie.")],
    )
    pages["news_first_cus"] = make_news_page(
        news,
        "Pierwsze centrum usług społecznych w regionie",
        D(2020, 2, 1),
        lead="Gmina utworzyła CUS na bazie ośrodka pomocy społecznej.",
        body=[paragraph("Mieszkańcy mają jedno miejsce, w którym dowiedzą się o usługach.")],
    )
    pages["news_summary"] = make_news_page(
        news,
        "Podsumowanie roku: wizyty studyjne 2021",
        D(2021, 12, 30),
        lead="Co zobaczyliśmy w minionym roku.",
        body=[paragraph("Zorganizowaliśmy trzy wyjazdy do centrów i spółdzielni.")],
    )
    for name, town, day in (
        ("fair_kalisz", "Kaliszu", D(2022, 12, 1)),
        ("fair_konin", "Koninie", D(2024, 12, 2)),
    ):
        pages[name] = make_news_page(
            news,
            f"Kiermasz świąteczny w {town}",
            day,
            lead="Rękodzieło uczestników warsztatów i spółdzielni.",
            body=[paragraph("Zapraszamy w sobotę od dziesiątej.")],
        )
    return SimpleNamespace(home=home, news=news, visits=visits, pages=pages)


def build_demo_corpus():
    """The demo content of `make run` (`load_demo`'s loaders), its pages named as the judged
    queries name them: the listing and utility pages as in the ranking corpus, the rest by
    title. The caller may drop background tasks (renditions): the search index is built here."""
    from django.core.management import call_command
    from wagtail.models import Page

    from home import demo

    demo.load()
    call_command("update_index", stdout=io.StringIO())
    utility = {
        "home.HomePage": "home",
        "home.AccessibilityStatementPage": "statement",
        "home.SitemapPage": "sitemap",
        "news.NewsIndexPage": "news_index",
        "visits.VisitIndexPage": "visit_index",
    }
    pages = {}
    for page in Page.objects.live().filter(depth__gt=1).specific():
        if page._meta.label == "home.StandardPage":
            name = "o_nas" if page.slug == "o-nas" else f"standard_{page.slug}"
        else:
            name = utility.get(page._meta.label, page.title)
        pages[name] = page
    return SimpleNamespace(pages=pages)
