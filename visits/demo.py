"""Demo study visits: the archive and eight visits of our own (two upcoming, 1–5 stops each)."""

import datetime

from home.demo.images import demo_image
from home.demo.pages import ensure_child, figure, image_value, paragraphs
from home.models import HomePage

from .models import VisitIndexPage, VisitPage

ORGANISER = "Regionalny Ośrodek Polityki Społecznej w Przykładowie"


def stop(heading, town, voivodeship, kinds, text, people=(), website="", photos=()):
    return {
        "type": "stop",
        "value": {
            "heading": heading,
            "town": town,
            "voivodeship": voivodeship,
            "kinds": list(kinds),
            "description": "".join(f"<p>{paragraph}</p>" for paragraph in text),
            "people": [{"name": name, "role": role} for name, role in people],
            "website": website,
            "photos": [
                {"image": image_value(image), "caption": caption} for image, caption in photos
            ],
        },
    }


def photo(title, description, seed):
    return demo_image(title, description, seed)


def visits():
    """The demo visits as unsaved pages (images are created on first use)."""
    olesnica = photo(
        "CUS w Oleśnicy", "Uczestnicy wizyty w sali spotkań Centrum Usług Społecznych", 101
    )
    ogrod = photo("Ogród spółdzielni", "Szklarnia i grządki spółdzielni socjalnej", 102)
    lodz_cis = photo(
        "Warsztaty CIS w Łodzi", "Pracownia stolarska Centrum Integracji Społecznej", 103
    )
    zaz = photo(
        "ZAZ Pracownia", "Pracownicy zakładu aktywności zawodowej przy pakowaniu zamówień", 104
    )
    gniezno = photo(
        "CUS w Gnieźnie", "Budynek Centrum Usług Społecznych z zielonym dziedzińcem", 105
    )
    kuchnia = photo("Kuchnia Sąsiedzka", "Wspólny obiad w stołówce spółdzielni socjalnej", 106)
    wtz = photo("WTZ w Słupcy", "Prace plastyczne uczestników warsztatu terapii zajęciowej", 107)
    lipy = photo(
        "Pod Lipami", "Kawiarnia przedsiębiorstwa społecznego w Gorzowie Wielkopolskim", 108
    )
    krakow = photo("CUS w Krakowie", "Rozmowa z zespołem Centrum Usług Społecznych", 109)
    nowy_targ = photo("ZAZ w Nowym Targu", "Hala produkcyjna zakładu aktywności zawodowej", 110)
    gdansk = photo("CIS w Gdańsku", "Uczestnicy zajęć w Centrum Integracji Społecznej", 111)
    return [
        VisitPage(
            title="Centra usług społecznych i spółdzielnie na Dolnym Śląsku",
            slug="centra-uslug-spolecznych-dolny-slask-2022",
            lead="Dwa dni w Oleśnicy i Miliczu: jak gmina przekształca ośrodek pomocy w centrum "
            "usług społecznych i jak spółdzielnia socjalna łączy pracę z uprawą warzyw.",
            start_date=datetime.date(2022, 5, 10),
            end_date=datetime.date(2022, 5, 11),
            publication_date=datetime.date(2022, 5, 13),
            regions=["dolnoslaskie"],
            organiser=ORGANISER,
            participants="Przedstawiciele ośrodków pomocy społecznej, powiatowych centrów pomocy "
            "rodzinie i organizacji pozarządowych z naszego regionu — 24 osoby.",
            body=[
                *paragraphs(
                    "Celem wyjazdu było poznanie rozwiązań, które pozwalają gminom planować usługi "
                    "społeczne razem z mieszkańcami, a nie tylko przyznawać świadczenia.",
                ),
                stop(
                    "Centrum Usług Społecznych w Oleśnicy",
                    "Oleśnica",
                    "dolnoslaskie",
                    ["cus"],
                    [
                        "Dyrektorka centrum opowiedziała o pierwszym roku działania: o diagnozie "
                        "potrzeb, programie usług i o tym, jak zmieniła się praca pracowników "
                        "socjalnych.",
                        "Najwięcej pytań dotyczyło organizatora społeczności lokalnej.",
                    ],
                    people=[
                        ("Barbara Nowicka", "dyrektorka CUS"),
                        ("Tomasz Lis", "organizator społeczności lokalnej"),
                    ],
                    website="https://example.org/cus-olesnica",
                    photos=[(olesnica, "Spotkanie z zespołem centrum")],
                ),
                stop(
                    "Spółdzielnia Socjalna „Zielony Ogród”",
                    "Milicz",
                    "dolnoslaskie",
                    ["social_cooperative"],
                    [
                        "Spółdzielnia prowadzi szklarnię i dostarcza warzywa do szkolnych "
                        "stołówek. Zatrudnia osoby, które wcześniej długo pozostawały bez pracy."
                    ],
                    people=[("Krzysztof Wrona", "prezes spółdzielni")],
                    photos=[(ogrod, "Szklarnia spółdzielni")],
                ),
            ],
        ),
        VisitPage(
            title="Jeden dzień w Łodzi: integracja przez pracę",
            slug="jeden-dzien-w-lodzi-2023",
            lead="Centrum integracji społecznej, zakład aktywności zawodowej i fundacja — trzy "
            "sposoby na powrót do pracy w jednym mieście.",
            start_date=datetime.date(2023, 3, 14),
            end_date=datetime.date(2023, 3, 14),
            publication_date=datetime.date(2023, 3, 16),
            regions=["lodzkie"],
            organiser=ORGANISER,
            participants="Pracownicy powiatowych urzędów pracy i centrów integracji społecznej.",
            body=[
                *paragraphs("Wizyta trwała jeden dzień, ale program był bardzo gęsty."),
                stop(
                    "Centrum Integracji Społecznej w Łodzi",
                    "Łódź",
                    "lodzkie",
                    ["cis"],
                    ["Uczestnicy zajęć uczą się stolarstwa, gastronomii i prac porządkowych."],
                    people=[("Ewa Majewska", "kierowniczka CIS")],
                    photos=[(lodz_cis, "Pracownia stolarska")],
                ),
                stop(
                    "Zakład Aktywności Zawodowej „Pracownia”",
                    "Łódź",
                    "lodzkie",
                    ["zaz"],
                    ["Zakład zatrudnia 40 osób z niepełnosprawnościami przy konfekcjonowaniu."],
                    people=[("Marek Zieliński", "dyrektor ZAZ")],
                    photos=[(zaz, "Pakowanie zamówień")],
                ),
                stop(
                    "Fundacja „Wspólna Przestrzeń”",
                    "Łódź",
                    "lodzkie",
                    ["foundation"],
                    ["Fundacja prowadzi mieszkania treningowe i klub dla młodzieży."],
                ),
            ],
        ),
        VisitPage(
            title="Od ośrodka pomocy do centrum usług: Wielkopolska",
            slug="od-ops-do-cus-wielkopolska-2023",
            lead="Gniezno, Września i Słupca: jak zaplanować przekształcenie ośrodka pomocy "
            "społecznej i kto może świadczyć usługi.",
            start_date=datetime.date(2023, 10, 5),
            end_date=datetime.date(2023, 10, 6),
            publication_date=datetime.date(2023, 10, 9),
            regions=["wielkopolskie"],
            organiser=ORGANISER,
            participants="Kierownicy ośrodków pomocy społecznej i radni gmin.",
            body=[
                *paragraphs(
                    "Pierwszego dnia rozmawialiśmy o planowaniu usług, drugiego — o tym, jak "
                    "włączać do nich podmioty ekonomii społecznej."
                ),
                figure(gniezno, "Centrum Usług Społecznych w Gnieźnie", "fot. ROPS"),
                stop(
                    "Centrum Usług Społecznych w Gnieźnie",
                    "Gniezno",
                    "wielkopolskie",
                    ["cus"],
                    ["Centrum pokazało swój program usług i mapę partnerów."],
                    people=[
                        ("Alicja Kaczmarek", "dyrektorka CUS"),
                        ("Jan Adamski", "zastępca prezydenta miasta"),
                    ],
                ),
                stop(
                    "Klub Integracji Społecznej we Wrześni",
                    "Września",
                    "wielkopolskie",
                    ["kis"],
                    ["Klub prowadzi grupy wsparcia i warsztaty aktywizacji zawodowej."],
                ),
                stop(
                    "Spółdzielnia Socjalna „Kuchnia Sąsiedzka”",
                    "Września",
                    "wielkopolskie",
                    ["social_cooperative", "social_enterprise"],
                    ["Spółdzielnia gotuje obiady dla seniorów w ramach usług gminy."],
                    people=[("Katarzyna Pawlak", "prezeska spółdzielni")],
                    photos=[(kuchnia, "Obiad w stołówce")],
                ),
                stop(
                    "Warsztat Terapii Zajęciowej w Słupcy",
                    "Słupca",
                    "wielkopolskie",
                    ["wtz"],
                    ["Uczestnicy warsztatu przygotowali wystawę prac."],
                    photos=[(wtz, "Prace uczestników")],
                ),
            ],
        ),
        VisitPage(
            title="Przedsiębiorstwo społeczne „Pod Lipami” w Gorzowie Wielkopolskim",
            slug="pod-lipami-gorzow-2024",
            lead="Jednodniowa wizyta w kawiarni, która zatrudnia osoby wychodzące z bezdomności.",
            start_date=datetime.date(2024, 6, 18),
            end_date=datetime.date(2024, 6, 18),
            publication_date=datetime.date(2024, 6, 19),
            regions=["lubuskie"],
            organiser=ORGANISER,
            participants="Przedstawiciele organizacji pozarządowych.",
            body=[
                stop(
                    "Kawiarnia „Pod Lipami”",
                    "Gorzów Wielkopolski",
                    "lubuskie",
                    ["social_enterprise", "social_cooperative"],
                    ["Kawiarnia działa od pięciu lat i sama się utrzymuje."],
                    people=[("Paweł Górski", "prezes spółdzielni")],
                    photos=[(lipy, "Sala kawiarni")],
                ),
            ],
        ),
        VisitPage(
            title="Małopolskie centra usług społecznych — trzy dni, pięć miejsc",
            slug="malopolska-2025",
            lead="Kraków, Wieliczka i Nowy Targ: usługi dla seniorów, zatrudnienie wspierane "
            "i współpraca z organizacjami.",
            start_date=datetime.date(2025, 4, 8),
            end_date=datetime.date(2025, 4, 10),
            publication_date=datetime.date(2025, 4, 14),
            regions=["malopolskie"],
            organiser=ORGANISER,
            participants="Zespół ROPS i przedstawiciele sześciu gmin.",
            body=[
                *paragraphs("Trzydniowy wyjazd był najdłuższą z naszych tegorocznych wizyt."),
                stop(
                    "Centrum Usług Społecznych w Krakowie",
                    "Kraków",
                    "malopolskie",
                    ["cus"],
                    ["Centrum koordynuje usługi opiekuńcze w kilku dzielnicach."],
                    photos=[(krakow, "Rozmowa z zespołem")],
                ),
                stop(
                    "Ośrodek Pomocy Społecznej w Wieliczce",
                    "Wieliczka",
                    "malopolskie",
                    ["ops"],
                    ["Ośrodek przygotowuje się do przekształcenia w centrum usług."],
                ),
                stop(
                    "Zakład Aktywności Zawodowej w Nowym Targu",
                    "Nowy Targ",
                    "malopolskie",
                    ["zaz"],
                    ["Zakład prowadzi pralnię i szwalnię."],
                    photos=[(nowy_targ, "Hala zakładu")],
                ),
                stop(
                    "Stowarzyszenie „Podhalańska Pomoc”",
                    "Nowy Targ",
                    "malopolskie",
                    ["association"],
                    ["Stowarzyszenie prowadzi dzienny dom dla seniorów."],
                ),
                stop(
                    "Powiatowe Centrum Pomocy Rodzinie w Nowym Targu",
                    "Nowy Targ",
                    "malopolskie",
                    ["pcpr"],
                    ["Rozmawialiśmy o pieczy zastępczej i mieszkaniach wspomaganych."],
                ),
            ],
        ),
        VisitPage(
            title="Na przełomie miesięcy: integracja społeczna na Pomorzu",
            slug="pomorze-2025",
            lead="Gdańsk i Sopot: centrum integracji społecznej i stowarzyszenie prowadzące "
            "mieszkania wspomagane.",
            start_date=datetime.date(2025, 9, 30),
            end_date=datetime.date(2025, 10, 2),
            publication_date=datetime.date(2025, 10, 3),
            regions=["pomorskie"],
            organiser=ORGANISER,
            participants="Pracownicy socjalni i asystenci rodzin.",
            body=[
                stop(
                    "Centrum Integracji Społecznej w Gdańsku",
                    "Gdańsk",
                    "pomorskie",
                    ["cis"],
                    ["Centrum współpracuje z portem i firmami remontowymi."],
                    photos=[(gdansk, "Zajęcia w CIS")],
                ),
                stop(
                    "Stowarzyszenie „Dom z Widokiem”",
                    "Sopot",
                    "pomorskie",
                    ["association"],
                    ["Stowarzyszenie prowadzi trzy mieszkania wspomagane."],
                ),
            ],
        ),
        VisitPage(
            title="Wizyta studyjna w Lublinie i Zamościu (zapowiedź)",
            slug="lublin-zamosc-2027",
            lead="Zapraszamy na dwudniową wizytę w centrach usług społecznych województwa "
            "lubelskiego. Zapisy przyjmujemy do końca lutego.",
            start_date=datetime.date(2027, 3, 16),
            end_date=datetime.date(2027, 3, 17),
            publication_date=datetime.date(2026, 11, 20),
            regions=["lubelskie"],
            organiser=ORGANISER,
            participants="Wizyta dla kierowników ośrodków pomocy społecznej; 25 miejsc.",
            body=[
                *paragraphs("Program może się jeszcze zmienić — aktualizujemy go na tej stronie."),
                stop(
                    "Centrum Usług Społecznych w Lublinie",
                    "Lublin",
                    "lubelskie",
                    ["cus"],
                    ["Poznamy program usług dla seniorów i osób z niepełnosprawnościami."],
                ),
                stop(
                    "Spółdzielnia Socjalna „Zamojska Piekarnia”",
                    "Zamość",
                    "lubelskie",
                    ["social_cooperative"],
                    ["Zobaczymy piekarnię, która dostarcza pieczywo do szkół."],
                ),
            ],
        ),
        VisitPage(
            title="Zapowiedź: ekonomia społeczna na Opolszczyźnie",
            slug="opolskie-2027",
            lead="Jednodniowa wizyta w Opolu: klub integracji społecznej, środowiskowy dom "
            "samopomocy i spółdzielnia socjalna prowadząca catering.",
            start_date=datetime.date(2027, 5, 20),
            end_date=datetime.date(2027, 5, 20),
            publication_date=datetime.date(2026, 11, 25),
            regions=["opolskie"],
            organiser=ORGANISER,
            participants="Wizyta dla pracowników socjalnych i organizacji pozarządowych; 20 miejsc.",
            body=[
                *paragraphs("Szczegółowy program opublikujemy w kwietniu."),
                stop(
                    "Klub Integracji Społecznej w Opolu",
                    "Opole",
                    "opolskie",
                    ["kis"],
                    ["Klub prowadzi grupy wsparcia dla osób wracających na rynek pracy."],
                ),
                stop(
                    "Środowiskowy Dom Samopomocy w Opolu",
                    "Opole",
                    "opolskie",
                    ["sds"],
                    ["Zobaczymy pracownie terapii i porozmawiamy o współpracy z rodzinami."],
                ),
            ],
        ),
    ]


def load(stdout):
    """Create the visit archive and the demo visits; returns the titles created."""
    created = []
    home = HomePage.objects.first()
    if home is None:
        return created
    index = ensure_child(
        home,
        VisitIndexPage(
            title="Wizyty studyjne",
            slug="wizyty-studyjne",
            lead="Zapowiedzi i relacje z wizyt w centrach usług społecznych, spółdzielniach "
            "socjalnych i innych instytucjach w całej Polsce.",
            show_in_menus=True,
        ),
        created,
    )
    existing = set(index.get_children().values_list("slug", flat=True))
    for page in visits():
        if page.slug not in existing:
            ensure_child(index, page, created)
    return created
