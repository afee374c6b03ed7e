"""Each way of writing that the first importer missed (issue "Found"), one test per class.

Parser-level (no database): the articles are invented here, in wordings that neither the
importer's patterns nor the corpus in ``legacy_corpus/`` use.
"""

from __future__ import annotations

import csv
from datetime import date

import pytest

from legacy.dates import date_mentions, find_visit_dates, parse_date
from legacy.html_format import parse_html
from legacy.kinds import institutions_in_heading, kinds_from_heading
from legacy.places import town_from_heading, voivodeship_for
from legacy.text_format import parse_text
from legacy.towns import DATA, TOWNS, all_places, places_named
from visits.choices import VOIVODESHIPS

NBSP = "\u00a0"


def article(*body: str, when="14.06.2023", title="Wizyta studyjna w regionie") -> bytes:
    return ("\n\n".join(["Aktualności", when, title, *body]) + "\n").encode()


# --- Found 1: stops introduced by a sentence other than the known ones -----------------------


def test_stops_after_an_unknown_introduction_are_found():
    parsed = parse_text(
        article(
            "Przez dwa dni samorządowcy z naszego regionu uczyli się od sąsiadów.",
            "Podczas wyjazdu goście poznali pracę następujących placówek:",
            f"{NBSP}Centrum Usług Społecznych w Kole",
            "Centrum działa od dwóch lat i zatrudnia organizatorów społeczności lokalnej.",
            f"{NBSP}Spółdzielnia Socjalna „Przystanek” w Turku",
            "Spółdzielnia prowadzi stołówkę szkolną.",
        ),
        "a.txt",
    )
    assert [s.heading for s in parsed.stops] == [
        "Centrum Usług Społecznych w Kole",
        "Spółdzielnia Socjalna „Przystanek” w Turku",
    ]
    decision = parsed.decisions[0]
    assert decision.subject == "przystanki" and decision.value == "2"
    assert decision.confidence >= 0.9
    assert "Podczas wyjazdu goście poznali pracę następujących placówek:" in decision.reason


def test_stops_without_any_introduction_or_indentation_are_found():
    parsed = parse_text(
        article(
            "Relacja z czerwcowego wyjazdu na Warmię.",
            "Warsztat Terapii Zajęciowej w Braniewie",
            "Warsztat ma pracownię ogrodniczą i stolarską.",
            "Stowarzyszenie „Wspólna Sprawa” w Lidzbarku Warmińskim",
            "Stowarzyszenie prowadzi jadłodajnię.",
        ),
        "b.txt",
    )
    assert [s.town for s in parsed.stops] == ["Braniewo", "Lidzbark Warmiński"]
    assert [s.voivodeship for s in parsed.stops] == ["warminsko-mazurskie"] * 2
    assert "wiersze wielką literą bez kropki" in parsed.decisions[0].reason


def test_numbered_list_of_places_with_towns_after_a_dash():
    parsed = parse_text(
        article(
            "Relacja z wyjazdu do Wielkopolski.",
            "1. CUS – Koło",
            "Centrum działa od roku.",
            "2. Spółdzielnia Socjalna „Ogród”, Turek",
            "Spółdzielnia prowadzi ogród społeczny.",
        ),
        "n.txt",
    )
    assert [(s.heading, s.town, s.voivodeship) for s in parsed.stops] == [
        ("CUS – Koło", "Koło", "wielkopolskie"),
        ("Spółdzielnia Socjalna „Ogród”, Turek", "Turek", "wielkopolskie"),
    ]


def test_sub_headings_of_a_news_article_are_not_stops():
    parsed = parse_text(
        article(
            "Samorząd województwa ogłosił konkurs dla organizacji pozarządowych.",
            "Kto Może Startować",
            "Fundusze są przeznaczone dla organizacji działających co najmniej rok.",
            "Jak Złożyć Ofertę",
            "Ofertę składa się przez generator wniosków.",
            title="Konkurs dla organizacji pozarządowych",
        ),
        "c.txt",
    )
    assert parsed.stops == []
    assert parsed.decisions[0].value == "brak"
    assert "odrzucono" in parsed.decisions[0].reason


