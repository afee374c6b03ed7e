"""What `make run` serves: readers' pages by default, the Site at the served address, a favicon."""

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.core.management import CommandError, call_command
from wagtail.models import Page, Site

ROOT = Path(__file__).resolve().parent.parent


def dev_setting(expression, **env):
    """The value of `expression` (over `settings`) under the dev settings and `env`."""
    environment = {
        k: v for k, v in os.environ.items() if k not in {"DJANGO_SETTINGS_MODULE", "DEBUG"}
    }
    environment.update(DJANGO_SETTINGS_MODULE="kronika.settings.dev", **env)
    result = subprocess.run(
        [
            sys.executable,
            "manage.py",
            "shell",
            "-c",
            f"from django.conf import settings; print({expression})",
        ],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1]


def test_demo_server_shows_readers_pages_unless_debug_is_asked_for():
    assert dev_setting("settings.DEBUG") == "False"
    assert dev_setting("settings.DEBUG", DEBUG="1") == "True"


def test_demo_server_serves_static_files_from_the_source_folders():
    assert dev_setting("(settings.WHITENOISE_USE_FINDERS, settings.KRONIKA_SERVE_MEDIA)") == (
        "(True, True)"
    )


@pytest.mark.django_db
def test_set_site_address_takes_host_and_port_from_base_url(site_tree, settings):
    settings.BASE_URL = "http://127.0.0.1:8100"
    out = io.StringIO()
    call_command("set_site_address", stdout=out)
    assert out.getvalue() == "Witryna odpowiada teraz pod adresem http://127.0.0.1:8100/.\n"
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("127.0.0.1", 8100)
    assert Page.objects.get(pk=site_tree.home.pk).get_full_url() == "http://127.0.0.1:8100/"

    call_command("set_site_address", "--base-url", "https://rops.example.pl", stdout=out)
    site.refresh_from_db()
    assert (site.hostname, site.port) == ("rops.example.pl", 443)
    assert Page.objects.get(pk=site_tree.home.pk).get_full_url() == "https://rops.example.pl/"


@pytest.mark.django_db
def test_set_site_address_refuses_an_address_without_a_scheme_in_polish(site_tree):
    with pytest.raises(CommandError, match="Nieprawidłowy adres BASE_URL"):
        call_command("set_site_address", "--base-url", "rops.example.pl")


@pytest.mark.django_db
def test_favicon_is_linked_and_old_address_leads_to_it(client, site_tree):
    page = client.get("/").content.decode()
    assert '<link rel="icon" href="/static/img/favicon.svg" type="image/svg+xml">' in page
    response = client.get("/favicon.ico")
    assert response.status_code == 302
    assert response["Location"] == "/static/img/favicon.svg"
    assert finders.find("img/favicon.svg")
