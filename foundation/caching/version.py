"""The content version: read once a request, trusted for a short bound, bumped with each change."""

import logging
import secrets
import time

from django.conf import settings
from django.db import DatabaseError, transaction

from .models import ContentVersion

logger = logging.getLogger(__name__)

VERSION_ATTR = "_kronika_content_version"
_UNREAD = object()
# (version, time.monotonic() just before it was read): this process's copy, shared by threads.
_last_read = (None, 0.0)


def current_version():
    """The committed content version, or None when the database does not answer.

    The copy read less than KRONIKA_CONTENT_VERSION_SECONDS ago is reused, so a cache hit costs
    at most one small query a second per process.
    """
    global _last_read
    version, read_at = _last_read
    now = time.monotonic()
    if version is not None and now - read_at < settings.KRONIKA_CONTENT_VERSION_SECONDS:
        return version
    try:
        row, _ = ContentVersion.objects.get_or_create(pk=1, defaults={"version": new_version()})
    except DatabaseError as error:
        logger.warning("Content version unreadable, serving without caches: %s", error)
        return None
    _last_read = (row.version, now)
    return row.version


def request_version(request):
    """The content version this request renders under, read once (None: caches bypassed)."""
    version = getattr(request, VERSION_ATTR, _UNREAD)
    if version is _UNREAD:
        version = current_version()
        setattr(request, VERSION_ATTR, version)
    return version


def forget_read_version():
    global _last_read
    _last_read = (None, 0.0)


def new_version():
    """A value no version had before: a rolled-back change or a restored database can never
    bring back a version that cached copies of other content were stored under."""
    return secrets.randbits(62)


def bump():
    """Make every cached copy out of date: part of the caller's transaction when there is one.

    Outside a transaction the bump commits right after the change did, before the call that
    made the change returns; if it fails, that call fails too.
    """
    version = new_version()
    if not ContentVersion.objects.filter(pk=1).update(version=version):
        ContentVersion.objects.create(pk=1, version=version)  # the row was lost (a flush)
    forget_read_version()
    transaction.on_commit(forget_read_version)
