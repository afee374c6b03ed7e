"""The order of search results (docs/search.md): a judged query set over a corpus built in code.

For each query the page that must come first, the pages that must be in the top 3 or the top 10,
and those that must not be found. The same expectations hold on SQLite and PostgreSQL
(DATABASE_URL=postgres://… pytest tests/test_search_ranking.py): both compute the same integer
scores, so they order the same pages the same way.
"""

from types import SimpleNamespace

import pytest
from django.test import RequestFactory

from search.query import parse_query
from search.results import matching_pages
from search.scope import read_filters
from tests.conftest import content_per_module, copy_for_test
from tests.factories import build_site_tree
from tests.search_ranking_corpus import build_demo_corpus, build_ranking_corpus

pytestmark = pytest.mark.django_db

#: Listing, index and utility pages: after every article and visit unless their title matches.
UTILITY = {"home", "o_nas", "statement", "sitemap", "news_index", "visit_index", "cooperation"}
VISITS = {"visit_rawicz", "visit_wroclaw", "visit_lodz", "visit_krakow", "visit_gdansk"}


def is_utility(name):
    """A listing, index or information page (the demo's information pages are `standard_…`)."""
    return name in UTILITY or name.startswith("standard_")


def judged(query, first=None, order=(), top3=(), top10=(), absent=()):
    return {
        "query": query,
        "first": first,
        "order": list(order),
        "top3": set(top3),
        "top10": set(top10),
        "absent": set(absent),
    }


