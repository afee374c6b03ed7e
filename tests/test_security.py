"""Security headers and cookies on every public page type, the admin's looser policy, production."""

import json
import os
import re
import subprocess
import sys

import pytest
from django.test import override_settings

from foundation.security import client_ip
from tests.conftest import content_per_module, copy_for_test
from tests.factories import build_public_site

pytestmark = pytest.mark.django_db

PUBLIC_PAGES = {
    "home": "/",
    "standard": "/o-nas/",
    "statement": "/deklaracja-dostepnosci/",
    "sitemap page": "/mapa-strony/",
    "news index": "/aktualnosci/",
    "news index page 1": "/aktualnosci/?page=1",
    "news tag": "/aktualnosci/tag/ekonomia-spoleczna/",
    "article": "/aktualnosci/spoldzielnia-socjalna-w-rawiczu/",
    "year archive": "/aktualnosci/2021/",
    "visit archive": "/wizyty-studyjne/",
    "visit archive filtered": "/wizyty-studyjne/?rok=2021&wojewodztwo=wielkopolskie&rodzaj=cus",
    "visit": "/wizyty-studyjne/wizyta-studyjna-w-jarocinie/",
    "visit ics": "/wizyty-studyjne/wizyta-studyjna-w-jarocinie/ics/",
    "calendar ics": "/wizyty-studyjne/kalendarz.ics",
    "rss": "/aktualnosci/rss/",
    "atom": "/aktualnosci/atom/",
    "search": "/szukaj/?q=rawicz",
    "search empty": "/szukaj/",
    "suggestions": "/szukaj/podpowiedzi/?q=wiz",
    "sitemap.xml": "/sitemap.xml",
    "robots.txt": "/robots.txt",
    "404": "/nie-ma-takiej-strony/",
}


module_public_site = content_per_module(build_public_site)


@pytest.fixture
def site(db, module_public_site):
    return copy_for_test(module_public_site)


def csp_directives(header):
    directives = {}
    for part in header.split(";"):
        name, *values = part.split()
        directives[name] = values
    return directives


@pytest.mark.parametrize("path", PUBLIC_PAGES.values(), ids=PUBLIC_PAGES.keys())
def test_public_page_headers_and_no_cookies(client, site, path):
    response = client.get(path)
    assert response.status_code == (404 if path.startswith("/nie-ma") else 200), path
    csp = csp_directives(response["Content-Security-Policy"])
    assert csp["script-src"] == ["'self'"]
    assert "'unsafe-eval'" not in response["Content-Security-Policy"]
    assert csp["default-src"] == ["'self'"]
    assert csp["object-src"] == ["'none'"]
    assert csp["frame-ancestors"] == ["'self'"]
    assert csp["base-uri"] == ["'self'"]
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]
    # Anonymous readers get no cookie at all: no session, no CSRF token, no messages.
    assert not response.cookies, f"{path} set cookies {list(response.cookies)}"
    assert "Set-Cookie" not in response


SCRIPT_TAG = re.compile(r"<script\b([^>]*)>(.*?)</script>", re.S | re.I)
EVENT_HANDLER = re.compile(r"<[a-z][^>]*\son[a-z]+\s*=", re.I)


@pytest.mark.parametrize(
    "path",
    [p for p in PUBLIC_PAGES.values() if not re.search(r"(ics|rss|atom|xml|txt|podpowiedzi)", p)],
)
def test_public_html_has_no_inline_javascript(client, site, path):
    html = client.get(path).content.decode()
    for attributes, body in SCRIPT_TAG.findall(html):
        if "src=" in attributes:
            assert not body.strip(), f"script with src and a body on {path}"
        else:
            assert 'type="application/ld+json"' in attributes, f"inline script on {path}"
            json.loads(body)
    assert not EVENT_HANDLER.search(html), f"inline event handler on {path}"
    assert "javascript:" not in html.lower()