def test_indented_sentences_naming_institutions_are_not_stops():
    parsed = parse_text(
        article(
            "W Kole odbyła się konferencja o usługach społecznych.",
            f"{NBSP * 4}Centrum Usług Społecznych w Kole przedstawiło swoje doświadczenia.",
            "Uczestnicy pytali o finansowanie usług i o zatrudnianie opiekunów w małych gminach.",
            f"{NBSP * 4}Spółdzielnia Socjalna „Ogród” z Turku opowiedziała o cateringu.",
            "Kolejna konferencja odbędzie się za rok, zaproszenia wyślemy we wrześniu.",
            title="Konferencja o usługach społecznych",
        ),
        "s.txt",
    )
    assert parsed.stops == []


def test_bold_lines_in_html_are_stops():
    page = """<html><body><article><h1>Wyjazd do Opola</h1>
    <p><time datetime="2023-03-20">20 marca 2023</time></p>
    <p>W środę 15 marca 2023 r. odwiedziliśmy Opolszczyznę.</p>
    <p><b>Zakład Aktywności Zawodowej w Nysie</b></p>
    <p>Zakład prowadzi introligatornię.</p>
    <p><strong>Powiatowe Centrum Pomocy Rodzinie w Oleśnie</strong></p>
    <p>Centrum koordynuje pieczę zastępczą.</p>
    </article></body></html>"""
    parsed = parse_html(page.encode(), "d.html")
    assert [(s.town, s.voivodeship, s.kinds) for s in parsed.stops] == [
        ("Nysa", "opolskie", ["zaz"]),
        ("Olesno", "opolskie", ["pcpr"]),
    ]
    assert parsed.visit_dates == (date(2023, 3, 15), date(2023, 3, 15))


def test_bold_lead_in_before_a_line_break_in_html_is_a_stop():
    page = """<html><body><article><h1>Wizyta na Śląsku</h1>
    <p><time datetime="2023-05-10">10 maja 2023</time></p>
    <p>W dniach 4–5 maja 2023 r. odwiedziliśmy Śląsk.</p>
    <p><b>Centrum Usług Społecznych w Gliwicach</b><br>Centrum prowadzi usługi dla seniorów.</p>
    <p><b>ZAZ w Rybniku</b><br>Zakład prowadzi pralnię.</p>
    </article></body></html>"""
    parsed = parse_html(page.encode(), "g.html")
    assert [(s.town, s.kinds) for s in parsed.stops] == [("Gliwice", ["cus"]), ("Rybnik", ["zaz"])]
    assert parsed.stops[1].blocks[0].plain == "Zakład prowadzi pralnię."


def test_town_named_before_a_colon():
    parsed = parse_text(
        article(
            "Wyjazd odbył się 12 września.",
            "Inowrocław: Centrum Integracji Społecznej",
            "CIS uczy zawodów.",
            "Mogilno: Stowarzyszenie „Razem”",
            "Stowarzyszenie prowadzi świetlicę.",
            when="20.09.2022",
        ),
        "k.txt",
    )
    assert [(s.town, s.voivodeship) for s in parsed.stops] == [
        ("Inowrocław", "kujawsko-pomorskie"),
        ("Mogilno", "kujawsko-pomorskie"),
    ]
    assert parsed.visit_dates == (date(2022, 9, 12), date(2022, 9, 12))


# --- Found 2: visit dates in prose -------------------------------------------------------------


def _visit_dates(sentence: str, published=date(2022, 4, 20)):
    return find_visit_dates(sentence, published)


def test_weekday_before_the_date():
    assert _visit_dates("W czwartek 7 kwietnia 2022 r. odwiedziliśmy Koło.") == (
        date(2022, 4, 7),
        date(2022, 4, 7),
    )
    assert _visit_dates("W sobotę, 2 kwietnia, gościliśmy w Turku.") == (
        date(2022, 4, 2),
        date(2022, 4, 2),
    )


