"""The visit archive and a visit page in a real browser: axe and keyboard use of the TOC."""

import datetime

import pytest
from wagtail.models import Collection

from tests.conftest import assert_no_axe_violations
from tests.factories import build_site_tree, make_image, make_visit, make_visit_index, visit_stop

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def visits(transactional_db):
    if Collection.get_first_root_node() is None:  # flushed by an earlier transactional test
        Collection.add_root(name="Root")
    tree = build_site_tree()
    index = make_visit_index(tree.home, lead="Zapowiedzi i relacje z wizyt.")
    photo = make_image("Spotkanie w CUS", size=(640, 480))
    visit = make_visit(
        index,
        "Wizyta w Rawiczu i Jarocinie",
        datetime.date(2021, 9, 17),
        datetime.date(2021, 9, 18),
        stops=[
            visit_stop(
                "Centrum Usług Społecznych w Rawiczu",
                "Rawicz",
                "wielkopolskie",
                ["cus", "social_cooperative"],
                people=[("Anna Nowak", "dyrektorka CUS")],
                photos=[photo, photo],
            ),
            visit_stop(
                "Ośrodek Pomocy Społecznej w Jarocinie", "Jarocin", "wielkopolskie", ["ops"]
            ),
            visit_stop("Kawiarnia „Filmowa”", "Jarocin", "wielkopolskie", ["social_cooperative"]),
        ],
        listing_image=photo,
    )
    make_visit(
        index,
        "Jeden dzień w Łodzi",
        datetime.date(2027, 3, 14),
        stops=[visit_stop("Centrum Integracji Społecznej", "Łódź", "lodzkie", ["cis"])],
    )
    return index, visit


@pytest.mark.parametrize(
    "query",
    [
        "",
        "?rok=2021&wojewodztwo=wielkopolskie&rodzaj=cus",
        "?miejscowosc=lodz&rok=2021",
        "?rok=abc",
    ],
    ids=["no-filters", "filters", "no-results", "unknown-value"],
)
def test_archive_has_no_axe_violations(page, live_server, visits, query):
    index, _ = visits
    page.goto(live_server.url + index.url + query)
    assert_no_axe_violations(page)


def test_visit_page_has_no_axe_violations(page, live_server, visits):
    _, visit = visits
    page.goto(live_server.url + visit.url)
    assert_no_axe_violations(page)


def test_filter_form_submits_without_javascript(browser, live_server, visits):
    index, _ = visits
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + index.url)
    page.select_option("#filtr-miejscowosc", "lodz")
    page.click(".filters button[type=submit]")
    assert "miejscowosc=lodz" in page.url
    assert page.locator(".visit-archive__count").inner_text() == "Znaleziono 1 wizytę."
    context.close()


def test_table_of_contents_works_by_keyboard(page, live_server, visits):
    _, visit = visits
    page.goto(live_server.url + visit.url)
    target = "osrodek-pomocy-spolecznej-w-jarocinie"
    for _ in range(60):
        page.keyboard.press("Tab")
        focused = page.evaluate("document.activeElement.getAttribute('href')")
        if focused == f"#{target}":
            break
    else:
        pytest.fail("the table of contents link was never reached with Tab")
    page.keyboard.press("Enter")
    page.wait_for_function(f"location.hash === '#{target}'")
    assert page.evaluate("document.querySelector(':target').id") == target
    assert page.evaluate("document.querySelector(':target').tagName") == "H2"
    assert page.evaluate("document.querySelector(':target').textContent") == (
        "Ośrodek Pomocy Społecznej w Jarocinie"
    )


def test_open_data_page_has_no_axe_violations(page, live_server, visits):
    index, _ = visits
    page.goto(live_server.url + index.url + "dane-otwarte/")
    assert page.locator("h1").inner_text() == "Dane otwarte: wizyty studyjne"
    assert_no_axe_violations(page)


# Options wider than their select, measured in the select's own font, less its padding and arrow.
CLIPPED_SELECTS = """() => [...document.querySelectorAll('.filters select')].filter(select => {
    const style = getComputedStyle(select);
    const context = document.createElement('canvas').getContext('2d');
    context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    const widest = Math.max(...[...select.options].map(o => context.measureText(o.text).width));
    const padding = parseFloat(style.paddingLeft) + parseFloat(style.paddingRight);
    return widest > select.clientWidth - padding - 24;
}).map(select => select.name)"""


@pytest.mark.parametrize("width", [1366, 390])
def test_filter_labels_are_not_cut_off(page, live_server, visits, width):
    index, _ = visits
    make_visit(
        index,
        "Wizyta na Warmii",
        datetime.date(2024, 5, 6),
        stops=[
            visit_stop(
                "Przedsiębiorstwo",
                "Lidzbark Warmiński",
                "warminsko-mazurskie",
                ["social_enterprise"],
            )
        ],
    )
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(live_server.url + index.url + "?rok=2024")
    assert "warmińsko-mazurskie (1)" in page.locator("#filtr-wojewodztwo").inner_text()
    assert page.evaluate(CLIPPED_SELECTS) == []


def test_following_a_selection_reaches_its_feed(page, live_server, visits):
    index, _ = visits
    page.goto(live_server.url + index.url + "?wojewodztwo=lodzkie")
    page.get_by_role("link", name="RSS", exact=True).click()
    assert page.url.endswith("/wizyty-studyjne/rss.xml?wojewodztwo=lodzkie")
