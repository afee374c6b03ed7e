"""A small Polish corpus for the search tests: visits, news and pages, plus pages that must never
appear in search (draft, unpublished, scheduled, expired, password- and login-restricted)."""

import datetime
from types import SimpleNamespace

from django.utils import timezone

from tests.factories import (
    add_page,
    make_news_index,
    make_news_page,
    make_standard_page,
    make_visit,
    make_visit_index,
    paragraph,
    restrict_page,
    visit_stop,
)


def build_corpus(tree):
    home = tree.home
    news = make_news_index(home)
    visits = make_visit_index(home)
    pages = {"o_nas": tree.standard}
    pages["visit_rawicz"] = make_visit(
        visits,
        "Wizyta studyjna w Rawiczu i Jarocinie",
        start=datetime.date(2021, 9, 17),
        end=datetime.date(2021, 9, 18),
        lead="Dwudniowa wizyta studyjna w Wielkopolsce: centrum usług społecznych, "
        "ośrodek pomocy i spółdzielnie socjalne.",
        organiser="Regionalny Ośrodek Polityki Społecznej",
        participants="Przedstawiciele samorządów i spółdzielni socjalnych z Łodzi.",
        stops=[
            visit_stop(
                "Centrum Usług Społecznych w Rawiczu",
                "Rawicz",
                "wielkopolskie",
                kinds=["cus"],
                people=[("Anna Nowak", "dyrektorka CUS")],
                description="<p>Dyrektorka opowiedziała o tworzeniu centrum krok po kroku.</p>",
            ),
            visit_stop(
                "Spółdzielnia Socjalna „Smak Bistro”",
                "Rawicz",
                "wielkopolskie",
                kinds=["social_cooperative"],
                description="<p>Obiad w bistro prowadzonym przez spółdzielnię.</p>",
            ),
            visit_stop(
                "Miejsko-Gminny Ośrodek Pomocy Społecznej w Jarocinie",
                "Jarocin",
                "wielkopolskie",
                kinds=["ops"],
                people=[("Jan Kowalczyk", "kierownik MGOPS")],
            ),
            visit_stop(
                "Kawiarnia „Filmowa” Spółdzielni Socjalnej „Zmysły”",
                "Jarocin",
                "wielkopolskie",
                kinds=["social_cooperative"],
            ),
        ],
        publication_date=datetime.date(2021, 9, 20),
    )
    pages["visit_lodz"] = make_visit(
        visits,
        "Wizyta w Łodzi: zakład aktywności zawodowej",
        start=datetime.date(2022, 6, 2),
        lead="Jednodniowy wyjazd do Łodzi.",
        stops=[
            visit_stop(
                "Zakład Aktywności Zawodowej w Łodzi",
                "Łódź",
                "lodzkie",
                kinds=["zaz"],
                people=[("Ewa Wiśniewska", "kierowniczka ZAZ")],
                description="<p>Pracownicy ZAZ prowadzą pralnię i introligatornię.</p>",
            )
        ],
        publication_date=datetime.date(2022, 6, 3),
    )
    pages["news_cafe"] = make_news_page(
        news,
        "Kawiarnia Filmowa świętuje piąte urodziny",
        datetime.date(2022, 3, 10),
        lead="Spółdzielnię Socjalną „Zmysły” z Jarocina odwiedzają coraz liczniejsi goście.",
        body=[paragraph("W kawiarni przy kinie pracuje sześć osób zagrożonych wykluczeniem.")],
    )
    pages["news_wtz"] = make_news_page(
        news,
        "Warsztat Terapii Zajęciowej w Kaliszu otwiera pracownię ceramiki",
        datetime.date(2023, 5, 5),
        lead="Nowa pracownia w WTZ.",
        body=[paragraph("Uczestnicy WTZ lepią naczynia z gliny i sprzedają je na kiermaszach.")],
    )
    pages["news_training"] = make_news_page(
        news,
        "Szkolenie dla pracowników ośrodków pomocy społecznej",
        datetime.date(2021, 11, 20),
        lead="Zapraszamy pracowników OPS i MGOPS na szkolenie w Poznaniu.",
        body=[
            paragraph(
                "Omówimy ustawę o realizowaniu usług społecznych przez centrum usług "
                "społecznych i doświadczenia pierwszych gmin."
            )
        ],
    )
    pages["news_summary"] = make_news_page(
        news,
        "Podsumowanie roku: wizyty studyjne 2021",
        datetime.date(2021, 12, 30),
        lead="Co zobaczyliśmy w minionym roku.",
        body=[paragraph("Zorganizowaliśmy trzy wyjazdy do centrów i spółdzielni.")],
    )
    pages["news_kat"] = make_news_page(
        news,
        "Przytulny kąt dla seniorów w bibliotece",
        datetime.date(2024, 2, 1),
        lead="Biblioteka urządziła miejsce spotkań.",
    )
    pages["news_executioner"] = make_news_page(
        news,
        "Historia miasta: kat i pręgierz",
        datetime.date(2024, 3, 1),
        lead="Wykład o dawnym wymiarze sprawiedliwości.",
    )
    pages["contact"] = make_standard_page(
        home, "Kontakt", "Biuro w Poznaniu, ul. Przykładowa 1.", lead="Jak się z nami skontaktować."
    )
    hidden = build_hidden_pages(home, news)
    return SimpleNamespace(home=home, news=news, visits=visits, pages=pages, hidden=hidden)


SECRET = "Tajemnica w Rawiczu"


def build_hidden_pages(home, news):
    """Pages with the word "tajemnica" (and "Rawicz") that no reader may find."""
    now = timezone.now()
    hidden = {}
    hidden["draft"] = make_news_page(news, f"{SECRET}: szkic", publish=False)
    unpublished = make_news_page(news, f"{SECRET}: wycofany")
    unpublished.unpublish()
    hidden["unpublished"] = unpublished
    scheduled = make_news_page(news, f"{SECRET}: zaplanowany", publish=False)
    scheduled.go_live_at = now + datetime.timedelta(days=3)
    revision = scheduled.save_revision()
    revision.publish()
    hidden["scheduled"] = scheduled
    expired = make_news_page(news, f"{SECRET}: wygasły")
    type(expired).objects.filter(pk=expired.pk).update(expire_at=now - datetime.timedelta(hours=1))
    hidden["expired"] = expired
    password = make_standard_page(home, f"{SECRET}: hasło", "Treść chroniona hasłem.")
    restrict_page(password, password="sekret")
    hidden["password"] = password
    section = make_standard_page(home, "Strefa członków", "Dla zalogowanych.")
    restrict_page(section)
    hidden["section"] = section
    hidden["in_section"] = add_page(
        section,
        type(section)(title=f"{SECRET}: protokół", lead="Protokół zebrania członków."),
    )
    return hidden
