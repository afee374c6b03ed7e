"""Each page type only where it belongs, and the singletons only once."""

import pytest

from home.models import AccessibilityStatementPage, HomePage, SitemapPage, StandardPage
from news.models import ListedPage, NewsIndexPage, NewsPage
from tests.factories import make_news_index, make_visit_index
from visits.models import VisitIndexPage, VisitPage

pytestmark = pytest.mark.django_db


def creatable_children(parent):
    return {
        model.__name__
        for model in parent.specific_class.creatable_subpage_models()
        if model.can_create_at(parent)
    }


def test_home_page_offers_sections_and_information_pages(site_tree):
    children = creatable_children(site_tree.home)
    assert {"StandardPage", "NewsIndexPage", "VisitIndexPage"} <= children
    # The statement and the site map exist already: one of each.
    assert "AccessibilityStatementPage" not in children
    assert "SitemapPage" not in children
    assert "NewsPage" not in children and "VisitPage" not in children
    assert "HomePage" not in children


def test_sections_are_single_and_hold_only_their_entries(site_tree):
    news_index = make_news_index(site_tree.home)
    visit_index = make_visit_index(site_tree.home)
    home_children = creatable_children(site_tree.home)
    assert "NewsIndexPage" not in home_children
    assert "VisitIndexPage" not in home_children
    assert creatable_children(news_index) == {"NewsPage"}
    assert creatable_children(visit_index) == {"VisitPage"}


def test_entries_and_singletons_take_no_children(site_tree):
    for page in (site_tree.statement, site_tree.sitemap):
        assert creatable_children(page) == set()
    assert creatable_children(site_tree.standard) == {"StandardPage"}


def test_page_types_allowed_parents():
    assert NewsPage.allowed_parent_page_models() == [NewsIndexPage]
    assert VisitPage.allowed_parent_page_models() == [VisitIndexPage]
    assert set(StandardPage.allowed_parent_page_models()) == {HomePage, StandardPage}
    for singleton in (AccessibilityStatementPage, SitemapPage, NewsIndexPage, VisitIndexPage):
        assert singleton.allowed_parent_page_models() == [HomePage]
    assert not ListedPage.is_creatable


def test_second_home_page_cannot_be_created(site_tree):
    assert not HomePage.can_create_at(site_tree.home.get_parent())
