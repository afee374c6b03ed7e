"""The admin's password reset: the same answer, as fast, whether or not the address is known.

Django's form sends the mail inside the request, so the answer for a known address waits for
the SMTP conversation (connect, TLS, log in, send: tens of milliseconds, up to EMAIL_TIMEOUT)
and the answer for an unknown one does not — the time tells who has an account. Here the mail
is rendered and sent by a thread started once the user is found, so both answers cost the same
lookup and redirect (equivalent dummy work for unknown addresses would still have to imitate a
remote server's delays). The thread is not a daemon: a worker stopping gracefully finishes the
mail first. A mail that cannot be sent is logged and the reader sees the same answer.
"""

import logging
import threading

from django.utils import translation
from wagtail.admin.forms.auth import PasswordResetForm as WagtailPasswordResetForm

logger = logging.getLogger(__name__)

MAIL_THREAD_NAME = "password-reset-mail"


class PasswordResetForm(WagtailPasswordResetForm):
    def send_mail(self, *args, **kwargs):
        language = translation.get_language()

        def send():
            try:
                with translation.override(language):
                    super(PasswordResetForm, self).send_mail(*args, **kwargs)
            except Exception:  # rendering; Django's send_mail logs its own SMTP failures
                logger.exception("Password reset mail not sent")

        threading.Thread(target=send, name=MAIL_THREAD_NAME).start()
