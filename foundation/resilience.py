"""Keep serving when what the site stands on fails: the database and the media disk.

A PostgreSQL restart or a failover must not show readers Django's bare 500, wherever the error
is raised (a view, a template, a middleware): they get the Polish 503 with Retry-After. A full
disk must tell the editor, in Polish, that the upload was not stored. (A Redis outage is
foundation/caching's: pages are then rendered uncached.)
"""

import errno
import logging
import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

logger = logging.getLogger("foundation.resilience")

RETRY_AFTER_SECONDS = 30
DISK_FULL = {errno.ENOSPC, errno.EDQUOT}


def database_unavailable_response():
    """The Polish 503 page, rendered without a request so it needs no database."""
    response = HttpResponse(render_to_string("503.html"), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


def disk_full_response(request):
    """507 in Polish: the upload was not stored, the page being edited was not touched."""
    message = _(
        "Nie udało się zapisać pliku: na serwerze zabrakło miejsca na dysku. Plik nie został "
        "dodany, a strona, którą edytujesz, nie zmieniła się. Spróbuj ponownie później "
        "i zgłoś problem administratorowi serwisu."
    )
    if request.headers.get("x-requested-with") == "XMLHttpRequest" or "json" in request.headers.get(
        "accept", ""
    ):
        response = JsonResponse({"success": False, "error_message": str(message)}, status=507)
    else:
        response = HttpResponse(render_to_string("507.html", {"message": message}), status=507)
    response["Cache-Control"] = "no-store"
    return response


class ServiceFailureMiddleware:
    """Polish answers for failures of what the site stands on, instead of a bare 500.

    A lost database connection (in a view or a template) becomes a 503 with Retry-After:
    Django discards the broken connection at the end of the request and CONN_HEALTH_CHECKS
    replaces it on the next one, so the site recovers by itself once the database is back.
    A full disk (or quota) while storing an upload becomes a 507 that says nothing was saved.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, OperationalError | InterfaceError):
            logger.error("Database unavailable, answering 503 for %s: %s", request.path, exception)
            return database_unavailable_response()
        if isinstance(exception, OSError) and exception.errno in DISK_FULL:
            logger.error("Disk full, upload refused on %s: %s", request.path, exception)
            return disk_full_response(request)
        return None


def server_error(request):
    """handler500: the 503 page when the database failed outside a view (a middleware), else
    the Polish 500 page; neither needs the database."""
    if isinstance(sys.exc_info()[1], OperationalError | InterfaceError):
        return database_unavailable_response()
    return HttpResponse(render_to_string("500.html"), status=500)
