"""One page of a long list, and the links to the others (templates/includes/pagination.html):
the same for Aktualności, the visit archive and search."""

import re

from django.core.paginator import EmptyPage, Paginator
from django.http import Http404, QueryDict

PAGE_NUMBER = re.compile(r"[0-9]{1,9}")


def page_number(raw):
    """The requested page number; anything but ASCII digits means page 1 (`int()` would also
    take "٣" or " 3", and `str.isdigit()` "²", which `int()` refuses)."""
    raw = raw or ""
    if not PAGE_NUMBER.fullmatch(raw):
        return 1
    return max(int(raw), 1)


def paginate(entries, raw_page, per_page):
    """One page of `entries`; a page past the end is a 404, never a 500."""
    paginator = Paginator(entries, per_page)
    try:
        return paginator.page(page_number(raw_page))
    except EmptyPage as error:
        raise Http404("Nie ma takiej strony listy.") from error


def pagination_links(request, page, keep=None):
    """The links of the pagination include: Django's elided page range (the first and the last
    page, two on each side of the current one), each keeping the request's query parameters —
    all of them, or only the non-empty ones named in `keep`."""
    paginator = page.paginator
    if paginator.num_pages < 2:
        return None
    if keep is None:
        params = request.GET.copy()
    else:
        params = QueryDict(mutable=True)
        params.update({key: request.GET[key] for key in keep if request.GET.get(key)})

    def url(number):
        params.pop("page", None)
        if number > 1:
            params["page"] = number
        query = params.urlencode()
        return f"?{query}" if query else request.path

    links = [
        {"gap": True}
        if number == paginator.ELLIPSIS
        else {"number": number, "url": url(number), "current": number == page.number}
        for number in paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1)
    ]
    return {
        "links": links,
        "previous_url": url(page.number - 1) if page.has_previous() else None,
        "next_url": url(page.number + 1) if page.has_next() else None,
    }
