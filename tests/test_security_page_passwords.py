"""Guessing the password of a protected page: django-axes locks the address on that page."""

import pytest
from django.test import Client

from tests.factories import build_site_tree, make_standard_page, make_user, restrict_page

pytestmark = pytest.mark.django_db

ATTACKER = "198.51.100.23"
READER = "203.0.113.40"


@pytest.fixture
def protected(settings):
    settings.AXES_FAILURE_LIMIT = 3
    tree = build_site_tree()
    page = make_standard_page(tree.home, "Dla partnerów", "Materiały dla partnerów.")
    other = make_standard_page(tree.home, "Dla członków", "Materiały dla członków.")
    return {
        "page": page,
        "restriction": restrict_page(page, password="haslo-partnerow"),
        "other": other,
        "other_restriction": restrict_page(other, password="haslo-czlonkow"),
    }


def form_url(restriction, page):
    return f"/_util/authenticate_with_password/{restriction.pk}/{page.pk}/"


def try_password(client, restriction, page, password, ip):
    return client.post(
        form_url(restriction, page),
        {"password": password, "return_url": page.url},
        REMOTE_ADDR=ip,
    )


def guess(protected, ip, times, page="page", restriction="restriction"):
    return [
        try_password(Client(), protected[restriction], protected[page], f"zle-{n}", ip)
        for n in range(times)
    ]


def test_the_right_password_before_the_limit_opens_the_page(protected):
    client = Client()
    guess(protected, READER, 2)
    response = try_password(
        client, protected["restriction"], protected["page"], "haslo-partnerow", READER
    )
    assert response.status_code == 302
    assert response["Location"] == protected["page"].url
    page = client.get(protected["page"].url, REMOTE_ADDR=READER)
    assert "Materiały dla partnerów." in page.content.decode()


def test_wrong_passwords_lock_the_address_with_a_polish_429(protected):
    before, second, third = guess(protected, ATTACKER, 3)
    assert before.status_code == second.status_code == 200  # the form again
    assert third.status_code == 429
    html = third.content.decode()
    assert '<html lang="pl">' in html
    assert "Dostęp do strony został czasowo zablokowany" in html
    assert "15 min" in html
    assert "Materiały dla partnerów." not in html
    assert third["Cache-Control"] == "no-store"


def test_while_locked_out_even_the_right_password_is_refused(protected):
    guess(protected, ATTACKER, 3)
    client = Client()
    response = try_password(
        client, protected["restriction"], protected["page"], "haslo-partnerow", ATTACKER
    )
    assert response.status_code == 429
    page = client.get(protected["page"].url, REMOTE_ADDR=ATTACKER)
    assert "Materiały dla partnerów." not in page.content.decode()


def test_other_readers_and_other_pages_are_unaffected(protected):
    guess(protected, ATTACKER, 5)
    reader = Client()
    response = try_password(
        reader, protected["restriction"], protected["page"], "haslo-partnerow", READER
    )
    assert response.status_code == 302
    assert "Materiały dla partnerów." in reader.get(protected["page"].url).content.decode()
    # The same address still gets its own tries on another protected page.
    other = Client()
    response = try_password(
        other, protected["other_restriction"], protected["other"], "haslo-czlonkow", ATTACKER
    )
    assert response.status_code == 302
    assert "Materiały dla członków." in other.get(protected["other"].url).content.decode()


def test_the_right_password_clears_earlier_failures(protected):
    guess(protected, READER, 2)
    assert (
        try_password(
            Client(), protected["restriction"], protected["page"], "haslo-partnerow", READER
        ).status_code
        == 302
    )
    *_, last = guess(protected, READER, 2)
    assert last.status_code == 200


def test_page_password_failures_count_towards_the_address_admin_login_limit(protected):
    """Page-password failures count towards the address's admin-login limit too."""
    make_user("redaktorka", superuser=True)
    guess(protected, ATTACKER, 3)
    response = Client().post(
        "/admin/login/",
        {"username": "redaktorka", "password": "haslo-testowe"},
        REMOTE_ADDR=ATTACKER,
    )
    assert response.status_code == 429
    assert "Logowanie zostało czasowo zablokowane" in response.content.decode()
