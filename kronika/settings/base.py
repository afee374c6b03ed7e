"""Settings shared by every environment.

Every environment variable the project reads is read here (and listed in the README);
`dev`, `test` and `production` only change what must differ.
"""

import datetime
import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _
from wagtail.embeds.oembed_providers import vimeo as oembed_vimeo
from wagtail.embeds.oembed_providers import youtube as oembed_youtube

from foundation.caching.redis import site_caches
from foundation.security import public_csp_directives

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_list(name, default=""):
    """A comma-separated environment variable as a list, without empty items."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name, default):
    """An integer environment variable; an unparsable value falls back to the default."""
    try:
        return int(os.environ.get(name, default))
    except ValueError:
        return default


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
BASE_URL = os.environ.get("BASE_URL", "http://127.0.0.1:8000").rstrip("/")
REDIS_URL = os.environ.get("REDIS_URL", "")
DATABASE_URL = os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}")
# Performance and scale-out (docs/performance.md, foundation/caching): whole pages for anonymous
# readers are kept by default only with Redis; a CDN or caching proxy in front is purged on publish.
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 600 if REDIS_URL else 0)
CDN_MAX_AGE = env_int("CDN_MAX_AGE", 60)
# Fragments and the site shell shared by every request the page cache cannot answer
# (foundation/caching): on everywhere, renewed by any change; 0 turns them off.
FRAGMENT_CACHE_SECONDS = env_int("FRAGMENT_CACHE_SECONDS", 600)
FRONTEND_CACHE_PURGE_URL = os.environ.get("FRONTEND_CACHE_PURGE_URL", "")
CLOUDFLARE_BEARER_TOKEN = os.environ.get("CLOUDFLARE_BEARER_TOKEN", "")
CLOUDFLARE_ZONE_ID = os.environ.get("CLOUDFLARE_ZONE_ID", "")
# Media on S3-compatible storage when a bucket is named (pip install -e '.[s3]').
AWS_STORAGE_BUCKET_NAME = os.environ.get("AWS_STORAGE_BUCKET_NAME", "")
AWS_S3_ENDPOINT_URL = os.environ.get("AWS_S3_ENDPOINT_URL", "")
AWS_S3_REGION_NAME = os.environ.get("AWS_S3_REGION_NAME", "")
AWS_S3_CUSTOM_DOMAIN = os.environ.get("AWS_S3_CUSTOM_DOMAIN", "")
AWS_ACCESS_KEY_ID = os.environ.get("AWS_ACCESS_KEY_ID", "")
AWS_SECRET_ACCESS_KEY = os.environ.get("AWS_SECRET_ACCESS_KEY", "")
# Outgoing mail (password resets, workflow notices) through an SMTP server.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)  # STARTTLS, usually port 587
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)  # TLS from the start, usually port 465
if EMAIL_USE_TLS and EMAIL_USE_SSL:
    raise ImproperlyConfigured("Set EMAIL_USE_TLS or EMAIL_USE_SSL, not both.")
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 10)  # seconds; sending never holds up a response
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "webmaster@localhost")
SERVER_EMAIL = os.environ.get("SERVER_EMAIL", DEFAULT_FROM_EMAIL)

INSTALLED_APPS = [
    "foundation",
    "home",
    "news",
    "visits",
    "search",
    "legacy",
    "foundation.caching",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.frontend_cache",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.search_promotions",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "csp",
    "axes",
    "django_tasks",
    "django_tasks_db",
]

MIDDLEWARE = [
    # First: a hit replays the stored response, headers of every middleware below included
    # (foundation/caching).
    "foundation.caching.pages.PageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Static files right after HSTS/nosniff, as WhiteNoise documents: the policies below mean
    # nothing to a stylesheet and cost time on every file (docs/performance.md).
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "foundation.security.SecurityHeadersMiddleware",
    "csp.middleware.CSPMiddleware",
    "foundation.resilience.ServiceFailureMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Hands Wagtail's page view the route this process kept for the path (foundation/caching).
    "foundation.caching.routes.RouteMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes requires: turns a locked-out login into the Polish lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "kronika.urls"
WSGI_APPLICATION = "kronika.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "home.context_processors.site_shell",
                "foundation.caching.shared.fragment_context",
            ],
        },
    },
]

DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=0)}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Concurrent readers and writers wait for the lock (up to 20 s) instead of failing with
    # "database is locked"; a transaction takes the write lock when it starts, so two of them
    # never deadlock upgrading a read lock (the default DEFERRED mode fails one at once).
    DATABASES["default"]["OPTIONS"] = {"timeout": 20, "transaction_mode": "IMMEDIATE"}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Polish first: the default Wagtail Locale is created from LANGUAGE_CODE by the first migration.
LANGUAGE_CODE = "pl"
LANGUAGES = [("pl", _("polski"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Warsaw"
USE_I18N = True
USE_TZ = True
WAGTAILADMIN_PERMITTED_LANGUAGES = [("pl", "Polski")]
WAGTAIL_CONTENT_LANGUAGES = [("pl", "Polski")]

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "/media/"
# The app itself serves MEDIA_ROOT only where nothing else does (dev's `make run`, or DEBUG).
KRONIKA_SERVE_MEDIA = False

if AWS_STORAGE_BUCKET_NAME:
    MEDIA_STORAGE = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "endpoint_url": AWS_S3_ENDPOINT_URL or None,
            "region_name": AWS_S3_REGION_NAME or None,
            "custom_domain": AWS_S3_CUSTOM_DOMAIN or None,
            "access_key": AWS_ACCESS_KEY_ID or None,
            "secret_key": AWS_SECRET_ACCESS_KEY or None,
            # Public, stable URLs a CDN and browsers can keep; file names never repeat.
            "querystring_auth": False,
            "file_overwrite": False,
            "object_parameters": {"CacheControl": "public, max-age=31536000"},
        },
    }
    # Private documents must go through Wagtail's view (which checks access), never a redirect.
    WAGTAILDOCS_SERVE_METHOD = "serve_view"
else:
    MEDIA_STORAGE = {"BACKEND": "django.core.files.storage.FileSystemStorage"}

STORAGES = {
    "default": MEDIA_STORAGE,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

CACHES = site_caches(REDIS_URL)

KRONIKA_PAGE_CACHE_SECONDS = PAGE_CACHE_SECONDS  # 0: off
KRONIKA_CDN_MAX_AGE = CDN_MAX_AGE  # Cache-Control max-age of cacheable public pages
KRONIKA_FRAGMENT_CACHE_SECONDS = FRAGMENT_CACHE_SECONDS  # 0: off
# How long a process trusts the content version it read: the bound on showing a change.
KRONIKA_CONTENT_VERSION_SECONDS = 1

# Wagtail purges a published page's URLs from these caches (a proxy or CDN in front).
WAGTAILFRONTENDCACHE = {}
if FRONTEND_CACHE_PURGE_URL:
    WAGTAILFRONTENDCACHE["http"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": FRONTEND_CACHE_PURGE_URL,
    }
if CLOUDFLARE_BEARER_TOKEN and CLOUDFLARE_ZONE_ID:
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "BEARER_TOKEN": CLOUDFLARE_BEARER_TOKEN,
        "ZONEID": CLOUDFLARE_ZONE_ID,
    }

# Wagtail's tasks (reference index, file deletion) and our renditions are rows in the database,
# run by `manage.py db_worker` (started by `make run`; deploy/systemd/kronika-tasks.service), so
# an upload or a publish returns without waiting for them; any app server can enqueue.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

WAGTAIL_SITE_NAME = "Kronika"
WAGTAILADMIN_BASE_URL = BASE_URL
WAGTAIL_ALLOW_UNICODE_SLUGS = False
# No autosave: a page exists only once its editor saves it, and a live page gets a draft only
# when someone saves one (home/drafts.py lists and discards them); leaving unsaved changes warns.
WAGTAIL_AUTOSAVE_INTERVAL = 0
WAGTAILADMIN_USER_LOGIN_FORM = "foundation.forms.LoginForm"
# The reset mail leaves after the answer, so its time does not tell who has an account.
WAGTAILADMIN_USER_PASSWORD_RESET_FORM = "foundation.password_reset.PasswordResetForm"
WAGTAIL_I18N_ENABLED = False
# No avatars from gravatar.com: they would send a hash of each editor's e-mail address to a third
# party. Editors see Wagtail's default avatar, or the one they upload in their account.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# "simple": no stemming or stop words on PostgreSQL, so the Polish keys of
# foundation/indexing/polish/ match as they do in SQLite FTS5 (whose backend ignores
# SEARCH_CONFIG). Changing it needs update_index.
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backend", "SEARCH_CONFIG": "simple"}}
KRONIKA_SEARCH_RESULTS_PER_PAGE = 10
WAGTAILDOCS_EXTENSIONS = [
    "pdf",
    "docx",
    "doc",
    "odt",
    "xlsx",
    "xls",
    "ods",
    "pptx",
    "rtf",
    "txt",
    "zip",
]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 15 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp", "heic"]
# Phones send HEIC: accepted (pillow-heif), served as JPEG; AVIF stays AVIF.
WAGTAILIMAGES_FORMAT_CONVERSIONS = {"heic": "jpeg", "avif": "avif"}
# Chosen with bench/image_quality.py (docs/performance.md): the smallest files at SSIM ≥ 0.99.
WAGTAILIMAGES_AVIF_QUALITY = 60
WAGTAILIMAGES_WEBP_QUALITY = 80
WAGTAILIMAGES_JPEG_QUALITY = 80
# No image without a description: it is the alt text ImageBlock offers by default.
WAGTAILIMAGES_IMAGE_FORM_BASE = "home.image_forms.DescribedImageForm"
WAGTAILEMBEDS_RESPONSIVE_HTML = True
# Embeds only from an allow-list (the frames the public CSP permits: foundation/security.py).
WAGTAILEMBEDS_FINDERS = [
    {"class": "wagtail.embeds.finders.oembed", "providers": [oembed_youtube, oembed_vimeo]}
]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}

# Security: headers, the public pages' Content-Security-Policy, login lock-out (docs/operations.md).
X_FRAME_OPTIONS = "SAMEORIGIN"  # Wagtail's live preview frames the page from the admin
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
CONTENT_SECURITY_POLICY = {
    # The admin (and its previews) runs inline scripts; it gets frame-ancestors only.
    "EXCLUDE_URL_PREFIXES": ["/admin/"],
    "DIRECTIVES": public_csp_directives(MEDIA_URL, env_list("CSP_EXTRA_IMAGE_ORIGINS")),
}

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = datetime.timedelta(minutes=env_int("AXES_COOLOFF_MINUTES", 15))
# Locked when either the account or the address has failed too often; a protected page's
# password locks only the guessing address on that page (foundation/lockout.py).
AXES_LOCKOUT_PARAMETERS = "foundation.lockout.lockout_parameters"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "foundation.lockout.lockout_response"
AXES_HTTP_RESPONSE_CODE = 429
AXES_ENABLE_ADMIN = False
AXES_CLIENT_IP_CALLABLE = "foundation.security.client_ip"
# How many reverse proxies append to X-Forwarded-For (0: trust REMOTE_ADDR only).
KRONIKA_TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