JUDGED = [
    # A title holding every word beats a body repeating them; the visit archive's lead and a
    # standard page about the same topics come after every article and visit.
    judged(
        "spółdzielnia socjalna",
        first="news_program",
        top3={"visit_wroclaw", "visit_rawicz"},
        top10={"news_cafe", "news_conference"},
    ),
    judged("spoldzielnia socjalna", first="news_program", top3={"visit_wroclaw", "visit_rawicz"}),
    judged("spółdzielnie socjalne wielkopolska", first="news_program", top3={"visit_rawicz"}),
    # Title, then body, then a gallery's title.
    judged("Rawicz", order=["visit_rawicz", "news_flats", "news_caption"]),
    judged("w Rawiczu", first="visit_rawicz", top3={"news_flats"}),
    judged(
        "centrum usług społecznych",
        top3={"news_cus_law", "visit_krakow", "visit_wroclaw"},
        top10={"news_first_cus", "visit_rawicz"},
    ),
    judged("centrum uslug spolecznych", top3={"news_cus_law", "visit_krakow", "visit_wroclaw"}),
    judged(
        "CUS",
        top3={"news_cus_law", "news_first_cus"},
        top10={"visit_krakow", "visit_rawicz", "visit_wroclaw"},
        absent={"visit_lodz", "news_wtz"},
    ),
    judged("usługi społeczne", top3={"visit_krakow", "visit_rawicz"}),
    # Recency breaks the tie between two articles that say the same.
    judged("kiermasz świąteczny", order=["fair_konin", "fair_kalisz"]),
    judged("integracja społeczna", order=["visit_gdansk", "visit_lodz"]),
    judged("smak bistro", first="visit_rawicz", absent={"news_cafe", "visit_wroclaw"}),
    judged('"Smak Bistro"', first="visit_rawicz", absent={"news_cafe"}),
    judged(
        "ośrodek pomocy społecznej",
        first="news_training",
        top3={"visit_rawicz", "news_first_cus"},
    ),
    judged("osrodek pomocy spolecznej", first="news_training", top3={"visit_rawicz"}),
    judged("OPS", top3={"news_training", "visit_rawicz"}),
    judged("MGOPS", top3={"news_training", "visit_rawicz"}),
    judged("Jarocin", order=["visit_rawicz", "news_cafe"]),
    judged("jarocinie", order=["visit_rawicz", "news_cafe"]),
    judged("warsztat terapii zajęciowej", first="news_wtz", top3={"visit_gdansk"}),
    judged("WTZ", top3={"news_wtz", "visit_gdansk"}),
    # Synonyms: an acronym finds the full name in any form, the full name the acronyms.
    judged("MOPS", top3={"news_training", "visit_rawicz"}, absent={"news_wtz", "visit_lodz"}),
    judged("GOPS", top3={"news_training", "visit_rawicz"}),
    judged("CIS", first="visit_lodz", absent={"news_wtz"}),
    judged("zakłady aktywności zawodowej", first="visit_lodz", absent={"news_wtz"}),
    judged("Łódź", first="visit_lodz"),
    judged("lodz", first="visit_lodz"),
    judged("zakład aktywności zawodowej", first="visit_lodz", absent={"news_wtz"}),
    judged("ZAZ", first="visit_lodz", absent={"news_wtz"}),
    judged("kierowniczka", first="visit_lodz"),
    judged("Jan Kowalczyk", first="visit_rawicz"),
    judged("kawiarnia filmowa", order=["news_cafe", "visit_rawicz"]),
    judged("przedsiębiorstwo społeczne", first="visit_lublin"),
    judged("fundacja", first="visit_lublin"),
    judged("Zamość", first="visit_lublin"),
    judged("Gdańsk", first="visit_gdansk"),
    judged("pomorskie", first="visit_gdansk"),
    judged("Wrocław", first="visit_wroclaw"),
    judged("Kraków", first="visit_krakow"),
    judged("Kalisz", top3={"news_wtz", "fair_kalisz"}),
    judged("ceramika", first="news_wtz"),
    judged("mieszkania treningowe", first="news_flats"),
    judged("szkolenie", first="news_training"),
    judged("ekonomia społeczna", first="news_conference"),
    # A year restricts to the pages dated in it (a visit: its days) or mentioning it, dated first.
    judged(
        "wizyta 2021",
        top3={"visit_rawicz", "visit_wroclaw"},
        absent={"visit_lodz", "visit_krakow", "visit_gdansk", "visit_lublin", "visit_index"},
    ),
    judged(
        "wizyta 2023",
        order=["visit_gdansk", "visit_krakow"],
        absent={"visit_rawicz", "visit_lodz", "visit_lublin"},
    ),
    judged("CUS 2020", order=["news_first_cus", "news_cus_law"], absent={"visit_krakow"}),
    judged(
        "2022",
        order=["fair_kalisz", "news_caption", "visit_lodz", "news_cafe"],
        absent={"visit_rawicz"},
    ),
    judged("Łódź 2022", first="visit_lodz", absent={"cooperation"}),
    judged("Rawicz 2023", first="news_flats", absent={"visit_rawicz", "news_caption"}),
    # A utility page first when its own title is what the reader typed.
    judged("deklaracja dostępności", first="statement"),
    judged("mapa strony", first="sitemap"),
    judged("o nas", first="o_nas"),
    judged("aktualności", first="news_index"),
    judged("wizyty studyjne", first="visit_index", top10=VISITS),
    judged("wizyta", first="visit_index", top10=VISITS),
]

