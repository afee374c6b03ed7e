"""A phone reader with a keyboard: the article, the gallery lightbox, and zero axe violations."""

import datetime

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.factories import (
    build_site_tree,
    ensure_wagtail_roots,
    gallery_block,
    make_image,
    make_news_index,
    make_news_page,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


@pytest.fixture(scope="module", autouse=True)
def leave_migrated_data(django_db_setup, django_db_blocker):
    """Leave the database as migrations made it, for the transactional tests that follow.

    Each transactional test here ends with a flush; later modules expect Wagtail's root page,
    root collection and locale, so the module restores a snapshot taken before it ran.
    """
    from django.contrib.contenttypes.models import ContentType
    from django.core.management import call_command
    from django.db import connection

    with django_db_blocker.unblock():
        snapshot = connection.creation.serialize_db_to_string()
    yield
    with django_db_blocker.unblock():
        call_command("flush", interactive=False, inhibit_post_migrate=True, verbosity=0)
        connection.creation.deserialize_db_from_string(snapshot)
        ContentType.objects.clear_cache()


@pytest.fixture
def news(live_server):
    ensure_wagtail_roots()
    tree = build_site_tree()
    index = make_news_index(tree.home)
    photos = [
        make_image(f"Foto {n}", size=(1200, 900), colour=c)
        for n, c in enumerate(["navy", "teal", "maroon"])
    ]
    for n in range(3):
        make_news_page(index, f"Wpis {n}", datetime.date(2025, 1, 1 + n), tags=["CUS"])
    article = make_news_page(
        index,
        "Wizyta w Rawiczu",
        datetime.date(2025, 9, 19),
        lead="Dwa dni w centrach usług społecznych.",
        body=[
            {"type": "paragraph", "value": "<p>Odwiedziliśmy centrum usług społecznych.</p>"},
            {"type": "heading", "value": {"text": "Zdjęcia", "level": "h2"}},
            gallery_block(photos),
        ],
        tags=["CUS", "ekonomia społeczna"],
    )
    plain = make_news_page(index, "Bez galerii", datetime.date(2025, 9, 1))
    return {"base": live_server.url, "article": article, "plain": plain}


@pytest.fixture
def phone(page):
    page.set_viewport_size({"width": 360, "height": 740})
    return page


def assert_no_violations(page, where):
    results = Axe().run(page, options=WCAG_AA)
    details = "\n".join(
        f"- {v['id']}: {v['help']} ({len(v['nodes'])}×: "
        + "; ".join(node["target"][0] if node["target"] else "?" for node in v["nodes"][:3])
        + ")"
        for v in results.response["violations"]
    )
    assert results.violations_count == 0, f"axe violations on {where}:\n{details}"


def focused_class(page):
    return page.evaluate("document.activeElement && document.activeElement.className")


def test_phone_reader_opens_gallery_with_keyboard(phone, news):
    phone.goto(news["base"] + news["article"].url)
    assert phone.locator("h1").inner_text() == "Wizyta w Rawiczu"
    assert phone.locator("time").first.get_attribute("datetime") == "2025-09-19"
    for _ in range(40):
        phone.keyboard.press("Tab")
        if focused_class(phone) == "gallery__link":
            break
    assert focused_class(phone) == "gallery__link", "Tab never reached the first thumbnail"
    first_href = phone.evaluate("document.activeElement.getAttribute('href')")

    phone.keyboard.press("Enter")
    dialog = phone.locator("dialog.lightbox")
    assert dialog.is_visible()
    assert dialog.get_attribute("aria-modal") == "true"
    assert dialog.get_attribute("aria-label")
    assert dialog.locator(".lightbox__counter").inner_text() == "1 z 3"
    assert dialog.locator(".lightbox__text").inner_text().strip() == "— Podpis 1"
    image = dialog.locator("img.lightbox__image")
    assert image.get_attribute("src") == first_href
    assert "1600w" in image.get_attribute("srcset") or "1200w" in image.get_attribute("srcset")
    assert image.get_attribute("alt") == "Opis 1"

    phone.keyboard.press("ArrowRight")
    assert dialog.locator(".lightbox__counter").inner_text() == "2 z 3"
    assert image.get_attribute("alt") == "Opis 2"
    phone.keyboard.press("ArrowLeft")
    phone.keyboard.press("ArrowLeft")
    assert dialog.locator(".lightbox__counter").inner_text() == "3 z 3"

    for _ in range(5):  # focus stays inside the dialog
        phone.keyboard.press("Tab")
        assert phone.evaluate(
            "document.querySelector('dialog.lightbox').contains(document.activeElement)"
        )

    phone.keyboard.press("Escape")
    assert not dialog.is_visible()
    assert focused_class(phone) == "gallery__link"
    assert phone.evaluate("document.activeElement.getAttribute('href')") == first_href


def test_close_button_and_next_button_work(phone, news):
    phone.goto(news["base"] + news["article"].url)
    phone.locator(".gallery__link").nth(1).click()
    dialog = phone.locator("dialog.lightbox")
    assert dialog.locator(".lightbox__counter").inner_text() == "2 z 3"
    dialog.get_by_role("button", name="Następne zdjęcie").click()
    assert dialog.locator(".lightbox__counter").inner_text() == "3 z 3"
    dialog.get_by_role("button", name="Zamknij powiększenie").click()
    assert not dialog.is_visible()


def test_without_javascript_thumbnail_opens_the_image(browser, news):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.goto(news["base"] + news["article"].url)
    href = page.locator(".gallery__link").first.get_attribute("href")
    assert "width-1600" in href or href.endswith(".jpg")
    assert page.locator("dialog").count() == 0
    context.close()


def test_no_axe_violations_on_list_articles_and_open_lightbox(phone, news):
    phone.goto(news["base"] + "/aktualnosci/")
    assert_no_violations(phone, "the news list")
    phone.goto(news["base"] + news["plain"].url)
    assert_no_violations(phone, "an article")
    phone.goto(news["base"] + news["article"].url)
    assert_no_violations(phone, "an article with a gallery")
    phone.locator(".gallery__link").first.click()
    assert phone.locator("dialog.lightbox").is_visible()
    assert_no_violations(phone, "the open lightbox")