def test_json_ld_cannot_break_out_of_its_script_block(client, site):
    site.article.title = "Tytuł </script><script>alert(1)</script>"
    site.article.save_revision().publish()
    html = client.get(site.article.url).content.decode()
    assert "<script>alert(1)" not in html
    for attributes, body in SCRIPT_TAG.findall(html):
        if "ld+json" in attributes:
            json.loads(body)


def test_admin_gets_framing_rules_but_no_script_policy(client, site):
    response = client.get("/admin/login/")
    assert response.status_code == 200
    csp = csp_directives(response["Content-Security-Policy"])
    assert csp["frame-ancestors"] == ["'self'"]
    assert "script-src" not in csp
    assert response["X-Frame-Options"] == "SAMEORIGIN"


def test_preview_is_the_page_as_readers_get_it_policy_included(client, site):
    """Wagtail renders a preview through a request for the page's own URL, so the preview
    carries the public policy: what works in the preview works for readers (see the browser
    test of the userbar and previews)."""
    from tests.factories import make_user

    client.force_login(make_user("podglad", superuser=True))
    response = client.get(f"/admin/pages/{site.article.pk}/view_draft/")
    assert response.status_code == 200
    assert site.article.title in response.content.decode()
    assert csp_directives(response["Content-Security-Policy"])["script-src"] == ["'self'"]


@override_settings(SECURE_HSTS_SECONDS=31_536_000, SECURE_HSTS_INCLUDE_SUBDOMAINS=True)
def test_hsts_on_https_responses(client, site):
    response = client.get("/", secure=True)
    assert response["Strict-Transport-Security"].startswith("max-age=31536000")


def test_production_settings_are_strict_and_deploy_check_is_clean():
    env = {
        **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
        "DJANGO_SETTINGS_MODULE": "kronika.settings.production",
        "SECRET_KEY": "x" * 30 + "-production-like-secret-key-for-the-check-0123456789",
        "ALLOWED_HOSTS": "kronika.example.pl",
    }
    script = (
        "import django, json; django.setup(); from django.conf import settings as s; "
        "print(json.dumps({k: getattr(s, k) for k in ('SESSION_COOKIE_SECURE', "
        "'SESSION_COOKIE_HTTPONLY', 'CSRF_COOKIE_SECURE', 'SECURE_HSTS_SECONDS', "
        "'X_FRAME_OPTIONS', 'SECURE_CONTENT_TYPE_NOSNIFF')}))"
    )
    values = json.loads(
        subprocess.run(
            [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True
        ).stdout
    )
    assert values == {
        "SESSION_COOKIE_SECURE": True,
        "SESSION_COOKIE_HTTPONLY": True,
        "CSRF_COOKIE_SECURE": True,
        "SECURE_HSTS_SECONDS": 31_536_000,
        "X_FRAME_OPTIONS": "SAMEORIGIN",
        "SECURE_CONTENT_TYPE_NOSNIFF": True,
    }
    check = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        capture_output=True,
        text=True,
    )
    assert check.returncode == 0, check.stdout + check.stderr


class FakeRequest:
    def __init__(self, remote, forwarded=None):
        self.META = {"REMOTE_ADDR": remote}
        if forwarded:
            self.META["HTTP_X_FORWARDED_FOR"] = forwarded


@pytest.mark.parametrize(
    ("proxies", "remote", "forwarded", "expected"),
    [
        (0, "203.0.113.9", "1.2.3.4", "203.0.113.9"),  # no proxy: the header is not trusted
        (1, "10.0.0.2", "198.51.100.7", "198.51.100.7"),
        (1, "10.0.0.2", "6.6.6.6, 198.51.100.7", "198.51.100.7"),  # spoofed first item ignored
        (2, "10.0.0.2", "6.6.6.6, 198.51.100.7, 10.0.0.3", "198.51.100.7"),
        (1, "10.0.0.2", None, "10.0.0.2"),
    ],
)
def test_client_ip_behind_proxies(settings, proxies, remote, forwarded, expected):
    settings.KRONIKA_TRUSTED_PROXY_COUNT = proxies
    assert client_ip(FakeRequest(remote, forwarded)) == expected
