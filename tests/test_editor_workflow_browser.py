"""The editorial story end to end in a real browser, in the Polish admin.

A member of Redaktorzy writes a visit with two stops and a gallery, forgets the alt text, is
refused in Polish, fixes it and submits it to the "Zatwierdzenie publikacji" workflow; a member
of Zatwierdzający finds it on the dashboard and approves it; a reader then sees it. An editor
who starts a page and leaves it leaves nothing behind; a live page's draft is listed on their
dashboard and discarded there in one click.
"""

import importlib
import re

import pytest
from django.apps import apps
from playwright.sync_api import expect

from tests.factories import build_site_tree, make_image, make_user, make_visit_index

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

MISSING_ALT = "Dodaj tekst alternatywny do zdjęcia albo zaznacz, że jest dekoracyjne."
SUBMIT = "Wyślij do akceptacji: Zatwierdzenie publikacji"
STOPS = [
    ("Centrum Usług Społecznych w Rawiczu", "Rawicz"),
    ("Spółdzielnia socjalna w Jarocinie", "Jarocin"),
]


@pytest.fixture
def site(transactional_db):
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Collection, Locale, Page

    # An earlier transactional test may have flushed what the migrations create: the tree and
    # collection roots, and the editorial groups and workflow of home/migrations/0002.
    locale, _ = Locale.objects.get_or_create(language_code="pl")
    if not Collection.objects.filter(depth=1).exists():
        Collection.add_root(name="Root")
    if not Page.objects.filter(depth=1).exists():
        Page.add_root(
            instance=Page(
                title="Root",
                slug="root",
                locale=locale,
                content_type=ContentType.objects.get_for_model(Page),
            )
        )
    migration = importlib.import_module("home.migrations.0002_editorial_groups_and_workflow")
    migration.create_groups_and_workflow(apps, None)  # idempotent
    tree = build_site_tree()
    index = make_visit_index(tree.home)
    # No description: the chooser then pre-fills the alt text with the title only.
    make_image("Spotkanie w Rawiczu", description="")
    make_user("redaktorka", groups=["Redaktorzy"])
    make_user("szefowa", groups=["Zatwierdzający"])
    return index


def log_in(page, base_url, username):
    page.goto(base_url + "/admin/login/")
    page.get_by_label("Nazwa użytkownika").fill(username)
    assert "Hasło" in page.locator("label[for=id_password]").inner_text()
    page.locator("#id_password").fill("haslo-testowe")
    page.get_by_role("button", name="Zaloguj się").click()
    page.wait_for_url("**/admin/")


def add_block(page, label):
    # The stream's own "+" buttons carry a title; Draftail's block triggers an aria-label.
    page.get_by_title("Dodaj blok").last.click()
    page.get_by_role("option", name=label).click()


def fill_stop(page, n, heading, town):
    page.get_by_label("Nazwa miejsca").nth(n).fill(heading)
    page.get_by_label("Miejscowość").nth(n).fill(town)
    page.get_by_label("Województwo").nth(n).select_option("wielkopolskie")
    description = page.locator("[data-contentpath='description']").nth(n).get_by_role("textbox")
    description.click()
    description.press_sequentially(f"Spotkanie: {heading}.")


def wait_until(page, condition, seconds=20):
    """Poll `condition` (a database check) while the browser and the live server work."""
    for _ in range(seconds * 10):
        if condition():
            return
        page.wait_for_timeout(100)
    raise AssertionError(f"still not true after {seconds} s")


def submit_for_moderation(page):
    page.get_by_role("button", name="Więcej akcji").click()
    page.get_by_role("button", name=SUBMIT).click()