def test_two_days_joined_by_i():
    assert _visit_dates("Spotkania trwały 14 i 15 maja.", date(2022, 5, 20)) == (
        date(2022, 5, 14),
        date(2022, 5, 15),
    )
    assert _visit_dates("Byliśmy tam 31 marca i 1 kwietnia 2022 r.") == (
        date(2022, 3, 31),
        date(2022, 4, 1),
    )


def test_numeric_date_inside_a_sentence():
    assert _visit_dates("Spotkanie miało miejsce 03.10.2023 r. w sali gminy.") == (
        date(2023, 10, 3),
        date(2023, 10, 3),
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("w dniach 8–9 czerwca 2022 r.", (date(2022, 6, 8), date(2022, 6, 9))),
        ("od 8 do 9 czerwca", (date(2022, 6, 8), date(2022, 6, 9))),
        ("od 30 czerwca do 2 lipca 2021", (date(2021, 6, 30), date(2021, 7, 2))),
        ("30.12.2021–2.01.2022", (date(2021, 12, 30), date(2022, 1, 2))),
        ("28 grudnia – 3 stycznia", (date(2021, 12, 28), date(2022, 1, 3))),
        ("12 IV 2022 r.", (date(2022, 4, 12), date(2022, 4, 12))),
        ("12–13.IV.2022", (date(2022, 4, 12), date(2022, 4, 13))),
        ("we wtorek 12.04.2022", (date(2022, 4, 12), date(2022, 4, 12))),
        ("11 kwietnia", (date(2022, 4, 11), date(2022, 4, 11))),
    ],
)
def test_date_grammar(text, expected):
    assert _visit_dates(text) == expected


def test_year_left_out_is_the_one_before_publication():
    # Published in January: "in December" is the December before.
    assert _visit_dates("Wizyta odbyła się 5 i 6 grudnia.", date(2023, 1, 10)) == (
        date(2022, 12, 5),
        date(2022, 12, 6),
    )


def test_words_that_look_like_roman_numerals_are_not_months():
    assert date_mentions("Uczestnicy z 5 i 6 klas, 2 i 2021 r.") == []
    assert parse_date("19 IX 2021") == date(2021, 9, 19)


def test_date_decision_says_where_the_date_came_from():
    parsed = parse_text(
        article("Spotkania trwały 14 i 15 maja.", "Opis.", when="20.05.2023"), "f.txt"
    )
    decision = parsed.decisions[-1]
    assert decision.subject == "daty wizyty" and decision.value == "14.05.2023–15.05.2023"
    assert "„14 i 15 maja”" in decision.reason and "rok z daty publikacji" in decision.reason
    assert decision.confidence < 0.9


def test_article_with_a_prose_date_gets_no_publication_date_warning():
    parsed = parse_text(
        article(
            "Spotkanie miało miejsce 03.10.2023 r. w Kole.",
            "Odwiedzono:",
            f"{NBSP}Centrum Usług Społecznych w Kole",
            "Opis.",
            when="10.10.2023",
        ),
        "e.txt",
    )
    assert parsed.visit_dates == (date(2023, 10, 3), date(2023, 10, 3))
    assert not any("Daty wizyty nieznane" in w for w in parsed.warnings)


# --- Found 3: towns outside the hand-made list -------------------------------------------------


@pytest.mark.parametrize(
    ("heading", "town", "voivodeship"),
    [
        ("Środowiskowy Dom Samopomocy w Gostyninie", "Gostynin", "mazowieckie"),
        ("Ośrodek Pomocy Społecznej w Olecku", "Olecko", "warminsko-mazurskie"),
        ("Warsztat Terapii Zajęciowej w Kartuzach", "Kartuzy", "pomorskie"),
        ("Klub Senior+ we Wschowie", "Wschowa", "lubuskie"),
        ("Spółdzielnia Socjalna w Białej Podlaskiej", "Biała Podlaska", "lubelskie"),
        ("Fundacja w Ustrzykach Dolnych", "Ustrzyki Dolne", "podkarpackie"),
        ("Dom Pomocy Społecznej w Tarnowskich Górach", "Tarnowskie Góry", "slaskie"),
        ("CIS w Sulęcinie", "Sulęcin", "lubuskie"),
    ],
)
def test_towns_of_the_gazetteer_get_their_voivodeship(heading, town, voivodeship):
    assert town_from_heading(heading) == town
    assert voivodeship_for(town, "") == voivodeship


