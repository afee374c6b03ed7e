"""Demo study visits: the archive and eight visits of our own (two upcoming, 1–5 stops each)."""

import datetime
import zlib

from foundation.demo.images import demo_image
from foundation.demo.pages import ensure_child, figure, image_value, paragraphs

from .models import VisitIndexPage, VisitPage

ORGANISER = "Regionalny Ośrodek Polityki Społecznej w Przykładowie"


def stop(heading, town, voivodeship, kinds, text, people=(), website="", photos=()):
    """Raw data of a stop; `photos` are (caption, alt text) pairs, each drawn as it says."""
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
                {"image": image_value(stop_photo(heading, caption, alt)), "caption": caption}
                for caption, alt in photos
            ],
        },
    }


def stop_photo(heading, caption, alt):
    """The library image of one photo of a stop, drawn to show its caption and alt text."""
    title = f"{heading}: {caption}"
    return demo_image(title, alt, zlib.crc32(title.encode()) % 100_000, f"{caption} {alt}")


def visits():
    """The demo visits as unsaved pages (images are created on first use).

    Every stop of a past visit has a gallery of 3–6 photos; an upcoming visit has only the
    picture of its card (the building it goes to).
    """
    gniezno = demo_image(
        "CUS w Gnieźnie", "Budynek Centrum Usług Społecznych z zielonym dziedzińcem", 105
    )
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
                    photos=[
                        (
                            "Spotkanie z zespołem centrum",
                            "Uczestnicy wizyty w sali spotkań Centrum Usług Społecznych",
                        ),
                        (
                            "Prezentacja programu usług",
                            "Dyrektorka pokazuje na ekranie wykres usług z pierwszego roku",
                        ),
                        (
                            "Budynek centrum",
                            "Budynek Centrum Usług Społecznych w Oleśnicy od strony ulicy",
                        ),
                        ("Wspólne zdjęcie", "Uczestnicy wizyty i zespół centrum przed wejściem"),
                    ],
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
                    photos=[
                        ("Szklarnia spółdzielni", "Szklarnia i grządki spółdzielni socjalnej"),
                        ("Rozsada pomidorów", "Rzędy sadzonek pomidorów w szklarni"),
                        ("Rozmowa z prezesem", "Prezes spółdzielni rozmawia z uczestnikami wizyty"),
                        ("Warzywa dla szkół", "Skrzynki z warzywami gotowe do wysyłki do szkół"),
                    ],
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
                    photos=[
                        (
                            "Pracownia stolarska",
                            "Pracownia stolarska Centrum Integracji Społecznej",
                        ),
                        (
                            "Zajęcia z gastronomii",
                            "Uczestniczki zajęć gotują w kuchni szkoleniowej",
                        ),
                        (
                            "Rozmowa z kierowniczką",
                            "Kierowniczka centrum rozmawia z uczestnikami wizyty przy stole",
                        ),
                        ("Budynek centrum", "Budynek Centrum Integracji Społecznej w Łodzi"),
                    ],
                ),
                stop(
                    "Zakład Aktywności Zawodowej „Pracownia”",
                    "Łódź",
                    "lodzkie",
                    ["zaz"],
                    ["Zakład zatrudnia 40 osób z niepełnosprawnościami przy konfekcjonowaniu."],
                    people=[("Marek Zieliński", "dyrektor ZAZ")],
                    photos=[
                        (
                            "Pakowanie zamówień",
                            "Pracownicy zakładu aktywności zawodowej przy pakowaniu zamówień",
                        ),
                        ("Magazyn zakładu", "Regały z kartonami w magazynie zakładu"),
                        (
                            "Spotkanie z dyrektorem",
                            "Dyrektor zakładu opowiada uczestnikom wizyty o zatrudnieniu",
                        ),
                    ],
                ),
                stop(
                    "Fundacja „Wspólna Przestrzeń”",
                    "Łódź",
                    "lodzkie",
                    ["foundation"],
                    ["Fundacja prowadzi mieszkania treningowe i klub dla młodzieży."],
                    photos=[
                        (
                            "Mieszkanie treningowe",
                            "Pokój w mieszkaniu treningowym: łóżko, stół i regał z książkami",
                        ),
                        ("Klub młodzieżowy", "Młodzież gra w gry planszowe w sali klubu"),
                        (
                            "Rozmowa z zespołem fundacji",
                            "Zespół fundacji rozmawia z uczestnikami wizyty",
                        ),
                    ],
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
                    photos=[
                        (
                            "Program usług na ekranie",
                            "Prezentacja programu usług centrum w sali konferencyjnej",
                        ),
                        ("Mapa partnerów", "Dyrektorka pokazuje mapę partnerów centrum"),
                        (
                            "Rozmowa z zastępcą prezydenta",
                            "Zastępca prezydenta miasta rozmawia z uczestnikami wizyty",
                        ),
                        (
                            "Dziedziniec centrum",
                            "Zielony dziedziniec Centrum Usług Społecznych w Gnieźnie",
                        ),
                    ],
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
                    photos=[
                        ("Grupa wsparcia", "Uczestnicy grupy wsparcia siedzą w kręgu"),
                        (
                            "Zajęcia z doradczynią",
                            "Doradczyni zawodowa rozmawia z uczestnikami klubu przy stole",
                        ),
                        ("Siedziba klubu", "Parterowy budynek Klubu Integracji Społecznej"),
                    ],
                ),
                stop(
                    "Spółdzielnia Socjalna „Kuchnia Sąsiedzka”",
                    "Września",
                    "wielkopolskie",
                    ["social_cooperative", "social_enterprise"],
                    ["Spółdzielnia gotuje obiady dla seniorów w ramach usług gminy."],
                    people=[("Katarzyna Pawlak", "prezeska spółdzielni")],
                    photos=[
                        ("Obiad w stołówce", "Wspólny obiad w stołówce spółdzielni socjalnej"),
                        ("Kuchnia spółdzielni", "Kucharki przy pracy w kuchni spółdzielni"),
                        ("Obiady dla seniorów", "Posiłki zapakowane do dowozu dla seniorów"),
                        (
                            "Zespół spółdzielni",
                            "Członkinie i członkowie spółdzielni na wspólnym zdjęciu",
                        ),
                    ],
                ),
                stop(
                    "Warsztat Terapii Zajęciowej w Słupcy",
                    "Słupca",
                    "wielkopolskie",
                    ["wtz"],
                    ["Uczestnicy warsztatu przygotowali wystawę prac."],
                    photos=[
                        (
                            "Prace uczestników",
                            "Prace plastyczne uczestników warsztatu terapii zajęciowej",
                        ),
                        (
                            "Pracownia ceramiczna",
                            "Stół z glinianymi miskami w pracowni ceramicznej",
                        ),
                        ("Otwarcie wystawy", "Goście oglądają obrazy na wystawie prac uczestników"),
                    ],
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
                    photos=[
                        (
                            "Sala kawiarni",
                            "Kawiarnia przedsiębiorstwa społecznego w Gorzowie Wielkopolskim",
                        ),
                        ("Przy ladzie", "Barista przygotowuje kawę przy ladzie kawiarni"),
                        ("Ogródek kawiarni", "Stoliki pod lipami przed kawiarnią"),
                        (
                            "Spotkanie z prezesem",
                            "Prezes spółdzielni rozmawia z gośćmi przy stoliku",
                        ),
                    ],
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
                    photos=[
                        ("Rozmowa z zespołem", "Rozmowa z zespołem Centrum Usług Społecznych"),
                        (
                            "Punkt informacyjny",
                            "Koordynatorka usług rozmawia z mieszkanką przy biurku",
                        ),
                        (
                            "Plan usług opiekuńczych",
                            "Wykres usług opiekuńczych w dzielnicach na ekranie",
                        ),
                        ("Siedziba centrum", "Budynek Centrum Usług Społecznych w Krakowie"),
                    ],
                ),
                stop(
                    "Ośrodek Pomocy Społecznej w Wieliczce",
                    "Wieliczka",
                    "malopolskie",
                    ["ops"],
                    ["Ośrodek przygotowuje się do przekształcenia w centrum usług."],
                    photos=[
                        ("Siedziba ośrodka", "Budynek Ośrodka Pomocy Społecznej w Wieliczce"),
                        (
                            "Plan przekształcenia",
                            "Kierownik ośrodka pokazuje harmonogram zmian na ekranie",
                        ),
                        (
                            "Rozmowa z pracownikami socjalnymi",
                            "Pracownicy socjalni ośrodka rozmawiają z uczestnikami wizyty",
                        ),
                    ],
                ),
                stop(
                    "Zakład Aktywności Zawodowej w Nowym Targu",
                    "Nowy Targ",
                    "malopolskie",
                    ["zaz"],
                    ["Zakład prowadzi pralnię i szwalnię."],
                    photos=[
                        ("Hala zakładu", "Hala produkcyjna zakładu aktywności zawodowej"),
                        ("Pralnia zakładu", "Rząd pralek w pralni zakładu"),
                        ("Szwalnia", "Pracownice szwalni przy maszynach do szycia"),
                        ("Wspólne zdjęcie", "Uczestnicy wizyty z pracownikami zakładu"),
                    ],
                ),
                stop(
                    "Stowarzyszenie „Podhalańska Pomoc”",
                    "Nowy Targ",
                    "malopolskie",
                    ["association"],
                    ["Stowarzyszenie prowadzi dzienny dom dla seniorów."],
                    photos=[
                        (
                            "Dzienny dom dla seniorów",
                            "Seniorzy przy wspólnym stole w dziennym domu",
                        ),
                        ("Zajęcia ruchowe", "Seniorzy ćwiczą na krzesłach w sali dziennego domu"),
                        ("Obiad w dziennym domu", "Wspólny obiad seniorów w dziennym domu"),
                    ],
                ),
                stop(
                    "Powiatowe Centrum Pomocy Rodzinie w Nowym Targu",
                    "Nowy Targ",
                    "malopolskie",
                    ["pcpr"],
                    ["Rozmawialiśmy o pieczy zastępczej i mieszkaniach wspomaganych."],
                    photos=[
                        (
                            "Siedziba PCPR",
                            "Budynek Powiatowego Centrum Pomocy Rodzinie w Nowym Targu",
                        ),
                        (
                            "Rozmowa o pieczy zastępczej",
                            "Koordynatorka pieczy zastępczej rozmawia z uczestnikami wizyty",
                        ),
                        (
                            "Mieszkanie wspomagane",
                            "Pokój w mieszkaniu wspomaganym: łóżko, stół i okno",
                        ),
                    ],
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
                    photos=[
                        ("Zajęcia w CIS", "Uczestnicy zajęć w Centrum Integracji Społecznej"),
                        (
                            "Warsztat remontowy",
                            "Uczestnicy uczą się spawania w warsztacie remontowym",
                        ),
                        (
                            "Spotkanie z zespołem centrum",
                            "Kierowniczka centrum opowiada o współpracy z portem",
                        ),
                    ],
                ),
                stop(
                    "Stowarzyszenie „Dom z Widokiem”",
                    "Sopot",
                    "pomorskie",
                    ["association"],
                    ["Stowarzyszenie prowadzi trzy mieszkania wspomagane."],
                    photos=[
                        (
                            "Mieszkanie wspomagane",
                            "Pokój dzienny w mieszkaniu wspomaganym z oknem na morze",
                        ),
                        ("Kuchnia mieszkania", "Mieszkańcy gotują razem w kuchni mieszkania"),
                        (
                            "Rozmowa z zespołem stowarzyszenia",
                            "Zespół stowarzyszenia rozmawia z uczestnikami wizyty",
                        ),
                    ],
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
            listing_image=demo_image(
                "CUS w Lublinie", "Budynek Centrum Usług Społecznych w Lublinie", 112
            ),
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
            listing_image=demo_image(
                "KIS w Opolu", "Siedziba Klubu Integracji Społecznej w Opolu", 113
            ),
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


def load(home):
    """Create the visit archive and the demo visits; returns the titles created."""
    created = []
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
