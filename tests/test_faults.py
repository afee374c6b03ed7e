"""What readers and editors get when what the site stands on fails, and that it comes back.

The PostgreSQL and Redis tests run the real thing — gunicorn with the production settings and
two workers on a free local port — against a Redis of their own (tests/services.py) and the
test database, which they close to connections (`ALLOW_CONNECTIONS false`) instead of stopping
the machine's PostgreSQL. They need PostgreSQL (DATABASE_URL) as a superuser; elsewhere they
skip, unless KRONIKA_REQUIRE_FAULTS is set (CI), where a skip is a failure. The full-disk test
runs everywhere: it only swaps the storage's save for one that raises ENOSPC.
"""

import errno
import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path
from types import SimpleNamespace

import psycopg
import pytest
import requests
from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from wagtail.images import get_image_model
from wagtail.models import Collection

from foundation.caching.redis import SKIP_SECONDS
from tests.factories import build_public_site, make_user
from tests.services import free_port, require, start_redis, stop_redis

BASE_DIR = Path(settings.BASE_DIR)
# A change must reach every reader within this many seconds after the call that made it
# returned (the README's bound: KRONIKA_CONTENT_VERSION_SECONDS, plus a render in flight).
CHANGE_BOUND_SECONDS = 2


def database_url(name=None):
    db = connection.settings_dict
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    return (
        f"postgres://{db['USER']}{password}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/"
        f"{name or db['NAME']}"
    )


@pytest.fixture
def postgres():
    require(connection.vendor == "postgresql", "needs PostgreSQL: set DATABASE_URL=postgres://…")


