"""The test suite: fast password hashing, in-memory media, cache and mail, no manifest needed."""

import tempfile

from foundation.caching.redis import site_caches

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-key"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MEDIA_ROOT = tempfile.mkdtemp(prefix="kronika-test-media-")
CACHES = site_caches("")  # local memory, whatever REDIS_URL says
# One store for all three, so `cache.clear()` empties what a publish makes out of date.
CACHES["routes"] = {"BACKEND": CACHES["routes"]["BACKEND"]}
WAGTAILADMIN_BASE_URL = "http://testserver"
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"  # mail.outbox; tests may override
BASE_URL = "http://testserver"
# The version is re-read after every bump in this process; never by the clock, so query counts
# do not depend on how fast a test runs.
KRONIKA_CONTENT_VERSION_SECONDS = 3600
# Tasks run in the request (or on commit) that enqueues them: tests see their effect at once.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
