"""What readers and editors get when what the site stands on fails, and that it comes back.

The PostgreSQL and Redis tests run the real thing — gunicorn with the production settings and
two workers on a free local port, under a bounded load from a thread pool — and restart or stop
the service underneath it. They need PostgreSQL (DATABASE_URL) and root; elsewhere they skip,
unless KRONIKA_REQUIRE_FAULTS is set (CI), where a skip is a failure. The full-disk test runs
everywhere: it only swaps the storage's save for one that raises ENOSPC.
"""

import errno
import os
import shutil
import socket
import subprocess
import sys
import textwrap
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from types import SimpleNamespace

import pytest
import requests
from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from wagtail.images import get_image_model
from wagtail.models import Collection

from tests.factories import build_public_site, make_user

BASE_DIR = Path(settings.BASE_DIR)
PATHS = [
    "/",
    "/aktualnosci/",
    "/aktualnosci/spoldzielnia-socjalna-w-rawiczu/",
    "/wizyty-studyjne/",
    "/wizyty-studyjne/wizyta-studyjna-w-jarocinie/",
    "/szukaj/?q=rawicz",
]
REDIS_START = [
    "redis-server",
    "--daemonize",
    "yes",
    "--bind",
    "127.0.0.1",
    "-::1",
    "--port",
    "6379",
    "--save",
    "",
    "--appendonly",
    "no",
    "--dir",
    "/var/lib/redis",
    "--logfile",
    "/var/log/redis/ci.log",
]


def require(condition, reason):
    if condition:
        return
    if os.environ.get("KRONIKA_REQUIRE_FAULTS"):
        pytest.fail(reason)
    pytest.skip(reason)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def database_url():
    db = connection.settings_dict
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    return (
        f"postgres://{db['USER']}{password}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/"
        f"{db['NAME']}"
    )


@pytest.fixture
def postgres_and_root():
    require(connection.vendor == "postgresql", "needs PostgreSQL: set DATABASE_URL=postgres://…")
    require(hasattr(os, "geteuid") and os.geteuid() == 0, "needs root to restart services")
    require(shutil.which("pg_ctlcluster"), "needs pg_ctlcluster (Debian's PostgreSQL)")
    require(shutil.which("gunicorn") or (Path(sys.executable).parent / "gunicorn").exists(), "")


def start_gunicorn(tmp_path, redis_url=""):
    """gunicorn on production settings (static files unhashed: no collectstatic needed)."""
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
        "DATABASE_URL": database_url(),
        "REDIS_URL": redis_url,
    }
    process = subprocess.Popen(
        [
            str(Path(sys.executable).parent / "gunicorn"),
            "kronika.wsgi",
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
def site_in_database(transactional_db, postgres_and_root):
    """Committed content the gunicorn workers can see; our own connection is renewed after."""
    if not Collection.objects.filter(depth=1).exists():
        Collection.add_root(name="Root")
    build_public_site()
    yield
    connection.close()


def load(url, seconds, fault_at=None, fault=None, workers=4):
    """Requests from a thread pool for `seconds`; `fault()` runs `fault_at` seconds in."""
    results = []
    start = time.monotonic()
    stop = start + seconds

    def worker(number):
        session = requests.Session()
        n = number
        while time.monotonic() < stop:
            path = PATHS[n % len(PATHS)]
            n += 1
            moment = time.monotonic() - start
            try:
                response = session.get(url + path, timeout=10)
                results.append(
                    (moment, response.status_code, response.headers.get("Retry-After"), response)
                )
            except requests.RequestException as error:
                results.append((moment, "error", None, error))
            time.sleep(0.05)

    with ThreadPoolExecutor(workers) as pool:
        futures = [pool.submit(worker, n) for n in range(workers)]
        if fault:
            time.sleep(fault_at)
            fault()
        for future in futures:
            future.result()
    return sorted(results, key=lambda row: row[0])


def postgresql_version():
    """The local cluster's version (the folder under /etc/postgresql), e.g. "15"."""
    return sorted(os.listdir("/etc/postgresql"))[-1]


@pytest.mark.faults
def test_postgresql_restart_gives_polish_503_then_recovers(site_in_database, tmp_path):
    server = start_gunicorn(tmp_path)
    restarted = {}

    def restart_postgresql():
        restarted["at"] = time.monotonic()
        subprocess.run(
            ["pg_ctlcluster", "--skip-systemctl-redirect", postgresql_version(), "main", "restart"],
            check=True,
            capture_output=True,
        )
        restarted["took"] = time.monotonic() - restarted["at"]

    try:
        results = load(server.url, 15, fault_at=3, fault=restart_postgresql)
        assert server.process.poll() is None, "gunicorn died"
    finally:
        stop_gunicorn(server)
    statuses = {status for _, status, _, _ in results}
    assert statuses <= {200, 503}, (statuses, server.log.read_text()[-3000:])
    failures = [row for row in results if row[1] != 200]
    print(f"{len(results)} requests, {len(failures)} answered 503, restart took {restarted}")
    for _, _, retry_after, response in failures:
        assert retry_after == "30"
        assert "Serwis jest chwilowo niedostępny" in response.text
    if failures:
        window = failures[-1][0] - failures[0][0]
        assert window < 8, f"failed for {window:.1f} s"
    recovered = [row for row in results if row[0] > results[-1][0] - 3]
    assert recovered and all(status == 200 for _, status, _, _ in recovered)
    assert sum(1 for _, status, _, _ in results if status == 200) > 50


def redis_available():
    try:
        return (
            subprocess.run(
                ["redis-cli", "ping"], capture_output=True, text=True, timeout=5
            ).stdout.strip()
            == "PONG"
        )
    except (OSError, subprocess.TimeoutExpired):
        return False


@pytest.mark.faults
def test_redis_outage_keeps_serving_uncached_and_logs_it(site_in_database, tmp_path):
    require(shutil.which("redis-server") and shutil.which("redis-cli"), "needs redis-server")
    require(redis_available(), "needs Redis on 127.0.0.1:6379")
    require(Path("/var/lib/redis").is_dir(), "needs /var/lib/redis to restart Redis in")
    server = start_gunicorn(tmp_path, redis_url="redis://127.0.0.1:6379/15")

    def outage():
        subprocess.run(["redis-cli", "shutdown", "nosave"], capture_output=True)
        time.sleep(4)
        Path("/var/log/redis").mkdir(parents=True, exist_ok=True)
        subprocess.run(REDIS_START, check=True, capture_output=True)

    try:
        results = load(server.url, 12, fault_at=2, fault=outage)
        assert server.process.poll() is None, "gunicorn died"
    finally:
        stop_gunicorn(server)
        if not redis_available():
            subprocess.run(REDIS_START, capture_output=True)
    statuses = {status for _, status, _, _ in results}
    print(f"{len(results)} requests during the Redis outage: {statuses}")
    assert statuses == {200}, (statuses, server.log.read_text()[-3000:])
    assert "Redis unavailable" in server.log.read_text()
    assert redis_available()
    keys = subprocess.run(
        ["redis-cli", "-n", "15", "--scan", "--pattern", "kronika*"],
        capture_output=True,
        text=True,
    ).stdout
    assert keys.strip(), "the cache was not used again after Redis came back"


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
