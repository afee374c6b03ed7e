"""The editors' side of the admin: dashboard panels, the content checker and import log entries."""

from wagtail import hooks

from .admin_panels import dashboard_panels
from .content_checks import use_wcag_checker
from .import_log import IMPORT_ACTION, ImportLogFormatter


@hooks.register("construct_homepage_panels")
def add_dashboard_panels(request, panels):
    panels.extend(dashboard_panels())


@hooks.register("construct_wagtail_userbar")
def set_content_checker(request, items, page):
    use_wcag_checker(request, items, page)


@hooks.register("register_log_actions")
def register_import_action(actions):
    actions.register_action(IMPORT_ACTION)(ImportLogFormatter)
