"""The visit reports in the admin's Reports menu ("Raporty")."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .reports import StopsPerKindView, VisitsPerVoivodeshipView

REPORTS = [
    ("wizyty-wedlug-wojewodztw", "visits_per_voivodeship", VisitsPerVoivodeshipView),
    ("miejsca-wedlug-rodzajow", "stops_per_kind", StopsPerKindView),
]


@hooks.register("register_admin_urls")
def register_report_urls():
    urls = []
    for route, name, view in REPORTS:
        urls += [
            path(f"{route}/", view.as_view(), name=name),
            path(f"{route}/wyniki/", view.as_view(results_only=True), name=f"{name}_results"),
        ]
    return [path("raporty-wizyt/", include((urls, "visit_reports"), namespace="visit_reports"))]


@hooks.register("register_reports_menu_item")
def register_visits_per_voivodeship_item():
    return MenuItem(
        _("Wizyty według województw i lat"),
        reverse("visit_reports:visits_per_voivodeship"),
        icon_name="table",
        order=1200,
    )


@hooks.register("register_reports_menu_item")
def register_stops_per_kind_item():
    return MenuItem(
        _("Miejsca według rodzajów instytucji"),
        reverse("visit_reports:stops_per_kind"),
        icon_name="table",
        order=1210,
    )
