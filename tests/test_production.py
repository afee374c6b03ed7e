"""Production configuration: gunicorn, WhiteNoise, PostgreSQL, Redis and the frontend cache."""

import gzip
import http.server
import json
import os
import runpy
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pytest

from tests.factories import make_news_index, make_news_page
from tests.test_settings import PRODUCTION_ENV, manage

ROOT = Path(__file__).resolve().parent.parent


def redis_reachable():
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=0.5).close()
    except OSError:
        return False
    return True


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def gunicorn_config(**env):
    saved = {name: os.environ.pop(name, None) for name in ("WEB_CONCURRENCY", "GUNICORN_BIND")}
    os.environ.update(env)
    try:
        return runpy.run_path(str(ROOT / "gunicorn.conf.py"))
    finally:
        for name in env:
            os.environ.pop(name, None)
        os.environ.update({k: v for k, v in saved.items() if v is not None})


def test_gunicorn_workers_follow_the_cpu_count_and_log_to_stdout(monkeypatch):
    monkeypatch.setattr("multiprocessing.cpu_count", lambda: 2)
    config = gunicorn_config()
    assert config["workers"] == 5
    assert config["worker_class"] == "gthread" and config["threads"] == 2
    assert config["accesslog"] == "-" and config["errorlog"] == "-"
    assert 30 <= config["timeout"] <= 120
    monkeypatch.setattr("multiprocessing.cpu_count", lambda: 32)
    assert gunicorn_config()["workers"] == 9, "capped: a worker holds 100+ MB"
    assert gunicorn_config(WEB_CONCURRENCY="3")["workers"] == 3


def production_settings(**env):
    """Settings of a production process started with the documented environment plus `env`."""
    code = (
        "import json; from django.conf import settings as s; print(json.dumps({"
        "'db': s.DATABASES['default'], 'caches': s.CACHES, 'storages': s.STORAGES,"
        "'frontend': s.WAGTAILFRONTENDCACHE, 'page_cache': s.KRONIKA_PAGE_CACHE_SECONDS,"
        "'whitenoise_max_age': s.WHITENOISE_MAX_AGE, 'tasks': s.TASKS,"
        "'docs_serve': getattr(s, 'WAGTAILDOCS_SERVE_METHOD', None)}, default=str))"
    )
    result = manage("shell", "-c", code, **{**PRODUCTION_ENV, **env})
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_production_defaults_persistent_checked_connections_and_manifest_static():
    settings = production_settings()
    assert settings["db"]["CONN_MAX_AGE"] == 60
    assert settings["db"]["CONN_HEALTH_CHECKS"] is True
    assert settings["storages"]["staticfiles"]["BACKEND"] == (
        "whitenoise.storage.CompressedManifestStaticFilesStorage"
    )
    assert settings["storages"]["default"]["BACKEND"].endswith("FileSystemStorage")
    assert settings["whitenoise_max_age"] >= 3600
    assert settings["page_cache"] == 0, "without Redis the page cache would be per process"
    assert settings["frontend"] == {}
    # Tasks wait in the database for the worker (deploy/systemd/kronika-tasks.service).
    assert settings["tasks"]["default"]["BACKEND"] == "django_tasks_db.DatabaseBackend"


def test_environment_selects_redis_s3_and_frontend_cache_purging():
    settings = production_settings(
        REDIS_URL="redis://127.0.0.1:6379/15",
        AWS_STORAGE_BUCKET_NAME="kronika-media",
        AWS_S3_ENDPOINT_URL="https://s3.example.pl",
        FRONTEND_CACHE_PURGE_URL="http://127.0.0.1:8080",
        CLOUDFLARE_BEARER_TOKEN="token",
        CLOUDFLARE_ZONE_ID="zone",
    )
    assert "Redis" in settings["caches"]["default"]["BACKEND"]
    assert settings["caches"]["default"]["LOCATION"] == "redis://127.0.0.1:6379/15"
    assert settings["page_cache"] == 600
    media = settings["storages"]["default"]
    assert media["BACKEND"] == "storages.backends.s3.S3Storage"
    assert media["OPTIONS"]["bucket_name"] == "kronika-media"
    assert media["OPTIONS"]["endpoint_url"] == "https://s3.example.pl"
    assert settings["docs_serve"] == "serve_view", "private documents must not redirect to S3"
    assert settings["frontend"]["http"]["LOCATION"] == "http://127.0.0.1:8080"
    assert settings["frontend"]["cloudflare"]["ZONEID"] == "zone"


