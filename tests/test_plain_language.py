"""Plain Polish, measured where editors write: the FOG-PL index of a page's text, its grade in
Polish words, long sentences and officialese with a plainer wording (home/readability.py)."""

import pytest

from home.plain_language import page_text
from home.readability import grade, measure, sentences, syllables
from tests.factories import (
    gallery_block,
    make_image,
    make_news_index,
    make_news_page,
    make_visit,
    make_visit_index,
    paragraph,
    visit_stop,
)
from tests.test_admin_polish import visible_text

# A plain news lead, as an editor asked for "prosty język" would write it.
PLAIN_LEAD = (
    "Wczoraj byliśmy w Rawiczu. Odwiedziliśmy spółdzielnię socjalną i jej bistro. "
    "Pracuje tam dwanaście osób. Rozmawialiśmy o tym, jak wrócić do pracy po długiej przerwie. "
    "Wiosną pojedziemy tam znowu."
)
# A paragraph of an office letter: one long sentence, long words, officialese.
LEGAL_PARAGRAPH = (
    "W związku z powyższym uprzejmie informujemy, iż przedmiotowy wniosek o dofinansowanie "
    "realizacji zadania publicznego w zakresie aktywizacji społeczno-zawodowej osób zagrożonych "
    "wykluczeniem społecznym, złożony przez jednostkę samorządu terytorialnego w dniu 12 marca "
    "2024 r., nie spełnia wymogów formalnych określonych w niniejszym regulaminie konkursu, "
    "w szczególności w odniesieniu do obowiązku dołączenia harmonogramu rzeczowo-finansowego."
)


@pytest.mark.parametrize(
    ("word", "count"),
    [
        ("pies", 1),  # "i" before a vowel softens, it is no syllable
        ("nie", 1),
        ("się", 1),
        ("biały", 2),
        ("Rawicz", 2),
        ("spółdzielnia", 3),
        ("społecznych", 3),
        ("ekonomia", 4),
        ("województwo", 4),
        ("informujemy", 5),
        ("kooperatywa", 6),
        ("auto", 2),  # "au" opening a word is one syllable…
        ("Europa", 3),
        ("nauka", 3),  # …elsewhere two
        ("w", 1),
    ],
)
def test_syllables_are_counted_on_polish_vowels(word, count):
    assert syllables(word) == count


def test_abbreviations_and_lines_delimit_sentences():
    text = (
        "Spotkanie m.in. z dyrektorką, np. Anną Nowak. Obiad w 2021 r. Było miło.\nNagłówek\nDalej."
    )
    assert sentences(text) == [
        "Spotkanie m.in. z dyrektorką, np. Anną Nowak.",
        "Obiad w 2021 r.",
        "Było miło.",
        "Nagłówek",
        "Dalej.",
    ]


def test_plain_news_lead_is_easy():
    result = measure(PLAIN_LEAD)
    assert (result.words, result.sentences) == (28, 5)
    assert result.fog < 10 and result.is_plain
    assert result.grade == "łatwy"
    assert result.level.startswith("szkoła podstawowa")
    assert result.long_sentences == [] and result.officialese == []


def test_legal_paragraph_is_hard_with_its_long_sentence_and_officialese_listed():
    result = measure(LEGAL_PARAGRAPH)
    assert result.sentences == 1 and result.words > 40
    assert result.fog >= 18 and not result.is_plain
    assert result.grade in ("trudny", "bardzo trudny")
    [long] = result.long_sentences
    assert long.text.startswith("W związku z powyższym") and long.text.endswith("…")
    assert "podziel na krótsze zdania" in long.advice
    advice = {finding.text.lower(): finding.advice for finding in result.officialese}
    assert advice["w związku z powyższym"] == "prościej: dlatego"
    assert advice["iż"] == "prościej: że"
    assert "przedmiotowy" in advice and "niniejszym" in advice and "uprzejmie informujemy" in advice
    assert "jednostkę samorządu terytorialnego" in advice and "w dniu" in advice


def test_mixing_the_two_lands_in_between():
    assert measure(PLAIN_LEAD).fog < measure(f"{PLAIN_LEAD}\n{LEGAL_PARAGRAPH}").fog
    assert measure(f"{PLAIN_LEAD}\n{LEGAL_PARAGRAPH}").fog < measure(LEGAL_PARAGRAPH).fog


@pytest.mark.parametrize(
    ("fog", "expected"),
    [
        (5.0, ("łatwy", "szkoła podstawowa, klasy 4–6")),
        (9.9, ("łatwy", "szkoła podstawowa, klasy 7–8")),
        (11.0, ("średnio trudny", "szkoła średnia")),
        (14.0, ("trudny", "studia licencjackie")),
        (17.0, ("trudny", "studia magisterskie")),
        (25.0, ("bardzo trudny", "wykształcenie specjalistyczne")),
    ],
)
def test_grade_in_polish_words_and_school_level(fog, expected):
    assert grade(fog) == expected


def test_no_text_no_score():
    result = measure("")
    assert result.words == 0 and result.grade == "" and not result.is_plain