def test_a_name_shared_by_several_places_follows_the_article():
    assert {p.voivodeship for p in places_named("Józefów")} >= {"lubelskie", "mazowieckie"}
    assert voivodeship_for("Józefów", "") == "mazowieckie"  # the largest
    assert voivodeship_for("Józefów", "Gmina leży w woj. lubelskim.") == "lubelskie"


def test_gazetteer_is_complete_and_says_where_it_comes_from():
    places = all_places()
    assert len(places) >= 3000
    assert {p.voivodeship for p in places} == {code for code, _label in VOIVODESHIPS}
    with open(DATA, encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert {r["checked"] for r in rows} <= {"hand", "morfeusz", "unchecked"}
    checked = sum(1 for r in rows if r["checked"] != "unchecked")
    assert checked / len(rows) > 0.95
    assert all(49 <= p.latitude <= 55 and 14 <= p.longitude <= 24.2 for p in places)
    readme = (DATA.parent / "README.md").read_text(encoding="utf-8")
    assert "GeoNames" in readme and "CC BY 4.0" in readme


@pytest.mark.parametrize(
    ("town", "locative"),
    [
        ("Gostynin", "Gostyninie"),
        ("Olecko", "Olecku"),
        ("Kartuzy", "Kartuzach"),
        ("Kędzierzyn-Koźle", "Kędzierzynie-Koźlu"),
        ("Zielona Góra", "Zielonej Górze"),
        ("Ostrów Wielkopolski", "Ostrowie Wielkopolskim"),
        ("Tarnowskie Góry", "Tarnowskich Górach"),
        ("Międzyzdroje", "Międzyzdrojach"),
        ("Lądek-Zdrój", "Lądku-Zdroju"),
        ("Kostrzyn nad Odrą", "Kostrzynie nad Odrą"),
        ("Wschowa", "Wschowie"),
        ("Gołdap", "Gołdapi"),
    ],
)
def test_generated_locatives(town, locative):
    assert TOWNS[town][1] == locative


# --- Found 4: kinds of institution ------------------------------------------------------------


@pytest.mark.parametrize(
    ("heading", "labels", "kinds"),
    [
        ("Dzienny Dom „Senior+” w Kole", ["Dzienny Dom Senior+"], ["senior_plus"]),
        ("Dziennym Domu Senior + w Kole", ["Dzienny Dom Senior+"], ["senior_plus"]),
        ("Klub „Senior +” w Turku", ["Klub Senior+"], ["senior_plus"]),
        ("Środowiskowym Domu Samopomocy w Pile", ["ŚDS"], ["sds"]),
        ("ŚDS „Przystań” w Pile", ["ŚDS"], ["sds"]),
        ("Dom Pomocy Społecznej w Kaliszu", ["DPS"], ["dps"]),
        ("Powiatowym Centrum Pomocy Rodzinie", ["PCPR"], ["pcpr"]),
        ("MOPR w Kielcach", ["MOPR"], ["ops"]),
        ("Miejskim Ośrodku Pomocy Rodzinie w Kielcach", ["MOPR"], ["ops"]),
        ("Warsztat Terapii Zajęciowej „Promyk”", ["WTZ"], ["wtz"]),
        ("Zakładzie Aktywności Zawodowej", ["ZAZ"], ["zaz"]),
        ("Fundacji „Dom+”", ["fundacja"], ["foundation"]),
        ("Stowarzyszeniu „Razem”", ["stowarzyszenie"], ["association"]),
        ("Lokalnej Grupie Działania „Dolina Baryczy”", ["LGD"], ["association"]),
        ("LGD „Brama Lubuska”", ["LGD"], ["association"]),
        ("Stowarzyszenie prowadzące ŚDS", ["stowarzyszenie", "ŚDS"], ["association", "sds"]),
    ],
)
def test_kinds_of_institution(heading, labels, kinds):
    assert [i.label for i in institutions_in_heading(heading)] == labels
    assert kinds_from_heading(heading) == kinds