# The demo content of `make run`, its pages named by title (the listing and utility pages as
# above, other information pages `standard_<slug>`).
KORNIK = "Centrum Usług Społecznych w Kórniku po roku działania"
PRZYSTAN = "Spółdzielnia socjalna „Przystań” otwiera pralnię"
MALOPOLSKA = "Małopolskie centra usług społecznych — trzy dni, pięć miejsc"
DOLNY_SLASK = "Centra usług społecznych i spółdzielnie na Dolnym Śląsku"
WIELKOPOLSKA_VISIT = "Od ośrodka pomocy do centrum usług: Wielkopolska"
WIELKOPOLSKA_NEWS = "Dwa dni w centrach usług społecznych Wielkopolski"
LUBLIN = "Wizyta studyjna w Lublinie i Zamościu (zapowiedź)"
OPOLE = "Zapowiedź: ekonomia społeczna na Opolszczyźnie"
POD_LIPAMI = "Przedsiębiorstwo społeczne „Pod Lipami” w Gorzowie Wielkopolskim"
TRAININGS = {
    "Szkolenie: zlecanie usług społecznych organizacjom pozarządowym",
    "Szkolenie dla koordynatorów indywidualnych planów usług",
}
JUDGED_DEMO = [
    judged("Kórnik", first=KORNIK),
    judged("w Kórniku", first=KORNIK),
    judged("pralnia", first=PRZYSTAN),
    judged("Nowy Targ", first=MALOPOLSKA),
    judged("Gorzów Wielkopolski", first=POD_LIPAMI),
    judged("Zamość", first=LUBLIN),
    judged("kawiarnia społeczna", first="Kawiarnia społeczna w dawnym dworcu"),
    judged("opiekunowie osób zależnych", first="Raport o potrzebach opiekunów osób zależnych"),
    judged(
        "klauzule społeczne",
        first="Klauzule społeczne w zamówieniach — poradnik dla gmin",
        top3={"Szkolenie: zlecanie usług społecznych organizacjom pozarządowym"},
    ),
    judged("Litwa", first="Wizyta partnerów z Litwy"),
    judged("asystent osobisty", first="Nabór do programu „Asystent osobisty” w 2026 roku"),
    judged("Pomorze", first="Na przełomie miesięcy: integracja społeczna na Pomorzu"),
    judged("Opolszczyzna", first=OPOLE),
    judged("klub integracji społecznej", first=OPOLE, top3={WIELKOPOLSKA_VISIT}),
    judged("KIS", top3={OPOLE, WIELKOPOLSKA_VISIT}),
    judged(
        "spółdzielnia socjalna",
        first=PRZYSTAN,
        top10={DOLNY_SLASK, WIELKOPOLSKA_VISIT, LUBLIN},
    ),
    judged("centrum usług społecznych", first=KORNIK, top3={MALOPOLSKA, DOLNY_SLASK}),
    judged("wizyty studyjne", first="visit_index", top10={LUBLIN, MALOPOLSKA}),
    judged("szkolenie", top3=TRAININGS),
    judged("Łódź", first="Jeden dzień w Łodzi: integracja przez pracę"),
    judged("Wielkopolska", top3={WIELKOPOLSKA_VISIT, WIELKOPOLSKA_NEWS}),
    judged(
        "ekonomia społeczna",
        first=OPOLE,
        top3={
            "Podsumowanie roku w ekonomii społecznej",
            "Nowy ośrodek wsparcia ekonomii społecznej w subregionie",
        },
    ),
    judged("kontakt", first="standard_kontakt"),
    judged("deklaracja dostępności", first="statement"),
]


module_corpus = content_per_module(lambda: build_ranking_corpus(build_site_tree()))


@pytest.fixture
def corpus(db, module_corpus):
    return copy_for_test(module_corpus)