@pytest.mark.django_db
def test_page_text_is_the_lead_and_prose_not_headings_captions_or_names(site_tree):
    photo = make_image()
    article = make_news_page(
        make_news_index(site_tree.home),
        "Artykuł",
        lead="Lead artykułu.",
        body=[
            paragraph("Pierwszy akapit. Drugie zdanie."),
            {"type": "heading", "value": {"text": "Śródtytuł", "level": "h2"}},
            {"type": "quote", "value": {"quote": "Cytat z rozmowy.", "attribution": "Anna Nowak"}},
            gallery_block([photo]),
        ],
    )
    assert page_text(article).splitlines() == [
        "Lead artykułu.",
        "Pierwszy akapit. Drugie zdanie.",
        "Cytat z rozmowy.",
    ]
    visit = make_visit(
        make_visit_index(site_tree.home),
        "Wizyta",
        stops=[visit_stop("CUS w Rawiczu", "Rawicz", "wielkopolskie", people=[("Jan", "wójt")])],
    )
    text = page_text(visit)
    assert "Spotkanie: CUS w Rawiczu." in text and "Wprowadzenie do wizyty." in text
    assert "Jan" not in text and "wójt" not in text


def demo_pages(monkeypatch):
    """The demo articles and visits of load_demo, unsaved, all photos one small image."""
    import news.demo
    import visits.demo
    from news.models import NewsPage

    image = make_image()
    monkeypatch.setattr(news.demo, "demo_image", lambda *args: image)
    monkeypatch.setattr(visits.demo, "demo_image", lambda *args: image)
    articles = [
        NewsPage(title=title, lead=lead, body=news.demo.body_of(parts))
        for title, _date, lead, _tags, parts in news.demo.ARTICLES
    ]
    return articles + visits.demo.visits()


@pytest.mark.django_db
def test_demo_content_scores_between_the_plain_lead_and_the_legal_paragraph(monkeypatch):
    results = {page.title: measure(page_text(page)) for page in demo_pages(monkeypatch)}
    assert len(results) >= 20 and all(result.words >= 19 for result in results.values())
    fogs = sorted(result.fog for result in results.values())
    # News and visit reports of a social-policy body: some easy, most of middle difficulty
    # (the sector's long words: "integracja", "koordynatorów"), none like an office letter.
    assert measure(PLAIN_LEAD).fog < fogs[len(fogs) // 2] < fogs[-1] < measure(LEGAL_PARAGRAPH).fog
    assert results["Spółdzielnia socjalna „Przystań” otwiera pralnię"].grade == "łatwy"
    assert all(result.grade != "bardzo trudny" for result in results.values())
    assert all(
        result.officialese == [] and result.long_sentences == [] for result in results.values()
    )


@pytest.mark.django_db
def test_checks_panel_shows_the_polish_score_and_hints_not_english(editor_client, site_tree):
    article = make_news_page(
        make_news_index(site_tree.home),
        "Pismo",
        lead=PLAIN_LEAD,
        body=[paragraph(LEGAL_PARAGRAPH)],
    )
    html = editor_client.get(f"/admin/pages/{article.pk}/edit/").content.decode()
    text = visible_text(html)
    result = measure(f"{PLAIN_LEAD}\n{LEGAL_PARAGRAPH}")
    fog = str(result.fog).replace(".", ",")  # formatted for Polish
    assert f"Czytelność (FOG-PL) {fog} — {result.grade}" in text
    assert f"Dla czytelnika po: {result.level}" in text
    assert "Długie zdanie: „W związku z powyższym" in text
    assert "„uprzejmie informujemy” — prościej: informujemy" in text
    assert "„iż” — prościej: że" in text
    assert "Readability" not in text and "data-content-readability-score" not in html


@pytest.mark.django_db
def test_checks_panel_of_a_new_page_has_no_score_yet(editor_client, site_tree):
    html = editor_client.get(f"/admin/pages/add/home/standardpage/{site_tree.home.pk}/").content
    assert "Czytelność (FOG-PL) Brak tekstu do oceny" in visible_text(html.decode())


@pytest.mark.django_db
def test_dashboard_lists_the_grade_of_pages_waiting_for_approval(editor_client, site_tree):
    from django.contrib.auth.models import User
    from wagtail.models import Workflow

    index = make_news_index(site_tree.home)
    plain = make_news_page(index, "Prosty", lead=PLAIN_LEAD, body=[], publish=False)
    office = make_news_page(index, "Urzędowy", lead="", body=[paragraph(LEGAL_PARAGRAPH)])
    office.lead = PLAIN_LEAD  # a draft change after publishing: the list measures the draft
    office.save_revision()
    workflow = Workflow.objects.get(name="Zatwierdzenie publikacji")
    editor = User.objects.get(username="redaktorka")
    for page in (plain, office):
        workflow.start(page, editor)
    text = visible_text(editor_client.get("/admin/").content.decode())
    draft = measure(f"{PLAIN_LEAD}\n{LEGAL_PARAGRAPH}")
    assert "Czytelność" in text
    assert f"łatwy ({str(measure(PLAIN_LEAD).fog).replace('.', ',')})" in text
    assert f"{draft.grade} ({str(draft.fog).replace('.', ',')})" in text