def test_editor_writes_visit_and_approver_publishes_it(browser, page, live_server, site):
    from wagtail.models import WorkflowState

    from visits.models import VisitPage

    index = site
    page.set_default_timeout(20_000)
    contexts = []
    try:
        # Redaktorzy: write the visit.
        log_in(page, live_server.url, "redaktorka")
        page.goto(live_server.url + f"/admin/pages/add/visits/visitpage/{index.pk}/")
        page.get_by_label(re.compile(r"^Tytuł\*?$")).fill("Wizyta w Rawiczu")
        page.get_by_label(re.compile(r"^Lead\*?$")).fill("Dwa dni w Wielkopolsce.")
        page.get_by_label("Pierwszy dzień wizyty").fill("2025-06-12")
        page.keyboard.press("Escape")
        page.get_by_label("Ostatni dzień wizyty").fill("2025-06-13")
        page.keyboard.press("Escape")
        for n, (heading, town) in enumerate(STOPS):
            add_block(page, "Punkt wizyty")
            fill_stop(page, n, heading, town)
        add_block(page, "Galeria zdjęć")
        page.get_by_label("Tytuł galerii").fill("Zdjęcia z wizyty")
        page.get_by_role("button", name="Wybierz obraz").last.click()
        modal = page.get_by_role("dialog")
        modal.get_by_role("link", name="Spotkanie w Rawiczu").click()
        expect(modal).to_be_hidden()
        alt = page.get_by_role("textbox", name="Tekst alternatywny", exact=True)
        # Wagtail pre-fills the image's description, or its title when it has none.
        expect(alt).to_have_value("Spotkanie w Rawiczu")
        alt.fill("")

        # Redaktorzy cannot publish: the footer offers the workflow; it refuses, in Polish.
        expect(page.get_by_role("button", name="Opublikuj", include_hidden=True)).to_have_count(0)
        submit_for_moderation(page)
        expect(page.get_by_text(MISSING_ALT)).to_be_visible()
        # Nothing was submitted and nothing is public.
        assert "/admin/pages/add/" in page.url
        assert not WorkflowState.objects.exists()
        assert not VisitPage.objects.filter(live=True).exists()

        # The editor adds the alt text and submits again.
        alt = page.get_by_role("textbox", name="Tekst alternatywny", exact=True)
        alt.fill("Uczestnicy wizyty przed budynkiem centrum")
        submit_for_moderation(page)
        wait_until(page, lambda: WorkflowState.objects.exists())
        visit = VisitPage.objects.get()
        assert not visit.live
        state = WorkflowState.objects.get(object_id=str(visit.pk))
        assert state.status == WorkflowState.STATUS_IN_PROGRESS

        # Zatwierdzający, in a browser of their own: the dashboard panel, then approve.
        approver_context = browser.new_context()
        contexts.append(approver_context)
        approver = approver_context.new_page()
        approver.set_default_timeout(20_000)
        log_in(approver, live_server.url, "szefowa")
        panel = approver.get_by_role("region", name="Czeka na zatwierdzenie")
        panel.get_by_role("link", name="Wizyta w Rawiczu").click()
        approver.wait_for_url(f"**/admin/pages/{visit.pk}/edit/")
        approver.get_by_role("button", name="Więcej akcji").click()
        approver.get_by_role("button", name="Akceptuj i opublikuj", exact=True).click()
        approver.wait_for_url(lambda url: f"/admin/pages/{visit.pk}/edit/" not in url)

        visit.refresh_from_db()
        state.refresh_from_db()
        assert visit.live
        assert state.status == WorkflowState.STATUS_APPROVED
        gallery = next(block for block in visit.body if block.block_type == "gallery")
        assert gallery.value["images"][0]["image"].contextual_alt_text == (
            "Uczestnicy wizyty przed budynkiem centrum"
        )

        # A reader, not logged in.
        reader_context = browser.new_context()
        contexts.append(reader_context)
        reader = reader_context.new_page()
        response = reader.goto(live_server.url + visit.url)
        assert response.status == 200
        for heading, _ in STOPS:
            expect(reader.get_by_role("heading", name=heading, level=2)).to_be_visible()
        expect(
            reader.get_by_role("img", name="Uczestnicy wizyty przed budynkiem centrum")
        ).to_have_count(1)
    finally:
        # Stop the admin's background requests before the test database is flushed.
        for context in contexts:
            context.close()
        page.goto("about:blank")
        page.wait_for_timeout(300)


def test_abandoned_page_leaves_nothing_and_own_draft_is_discarded_from_dashboard(
    page, live_server, site
):
    from django.contrib.auth import get_user_model
    from wagtail.models import Page

    from tests.factories import make_visit

    index = site
    live = make_visit(index, title="Wizyta w Jarocinie")
    live.title = "Wizyta w Jarocinie i Rawiczu"
    live.save_revision(user=get_user_model().objects.get(username="redaktorka"))
    pages = Page.objects.count()
    page.set_default_timeout(20_000)
    page.on("dialog", lambda dialog: dialog.accept())  # "leave with unsaved changes?"
    try:
        log_in(page, live_server.url, "redaktorka")
        page.goto(live_server.url + f"/admin/pages/add/visits/visitpage/{index.pk}/")
        page.get_by_label(re.compile(r"^Tytuł\*?$")).press_sequentially("Porzucona wizyta")
        page.get_by_label(re.compile(r"^Lead\*?$")).press_sequentially("Zaczęta i zostawiona.")
        page.wait_for_timeout(2_000)  # four of Wagtail's former autosave intervals
        page.goto(live_server.url + "/admin/")
        assert Page.objects.count() == pages, "leaving the add view left a page behind"

        panel = page.get_by_role("region", name="Moje niedokończone szkice")
        expect(panel.get_by_role("link", name="Wizyta w Jarocinie i Rawiczu")).to_be_visible()
        expect(panel.get_by_text("opublikowana, zmiany w szkicu")).to_be_visible()
        panel.get_by_role("button", name=re.compile("^Odrzuć zmiany")).click()
        expect(page.get_by_text("Odrzucono zmiany szkicu")).to_be_visible()
        expect(page.get_by_text("Nie masz niedokończonych szkiców.")).to_be_visible()
        live.refresh_from_db()
        assert not live.has_unpublished_changes
        assert live.latest_revision_id == live.live_revision_id
    finally:
        page.goto("about:blank")
        page.wait_for_timeout(300)
