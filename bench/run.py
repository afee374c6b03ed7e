"""`make bench`: SQL queries, median server render time and HTML size of the public pages.

Builds a throwaway SQLite database in a temp dir (unless DATABASE_URL is set), loads the demo
content and measures each entry of PAGES with Django's test Client. To add a row, append
(label, function returning the URL) to PAGES.
"""

import os
import statistics
import sys
import tempfile
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
WORKDIR = tempfile.mkdtemp(prefix="kronika-bench-")
os.environ.setdefault("DATABASE_URL", f"sqlite:///{WORKDIR}/bench.sqlite3")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kronika.settings.test")
warnings.filterwarnings("ignore", message="No directory at")

import django  # noqa: E402

django.setup()

from common import update_results  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, reset_queries  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402

WARM_REQUESTS = 25  # per page; 25 more cost ~18 s of make bench (sitemap.xml, the calendar)
RESULTS = ROOT / "bench" / "results.json"


def news_list_url():
    from news.models import NewsIndexPage

    return NewsIndexPage.objects.live().first().url


def article_with_gallery_url():
    from news.models import NewsPage

    for page in NewsPage.objects.live().order_by("-publication_date"):
        if any(block.block_type == "gallery" for block in page.body):
            return page.url
    raise LookupError("the demo content has no article with a gallery")


def article_without_gallery_url():
    from news.models import NewsPage

    for page in NewsPage.objects.live().order_by("-publication_date"):
        if not any(block.block_type == "gallery" for block in page.body):
            return page.url
    raise LookupError("the demo content has no article without a gallery")


def visit_with_most_stops_url():
    from visits.models import VisitPage

    return max(VisitPage.objects.live(), key=lambda page: len(page.stops)).url


def generated_visit_archive_url(query=""):
    """The archive over 1,000 generated visits (and news), added once, after the news rows."""
    from visits.generated import generate
    from visits.models import VisitIndexPage, VisitPage

    if VisitPage.objects.count() < 1000:
        generate(1000)
    return VisitIndexPage.objects.live().first().url + query


# (label, function returning the URL); other apps add their pages here.
PAGES = [
    ("Strona główna", lambda: "/"),
    ("Aktualności (lista)", news_list_url),
    ("Aktualności, strona 2", lambda: news_list_url() + "?page=2"),
    ("Artykuł", article_without_gallery_url),
    ("Artykuł z galerią", article_with_gallery_url),
    ("Kanał RSS", lambda: "/aktualnosci/rss/"),
    ("Wizyta (5 punktów)", visit_with_most_stops_url),
    ("Wizyty (demo)", lambda: "/wizyty-studyjne/"),
    # The rows below run over 1,000 generated visits; they stay last so earlier rows are unchanged.
    ("Wizyty ×1000", generated_visit_archive_url),
    (
        "Wizyty ×1000, 3 filtry",
        lambda: generated_visit_archive_url("?rok=2022&wojewodztwo=wielkopolskie&rodzaj=cus"),
    ),
    ("Wizyty ×1000, miasto s.2", lambda: generated_visit_archive_url("?miejscowosc=lodz&page=2")),
    ("Kalendarz wizyt (.ics)", lambda: "/wizyty-studyjne/kalendarz.ics"),
    ("Strona zwykła (O nas)", lambda: standard_page_url()),
    ("Deklaracja dostępności", lambda: page_url_of("home.AccessibilityStatementPage")),
    ("Mapa strony", lambda: page_url_of("home.SitemapPage")),
    ("Kanał Atom", lambda: "/aktualnosci/atom/"),
    ("sitemap.xml", lambda: "/sitemap.xml"),
    ("Szukaj (bez zapytania)", lambda: "/szukaj/"),
    # Search over the same generated content (appended last, see above).
    ("Szukaj: Rawicz", lambda: generated_visit_archive_url() and "/szukaj/?q=Rawicz"),
    ("Szukaj: spoldzielnia socjalna", lambda: "/szukaj/?q=spoldzielnia+socjalna"),
    ("Szukaj: 2021, wg daty", lambda: "/szukaj/?q=wizyty+studyjne+2021&sort=date"),
    ("Szukaj: filtry, strona 2", lambda: "/szukaj/?q=osrodek+pomocy&typ=visit&page=2"),
    ("Podpowiedzi: wiz", lambda: "/szukaj/podpowiedzi/?q=wiz"),
]


def page_url_of(model_label):
    from django.apps import apps

    return apps.get_model(model_label).objects.live().first().url


def standard_page_url():
    return page_url_of("home.StandardPage")


def load_content():
    from home import demo

    call_command("migrate", verbosity=0, interactive=False)
    demo.load()


def measure(client, url):
    response = client.get(url)  # the first request may generate renditions
    if response.status_code != 200:
        raise RuntimeError(f"{url} answered {response.status_code}")
    reset_queries()  # the log is a bounded deque, full after loading the content
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    query_count = len(queries)  # read now: the next request resets the query log
    timings = []
    for _ in range(WARM_REQUESTS):
        start = time.perf_counter()
        client.get(url)
        timings.append((time.perf_counter() - start) * 1000)
    return {
        "url": url,
        "queries": query_count,
        "median_ms": round(statistics.median(timings), 2),
        "html_bytes": len(response.content),
    }


def main():
    setup_test_environment()
    load_content()
    client = Client()
    rows = []
    for label, url_of in PAGES:
        rows.append({"page": label, **measure(client, url_of())})
    print(f"{'Strona':<26} {'SQL':>4} {'mediana ms':>11} {'HTML B':>8}  URL")
    for row in rows:
        print(
            f"{row['page']:<26} {row['queries']:>4} {row['median_ms']:>11.2f} "
            f"{row['html_bytes']:>8}  {row['url']}"
        )
    update_results(
        "in_process", {"warm_requests": WARM_REQUESTS, "database": connection.vendor, "pages": rows}
    )
    print(f"\nZapisano {RESULTS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