@pytest.fixture
def demo_corpus(db, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    return build_demo_corpus()  # renditions would be made, not needed to rank


def ranked_names(corpus, query):
    names = {page.pk: name for name, page in corpus.pages.items()}
    request = RequestFactory().get("/szukaj/")
    found = matching_pages(request, parse_query(query), read_filters({}))
    return [names.get(page.pk, page.title) for page in found[:50]]


def judge(row, ranked):
    """What is wrong with `ranked` for one judged query (empty: nothing)."""
    wrong = []
    if row["first"] and ranked[:1] != [row["first"]]:
        wrong.append(f"first should be {row['first']}")
    if row["order"] and ranked[: len(row["order"])] != row["order"]:
        wrong.append(f"should start {row['order']}")
    if missing := row["top3"] - set(ranked[:3]):
        wrong.append(f"not in the top 3: {sorted(missing)}")
    if missing := row["top10"] - set(ranked[:10]):
        wrong.append(f"not in the top 10: {sorted(missing)}")
    if found := row["absent"] & set(ranked):
        wrong.append(f"found: {sorted(found)}")
    expected = {row["first"], *row["order"], *row["top3"]}
    content = [n for n, name in enumerate(ranked) if not is_utility(name)]
    early = [
        name
        for n, name in enumerate(ranked)
        if is_utility(name) and name not in expected and content and n < content[-1]
    ]
    if early:
        wrong.append(f"utility pages before content: {early}")
    return wrong


def misjudged(corpus, rows):
    """Every judged query that fails on this database, with the order found."""
    failures = []
    for row in rows:
        ranked = ranked_names(corpus, row["query"])
        if wrong := judge(row, ranked):
            failures.append(f"{row['query']!r}: {'; '.join(wrong)} — got {ranked[:10]}")
    return failures


def test_judged_queries_rank_the_right_pages_first(corpus):
    assert len(JUDGED) + len(JUDGED_DEMO) >= 60
    failures = misjudged(corpus, JUDGED)
    assert not failures, "\n".join(failures)


def test_judged_queries_over_the_demo_content_rank_the_right_pages_first(demo_corpus):
    failures = misjudged(demo_corpus, JUDGED_DEMO)
    assert not failures, "\n".join(failures)


def test_utility_pages_rank_below_content_unless_their_title_matches(corpus):
    ranked = ranked_names(corpus, "centrum usług społecznych")
    assert ranked.index("visit_index") > ranked.index("visit_rawicz")
    assert ranked.index("cooperation") > ranked.index("visit_rawicz")
    assert ranked_names(corpus, "współpraca z samorządami")[0] == "cooperation"


def test_words_side_by_side_are_indexed_as_pairs_the_proximity_bonus_looks_up(site_tree):
    from modelsearch.query import PlainText

    from foundation.indexing.documents import pair_keys
    from search.matching import AUTOCOMPLETE, page_ids
    from tests.factories import make_news_index, make_news_page, paragraph

    assert pair_keys(["smak", "bistro", "2021"]) == ["p0smak0bistro", "p0bistro02021"]
    index = make_news_index(site_tree.home)
    together = make_news_page(index, "Obiad", lead="", body=[paragraph("Obiad w Smak Bistro.")])
    apart = make_news_page(index, "Zupa", lead="", body=[paragraph("Smak zupy w bistro.")])
    found = set(
        page_ids(PlainText("p0smak0bistro"), AUTOCOMPLETE).values_list("page_id", flat=True)
    )
    assert together.pk in found and apart.pk not in found
    assert ranked_names(SimpleNamespace(pages={}), "smak bistro")[:2] == ["Obiad", "Zupa"]


def test_each_key_is_marked_with_the_first_field_it_stands_in():
    """A title word repeated in the lead is the title's only: the lookups of each field read
    only the pages that field decides (documents.field_keys)."""
    from foundation.indexing.documents import field_keys

    fields = {
        "title": "Wizyta w Rawiczu",
        "lead": "Wizyta studyjna w spółdzielni",
        "stops": "Rawicz, spółdzielnia socjalna",
        "body": "Opis wizyty.",
        "captions": "Zdjęcie: wizyta",
    }
    marked = field_keys(fields)
    assert "t0wizyta" in marked and "l0wizyta" not in marked and "c0wizyta" not in marked
    assert "l0studyjna" in marked
    assert "t0rawicz" in marked and "s0rawicz" not in marked
    assert "s0socjalna" in marked and "c0zdjecie" in marked


def test_words_side_by_side_are_indexed_by_their_first_letters_for_full_names():
    from foundation.indexing.documents import name_keys

    assert name_keys(["centrach", "uslug", "spolecznych"]) == ["n0cen0usl", "n0usl0spo"]
    assert name_keys(["osrod", "pomoc"]) == name_keys(["osrodkach", "pomocy"])
    assert name_keys(["dom", "w", "lesie"]) == []  # "w" is too short to be a name's word
