"""No surprise drafts: a page exists only once saved, one's own drafts are on the dashboard, and
a live page's draft is discarded in one click, in Polish."""

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from home.admin_panels import MyDraftsPanel
from home.models import StandardPage
from tests.factories import add_page, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(site_tree):
    return make_user("redaktorka", groups=["Redaktorzy"])


def panel_html(client, user):
    client.force_login(user)
    html = client.get("/admin/").content.decode()
    start = html.index('id="moje-szkice-section"')
    return html[start : html.index("</section>", start)]


def live_page_with_draft(home, editor, title="Zespół", slug="zespol"):
    page = add_page(home, StandardPage(title=title, slug=slug))
    page.title = f"{title} (zmiany)"
    page.save_revision(user=editor)
    page.refresh_from_db()
    return page


def test_opening_add_page_and_leaving_leaves_no_page_and_no_autosave(client, site_tree, editor):
    client.force_login(editor)
    pages = Page.objects.count()
    response = client.get(f"/admin/pages/add/home/standardpage/{site_tree.home.pk}/")
    assert response.status_code == 200
    assert "data-w-autosave-interval-value" not in response.content.decode()
    assert Page.objects.count() == pages


def test_editing_a_live_page_has_no_autosave(client, site_tree, editor):
    page = add_page(site_tree.home, StandardPage(title="Kontakt", slug="kontakt"))
    client.force_login(editor)
    html = client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert "data-w-autosave-interval-value" not in html
    assert "Odrzuć zmiany szkicu" not in html, "nothing to discard on a page without a draft"


def test_dashboard_lists_ones_own_unfinished_drafts(client, site_tree, editor):
    new = add_page(site_tree.home, StandardPage(title="Relacja z Rawicza", slug="r"), False)
    new.save_revision(user=editor)
    changed = live_page_with_draft(site_tree.home, editor)
    colleague = make_user("kolega", groups=["Redaktorzy"])
    theirs = add_page(site_tree.home, StandardPage(title="Szkic kolegi", slug="k"), False)
    theirs.save_revision(user=colleague)
    add_page(site_tree.home, StandardPage(title="Bez zmian", slug="b"))
    html = panel_html(client, editor)
    assert f'href="/admin/pages/{new.pk}/edit/">Relacja z Rawicza</a>' in html
    assert f'href="/admin/pages/{changed.pk}/edit/">Zespół (zmiany)</a>' in html
    assert "opublikowana, zmiany w szkicu" in html and "nieopublikowana" in html
    assert f'action="/admin/szkice/{changed.pk}/odrzuc/"' in html
    assert f'href="/admin/pages/{new.pk}/delete/"' in html
    assert "Szkic kolegi" not in html and "Bez zmian" not in html
    assert "Nie masz niedokończonych szkiców." in panel_html(client, make_user("trzecia"))


def test_discarding_from_the_dashboard_returns_the_page_to_its_published_version(
    client, site_tree, editor
):
    page = live_page_with_draft(site_tree.home, editor)
    client.force_login(editor)
    response = client.post(f"/admin/szkice/{page.pk}/odrzuc/", {"next": "/admin/"}, follow=True)
    assert response.redirect_chain[-1][0] == "/admin/"
    assert "Odrzucono zmiany szkicu „Zespół (zmiany)”" in response.content.decode()
    page.refresh_from_db()
    assert not page.has_unpublished_changes
    assert page.latest_revision_id == page.live_revision_id
    assert page.draft_title == "Zespół"
    edit = client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert 'value="Zespół"' in edit and "Zespół (zmiany)" not in edit
    assert "Zespół (zmiany)" not in panel_html(client, editor)
    history = client.get(f"/admin/pages/{page.pk}/history/").content.decode()
    assert "Odrzucono zmiany szkicu" in history


def test_the_edit_view_offers_discarding_a_live_pages_draft(client, site_tree, editor):
    page = live_page_with_draft(site_tree.home, editor)
    client.force_login(editor)
    html = client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert f'formaction="/admin/szkice/{page.pk}/odrzuc/"' in html
    assert "Odrzuć zmiany szkicu" in html
    response = client.post(f"/admin/szkice/{page.pk}/odrzuc/", {"next": "https://evil.example/"})
    assert response.url == f"/admin/pages/{page.pk}/edit/"


def test_a_draft_in_moderation_is_not_discarded(client, site_tree, editor):
    page = live_page_with_draft(site_tree.home, editor)
    page.get_workflow().start(page, editor)
    client.force_login(editor)
    response = client.post(f"/admin/szkice/{page.pk}/odrzuc/", follow=True)
    assert "Nie można odrzucić zmian „Zespół (zmiany)”" in response.content.decode()
    page.refresh_from_db()
    assert page.has_unpublished_changes
    assert client.get(f"/admin/szkice/{page.pk}/odrzuc/").status_code == 405


def test_my_drafts_panel_runs_the_same_queries_for_one_or_many(site_tree, editor):
    def queries():
        request = RequestFactory().get("/admin/")
        request.user = editor
        with CaptureQueriesContext(connection) as captured:
            MyDraftsPanel().render_html({"request": request, "csrf_token": "x"})
        return len(captured)

    live_page_with_draft(site_tree.home, editor, "Strona 0", "s0")
    one = queries()
    for n in range(1, 12):
        live_page_with_draft(site_tree.home, editor, f"Strona {n}", f"s{n}")
    assert queries() == one
