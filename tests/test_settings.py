"""Production settings: safe by default, loud when misconfigured."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "kronika.settings.production",
    "SECRET_KEY": "x" * 60 + "production-test-key-with-enough-entropy-0123456789",
    "ALLOWED_HOSTS": "rops.example.pl",
    "DATABASE_URL": "sqlite:////tmp/kronika-check.sqlite3",
}


def manage(*args, **env):
    ignored = {*PRODUCTION_ENV, "DJANGO_ALLOW_ASYNC_UNSAFE"}
    environment = {k: v for k, v in os.environ.items() if k not in ignored}
    environment.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_is_clean_with_documented_environment():
    result = manage("check", "--deploy", **PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout
    assert "WARNING" not in result.stdout + result.stderr


@pytest.mark.parametrize(
    ("change", "message"),
    [({"SECRET_KEY": ""}, "SECRET_KEY must be set"), ({"DEBUG": "1"}, "DEBUG must be off")],
)
def test_production_refuses_unsafe_configuration(change, message):
    result = manage("check", **{**PRODUCTION_ENV, **change})
    assert result.returncode != 0
    assert message in result.stderr


def test_database_url_selects_the_database():
    result = manage(
        "shell",
        "-c",
        "from django.db import connection; print(connection.vendor)",
        DJANGO_SETTINGS_MODULE="kronika.settings.dev",
        DATABASE_URL="postgres://user@db.example:5432/kronika",
    )
    assert result.stdout.strip().endswith("postgresql"), result.stderr
