"""Tests of the pure parsing half of the legacy importer (no Django, no database).

Run alone with ``python -m pytest -p no:django tests/test_legacy_parser.py``. The real
article is read from ``../shared/legacy/`` next to the repository; every other fixture is
invented text written to ``tmp_path`` by the test itself.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from legacy import places
from legacy.dates import parse_date
from legacy.document import (
    Heading,
    Image,
    LegacyParseError,
    ListBlock,
    Paragraph,
    PhotoCaption,
)
from legacy.html_format import parse_html
from legacy.kinds import kinds_from_heading
from legacy.parse import parse_file
from legacy.places import (
    KIND_CODES,
    VOIVODESHIP_CODES,
    town_from_heading,
    voivodeship_for,
)
from legacy.text_format import parse_text
from legacy.towns import TOWNS

REPO = Path(__file__).resolve().parents[1]
LEGACY_DIR = REPO.parent / "shared" / "legacy"
REAL_FILE = LEGACY_DIR / "000_554fd5b27eb05eb6.txt"

NBSP = "\u00a0"


# --- helpers ---------------------------------------------------------------------------------


def article_text(*body: str, section="Aktualności", when="12.03.2023", title=None) -> str:
    """An invented article in the old export format; ``body`` items are paragraphs."""
    title = title or "Spotkanie partnerów ekonomii społecznej w Koninie"
    header = [section] if section else []
    return "\n\n".join([*header, when, title, *body]) + "\n"


def captions(article) -> list[str]:
    return [b.text for b in article.iter_blocks() if isinstance(b, PhotoCaption)]


def paragraphs(blocks) -> list[str]:
    return [b.plain for b in blocks if isinstance(b, Paragraph)]


def tiny_png(path: Path) -> Path:
    pil = pytest.importorskip("PIL.Image")
    pil.new("RGB", (3, 2), (200, 30, 30)).save(path, format="PNG")
    return path


# --- the real article ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def real():
    if not REAL_FILE.exists():
        pytest.skip(f"the real legacy article is not available at {REAL_FILE}")
    return parse_file(REAL_FILE)


@pytest.fixture(scope="module")
def real_indented_lines() -> list[str]:
    if not REAL_FILE.exists():
        pytest.skip(f"the real legacy article is not available at {REAL_FILE}")
    lines = REAL_FILE.read_text(encoding="utf-8").splitlines()
    return [
        re.sub(r"\s+", " ", line).strip()
        for line in lines
        if line[:1] in {NBSP, " ", "\t", "\u202f"} and line.strip()
    ]


def test_real_header(real):
    assert real.encoding == "utf-8"
    assert real.section == "Aktualności"
    assert real.published == date(2021, 9, 19)
    assert real.title.startswith(
        "Dwudniowa wizyta studyjna do Centrów Usług Społecznych (CUS) w woj. wielkopolskim"
    )
    assert real.title.endswith("w woj. dolnośląskim.")
    assert real.old_url is None


def test_real_lead_is_first_paragraph_and_not_repeated(real):
    assert real.lead.startswith("Za nami dwudniowa wizyta studyjna do Centrów Usług")
    assert NBSP not in real.lead and "  " not in real.lead
    assert real.lead not in paragraphs(real.blocks)


def test_real_participants_paragraph_in_intro_blocks(real):
    participants = [p for p in paragraphs(real.blocks) if p.startswith("Uczestnikami wyjazdu")]
    assert len(participants) == 1
    # non-breaking spaces and runs of spaces were normalised
    assert (
        "nauki oraz Regionalnego Ośrodka Polityki Społecznej w Zielonej Górze." in (participants[0])
    )
    # the sentence introducing the stops stays the last paragraph of the intro
    assert isinstance(real.blocks[-1], Paragraph)
    assert real.blocks[-1].text.endswith("odwiedzono:")


def test_real_three_stops_are_the_indented_lines(real, real_indented_lines):
    assert len(real_indented_lines) == 3
    assert [s.heading for s in real.stops] == real_indented_lines
    assert real.stops[0].heading.endswith("w Rawiczu")
    assert real.stops[1].heading.startswith("Miejsko-Gminny Ośrodek Pomocy Społecznej")


def test_real_stop_facts(real):
    assert [s.town for s in real.stops] == ["Rawicz", "Jarocin", "Jarocin"]
    assert [s.voivodeship for s in real.stops] == ["wielkopolskie"] * 3
    assert [s.kinds for s in real.stops] == [
        ["cus", "social_cooperative"],
        ["ops"],
        ["social_cooperative"],
    ]
    assert all(s.blocks for s in real.stops)


def test_real_photo_captions_in_order(real):
    assert captions(real) == ["2dni", "aaa", "bb", "ww", "filmow", "filmowa kawiarnia"]
    intro_captions = [b.text for b in real.blocks if isinstance(b, PhotoCaption)]
    assert intro_captions == ["2dni", "aaa", "bb"]
    assert [b.text for b in real.stops[0].blocks if isinstance(b, PhotoCaption)] == ["ww"]
    assert [b.text for b in real.stops[2].blocks if isinstance(b, PhotoCaption)] == [
        "filmow",
        "filmowa kawiarnia",
    ]
    assert sum(w.startswith("Brak zdjęcia: ") for w in real.warnings) == 6


def test_real_wrapped_sentence_is_one_paragraph(real):
    first = real.stops[0].blocks[0]
    assert isinstance(first, Paragraph)
    assert first.text.startswith("Rawicz znajduje się")
    assert "do pilotażowego programu i przekształcenie ośrodka" in first.text
    assert first.text.endswith("w Centrum Usług Społecznych.")
    for block in real.iter_blocks():
        if isinstance(block, Paragraph):
            assert "\n" not in block.text and NBSP not in block.text


def test_real_visit_dates_unknown_with_warning(real):
    assert real.visit_dates is None
    assert real.duration_days == 2
    assert any(w.startswith("Daty wizyty nieznane") for w in real.warnings)


def test_real_paragraph_html_is_escaped_text(real):
    first = real.stops[0].blocks[0]
    assert first.html == first.text  # nothing to escape there …
    assert Paragraph("Fundacja <Razem> & Spółka").html == "Fundacja &lt;Razem&gt; &amp; Spółka"


@pytest.mark.parametrize("variant", ["cp1250", "crlf"])
def test_real_article_in_windows_1250_or_with_crlf_gives_the_same_result(real, variant):
    text = REAL_FILE.read_text(encoding="utf-8")
    if variant == "cp1250":
        raw = text.encode("cp1250")
    else:
        raw = text.replace("\n", "\r\n").encode("utf-8")
    again = parse_text(raw, "wariant.txt")
    assert again.encoding == ("windows-1250" if variant == "cp1250" else "utf-8")
    assert again.title == real.title and again.lead == real.lead
    assert [s.heading for s in again.stops] == [s.heading for s in real.stops]
    assert [s.town for s in again.stops] == ["Rawicz", "Jarocin", "Jarocin"]
    assert captions(again) == captions(real)


def test_block_html_helpers():
    rich = Paragraph('<a href="https://example.pl/?a=1&amp;b=2">link</a> i <b>tekst</b>', True)
    assert rich.html == rich.text
    assert rich.plain == "link i tekst"
    assert ListBlock(["A & B", "<C>"]).items_html == ["A &amp; B", "&lt;C&gt;"]


# --- dates -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("19.09.2021", date(2021, 9, 19)),
        ("19.9.2021", date(2021, 9, 19)),
        ("2021-09-19", date(2021, 9, 19)),
        ("19 września 2021", date(2021, 9, 19)),
        ("19 WRZEŚNIA 2021 r.", date(2021, 9, 19)),
        ("3 wrzesień 2021", date(2021, 9, 3)),
        ("1 Października 2020", date(2020, 10, 1)),
        ("28 lutego 2019 roku", date(2019, 2, 28)),
        ("7 maj 2022", date(2022, 5, 7)),
        ("05.12.2018 r.", date(2018, 12, 5)),
    ],
)
def test_date_line_formats(line, expected):
    assert parse_date(line) == expected
    parsed = parse_text(article_text("Krótki wstęp do artykułu.", when=line).encode(), "d.txt")
    assert parsed.published == expected


@pytest.mark.parametrize("line", ["31.02.2021", "wrzesień", "19.09", "Aktualności"])
def test_not_a_date(line):
    assert parse_date(line) is None


def test_section_is_optional_when_the_file_starts_with_the_date():
    raw = article_text("Wstęp bez działu.", section=None, when="2.01.2024").encode()
    parsed = parse_text(raw, "x.txt")
    assert parsed.section is None
    assert parsed.published == date(2024, 1, 2)
    assert parsed.title.startswith("Spotkanie partnerów")


# --- plain news, paragraphs, captions --------------------------------------------------------


def test_plain_news_without_stops(tmp_path):
    text = article_text(
        "Zarząd województwa przyjął nowy program wspierania ekonomii społecznej.",
        "Program obejmuje szkolenia dla spółdzielni socjalnych\noraz doradztwo dla gmin.",
        "Nabór wniosków potrwa do końca kwietnia.",
        title="Nowy program wsparcia ekonomii społecznej",
    )
    source = tmp_path / "aktualnosc.txt"
    source.write_text(text, encoding="utf-8")
    parsed = parse_file(source)
    assert parsed.stops == []
    assert parsed.lead == "Zarząd województwa przyjął nowy program wspierania ekonomii społecznej."
    assert paragraphs(parsed.blocks) == [
        "Program obejmuje szkolenia dla spółdzielni socjalnych oraz doradztwo dla gmin.",
        "Nabór wniosków potrwa do końca kwietnia.",
    ]
    assert parsed.visit_dates is None
    assert not any("Daty wizyty" in w for w in parsed.warnings)
    assert parsed.source == str(source)


def test_caption_lines_and_sentences():
    text = article_text(
        "Wstęp o wizycie w Koninie.",
        "sala\nwarsztaty stolarskie\nobiad",
        "Dziękujemy.",
        "Kolejne spotkanie zaplanowano na jesień",
        "12 uczestników",
    )
    parsed = parse_text(text.encode(), "c.txt")
    assert captions(parsed) == ["sala", "warsztaty stolarskie", "obiad", "12 uczestników"]
    assert "Dziękujemy." in paragraphs(parsed.blocks)
    assert "Kolejne spotkanie zaplanowano na jesień" in paragraphs(parsed.blocks)


def test_whitespace_is_normalised():
    text = article_text(f"Wstęp{NBSP}z  twardymi{NBSP}{NBSP}spacjami\u202fi\ttabulatorem.  ")
    parsed = parse_text(text.encode(), "w.txt")
    assert parsed.lead == "Wstęp z twardymi spacjami i tabulatorem."


# --- stops -----------------------------------------------------------------------------------


def test_stops_after_odwiedzilismy_with_space_tab_and_nnbsp_indentation():
    text = article_text(
        "Przez dwa dni rozmawialiśmy o usługach społecznych w małych gminach.",
        "W czasie wyjazdu odwiedziliśmy:",
        "    Spółdzielnię Socjalną „Przystań” w Lesznie",
        "Spółdzielnia prowadzi pralnię i catering.",
        "\tFundację „Dobry Start” w Gnieźnie",
        "Fundacja wspiera młodzież opuszczającą pieczę zastępczą.",
        "pralnia",
        "\u202fKlub Integracji Społecznej we Wrocławiu",
        "Klub prowadzi zajęcia dla osób bezrobotnych.",
        title="Trzydniowa wizyta studyjna w Wielkopolsce i na Dolnym Śląsku",
    )
    parsed = parse_text(text.encode(), "s.txt")
    assert [s.heading for s in parsed.stops] == [
        "Spółdzielnię Socjalną „Przystań” w Lesznie",
        "Fundację „Dobry Start” w Gnieźnie",
        "Klub Integracji Społecznej we Wrocławiu",
    ]
    assert [s.town for s in parsed.stops] == ["Leszno", "Gniezno", "Wrocław"]
    assert [s.voivodeship for s in parsed.stops] == [
        "wielkopolskie",
        "wielkopolskie",
        "dolnoslaskie",
    ]
    assert [s.kinds for s in parsed.stops] == [["social_cooperative"], ["foundation"], ["kis"]]
    assert paragraphs(parsed.stops[0].blocks) == ["Spółdzielnia prowadzi pralnię i catering."]
    assert [b.text for b in parsed.stops[1].blocks if isinstance(b, PhotoCaption)] == ["pralnia"]
    assert paragraphs(parsed.blocks) == ["W czasie wyjazdu odwiedziliśmy:"]
    assert parsed.duration_days == 3
    assert any("Daty wizyty nieznane" in w for w in parsed.warnings)


def test_program_wizyty_intro_heading_followed_directly_by_text():
    text = article_text(
        "Relacja z wyjazdu do Piły.",
        "Program wizyty:",
        f"{NBSP}{NBSP}Zakład Aktywności Zawodowej w Pile\n"
        "Pracownicy ZAZ pokazali pracownię poligraficzną.",
        f"{NBSP}{NBSP}Urząd Miasta w Pile",
        "Rozmawialiśmy o zlecaniu usług społecznych.",
    )
    parsed = parse_text(text.encode(), "p.txt")
    assert [s.heading for s in parsed.stops] == [
        "Zakład Aktywności Zawodowej w Pile",
        "Urząd Miasta w Pile",
    ]
    assert [s.kinds for s in parsed.stops] == [["zaz"], ["local_government"]]
    assert paragraphs(parsed.stops[0].blocks) == [
        "Pracownicy ZAZ pokazali pracownię poligraficzną."
    ]
    assert [s.town for s in parsed.stops] == ["Piła", "Piła"]


def test_indented_lines_without_an_intro_are_not_stops():
    text = article_text(
        "Wstęp do artykułu.",
        "    Wcięty akapit, który zaczyna się od spacji i nie jest nagłówkiem miejsca.",
    )
    parsed = parse_text(text.encode(), "n.txt")
    assert parsed.stops == []
    assert paragraphs(parsed.blocks)[-1].startswith("Wcięty akapit")


def test_first_line_indented_wrapped_paragraph_is_not_a_stop():
    text = article_text(
        "Wstęp do relacji.",
        "Odwiedzone miejsca:",
        "  Centrum Usług Społecznych w Koninie",
        "  Rozmowa z dyrekcją dotyczyła tego, jak\nprzebiegało przekształcenie ośrodka w CUS.",
    )
    parsed = parse_text(text.encode(), "f.txt")
    assert [s.heading for s in parsed.stops] == ["Centrum Usług Społecznych w Koninie"]
    assert paragraphs(parsed.stops[0].blocks) == [
        "Rozmowa z dyrekcją dotyczyła tego, jak przebiegało przekształcenie ośrodka w CUS."
    ]


def test_unknown_town_is_reported():
    text = article_text(
        "Wstęp.",
        "Odwiedzono:",
        " Spółdzielnia Socjalna „Pod Lipami”",
        "Opis spółdzielni.",
        title="Wizyta w spółdzielni",
        when="1.06.2023",
    )
    parsed = parse_text(text.encode(), "u.txt")
    assert parsed.stops[0].town is None
    assert "Nie rozpoznano miejscowości w nagłówku: „Spółdzielnia Socjalna „Pod Lipami””" in (
        parsed.warnings
    )


# --- visit dates -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Wizyta odbyła się w dniach 17–18 września 2021 r.",
            (date(2021, 9, 17), date(2021, 9, 18)),
        ),
        ("Termin wizyty: 17-18.09.2021.", (date(2021, 9, 17), date(2021, 9, 18))),
        ("Gościliśmy w Koninie od 17 do 18 września.", (date(2021, 9, 17), date(2021, 9, 18))),
        (
            "Wyjazd trwał od 30 września do 1 października 2021 r.",
            (date(2021, 9, 30), date(2021, 10, 1)),
        ),
        ("Spotkanie odbyło się w dniu 14 września 2021.", (date(2021, 9, 14), date(2021, 9, 14))),
    ],
)
def test_visit_dates_stated_in_text(sentence, expected):
    text = article_text(
        sentence,
        "Odwiedzono:",
        "  Centrum Usług Społecznych w Koninie",
        "Opis.",
        when="19.09.2021",
        title="Wizyta studyjna w Koninie",
    )
    parsed = parse_text(text.encode(), "v.txt")
    assert parsed.visit_dates == expected
    assert not any("Daty wizyty" in w for w in parsed.warnings)


# --- encodings -------------------------------------------------------------------------------

POLISH_TEXT = article_text(
    "Spółdzielnia socjalna „Źródło” z Łęcznej świętowała jubileusz; życzenia złożył "
    "wójt gminy, a ślusarze pokazali, jak robią ławki.",
    "Zaśpiewał chór „Świt”.",
    section="Aktualności",
    title="Jubileusz spółdzielni „Źródło” — ąćęłńóśźż ĄĆĘŁŃÓŚŹŻ",
)


def test_windows_1250_is_detected_and_reported():
    parsed = parse_text(POLISH_TEXT.encode("cp1250"), "cp.txt")
    assert parsed.encoding == "windows-1250"
    assert "Plik w kodowaniu Windows-1250 — przekonwertowano" in parsed.warnings
    assert parsed.title == "Jubileusz spółdzielni „Źródło” — ąćęłńóśźż ĄĆĘŁŃÓŚŹŻ"
    assert parsed.section == "Aktualności"
    assert parsed.lead.startswith("Spółdzielnia socjalna „Źródło” z Łęcznej świętowała")


def test_iso_8859_2_is_told_apart_from_windows_1250():
    text = article_text(
        "Świetlica środowiskowa w Łodzi ściąga dzieci ze świętokrzyskiej wsi; "
        "źródłem sukcesu są ąś.",
        title="Świetlica Źródło w Łodzi świętuje",
        section="Aktualności",
    )
    parsed = parse_text(text.encode("iso-8859-2"), "iso.txt")
    assert parsed.encoding == "iso-8859-2"
    assert "Plik w kodowaniu ISO-8859-2 — przekonwertowano" in parsed.warnings
    assert parsed.title == "Świetlica Źródło w Łodzi świętuje"


def test_utf8_with_bom():
    parsed = parse_text(b"\xef\xbb\xbf" + POLISH_TEXT.encode("utf-8"), "bom.txt")
    assert parsed.encoding == "utf-8"
    assert parsed.section == "Aktualności"  # no BOM left in front of it
    assert not any(w.startswith("Plik w kodowaniu") for w in parsed.warnings)


def test_utf8_without_bom_has_no_conversion_warning():
    parsed = parse_text(POLISH_TEXT.encode("utf-8"), "utf.txt")
    assert parsed.encoding == "utf-8"
    assert not any(w.startswith("Plik w kodowaniu") for w in parsed.warnings)
    assert "ąćęłńóśźż" in parsed.title


# --- errors ----------------------------------------------------------------------------------


def test_missing_date_raises_polish_error():
    text = "Aktualności\n\nSpotkanie w Koninie\n\nWstęp.\n"
    with pytest.raises(LegacyParseError, match="Nie rozpoznano daty publikacji") as error:
        parse_text(text.encode(), "bez-daty.txt")
    assert "„Spotkanie w Koninie”" in str(error.value)


@pytest.mark.parametrize("raw", [b"", b"\n\n  \n", "\n\u00a0\n".encode()])
def test_empty_file_raises(raw):
    with pytest.raises(LegacyParseError, match="pusty"):
        parse_text(raw, "pusty.txt")


def test_missing_title_raises():
    with pytest.raises(LegacyParseError, match="Brak tytułu"):
        parse_text("Aktualności\n\n12.03.2023\n\n".encode(), "t.txt")


def test_unsupported_suffix(tmp_path):
    source = tmp_path / "artykul.docx"
    source.write_bytes(b"PK")
    with pytest.raises(LegacyParseError, match="Nieobsługiwany typ pliku"):
        parse_file(source)


# --- places ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("heading", "town"),
    [
        ("Centrum Usług Społecznych w Rawiczu", "Rawicz"),
        ("Miejski Ośrodek Pomocy Społecznej w Jarocinie", "Jarocin"),
        ("Fundacja „Na Pomoc” we Wrocławiu", "Wrocław"),
        ("Regionalny Ośrodek Polityki Społecznej w Zielonej Górze", "Zielona Góra"),
        ("Zakład Aktywności Zawodowej w Kędzierzynie-Koźlu", "Kędzierzyn-Koźle"),
        ("Spółdzielnia w Ostrowie Wielkopolskim", "Ostrów Wielkopolski"),
        ("Spółdzielnia w Ostrowie Wlkp.", "Ostrów Wielkopolski"),
        ("Warsztat Terapii Zajęciowej w Dąbrowie Górniczej (woj. śląskie)", "Dąbrowa Górnicza"),
        ("Klub seniora w Kostrzynie nad Odrą", "Kostrzyn nad Odrą"),
        ("CIS w Łodzi, ul. Zielona 3", "Łódź"),
        ("Spotkanie w Centrum Usług Społecznych", None),
        ("Rozmowa o tym, co nowego w Polsce", None),
    ],
)
def test_town_from_heading(heading, town):
    assert town_from_heading(heading) == town


def test_town_from_heading_outside_the_table_uses_morfeusz():
    pytest.importorskip("morfeusz2")
    assert "Kołbacz" not in TOWNS  # a village of fewer than 500 people
    assert town_from_heading("Spółdzielnia Socjalna w Kołbaczu") == "Kołbacz"


@pytest.mark.parametrize(
    ("heading", "town"),
    [
        ("Centrum Usług Społecznych w Rawiczu", "Rawicz"),
        ("Fundacja we Wrocławiu", "Wrocław"),
        ("CIS w Zielonej Górze", "Zielona Góra"),
        ("ZAZ w Kędzierzynie-Koźlu", "Kędzierzyn-Koźle"),
        ("Spółdzielnia w Krzywiniu", "Krzywiń"),
        ("Spółdzielnia w Kołbaczu", None),
    ],
)
def test_town_from_heading_without_morfeusz(monkeypatch, heading, town):
    monkeypatch.setattr(places, "USE_MORFEUSZ", False)
    assert town_from_heading(heading) == town


@pytest.mark.parametrize(
    ("heading", "kinds"),
    [
        ("Centrum Usług Społecznych w Koninie", ["cus"]),
        ("CUS w Koninie", ["cus"]),
        ("Centrów Usług Społecznych", ["cus"]),
        ("Miejsko-Gminnym Ośrodku Pomocy Społecznej w Kole", ["ops"]),
        ("MGOPS w Kole", ["ops"]),
        ("spotkanie z GOPS-em", ["ops"]),
        ("Spółdzielnię Socjalną „Smaki”", ["social_cooperative"]),
        ("Kawiarnia prowadzona przez Spółdzielnię Socjalną", ["social_cooperative"]),
        ("Centrum Integracji Społecznej w Pile", ["cis"]),
        ("Klubu Integracji Społecznej", ["kis"]),
        ("Zakładzie Aktywności Zawodowej", ["zaz"]),
        ("Warsztaty Terapii Zajęciowej", ["wtz"]),
        ("Powiatowe Centrum Pomocy Rodzinie w Turku", ["pcpr"]),
        ("Fundacji „Razem”", ["foundation"]),
        ("Stowarzyszenie „Tęcza”", ["association"]),
        ("Urząd Gminy Krzywiń i Starostwo Powiatowe", ["local_government"]),
        ("Przedsiębiorstwo społeczne „Zielony Ogród”", ["social_enterprise"]),
        ("Centrum Usług Społecznych i Spółdzielnia Socjalna", ["cus", "social_cooperative"]),
        ("Regionalny Ośrodek Polityki Społecznej", []),
    ],
)
def test_kinds_from_heading(heading, kinds):
    assert kinds_from_heading(heading) == kinds


def test_voivodeship_for_town_table_and_text():
    assert voivodeship_for("Rawicz", "") == "wielkopolskie"
    assert voivodeship_for("Zielona Góra", "w woj. śląskim") == "lubuskie"
    assert voivodeship_for("Krzywiń", "Gmina leży w województwie wielkopolskim.") == (
        "wielkopolskie"
    )
    assert voivodeship_for("Krzywiń", "Pojechaliśmy w Wielkopolsce.") == "wielkopolskie"
    assert voivodeship_for(None, "Na Dolnym Śląsku.") == "dolnoslaskie"
    assert voivodeship_for("Krzywiń", "Bez wskazówek.") == "wielkopolskie"
    assert voivodeship_for("Kołbacz", "Bez wskazówek.") is None

    warnings: list[str] = []
    code = voivodeship_for(
        "Kołbacz", "Wizyta w woj. dolnośląskim oraz w województwie opolskim.", warnings
    )
    assert code == "dolnoslaskie"
    assert len(warnings) == 1 and "kilka województw" in warnings[0]


def test_town_table_covers_capitals_and_uses_valid_codes():
    capitals = [
        "Wrocław",
        "Bydgoszcz",
        "Toruń",
        "Lublin",
        "Gorzów Wielkopolski",
        "Zielona Góra",
        "Łódź",
        "Kraków",
        "Warszawa",
        "Opole",
        "Rzeszów",
        "Białystok",
        "Gdańsk",
        "Katowice",
        "Kielce",
        "Olsztyn",
        "Poznań",
        "Szczecin",
    ]
    for town in capitals:
        assert town in TOWNS
    for town in [
        "Rawicz",
        "Jarocin",
        "Leszno",
        "Gniezno",
        "Kalisz",
        "Konin",
        "Piła",
        "Ostrów Wielkopolski",
        "Września",
        "Turek",
        "Krotoszyn",
    ]:
        assert TOWNS[town][0] == "wielkopolskie"
    assert len(TOWNS) >= 66 + 40
    assert {code for code, _loc in TOWNS.values()} == set(VOIVODESHIP_CODES)


def test_codes_match_visits_choices():
    choices = REPO / "visits" / "choices.py"
    if not choices.exists():
        pytest.skip("visits/choices.py is not there")
    source = choices.read_text(encoding="utf-8")

    def codes(name: str) -> set[str]:
        block = re.search(rf"{name} = \[(.*?)\n\]", source, re.S)
        assert block, name
        return set(re.findall(r'\(\s*"([^"]+)",', block.group(1)))

    assert set(VOIVODESHIP_CODES) == codes("VOIVODESHIPS")
    assert set(KIND_CODES) == codes("INSTITUTION_KINDS")


# --- HTML ------------------------------------------------------------------------------------

HTML_PAGE = """<!DOCTYPE html>
<html lang="pl"><head>
<meta charset="{charset}">
<title>Wizyta w Lesznie i Kościanie | Stary serwis</title>
<link rel="canonical" href="https://stary.example.pl/aktualnosci/wizyta-leszno">
<script>var tracker = "nie importować";</script>
</head><body>
<header><a href="/">Stary serwis</a><nav><a href="/kontakt">Kontakt</a></nav></header>
<nav class="breadcrumbs"><ol><li><a href="/">Strona główna</a></li>
<li><a href="/aktualnosci">Aktualności</a></li><li>Wizyta w Lesznie i Kościanie</li></ol></nav>
<article>
<h1>Wizyta w Lesznie i Kościanie</h1>
<p class="meta">Dodano: <time datetime="2022-05-10T09:30:00+02:00">10 maja 2022</time></p>
<p>W dniach 3–4 maja 2022 r. gościliśmy w <b>Lesznie</b> i&nbsp;<em>Kościanie</em>.</p>
<p>Szczegóły na <a href="/kontakt">stronie kontaktowej</a>, a galeria
<a href="javascript:otworzGalerie()">tutaj</a>.</p>
<ul><li>dwa dni</li><li>trzy <strong>instytucje</strong></li></ul>
<figure><img src="zdjecia/grupa.png" alt="Uczestnicy przed budynkiem CIS">
<figcaption>Uczestnicy wizyty w Lesznie</figcaption></figure>
<p>W programie wizyty:</p>
<h2>Centrum Integracji Społecznej w Lesznie</h2>
<p>Uczestnicy CIS pokazali pracownię krawiecką.</p>
<h3>Warsztaty</h3>
<ol><li>krawiectwo</li><li>ogrodnictwo</li></ol>
<h2>Warsztat Terapii Zajęciowej w Kościanie</h2>
<p>Pracownia ceramiki <img src="brak.jpg" alt="Misy z gliny"></p>
</article>
<footer>Stopka serwisu</footer>
</body></html>
"""


@pytest.fixture
def html_article(tmp_path):
    (tmp_path / "zdjecia").mkdir()
    tiny_png(tmp_path / "zdjecia" / "grupa.png")
    source = tmp_path / "wizyta.html"
    source.write_text(HTML_PAGE.format(charset="utf-8"), encoding="utf-8")
    return parse_file(source), tmp_path


def test_html_header_fields(html_article):
    parsed, _ = html_article
    assert parsed.encoding == "utf-8"
    assert parsed.title == "Wizyta w Lesznie i Kościanie"
    assert parsed.published == date(2022, 5, 10)
    assert parsed.old_url == "https://stary.example.pl/aktualnosci/wizyta-leszno"
    assert parsed.section == "Aktualności"
    assert parsed.lead == "W dniach 3–4 maja 2022 r. gościliśmy w Lesznie i Kościanie."
    assert parsed.visit_dates == (date(2022, 5, 3), date(2022, 5, 4))


def test_html_paragraphs_links_and_lists(html_article):
    parsed, _ = html_article
    first = parsed.blocks[0]
    assert isinstance(first, Paragraph) and first.rich
    assert first.html == (
        'Szczegóły na <a href="https://stary.example.pl/kontakt">stronie kontaktowej</a>, '
        "a galeria tutaj."
    )
    assert first.plain == "Szczegóły na stronie kontaktowej, a galeria tutaj."
    everything = " ".join(
        b.html for b in parsed.iter_blocks() if isinstance(b, Paragraph)
    ) + " ".join(i for b in parsed.iter_blocks() if isinstance(b, ListBlock) for i in b.items)
    assert "javascript" not in everything
    assert "nie importować" not in everything and "Stopka" not in everything
    assert any("javascript:otworzGalerie()" in w for w in parsed.warnings)
    lists = [b for b in parsed.blocks if isinstance(b, ListBlock)]
    assert len(lists) == 1 and not lists[0].ordered
    assert lists[0].items == ["dwa dni", "trzy <b>instytucje</b>"]


def test_html_images(html_article):
    parsed, tmp_path = html_article
    images = [b for b in parsed.iter_blocks() if isinstance(b, Image)]
    assert [i.src for i in images] == ["zdjecia/grupa.png", "brak.jpg"]
    found, missing = images
    assert found.path == (tmp_path / "zdjecia" / "grupa.png").resolve()
    assert found.alt == "Uczestnicy przed budynkiem CIS"
    assert found.caption == "Uczestnicy wizyty w Lesznie"
    assert missing.path is None and missing.alt == "Misy z gliny"
    assert "Brak pliku zdjęcia: brak.jpg" in parsed.warnings
    assert not any("zdjecia/grupa.png" in w for w in parsed.warnings)


def test_html_stops_after_intro(html_article):
    parsed, _ = html_article
    assert isinstance(parsed.blocks[-1], Paragraph)
    assert parsed.blocks[-1].plain == "W programie wizyty:"
    assert [s.heading for s in parsed.stops] == [
        "Centrum Integracji Społecznej w Lesznie",
        "Warsztat Terapii Zajęciowej w Kościanie",
    ]
    assert [s.town for s in parsed.stops] == ["Leszno", "Kościan"]
    assert [s.voivodeship for s in parsed.stops] == ["wielkopolskie", "wielkopolskie"]
    assert [s.kinds for s in parsed.stops] == [["cis"], ["wtz"]]
    cis = parsed.stops[0].blocks
    assert isinstance(cis[1], Heading) and cis[1].text == "Warsztaty" and cis[1].level == 3
    assert (
        isinstance(cis[2], ListBlock)
        and cis[2].ordered
        and cis[2].items
        == [
            "krawiectwo",
            "ogrodnictwo",
        ]
    )


def test_html_in_windows_1250_with_meta_charset(tmp_path):
    raw = HTML_PAGE.format(charset="windows-1250").encode("cp1250")
    parsed = parse_html(raw, "cp.html", None)
    assert parsed.encoding == "windows-1250"
    assert "Plik w kodowaniu Windows-1250 — przekonwertowano" in parsed.warnings
    assert parsed.title == "Wizyta w Lesznie i Kościanie"
    assert parsed.lead.startswith("W dniach 3–4 maja 2022 r. gościliśmy")
    # without a file on disk no image can be found
    assert "Brak pliku zdjęcia: zdjecia/grupa.png" in parsed.warnings


def test_html_declared_iso_8859_2_but_windows_1250_bytes():
    raw = HTML_PAGE.format(charset="iso-8859-2").encode("cp1250")  # „ ” – ś are cp1250-only
    parsed = parse_html(raw, "mislabelled.html", None)
    assert parsed.encoding == "windows-1250"
    assert parsed.title == "Wizyta w Lesznie i Kościanie"
    assert any("deklaruje kodowanie iso-8859-2" in w for w in parsed.warnings)


def test_html_without_h1_or_time_falls_back_to_title_and_text():
    page = (
        "<html><head><title>Nabór do CIS | Stary serwis</title></head><body>"
        "<header><h1>Stary serwis</h1></header>"
        "<main><p>Opublikowano 3.02.2020</p><p>Ruszył nabór uczestników.</p></main>"
        "</body></html>"
    )
    parsed = parse_html(page.encode(), "n.html", None)
    assert parsed.title == "Nabór do CIS"
    assert parsed.published == date(2020, 2, 3)
    assert parsed.lead == "Ruszył nabór uczestników."  # the date-only paragraph is dropped
    assert any("Datę publikacji odczytano z treści" in w for w in parsed.warnings)
    assert parsed.stops == []


def test_html_without_any_date_raises():
    page = "<html><body><article><h1>Bez daty</h1><p>Tekst.</p></article></body></html>"
    with pytest.raises(LegacyParseError, match="Nie znaleziono daty publikacji"):
        parse_html(page.encode(), "bez-daty.html", None)


def test_html_stop_list_after_intro():
    page = (
        "<article><h1>Wizyta w Kaliszu</h1><time datetime='2023-04-02'>2.04.2023</time>"
        "<p>Krótki wstęp.</p><p>Odwiedzono:</p>"
        "<ul><li>Centrum Usług Społecznych w Kaliszu</li><li>Fundację „Most” w Koninie</li></ul>"
        "</article>"
    )
    parsed = parse_html(page.encode(), "l.html", None)
    assert [s.heading for s in parsed.stops] == [
        "Centrum Usług Społecznych w Kaliszu",
        "Fundację „Most” w Koninie",
    ]
    assert [s.town for s in parsed.stops] == ["Kalisz", "Konin"]
    assert [s.kinds for s in parsed.stops] == [["cus"], ["foundation"]]


def test_html_linked_thumbnail_prefers_the_large_file(tmp_path):
    tiny_png(tmp_path / "mini.png")
    tiny_png(tmp_path / "duze.png")
    page = (
        "<article><h1>Galeria z Gniezna</h1><time datetime='2021-06-01'></time>"
        "<p>Wstęp.</p><p><a href='duze.png'><img src='mini.png' alt='Warsztaty'></a></p>"
        "</article>"
    )
    source = tmp_path / "galeria.htm"
    source.write_text(page, encoding="utf-8")
    parsed = parse_file(source)
    images = [b for b in parsed.iter_blocks() if isinstance(b, Image)]
    assert len(images) == 1
    assert images[0].src == "duze.png"
    assert images[0].path == (tmp_path / "duze.png").resolve()
    assert not any(w.startswith("Brak pliku zdjęcia") for w in parsed.warnings)
