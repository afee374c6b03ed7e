"""Guessing admin passwords: django-axes locks the account and the address, in Polish."""

import logging

import pytest
from django.test import Client

from tests.factories import build_site_tree, make_user

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/"


@pytest.fixture
def editors(db, settings):
    settings.AXES_FAILURE_LIMIT = 3
    build_site_tree()
    return make_user("redaktorka", superuser=True), make_user("approver", superuser=True)


def attempt(client, username, password, ip):
    return client.post(
        LOGIN, {"username": username, "password": password}, REMOTE_ADDR=ip, follow=False
    )


def test_failures_lock_the_account_with_a_polish_page_even_for_the_right_password(editors, caplog):
    client = Client()
    with caplog.at_level(logging.WARNING, logger="axes"):
        assert attempt(client, "redaktorka", "zle-1", "198.51.100.1").status_code == 200
        assert attempt(client, "redaktorka", "zle-2", "198.51.100.2").status_code == 200
        locked = attempt(client, "redaktorka", "zle-3", "198.51.100.3")
    assert locked.status_code == 429
    html = locked.content.decode()
    assert "Logowanie zostało czasowo zablokowane" in html
    assert "15 min" in html
    assert '<html lang="pl">' in html
    assert any("locking out" in r.getMessage().lower() for r in caplog.records), caplog.text
    # The right password from a fresh address does not open a locked account.
    right = attempt(Client(), "redaktorka", "haslo-testowe", "203.0.113.50")
    assert right.status_code == 429
    assert "_auth_user_id" not in Client().session


def test_failures_from_one_address_lock_that_address_for_everyone(editors):
    client = Client()
    for n in range(3):
        attempt(client, f"zgadywany-{n}", "cokolwiek", "198.51.100.77")
    blocked = attempt(Client(), "approver", "haslo-testowe", "198.51.100.77")
    assert blocked.status_code == 429


def test_another_user_from_another_address_is_unaffected(editors):
    for n in range(3):
        attempt(Client(), "redaktorka", f"zle-{n}", "198.51.100.1")
    client = Client()
    response = attempt(client, "approver", "haslo-testowe", "203.0.113.9")
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200


def test_a_successful_login_resets_earlier_failures(editors):
    client = Client()
    attempt(client, "redaktorka", "zle", "198.51.100.5")
    attempt(client, "redaktorka", "zle", "198.51.100.5")
    assert attempt(client, "redaktorka", "haslo-testowe", "198.51.100.5").status_code == 302
    client.logout()
    attempt(client, "redaktorka", "zle", "198.51.100.5")
    assert attempt(client, "redaktorka", "haslo-testowe", "198.51.100.5").status_code == 302


def test_behind_a_proxy_the_forwarded_address_is_locked_not_the_proxy(editors, settings):
    settings.KRONIKA_TRUSTED_PROXY_COUNT = 1
    proxy = "10.0.0.2"
    for n in range(3):
        Client().post(
            LOGIN,
            {"username": f"zgadywany-{n}", "password": "x"},
            REMOTE_ADDR=proxy,
            HTTP_X_FORWARDED_FOR="198.51.100.66",
        )
    other_reader = Client().post(
        LOGIN,
        {"username": "approver", "password": "haslo-testowe"},
        REMOTE_ADDR=proxy,
        HTTP_X_FORWARDED_FOR="203.0.113.4",
    )
    assert other_reader.status_code == 302
    attacker = Client().post(
        LOGIN,
        {"username": "approver", "password": "haslo-testowe"},
        REMOTE_ADDR=proxy,
        HTTP_X_FORWARDED_FOR="198.51.100.66",
    )
    assert attacker.status_code == 429