def test_check_deploy_is_clean_with_redis():
    clean = manage("check", "--deploy", **PRODUCTION_ENV, REDIS_URL="redis://127.0.0.1:6379/15")
    assert clean.returncode == 0, clean.stderr
    assert "no issues" in clean.stdout


@pytest.mark.skipif(
    not redis_reachable(), reason="Redis is not running on 127.0.0.1:6379 (CI has it)"
)
def test_redis_is_the_cache_of_every_process():
    code = (
        "from django.core.cache import cache; cache.set('kronika-test-shared', 'tak', 30);"
        "print(type(cache).__name__, cache.get('kronika-test-shared'))"
    )
    env = {**PRODUCTION_ENV, "REDIS_URL": "redis://127.0.0.1:6379/15"}
    writer = manage("shell", "-c", code, **env)
    assert writer.returncode == 0, writer.stderr
    assert writer.stdout.split()[-1] == "tak"
    reader = manage(
        "shell",
        "-c",
        "from django.core.cache import cache; print(cache.get('kronika-test-shared'))",
        **env,
    )
    assert reader.stdout.split()[-1] == "tak", "another process must see the same cache"


@pytest.fixture(scope="module")
def gunicorn(tmp_path_factory):
    """gunicorn.conf.py serving the production settings, static files collected, on a free port."""
    static_root = tmp_path_factory.mktemp("static")
    database = tmp_path_factory.mktemp("db") / "kronika.sqlite3"
    env = {
        **{k: v for k, v in os.environ.items() if k not in PRODUCTION_ENV},
        **PRODUCTION_ENV,
        "DATABASE_URL": f"sqlite:///{database}",
        "STATIC_ROOT": str(static_root),
    }
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    collect = subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert collect.returncode == 0, collect.stderr
    port = free_port()
    env.update(GUNICORN_BIND=f"127.0.0.1:{port}", WEB_CONCURRENCY="1", ALLOWED_HOSTS="127.0.0.1")
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "kronika.wsgi"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            time.sleep(0.1)
    yield {"base": base, "static_root": static_root, "process": process}
    process.terminate()
    process.wait(timeout=30)


def fetch(url, **headers):
    request = urllib.request.Request(url, headers={"X-Forwarded-Proto": "https", **headers})
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.status, response.headers, response.read()


def test_gunicorn_serves_hashed_static_files_compressed_for_ten_years(gunicorn):
    manifest = json.loads((gunicorn["static_root"] / "staticfiles.json").read_text())
    hashed = manifest["paths"]["css/kronika.css"]
    assert hashed != "css/kronika.css"
    status, headers, body = fetch(
        f"{gunicorn['base']}/static/{hashed}", **{"Accept-Encoding": "gzip"}
    )
    assert status == 200
    assert headers["Content-Encoding"] == "gzip"
    assert "max-age=315360000" in headers["Cache-Control"]
    assert "immutable" in headers["Cache-Control"]
    assert b"{" in gzip.decompress(body)
    status, headers, _ = fetch(f"{gunicorn['base']}/static/css/kronika.css")
    assert "max-age=3600" in headers["Cache-Control"], "unhashed names: an hour"


def test_gunicorn_answers_the_health_check_and_logs_requests_to_stdout(gunicorn):
    status, _, body = fetch(f"{gunicorn['base']}/healthz")
    assert status == 200 and json.loads(body) == {"status": "ok"}
    gunicorn["process"].terminate()
    output = gunicorn["process"].communicate(timeout=30)[0].decode()
    assert '"GET /healthz HTTP/1.1" 200' in output


class PurgeRecorder(http.server.BaseHTTPRequestHandler):
    received = []

    def do_PURGE(self):
        self.received.append((self.headers["Host"], self.path))
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def purge_server():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), PurgeRecorder)
    PurgeRecorder.received = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", PurgeRecorder.received
    server.shutdown()


@pytest.mark.django_db
def test_publishing_purges_the_page_from_the_frontend_cache(site_tree, settings, purge_server):
    location, received = purge_server
    settings.WAGTAILFRONTENDCACHE = {
        "http": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": location,
        }
    }
    index = make_news_index(site_tree.home)
    received.clear()
    article = make_news_page(index, title="Wizyta w Rawiczu")
    assert ("testserver", article.url) in received
    received.clear()
    article.title = "Wizyta w Rawiczu i Jarocinie"
    article.save_revision().publish()
    article.unpublish()
    assert received.count(("testserver", article.url)) == 2
