"""`generate_content` writes pages in bulk: they must be as valid as pages added one by one."""

import datetime
import io

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Page

from tests.factories import (
    make_image,
    make_news_index,
    make_news_page,
    make_visit,
    make_visit_index,
)
from tests.factories import visit_stop as stop
from visits.generated import generate
from visits.models import VisitPage, VisitStop

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree(site_tree):
    """An archive and a news list that already hold a page each (the generator appends)."""
    for number in range(6):  # the generator's photos, small so the test stays fast
        make_image(f"Zdjęcie z wizyty {number}", size=(64, 48))
    visits = make_visit_index(site_tree.home)
    news = make_news_index(site_tree.home)
    make_visit(
        visits, "Wizyta dodana ręcznie", stops=[stop("CUS w Rawiczu", "Rawicz", "wielkopolskie")]
    )
    make_news_page(news, "Aktualność dodana ręcznie", publication_date=datetime.date(2024, 5, 1))
    return site_tree, visits, news


def test_generated_pages_form_a_valid_tree(tree, client):
    _site, visits, news = tree
    assert generate(25) == {"visits": 25, "news": 25}
    assert Page.find_problems() == ([], [], [], [], [])
    visits.refresh_from_db()
    news.refresh_from_db()
    assert visits.numchild == visits.get_children().count() == 26
    assert news.numchild == news.get_children().count() == 26
    # Appended after the existing child, in order, and published without revisions.
    children = list(visits.get_children().specific())
    assert children[0].title == "Wizyta dodana ręcznie"
    assert all(page.live and not page.has_unpublished_changes for page in children)
    assert [page.path for page in children] == sorted(page.path for page in children)


def test_generated_pages_are_served_and_indexed_like_others(tree, client):
    _site, visits, _news = tree
    generate(10, seed=7)
    visit = VisitPage.objects.child_of(visits).exclude(title="Wizyta dodana ręcznie").last()
    response = client.get(visit.url)
    assert response.status_code == 200
    assert visit.title in response.content.decode()
    # The archive filters read the stop index, filled for every generated stop.
    stops = VisitStop.objects.filter(page=visit).order_by("position")
    assert [s.heading for s in stops] == [
        block.value["heading"] for block in visit.body if block.block_type == "stop"
    ]
    town = stops[0].town
    archive = client.get(visits.url, {"miejscowosc": town}).content.decode()
    assert visit.title in archive
    # The list card shows the first photo when there is one.
    photographed = [p for p in VisitPage.objects.exclude(card_image=None) if p.first_body_image()]
    assert photographed
    assert all(page.card_image_id == page.first_body_image().pk for page in photographed)


def test_generate_content_command_then_update_index_finds_them(tree, client):
    call_command("generate_content", "5", stdout=io.StringIO())
    call_command("update_index", stdout=io.StringIO())
    html = client.get("/szukaj/", {"q": "aktualnosc nr 3"}).content.decode()
    assert "Aktualność nr 3:" in html


def test_generate_content_without_the_demo_site_says_so_in_one_line():
    """A fresh database: the default site's root is Wagtail's placeholder page."""
    with pytest.raises(CommandError, match=r"Najpierw uruchom `manage\.py load_demo`"):
        call_command("generate_content", "2", stdout=io.StringIO())
    assert not VisitPage.objects.exists()
