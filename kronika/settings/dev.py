"""Local development: `make run`. What readers see, a fixed insecure key, SQLite unless DATABASE_URL.

DEBUG stays off unless `DEBUG=1` (read in base.py), so a mistyped address shows the site's
Polish 404 as it will in production. Without DEBUG neither runserver nor Django serve files,
so WhiteNoise serves static files straight from the source folders (no collectstatic, edits
seen at once) and the URLconf serves uploaded media from MEDIA_ROOT.
"""

from .base import *  # noqa: F403
from .base import INSTALLED_APPS, SECRET_KEY

SECRET_KEY = SECRET_KEY or "dev-only-insecure-key-do-not-use-in-production"
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
INSTALLED_APPS = ["whitenoise.runserver_nostatic", *INSTALLED_APPS]
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
KRONIKA_SERVE_MEDIA = True
