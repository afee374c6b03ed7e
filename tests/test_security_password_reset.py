"""The admin's password reset against a real SMTP server (aiosmtpd) on 127.0.0.1.

A known address gets a Polish mail whose link sets a new password; an unknown one gets the same
answer and no mail; the answer never waits for the mail server (the test holds the server's
reply until the answer has come back), and an unreachable server is logged, not a 500.
"""

import asyncio
import email
import json
import logging
import os
import re
import socket
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from django.test import Client

from foundation.password_reset import MAIL_THREAD_NAME
from tests.factories import build_site_tree, make_user

pytestmark = pytest.mark.django_db

RESET = "/admin/password_reset/"
DONE = "/admin/password_reset/done/"
NEW_PASSWORD = "Nowe-haslo-do-Kroniki-2026"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class HeldMailbox:
    """An SMTP handler that keeps what it receives, answering DATA only once released."""

    def __init__(self):
        self.messages = []
        self.release = threading.Event()
        self.arrived = threading.Event()

    async def handle_DATA(self, server, session, envelope):
        self.arrived.set()
        await asyncio.get_running_loop().run_in_executor(None, self.release.wait, 10)
        self.messages.append(email.message_from_bytes(envelope.original_content))
        return "250 OK"


@pytest.fixture
def mailbox(settings):
    handler = HeldMailbox()
    controller = Controller(handler, hostname="127.0.0.1", port=free_port())
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = controller.port
    settings.EMAIL_TIMEOUT = 5
    yield handler
    handler.release.set()
    wait_for_mail()
    controller.stop()


@pytest.fixture
def editor(db):
    build_site_tree()
    return make_user("redaktorka", groups=["Redaktorzy"])


def wait_for_mail():
    for thread in threading.enumerate():
        if thread.name == MAIL_THREAD_NAME:
            thread.join(timeout=15)


def ask_for_reset(client, address):
    return client.post(RESET, {"email": address})


def body_of(message):
    return message.get_payload(decode=True).decode(message.get_content_charset())


def test_a_known_address_gets_a_polish_link_that_sets_a_new_password(mailbox, editor):
    client = Client()
    answer = ask_for_reset(client, "redaktorka@example.org")
    assert answer.status_code == 302 and answer["Location"] == DONE
    # The answer came back while the mail server still held the mail: it never waits for it.
    assert mailbox.arrived.wait(10)
    assert mailbox.messages == []
    mailbox.release.set()
    wait_for_mail()

    [message] = mailbox.messages
    assert message["To"] == "redaktorka@example.org"
    assert message["From"] == "webmaster@localhost"
    assert str(email.header.make_header(email.header.decode_header(message["Subject"]))) == (
        "Reset hasła"
    )
    body = body_of(message)
    assert "Użyj linku poniżej w celu zresetowania hasła" in body
    link = re.search(r"http://testserver(/admin/password_reset/confirm/\S+/)", body).group(1)

    form = client.get(link, follow=True)
    assert "Ustaw nowe hasło" in form.content.decode()
    set_password = form.redirect_chain[-1][0]
    done = client.post(set_password, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert done.status_code == 302

    reader = Client()
    login = reader.post("/admin/login/", {"username": "redaktorka", "password": NEW_PASSWORD})
    assert login.status_code == 302
    assert reader.get("/admin/").status_code == 200
    # The link works once.
    assert "Nieprawidłowy link do resetu hasła" in client.get(link).content.decode()


def test_an_unknown_address_gets_the_same_answer_and_no_mail(mailbox, editor):
    mailbox.release.set()
    known = ask_for_reset(Client(), "redaktorka@example.org")
    unknown = ask_for_reset(Client(), "nieznany@example.org")
    assert (unknown.status_code, unknown["Location"]) == (known.status_code, known["Location"])
    wait_for_mail()
    assert [m["To"] for m in mailbox.messages] == ["redaktorka@example.org"]
    page = Client().get(unknown["Location"])
    assert page.status_code == 200
    assert "Sprawdz swoją skrzynkę pocztową" in page.content.decode()  # Wagtail's Polish


def test_an_unreachable_mail_server_is_logged_and_the_reader_gets_the_same_answer(
    settings, editor, caplog
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = free_port()  # nothing listens there
    with caplog.at_level(logging.ERROR):
        answer = ask_for_reset(Client(), "redaktorka@example.org")
        wait_for_mail()
    assert answer.status_code == 302 and answer["Location"] == DONE
    assert any(
        "Failed to send password reset email" in record.getMessage() for record in caplog.records
    ), caplog.text


MAIL_ENV = {
    "EMAIL_HOST": "smtp.example.pl",
    "EMAIL_PORT": "587",
    "EMAIL_HOST_USER": "kronika",
    "EMAIL_HOST_PASSWORD": "tajne",
    "EMAIL_USE_TLS": "1",
    "EMAIL_TIMEOUT": "7",
    "DEFAULT_FROM_EMAIL": "Kronika <kronika@example.pl>",
}
PRINT_MAIL_SETTINGS = (
    "from django.conf import settings; import json; print(json.dumps({name: getattr(settings, name)"
    " for name in ['EMAIL_HOST', 'EMAIL_PORT', 'EMAIL_HOST_USER', 'EMAIL_HOST_PASSWORD',"
    " 'EMAIL_USE_TLS', 'EMAIL_USE_SSL', 'EMAIL_TIMEOUT', 'DEFAULT_FROM_EMAIL', 'SERVER_EMAIL']}))"
)


def settings_with(**env):
    environment = {k: v for k, v in os.environ.items() if not k.startswith("EMAIL_")}
    environment.update(DJANGO_SETTINGS_MODULE="kronika.settings.dev", **env)
    return subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", PRINT_MAIL_SETTINGS],
        cwd=Path(__file__).resolve().parent.parent,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_mail_settings_come_from_the_environment():
    result = settings_with(**MAIL_ENV)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.splitlines()[-1]) == {
        "EMAIL_HOST": "smtp.example.pl",
        "EMAIL_PORT": 587,
        "EMAIL_HOST_USER": "kronika",
        "EMAIL_HOST_PASSWORD": "tajne",
        "EMAIL_USE_TLS": True,
        "EMAIL_USE_SSL": False,
        "EMAIL_TIMEOUT": 7,
        "DEFAULT_FROM_EMAIL": "Kronika <kronika@example.pl>",
        "SERVER_EMAIL": "Kronika <kronika@example.pl>",
    }


def test_tls_and_ssl_together_refuse_to_start():
    result = settings_with(**MAIL_ENV, EMAIL_USE_SSL="1")
    assert result.returncode != 0
    assert "Set EMAIL_USE_TLS or EMAIL_USE_SSL, not both." in result.stderr
