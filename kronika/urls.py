import re

from django.conf import settings
from django.urls import include, path, re_path
from django.views.static import serve
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from foundation import lockout
from home import views as home_views
from search import views as search_views

handler500 = "foundation.resilience.server_error"

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("dokumenty/", include(wagtaildocs_urls)),
    path("healthz", home_views.healthz, name="healthz"),
    path("robots.txt", home_views.robots_txt, name="robots_txt"),
    path("favicon.ico", home_views.favicon, name="favicon"),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("aktualnosci/", include("news.urls")),
    path("szukaj/", search_views.search, name="search"),
    path("szukaj/podpowiedzi/", search_views.suggest, name="search_suggest"),
    path("wizyty-studyjne/", include("visits.urls")),
    # Wagtail's own address for a protected page's password, answered with guessing limited.
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        lockout.authenticate_with_page_password,
    ),
]

if (settings.DEBUG or settings.KRONIKA_SERVE_MEDIA) and not settings.AWS_STORAGE_BUCKET_NAME:
    # Django's static() helper serves nothing without DEBUG; `make run` keeps DEBUG off.
    urlpatterns += [
        re_path(
            rf"^{re.escape(settings.MEDIA_URL.lstrip('/'))}(?P<path>.*)$",
            serve,
            {"document_root": settings.MEDIA_ROOT},
        )
    ]

urlpatterns += [path("", include(wagtail_urls))]
