"""Demo Aktualności: the news index and articles of our own, across three years. Idempotent."""

import datetime

from foundation.demo.images import demo_image
from foundation.demo.pages import child_by_slug, ensure_child, figure, image_value, paragraphs

from .models import NewsIndexPage, NewsPage


def heading(text, level="h2"):
    return {"type": "heading", "value": {"text": text, "level": level}}


def quote(text, attribution):
    return {"type": "quote", "value": {"quote": text, "attribution": attribution}}


def gallery(title, images):
    return {
        "type": "gallery",
        "value": {
            "title": title,
            "images": [
                {"image": image_value(image), "caption": caption} for image, caption in images
            ],
        },
    }


# (title, date, lead, tags, body parts); body parts are texts, or ("h2", text), ("quote", text,
# who), ("photo", seed, alt, caption) and ("gallery", title, [(seed, alt, caption), …]).
ARTICLES = [
    (
        "Centrum Usług Społecznych w Kórniku po roku działania",
        datetime.date(2026, 10, 14),
        "Odwiedziliśmy CUS w Kórniku, który od roku koordynuje usługi opiekuńcze, "
        "asystenckie i klub seniora w jednym miejscu.",
        ["CUS", "usługi społeczne"],
        [
            "Rok temu gminny ośrodek pomocy społecznej w Kórniku przekształcił się w centrum "
            "usług społecznych. Zmienił się nie tylko szyld — mieszkańcy mają jednego "
            "koordynatora, który pomaga im wybrać potrzebne usługi.",
            (
                "photo",
                11,
                "Budynek centrum usług społecznych z podjazdem dla wózków",
                "Siedziba CUS",
            ),
            ("h2", "Co się zmieniło dla mieszkańców"),
            "Najczęściej zamawiane są usługi opiekuńcze w domu i transport do lekarza. "
            "Nowością jest punkt wsparcia dla opiekunów osób zależnych, czynny także w soboty.",
            (
                "quote",
                "Najważniejsze jest to, że mieszkaniec nie musi już krążyć między "
                "biurami — przychodzi raz i wychodzi z planem.",
                "dyrektorka CUS w Kórniku",
            ),
            ("h2", "Wnioski dla innych gmin"),
            "Kórnik przygotowywał się do zmiany przez dwa lata: diagnoza potrzeb, konsultacje "
            "z organizacjami i program usług społecznych przyjęty przez radę gminy.",
        ],
    ),
    (
        "Szkolenie: zlecanie usług społecznych organizacjom pozarządowym",
        datetime.date(2026, 9, 22),
        "Zapraszamy pracowników ośrodków pomocy społecznej na dwudniowe szkolenie "
        "o zlecaniu usług organizacjom i spółdzielniom socjalnym.",
        ["szkolenia", "ekonomia społeczna"],
        [
            "Szkolenie odbędzie się 15 i 16 października w siedzibie Ośrodka. Omówimy tryby "
            "zlecania zadań, klauzule społeczne w zamówieniach publicznych i rozliczanie usług.",
            ("h2", "Program"),
            "Pierwszy dzień poświęcimy podstawom prawnym i przykładom umów. Drugi — "
            "warsztatom, na których uczestnicy przygotują projekt ogłoszenia konkursowego.",
            "Udział jest bezpłatny. Liczba miejsc jest ograniczona do 25 osób.",
        ],
    ),
    (
        "Spółdzielnia socjalna „Przystań” otwiera pralnię",
        datetime.date(2026, 8, 3),
        "Pięć osób, które długo szukały pracy, prowadzi teraz pralnię obsługującą "
        "hotele i dom pomocy społecznej.",
        ["ekonomia społeczna", "spółdzielnie socjalne"],
        [
            "Spółdzielnia powstała dzięki wsparciu ośrodka wsparcia ekonomii społecznej "
            "i dotacji na utworzenie miejsc pracy. Pralnia działa w dawnym budynku gospodarczym.",
            (
                "gallery",
                "Pralnia spółdzielni „Przystań”",
                [
                    (
                        21,
                        "Pracownica spółdzielni składa ręczniki przy długim stole",
                        "Przygotowanie zamówienia dla hotelu",
                    ),
                    (
                        22,
                        "Rząd przemysłowych pralek w jasnym pomieszczeniu",
                        "Nowe pralki kupione z dotacji",
                    ),
                    (23, "Członkowie spółdzielni przed wejściem do pralni", "Zespół „Przystani”"),
                    (24, "Dostawczy samochód z logo spółdzielni", "Odbiór i dowóz prania"),
                ],
            ),
            ("h2", "Pierwsi klienci"),
            "Pierwszą umowę podpisał dom pomocy społecznej, kolejne — dwa hotele i szkoła. "
            "Spółdzielnia planuje zatrudnić jeszcze dwie osoby.",
            (
                "quote",
                "Tu nikt nie pyta, ile lat nie pracowałam. Liczy się, że jestem i robię swoje.",
                "członkini spółdzielni",
            ),
        ],
    ),
    (
        "Raport o potrzebach opiekunów osób zależnych",
        datetime.date(2026, 6, 18),
        "Publikujemy wyniki badania wśród 600 opiekunów rodzinnych z regionu: najbardziej "
        "brakuje im opieki wytchnieniowej i informacji.",
        ["badania", "usługi społeczne"],
        [
            "Badanie prowadziliśmy od stycznia do kwietnia w 24 gminach. Opiekunowie "
            "odpowiadali na pytania ankiety i brali udział w wywiadach grupowych.",
            ("h2", "Najważniejsze wyniki"),
            "Dwie trzecie badanych nie miało w ostatnim roku ani jednego dnia wolnego od "
            "opieki. Połowa nie wiedziała, gdzie szukać informacji o dostępnych usługach.",
            (
                "photo",
                12,
                "Wykres słupkowy na ekranie podczas prezentacji raportu",
                "Prezentacja wyników",
            ),
            "Pełny raport przekazaliśmy gminom i powiatom; na prośbę przygotujemy jego wersję "
            "w tekście łatwym do czytania.",
        ],
    ),
    (
        "Wizyta partnerów z Litwy",
        datetime.date(2026, 5, 7),
        "Goście z litewskich samorządów poznali nasze centra usług społecznych i zakład "
        "aktywności zawodowej.",
        ["współpraca", "CUS"],
        [
            "Delegacja z trzech litewskich rejonów przez dwa dni odwiedzała instytucje "
            "w regionie. Rozmawiano o koordynacji usług i o zatrudnianiu osób "
            "z niepełnosprawnościami.",
            (
                "photo",
                13,
                "Goście z Litwy i pracownicy zakładu przy stole warsztatowym",
                "W zakładzie aktywności zawodowej",
            ),
            "Partnerzy zaprosili nas na rewizytę jesienią.",
        ],
    ),
    (
        "Nabór do programu „Asystent osobisty” w 2026 roku",
        datetime.date(2026, 2, 11),
        "Gminy i powiaty mogą do 10 marca zgłaszać udział w programie asystencji "
        "osobistej osób z niepełnosprawnościami.",
        ["usługi społeczne", "nabory"],
        [
            "W tym roku program obejmuje także dzieci do 16. roku życia z orzeczeniem "
            "o niepełnosprawności. Wnioski przyjmujemy przez ePUAP.",
            ("h2", "Jak złożyć wniosek"),
            "Wniosek podpisuje wójt, burmistrz lub starosta. Do wniosku trzeba dołączyć "
            "szacunkową liczbę uczestników i godzin usług.",
        ],
    ),
    (
        "Podsumowanie roku w ekonomii społecznej",
        datetime.date(2026, 1, 9),
        "W 2025 roku w regionie powstało dziewięć nowych przedsiębiorstw społecznych "
        "i 84 miejsca pracy.",
        ["ekonomia społeczna"],
        [
            "Najwięcej nowych podmiotów działa w usługach opiekuńczych, gastronomii "
            "i utrzymaniu zieleni. Trzy spółdzielnie założyły gminy wspólnie z organizacjami.",
            (
                "quote",
                "Przedsiębiorstwo społeczne to nie projekt na dwa lata, tylko firma, "
                "która ma zarabiać i zatrudniać.",
                "koordynator ośrodka wsparcia ekonomii społecznej",
            ),
        ],
    ),
    (
        "Dwa dni w centrach usług społecznych Wielkopolski",
        datetime.date(2025, 11, 20),
        "Dwudziestu pracowników ośrodków pomocy społecznej odwiedziło CUS w Rawiczu "
        "i Jarocinie oraz dwie spółdzielnie socjalne.",
        ["CUS", "wizyty studyjne", "ekonomia społeczna"],
        [
            "Wizyta była częścią cyklu, w którym pokazujemy, jak działają centra usług "
            "społecznych. Uczestnicy rozmawiali z dyrekcją, koordynatorami i pracownikami.",
            (
                "gallery",
                "Zdjęcia z wizyty",
                [
                    (
                        31,
                        "Uczestnicy wizyty słuchają prezentacji w sali konferencyjnej",
                        "Prezentacja w CUS",
                    ),
                    (32, "Bistro spółdzielni socjalnej z ladą i stolikami", "W bistro spółdzielni"),
                    (
                        33,
                        "Kawiarnia przy kinie z plakatami filmowymi na ścianie",
                        "Kawiarnia przy kinie",
                    ),
                    (34, "Grupa uczestników przed budynkiem ośrodka", "Wspólne zdjęcie"),
                    (35, "Koordynatorka usług pokazuje mapę gminy", "Rozmowa z koordynatorką"),
                    (
                        36,
                        "Stół z regionalnymi potrawami przygotowanymi przez spółdzielnię",
                        "Obiad przygotowany przez spółdzielnię",
                    ),
                ],
            ),
            ("h2", "Czego się dowiedzieliśmy"),
            "Centra różnią się zakresem usług, ale wszystkie zaczynały od diagnozy potrzeb "
            "i rozmów z mieszkańcami. Spółdzielnie socjalne są dla nich ważnymi partnerami.",
        ],
    ),
    (
        "Konferencja „Usługi blisko mieszkańców”",
        datetime.date(2025, 10, 2),
        "Ponad 150 osób z samorządów i organizacji rozmawiało o tym, jak planować usługi "
        "społeczne w małych gminach.",
        ["konferencje", "usługi społeczne"],
        [
            (
                "photo",
                14,
                "Sala konferencyjna pełna uczestników, na scenie panel dyskusyjny",
                "Panel dyskusyjny",
            ),
            "Konferencję otworzyła dyskusja wójtów gmin wiejskich, którzy wspólnie prowadzą "
            "usługi opiekuńcze. Po południu odbyły się warsztaty tematyczne.",
            ("h2", "Materiały"),
            "Prezentacje prelegentów udostępniamy uczestnikom na prośbę.",
        ],
    ),
    (
        "Klauzule społeczne w zamówieniach — poradnik dla gmin",
        datetime.date(2025, 7, 15),
        "Przygotowaliśmy poradnik o tym, jak w zamówieniach publicznych wspierać "
        "zatrudnienie osób zagrożonych wykluczeniem.",
        ["ekonomia społeczna", "poradniki"],
        [
            "Poradnik omawia zamówienia zastrzeżone, kryteria społeczne i wymagania "
            "zatrudnienia. Każdy rozdział kończy się wzorem zapisu do specyfikacji.",
            "Wersję drukowaną można odebrać w sekretariacie Ośrodka.",
        ],
    ),
    (
        "Szkolenie dla koordynatorów indywidualnych planów usług",
        datetime.date(2025, 5, 27),
        "Czterdziestu koordynatorów z centrów usług społecznych ukończyło szkolenie "
        "z przygotowywania planów usług.",
        ["szkolenia", "CUS"],
        [
            "Szkolenie trwało trzy dni i łączyło wykłady z pracą na przykładach z praktyki.",
            (
                "photo",
                15,
                "Uczestnicy szkolenia pracują w małych grupach przy stołach",
                "Praca w grupach",
            ),
            "Kolejną edycję planujemy jesienią.",
        ],
    ),
    (
        "Kawiarnia społeczna w dawnym dworcu",
        datetime.date(2025, 3, 12),
        "Stowarzyszenie z małego miasta zamieniło nieużywany dworzec w kawiarnię, "
        "w której pracują osoby z niepełnosprawnościami.",
        ["ekonomia społeczna", "spółdzielnie socjalne"],
        [
            "Kawiarnia działa od jesieni. Gmina przekazała budynek w użyczenie, a remont "
            "sfinansowano ze zbiórki i dotacji.",
            (
                "quote",
                "Ludzie przychodzą na kawę, a zostają na rozmowę.",
                "prezeska stowarzyszenia",
            ),
        ],
    ),
    (
        "Program współpracy z organizacjami na 2025 rok",
        datetime.date(2025, 1, 20),
        "Sejmik przyjął program współpracy z organizacjami pozarządowymi; "
        "streszczamy najważniejsze zmiany.",
        ["współpraca"],
        [
            "Program zwiększa liczbę konkursów wieloletnich i upraszcza sprawozdania "
            "z małych grantów.",
        ],
    ),
    (
        "Nowy ośrodek wsparcia ekonomii społecznej w subregionie",
        datetime.date(2024, 11, 5),
        "Od listopada w subregionie południowym działa nowy ośrodek wsparcia ekonomii "
        "społecznej z doradcami w trzech miastach.",
        ["ekonomia społeczna"],
        [
            "Doradcy pomagają grupom inicjatywnym założyć spółdzielnię socjalną, "
            "przygotować biznesplan i złożyć wniosek o dotację.",
            ("photo", 16, "Doradczyni rozmawia z dwiema osobami przy biurku", "Dyżur doradczy"),
        ],
    ),
    (
        "Zakończyliśmy cykl szkoleń o pracy socjalnej ze społecznością",
        datetime.date(2024, 6, 14),
        "Przez pół roku pracownicy socjalni z dwunastu gmin uczyli się organizowania "
        "społeczności lokalnej.",
        ["szkolenia"],
        [
            "Uczestnicy przygotowali własne plany działań w swoich osiedlach i wsiach. "
            "Najlepsze z nich przedstawimy na jesiennej konferencji.",
        ],
    ),
]


