"""Polish 400 (bad Host) and 403 (refused, CSRF) pages, rendered without touching the database.

Django renders them with its default handlers (400 without a request; 403 and CSRF with one,
whose context processors are lazy and unused by these standalone templates). No test here may
use the database: pytest-django refuses any query, so a page that needed one would fail.
"""

from django.core.exceptions import PermissionDenied
from django.test import Client, RequestFactory
from django.urls import get_resolver


def assert_polish_standalone_page(response, status, heading):
    assert response.status_code == status
    html = response.content.decode()
    assert '<html lang="pl">' in html
    assert f"<h1>{heading}</h1>" in html
    assert 'href="/static/css/kronika.css"' in html
    assert '<a href="#tresc">Przejdź do treści</a>' in html
    return html


def test_an_unknown_host_gets_the_polish_400_page():
    response = Client().get("/aktualnosci/", HTTP_HOST="nieznany.example.com")
    html = assert_polish_standalone_page(response, 400, "Nieprawidłowe żądanie")
    assert "Bad Request" not in html


def test_a_form_without_its_csrf_token_gets_the_polish_403_page():
    response = Client(enforce_csrf_checks=True).post(
        "/admin/login/", {"username": "ktos", "password": "cokolwiek"}
    )
    html = assert_polish_standalone_page(response, 403, "Nie udało się wysłać formularza")
    assert "przyjmuje ciasteczka" in html
    assert "CSRF verification failed" not in html


def test_a_refused_request_gets_the_polish_403_page():
    handler = get_resolver().resolve_error_handler(403)
    response = handler(RequestFactory().get("/dokumenty/1/plik.pdf"), PermissionDenied())
    html = assert_polish_standalone_page(response, 403, "Brak dostępu do tej strony")
    assert "403 Forbidden" not in html
