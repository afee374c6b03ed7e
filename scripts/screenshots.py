"""Screenshots of the demo for the README: the home page, a visit and the admin's visit editor,
at a phone's 390 px and a laptop's 1366 px, into docs/screenshots/.

    .venv/bin/python scripts/screenshots.py [--out docs/screenshots]

Builds its own demo in a temporary folder (SQLite, migrate, load_demo, runserver on a free port,
as `make run` does), drives Debian's Chromium (`/usr/bin/chromium`, or CHROMIUM=path) with
Playwright and saves each first screen as a 256-colour PNG, small enough to keep in git.
"""

import argparse
import io
import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from PIL import Image
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
VISIT_SLUG = "od-ops-do-cus-wielkopolska-2023"
WIDTHS = {"telefon": (390, 844), "komputer": (1366, 900)}
VISIBLE_PICTURES_LOADED = """() => [...document.images]
    .filter((img) => { const box = img.getBoundingClientRect();
                       return box.bottom > 0 && box.top < innerHeight && box.width > 0; })
    .every((img) => img.complete && img.naturalWidth > 0)"""
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"]


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def demo_environment(folder, base_url, password):
    env = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "REDIS_URL"}}
    env.update(
        DJANGO_SETTINGS_MODULE="kronika.settings.dev",
        DATABASE_URL=f"sqlite:///{folder / 'db.sqlite3'}",
        MEDIA_ROOT=str(folder / "media"),
        BASE_URL=base_url,
        DEMO_ADMIN_PASSWORD=password,
    )
    return env


def manage(env, *args):
    result = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True
    )
    if result.returncode != 0:
        sys.exit(f"manage.py {' '.join(args)} failed:\n{result.stderr}")
    return result.stdout


def wait_for(url, server, seconds=60):
    deadline = time.monotonic() + seconds
    while True:
        try:
            urllib.request.urlopen(url, timeout=5)
            return
        except OSError:
            if time.monotonic() > deadline or server.poll() is not None:
                sys.exit("runserver did not start")
            time.sleep(0.3)


def save_small_png(png_bytes, path):
    """A 256-colour PNG: flat pages and drawn pictures keep their look at a fraction of the size."""
    image = Image.open(io.BytesIO(png_bytes)).convert("RGB")
    image.quantize(colors=256, method=Image.Quantize.MEDIANCUT).save(path, optimize=True)


def shoot(page, base_url, path, target, scroll_to=None):
    page.goto(base_url + path, wait_until="networkidle")
    if scroll_to:
        page.evaluate(f"document.querySelector('{scroll_to}').scrollIntoView()")
    page.wait_for_function(VISIBLE_PICTURES_LOADED)  # lazy pictures come after the scroll
    save_small_png(page.screenshot(), target)
    print(f"{target.relative_to(ROOT)}: {target.stat().st_size // 1024} KB")


def take_screenshots(base_url, password, visit_id, out):
    chromium = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_FLAGS)
        for device, (width, height) in WIDTHS.items():
            # Readers' pages as a reader sees them: no login, so no Wagtail user bar.
            reader = browser.new_context(viewport={"width": width, "height": height})
            page = reader.new_page()
            page.set_default_timeout(180_000)  # the first view of a page makes its renditions
            shoot(page, base_url, "/", out / f"strona-glowna-{device}.png")
            visit = f"/wizyty-studyjne/{VISIT_SLUG}/"
            # The first stop: its kinds, people and gallery, below the visit's facts.
            shoot(page, base_url, visit, out / f"wizyta-{device}.png", ".visit-stop")
            reader.close()
            editor = browser.new_context(viewport={"width": width, "height": height})
            page = editor.new_page()
            page.set_default_timeout(180_000)
            page.goto(base_url + "/admin/login/")
            page.fill("#id_username", "admin")
            page.fill("#id_password", password)
            page.click("button[type=submit]")
            page.wait_for_url(base_url + "/admin/")
            shoot(
                page,
                base_url,
                f"/admin/pages/{visit_id}/edit/",
                out / f"edytor-wizyty-{device}.png",
            )
            editor.close()
        browser.close()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    out = parser.parse_args().out.resolve()
    out.mkdir(parents=True, exist_ok=True)
    port = free_port()
    base_url = f"http://127.0.0.1:{port}"
    password = secrets.token_urlsafe(16)
    with tempfile.TemporaryDirectory(prefix="kronika-screenshots-") as folder:
        env = demo_environment(Path(folder), base_url, password)
        manage(env, "migrate", "--noinput", "-v0")
        manage(env, "load_demo")
        visit_id = manage(
            env,
            "shell",
            "-v0",
            "-c",
            f"from visits.models import VisitPage; "
            f"print(VisitPage.objects.get(slug='{VISIT_SLUG}').pk)",
        ).split()[-1]
        server = subprocess.Popen(
            [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            wait_for(base_url + "/healthz", server)
            take_screenshots(base_url, password, visit_id, out)
        finally:
            server.terminate()
            server.wait(10)


if __name__ == "__main__":
    main()