def start_gunicorn(tmp_path, redis_url="", database=None):
    """gunicorn on production settings (static files unhashed: no collectstatic needed), on
    `database` (a DATABASE_URL) or the test database."""
    (tmp_path / "faults_settings.py").write_text(
        textwrap.dedent(
            """
            from kronika.settings.production import *  # noqa: F403
            from kronika.settings.production import STORAGES

            STORAGES = {
                **STORAGES,
                "staticfiles": {
                    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
                },
            }
            """
        )
    )
    port = free_port()
    log = tmp_path / "gunicorn.log"
    env = {
        **os.environ,
        "PYTHONPATH": f"{tmp_path}{os.pathsep}{BASE_DIR}",
        "DJANGO_SETTINGS_MODULE": "faults_settings",
        "SECRET_KEY": "faults-test-secret-key-that-is-long-enough-0123456789-abcdefghij",
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "0",
        "DATABASE_URL": database or database_url(),
        "REDIS_URL": redis_url,
    }
    process = subprocess.Popen(
        [
            str(Path(sys.executable).parent / "gunicorn"),
            "kronika.wsgi",
            "--config",
            str(BASE_DIR / "gunicorn.conf.py"),
            "--workers",
            "2",
            "--bind",
            f"127.0.0.1:{port}",
            "--timeout",
            "30",
            "--graceful-timeout",
            "3",
        ],
        cwd=BASE_DIR,
        env=env,
        stdout=log.open("w"),
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if requests.get(url + "/healthz", timeout=2).status_code == 200:
                return SimpleNamespace(process=process, url=url, log=log)
        except requests.RequestException:
            pass
        if process.poll() is not None:
            break
        time.sleep(0.3)
    process.terminate()
    pytest.fail("gunicorn did not start:\n" + log.read_text()[-3000:])


def stop_gunicorn(server):
    server.process.terminate()
    try:
        server.process.wait(10)
    except subprocess.TimeoutExpired:
        server.process.kill()
        server.process.wait(5)


@pytest.fixture
def site_in_database(transactional_db, postgres):
    """Committed content the gunicorn workers can see; our own connection is renewed after."""
    if not Collection.objects.filter(depth=1).exists():
        Collection.add_root(name="Root")
    site = build_public_site()
    yield site
    connection.close()


@pytest.fixture
def served(site_in_database, tmp_path):
    """gunicorn in front of the site, with a Redis of its own."""
    redis_server = start_redis(tmp_path)
    server = start_gunicorn(tmp_path, redis_url=redis_server.url)
    yield SimpleNamespace(site=site_in_database, redis=redis_server, **vars(server))
    stop_gunicorn(server)
    stop_redis(redis_server)


def public_urls(site):
    """Every URL of the site map, the lists' views, the feeds and a search."""
    return [
        "/",
        site.news_index.url,
        f"{site.news_index.url}2021/",
        site.article.url,
        site.visit_index.url,
        site.visit.url,
        "/aktualnosci/rss/",
        "/aktualnosci/atom/",
        "/wizyty-studyjne/kalendarz.ics",
        "/sitemap.xml",
        "/szukaj/?q=rawicz",
        "/mapa-strony/",
        "/deklaracja-dostepnosci/",
        "/nie-ma-takiej-strony/",
    ]


READERS = {"anonymous": {}, "session cookie": {"sessionid": "nieznana"}}


def fetch_all(url, paths):
    """{(reader, path): (status, text, seconds)} for an anonymous reader and a session cookie."""
    answers = {}
    for reader, cookies in READERS.items():
        for path in paths:
            start = time.monotonic()
            response = requests.get(url + path, cookies=cookies, timeout=15)
            answers[reader, path] = (
                response.status_code,
                response.text,
                time.monotonic() - start,
            )
    return answers


def showing(answers, text):
    return sorted(key for key, (_, body, _) in answers.items() if text in body)


@pytest.mark.faults
def test_unpublish_reaches_every_reader_while_redis_is_paused(served):
    site, title = served.site, "Spółdzielnia socjalna w Rawiczu"
    paths = public_urls(site)
    for _ in range(2):  # every cache filled: pages, fragments, search, shell
        assert showing(fetch_all(served.url, paths), title)
    served.redis.cli("client", "pause", "6000")
    site.article.unpublish()
    time.sleep(CHANGE_BOUND_SECONDS)
    answers = fetch_all(served.url, paths)
    assert showing(answers, title) == []
    assert answers["anonymous", site.article.url][0] == 404
    assert {status for status, _, _ in answers.values()} <= {200, 404}


@pytest.mark.faults
def test_a_changed_title_reaches_every_reader_while_redis_is_paused(served):
    site, old, new = served.site, "Spółdzielnia socjalna w Rawiczu", "Spółdzielnia Smak Bistro"
    paths = public_urls(site)
    for _ in range(2):
        fetch_all(served.url, paths)
    served.redis.cli("client", "pause", "6000")
    site.article.title = new
    site.article.save_revision().publish()
    time.sleep(CHANGE_BOUND_SECONDS)
    answers = fetch_all(served.url, paths)
    # The lead and body still say "Lead: <old title>." — only the title itself changed.
    assert showing(answers, f">{old}<") == []
    assert showing(answers, f"<title>{old}") == []
    for reader in READERS:
        for path in (
            "/",
            site.news_index.url,
            site.article.url,
            "/aktualnosci/rss/",
            "/szukaj/?q=rawicz",
        ):
            assert new in answers[reader, path][1], (reader, path)


@pytest.mark.faults
def test_a_paused_or_full_redis_costs_no_500_and_no_stall(served):
    paths = public_urls(served.site)
    fetch_all(served.url, paths)
    before = fetch_all(served.url, paths)
    served.redis.cli("client", "pause", "5000")
    paused = fetch_all(served.url, paths)
    served.redis.cli("client", "unpause")
    time.sleep(SKIP_SECONDS + 0.5)  # the workers skip Redis for a while after the pause
    served.redis.cli("flushall")  # every page must be stored again, and cannot be
    served.redis.cli("config", "set", "maxmemory-policy", "noeviction")
    served.redis.cli("config", "set", "maxmemory", "1")
    full = fetch_all(served.url, paths)
    for answers in (paused, full):
        assert {key: status for key, (status, _, _) in answers.items() if status >= 500} == {}
    extra = max(paused[key][2] - before[key][2] for key in paused)
    print(f"the slowest request while Redis was paused took {extra:.2f} s more")
    assert extra < 1.0
    log = served.log.read_text()
    assert "Redis unavailable" in log
    assert "Redis is full" in log


def set_connections(allowed):
    """Open or close the test database to new connections, and end the open ones."""
    name = connection.settings_dict["NAME"]
    with psycopg.connect(database_url("postgres"), autocommit=True) as admin:
        admin.execute(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS {str(allowed).lower()}')
        if not allowed:
            admin.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = %s AND pid <> pg_backend_pid()",
                [name],
            )


@pytest.mark.faults
def test_database_unavailable_gives_the_polish_503_on_every_url(served):
    paths = public_urls(served.site)
    for _ in range(2):
        fetch_all(served.url, paths)
    connection.close()
    set_connections(False)
    try:
        time.sleep(CHANGE_BOUND_SECONDS)  # cached pages may be served until the version is due
        down = fetch_all(served.url, paths)
        health = requests.get(served.url + "/healthz", timeout=10).status_code
    finally:
        set_connections(True)
    statuses = {key: status for key, (status, _, _) in down.items()}
    assert set(statuses.values()) == {503}, statuses
    assert all("Serwis jest chwilowo niedostępny" in body for _, body, _ in down.values())
    assert health == 503
    deadline = time.monotonic() + 20
    while requests.get(served.url + "/", timeout=10).status_code != 200:
        assert time.monotonic() < deadline, "the site did not come back"
        time.sleep(0.5)
    assert set(status for status, _, _ in fetch_all(served.url, paths).values()) <= {200, 404}


@pytest.mark.django_db(transaction=True)
def test_full_disk_refuses_the_upload_in_polish_and_the_page_stays_editable(client, monkeypatch):
    """Transactional, as in production: no test-wide transaction hides what a request leaves."""
    from tests.factories import build_site_tree, make_news_index

    if not Collection.objects.filter(depth=1).exists():
        Collection.add_root(name="Root")
    index = make_news_index(build_site_tree().home)
    client.force_login(make_user("redaktorka", superuser=True))
    client.raise_request_exception = False

    def disk_full(self, name, content):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(FileSystemStorage, "_save", disk_full)
    upload = SimpleUploadedFile("zdjecie.png", _png(), "image/png")
    response = client.post(
        "/admin/images/add/",
        {
            "title": "Zdjęcie",
            "file": upload,
            "description": "Uczestnicy wizyty",
            "collection": Collection.get_first_root_node().pk,
            "tags": "",
        },
    )
    assert response.status_code == 507
    assert "zabrakło miejsca na dysku" in response.content.decode()
    assert not get_image_model().objects.exists()
    ajax = client.post(
        "/admin/images/multiple/add/",
        {"files[]": SimpleUploadedFile("b.png", _png(), "image/png")},
        headers={"x-requested-with": "XMLHttpRequest"},
    )
    assert ajax.status_code == 507
    assert "zabrakło miejsca" in ajax.json()["error_message"]
    assert not get_image_model().objects.exists()
    assert client.get(f"/admin/pages/{index.pk}/edit/").status_code == 200
    monkeypatch.undo()
    assert client.get(f"/admin/pages/{index.pk}/edit/").status_code == 200


def _png():
    import io

    from PIL import Image as PILImage

    buffer = io.BytesIO()
    PILImage.new("RGB", (32, 32), "green").save(buffer, "PNG")
    return buffer.getvalue()
