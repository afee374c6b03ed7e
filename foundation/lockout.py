"""Guessed passwords locked out by django-axes: admin logins and password-protected pages.

Failures are counted in the database (axes' AccessAttempt), so every app server sees the same
count; the lock-out answer is a Polish 429 page.
"""

from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_cool_off
from django.conf import settings
from django.contrib.auth.signals import user_login_failed
from django.shortcuts import render
from wagtail import views as wagtail_views

# The "account" django-axes counts a protected page's wrong passwords under: the restriction,
# whose one password guards its page and every page below it.
PAGE_PASSWORD_ACCOUNT = "page-password:"


def page_password_credentials(restriction_id):
    return {"username": f"{PAGE_PASSWORD_ACCOUNT}{restriction_id}"}


def is_page_password(credentials):
    return str((credentials or {}).get("username") or "").startswith(PAGE_PASSWORD_ACCOUNT)


def lockout_parameters(request_or_attempt, credentials=None):
    """What django-axes locks: an admin account or an address; a page password per address.

    A page's password is shared by a group of readers, so locking the page for everyone would
    let one guesser shut all of them out: only the guessing address is locked, on that page.
    Its failures still count towards the address's admin-login limit.
    """
    if credentials is None:  # axes asks with a stored attempt
        credentials = {"username": getattr(request_or_attempt, "username", "")}
    if is_page_password(credentials):
        return [["username", "ip_address"]]
    return ["username", "ip_address"]


def lockout_response(request, original_response=None, credentials=None):
    """django-axes' answer to a locked-out client: a Polish 429 page for the login or the page."""
    template = (
        "security/page_password_lockout.html"
        if is_page_password(credentials)
        else "security/lockout.html"
    )
    context = {"cooloff_minutes": round(get_cool_off(request).total_seconds() / 60)}
    response = render(request, template, context, status=settings.AXES_HTTP_RESPONSE_CODE)
    response["Cache-Control"] = "no-store"
    return response


def authenticate_with_page_password(request, page_view_restriction_id, page_id):
    """Wagtail's password form of a protected page, with wrong passwords limited like logins.

    Each wrong password is reported to django-axes as a failed login of the restriction; while
    the address is locked out on it, even the right password gets the lock-out page.
    """
    credentials = page_password_credentials(page_view_restriction_id)
    if request.method == "POST" and not AxesProxyHandler.is_allowed(request, credentials):
        return lockout_response(request, credentials=credentials)
    response = wagtail_views.authenticate_with_password(request, page_view_restriction_id, page_id)
    if request.method == "POST":
        if response.status_code == 200:  # the form again, with "wrong password"
            user_login_failed.send(__name__, credentials=credentials, request=request)
        elif 300 <= response.status_code < 400:  # passed: this address starts afresh
            AxesProxyHandler.reset_attempts(
                ip_address=request.axes_ip_address, username=credentials["username"]
            )
    return response
