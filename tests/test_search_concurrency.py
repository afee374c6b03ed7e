"""Searching never fails because it writes: 16 readers at once on the SQLite default.

Each first-page search records a hit for the editors' search-terms report, a write; under
concurrent readers SQLite used to answer "database is locked" and the reader got a 503. Here
gunicorn (production settings, two workers of two threads) serves a SQLite file of its own
while 16 threads search, most of them for words nobody asked before (new rows to write).
"""

import os
import sqlite3
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests
from django.db import connection

from tests.services import manage
from tests.test_faults import start_gunicorn, stop_gunicorn

pytestmark = pytest.mark.faults

READERS = 16
SEARCHES_EACH = 12
WORDS = ["rawicz", "spółdzielnia socjalna", "wizyta 2021", "centrum usług", "jarocin", "cus"]


@pytest.fixture
def sqlite_site(tmp_path):
    if connection.vendor != "sqlite":
        pytest.skip("SQLite's locking: runs in the SQLite pass")
    database = tmp_path / "site.sqlite3"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "kronika.settings.dev",
        "DATABASE_URL": f"sqlite:///{database}",
        "MEDIA_ROOT": str(tmp_path / "media"),
    }
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, code="from tests.factories import build_public_site; build_public_site()")
    return database


def test_concurrent_searches_on_sqlite_all_answer_and_count(sqlite_site, tmp_path):
    server = start_gunicorn(tmp_path, database=f"sqlite:///{sqlite_site}")
    try:

        def reader(n):
            statuses = []
            for m in range(SEARCHES_EACH):
                words = WORDS[m % len(WORDS)] if m % 3 == 0 else f"czytelnik{n} pytanie{m}"
                response = requests.get(f"{server.url}/szukaj/", params={"q": words}, timeout=30)
                statuses.append(response.status_code)
            return statuses

        with ThreadPoolExecutor(READERS) as pool:
            statuses = [status for result in pool.map(reader, range(READERS)) for status in result]
    finally:
        stop_gunicorn(server)
    assert statuses == [200] * READERS * SEARCHES_EACH, server.log.read_text()[-3000:]
    with sqlite3.connect(sqlite_site) as db:
        (recorded,) = db.execute(
            "SELECT COALESCE(SUM(hits), 0) FROM wagtailsearchpromotions_querydailyhits"
        ).fetchone()
    # Hits are best-effort: a few may be lost to the lock, never most of them.
    assert recorded >= 0.9 * READERS * SEARCHES_EACH
