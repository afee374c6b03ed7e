"""The one pagination of Aktualności, the visit archive and search (foundation/pagination.py)."""

import pytest
from django.core.paginator import Paginator
from django.http import Http404
from django.test import RequestFactory

from foundation.pagination import page_number, paginate, pagination_links


def links(path, number, pages=20, keep=None):
    page = Paginator(range(pages), 1).page(number)
    found = pagination_links(RequestFactory().get(path), page, keep)
    return [link.get("url", "…") for link in found["links"]], found


def test_links_show_the_ends_and_two_on_each_side_of_the_current_page():
    urls, found = links("/aktualnosci/?tag=dps&page=10", 10)
    pages = [url.rsplit("page=", 1)[-1] if "page=" in url else url for url in urls]
    assert pages == ["?tag=dps", "…", "8", "9", "10", "11", "12", "…", "20"]
    assert found["previous_url"] == "?tag=dps&page=9" and found["next_url"] == "?tag=dps&page=11"


def test_kept_parameters_only_and_the_first_page_without_a_number():
    urls, _found = links("/szukaj/?q=cus&junk=1&typ=&page=2", 2, pages=3, keep=("q", "typ"))
    assert urls == ["?q=cus", "?q=cus&page=2", "?q=cus&page=3"]
    assert pagination_links(RequestFactory().get("/"), Paginator([1], 10).page(1)) is None


@pytest.mark.parametrize(("raw", "number"), [("3", 3), ("", 1), ("0", 1), ("٣", 1), (" 3", 1)])
def test_page_numbers_are_ascii_digits_or_the_first_page(raw, number):
    assert page_number(raw) == number


def test_a_page_past_the_end_is_not_found():
    with pytest.raises(Http404):
        paginate(list(range(5)), "2", per_page=5)