def body_of(parts, seed_offset=0):
    body = []
    for part in parts:
        if isinstance(part, str):
            body += paragraphs(part)
        elif part[0] in ("h2", "h3"):
            body.append(heading(part[1], part[0]))
        elif part[0] == "quote":
            body.append(quote(part[1], part[2]))
        elif part[0] == "photo":
            _, seed, alt, caption = part
            body.append(figure(demo_image(caption, alt, seed), caption, "fot. ROPS"))
        elif part[0] == "gallery":
            _, title, items = part
            images = [(demo_image(caption, alt, seed), caption) for seed, alt, caption in items]
            body.append(gallery(title, images))
    return body


def ensure_index(home, created):
    return ensure_child(
        home,
        NewsIndexPage(
            title="Aktualności",
            slug="aktualnosci",
            lead="Wiadomości, zapowiedzi szkoleń i relacje z wizyt studyjnych.",
            show_in_menus=True,
        ),
        created,
    )


def load(home):
    """Create the news index and the demo articles that are missing; returns their titles."""
    created = []
    index = ensure_index(home, created)
    for title, date, lead, tags, parts in ARTICLES:
        page = NewsPage(title=title, publication_date=date, lead=lead)
        page._transliterate_slug()
        if child_by_slug(index, page.slug) is not None:
            continue
        page.body = body_of(parts)
        page.tags.add(*tags)
        ensure_child(index, page, created)
    return created
