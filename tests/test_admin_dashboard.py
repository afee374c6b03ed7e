"""The dashboard: what waits for approval, the next visits and the importer's drafts."""

import datetime
import re

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from home.admin_panels import AwaitingApprovalPanel, UpcomingVisitsPanel
from home.models import StandardPage
from legacy.dashboard import ImportedDraftsPanel
from legacy.import_log import log_import
from legacy.models import ImportRecord
from tests.factories import add_page, make_user
from visits.models import VisitIndexPage, VisitPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(site_tree):
    user = make_user("redaktorka", groups=["Redaktorzy"])
    user.first_name, user.last_name = "Anna", "Nowak"
    user.save()
    return user


def dashboard(client, user):
    client.force_login(user)
    response = client.get("/admin/")
    assert response.status_code == 200
    return response.content.decode()


def panel_html(html, panel_id):
    start = html.index(f'id="{panel_id}-section"')
    return html[start : html.index("</section>", start)]


def render_queries(panel, user):
    request = RequestFactory().get("/admin/")
    request.user = user
    with CaptureQueriesContext(connection) as queries:
        panel.render_html({"request": request, "csrf_token": "x"})
    return len(queries)


def submit(page, user):
    workflow = page.get_workflow()
    page.save_revision(user=user)
    return workflow.start(page, user)


def test_empty_panels_speak_polish(client, editor):
    html = dashboard(client, editor)
    assert "Nic nie czeka na zatwierdzenie." in panel_html(html, "czeka-na-zatwierdzenie")
    assert "Brak szkiców z importu do przejrzenia." in panel_html(html, "szkice-z-importu")
    assert "Brak zaplanowanych wizyt." in panel_html(html, "najblizsze-wizyty")


def test_awaiting_approval_lists_submitted_pages_with_who_and_link(client, site_tree, editor):
    page = add_page(site_tree.home, StandardPage(title="Relacja z Rawicza", slug="r"), False)
    submit(page, editor)
    approver = make_user("szefowa", groups=["Zatwierdzający"])
    html = panel_html(dashboard(client, approver), "czeka-na-zatwierdzenie")
    assert f'href="/admin/pages/{page.pk}/edit/">Relacja z Rawicza</a>' in html
    assert "Anna Nowak" in html
    assert "Akceptacja" in html
    assert re.search(r'<time datetime="\d{4}-\d\d-\d\dT', html)


def test_awaiting_approval_runs_the_same_queries_for_one_or_many(site_tree, editor):
    pages = [
        add_page(site_tree.home, StandardPage(title=f"Strona {n}", slug=f"s{n}"), False)
        for n in range(4)
    ]
    submit(pages[0], editor)
    one = render_queries(AwaitingApprovalPanel(), editor)
    for page in pages[1:]:
        submit(page, editor)
    assert render_queries(AwaitingApprovalPanel(), editor) == one


def test_imported_drafts_list_unpublished_imports_newest_first(client, site_tree, editor):
    older = add_page(site_tree.home, StandardPage(title="Stary artykuł", slug="a"), False)
    newer = add_page(site_tree.home, StandardPage(title="Nowszy artykuł", slug="b"), False)
    published = add_page(site_tree.home, StandardPage(title="Już opublikowany", slug="c"))
    ordinary = add_page(site_tree.home, StandardPage(title="Zwykły szkic", slug="d"), False)
    log_import(older, "000_554fd5b27eb05eb6.txt")
    log_import(newer, "https://stara.example.org/aktualnosci/2")
    log_import(published, "001.txt")
    html = panel_html(dashboard(client, editor), "szkice-z-importu")
    assert html.index("Nowszy artykuł") < html.index("Stary artykuł")
    assert f'href="/admin/pages/{older.pk}/edit/"' in html
    assert "Już opublikowany" not in html and ordinary.title not in html


def test_imported_drafts_show_in_page_history_in_polish(client, site_tree, editor):
    page = add_page(site_tree.home, StandardPage(title="Import", slug="i"), False)
    log_import(page, "000.txt")
    client.force_login(editor)
    html = client.get(f"/admin/pages/{page.pk}/history/").content.decode()
    assert "Zaimportowano z 000.txt" in html


def test_imported_drafts_run_the_same_queries_for_one_or_many(site_tree, editor):
    pages = [
        add_page(site_tree.home, StandardPage(title=f"Import {n}", slug=f"i{n}"), False)
        for n in range(12)
    ]
    log_import(pages[0], "0.txt")
    one = render_queries(ImportedDraftsPanel(), editor)
    for n, page in enumerate(pages[1:], start=1):
        log_import(page, f"{n}.txt")
    assert render_queries(ImportedDraftsPanel(), editor) == one
    assert len(ImportedDraftsPanel().get_rows(None)) == 10


@pytest.fixture
def visits(site_tree):
    index = add_page(site_tree.home, VisitIndexPage(title="Wizyty studyjne", slug="wizyty"))
    today = timezone.localdate()

    def make(title, days, publish=True):
        start = today + datetime.timedelta(days=days)
        visit = VisitPage(title=title, slug=f"w{days}", start_date=start, end_date=start)
        return add_page(index, visit, publish=publish)

    return make


def test_upcoming_visits_soonest_first_with_drafts_without_past(client, site_tree, editor, visits):
    visits("Wizyta miniona", -3)
    visits("Wizyta za tydzień", 7)
    visits("Wizyta dziś", 0, publish=False)
    for days in range(20, 24):
        visits(f"Wizyta za {days} dni", days)
    html = panel_html(dashboard(client, editor), "najblizsze-wizyty")
    titles = re.findall(r'/edit/">([^<]+)</a>', html)
    assert titles == [
        "Wizyta dziś",
        "Wizyta za tydzień",
        "Wizyta za 20 dni",
        "Wizyta za 21 dni",
        "Wizyta za 22 dni",
    ]
    assert "szkic" in html


def test_upcoming_visits_run_the_same_queries_for_one_or_many(site_tree, editor, visits):
    visits("Pierwsza", 1)
    one = render_queries(UpcomingVisitsPanel(), editor)
    visits("Druga", 2)
    visits("Trzecia", 3)
    assert render_queries(UpcomingVisitsPanel(), editor) == one


def test_imported_drafts_show_the_importers_warnings(client, site_tree, editor):
    page = add_page(site_tree.home, StandardPage(title="Z importu", slug="z"), False)
    ImportRecord.objects.create(
        source_key="k",
        content_hash="0" * 64,
        source_path="000.txt",
        page=page,
        warnings=["brak daty", "nieznana miejscowość"],
    )
    html = panel_html(dashboard(client, editor), "szkice-z-importu")
    assert "Z importu" in html and "2 uwagi do sprawdzenia" in html
