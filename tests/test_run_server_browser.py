"""The demo as `make run` serves it: migrate, load_demo, runserver with the dev settings.

One server for the run (load_demo makes the demo's renditions, which takes a while), on its
own port with a temporary SQLite database and media folder. Not one per module: pytest runs the
browser tests together, and the one test here without a browser elsewhere.
"""

import os
import re
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import assert_no_axe_violations
from tests.layout import RAGGED_ROWS
from tests.services import free_port, manage

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parent.parent


def fetch(url):
    """(status, body) of a GET, following redirects; errors are answers too."""
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8", "replace")


@pytest.fixture(scope="session")
def served(tmp_path_factory):
    folder = tmp_path_factory.mktemp("make-run")
    port = free_port()
    base_url = f"http://127.0.0.1:{port}"
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DEBUG", "REDIS_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    env.update(
        DJANGO_SETTINGS_MODULE="kronika.settings.dev",
        DATABASE_URL=f"sqlite:///{folder / 'db.sqlite3'}",
        MEDIA_ROOT=str(folder / "media"),
        BASE_URL=base_url,  # as the Makefile passes it: http://HOST:PORT
        DEMO_ADMIN_PASSWORD="demo-test-password",
    )

    manage(env, "migrate", "--noinput", "-v0")
    loaded = manage(env, "load_demo")
    server = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                fetch(base_url + "/healthz")
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    pytest.fail("runserver did not start")
                time.sleep(0.3)
        yield {"url": base_url, "load_demo": loaded}
    finally:
        server.terminate()
        server.wait(10)


def test_load_demo_prints_the_served_address(served):
    assert f"Strona: {served['url']}/" in served["load_demo"]
    assert f"Panel administracyjny: {served['url']}/admin/" in served["load_demo"]


def test_missing_page_is_the_polish_404(served, page):
    response = page.goto(served["url"] + "/nie-ma-takiej-strony/")
    assert response.status == 404
    assert page.locator("h1").inner_text() == "Nie znaleziono strony"
    assert "Traceback" not in page.content() and "URLconf" not in page.content()
    assert_no_axe_violations(page)


def test_feeds_and_calendar_name_the_served_address(served, page):
    page.goto(served["url"] + "/")
    feed = page.locator('link[type="application/rss+xml"]').first.get_attribute("href")
    assert page.locator('link[rel="canonical"]').get_attribute("href") == served["url"] + "/"
    status, rss = fetch(served["url"] + feed)
    links = re.findall(r"<link>([^<]+)</link>", rss)
    assert status == 200 and len(links) > 3
    assert all(link.startswith(served["url"] + "/") for link in links), links
    status, ics = fetch(served["url"] + "/wizyty-studyjne/kalendarz.ics")
    urls = re.findall(r"^URL:(\S+)", ics, re.M)
    assert status == 200 and urls
    assert all(url.startswith(served["url"] + "/") for url in urls), urls


def test_favicon_and_static_files_answer(served, page):
    page.goto(served["url"] + "/")
    icon = page.locator('link[rel="icon"]').get_attribute("href")
    assert fetch(served["url"] + icon)[0] == 200
    assert fetch(served["url"] + "/favicon.ico")[0] == 200
    assert page.evaluate("getComputedStyle(document.body).fontFamily").startswith("system-ui")
    first_picture = page.locator(".card img").first.get_attribute("src")
    assert fetch(served["url"] + first_picture)[0] == 200


@pytest.mark.parametrize("width", [390, 1366])
def test_home_cards_line_up_and_pass_axe(served, page, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(served["url"] + "/")
    assert page.locator(".card").count() >= 6
    assert page.evaluate(RAGGED_ROWS) == []
    assert_no_axe_violations(page)
