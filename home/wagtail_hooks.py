"""The editors' side of the admin: dashboard panels, the content checker and discarding a live
page's draft (the importer's panel and log entries are legacy/wagtail_hooks.py's)."""

from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from .admin_panels import dashboard_panels
from .content_checks import use_wcag_checker
from .drafts import DISCARD_ACTION, DiscardDraftMenuItem, discard_view


@hooks.register("construct_homepage_panels")
def add_dashboard_panels(request, panels):
    panels.extend(dashboard_panels())


@hooks.register("construct_wagtail_userbar")
def set_content_checker(request, items, page):
    use_wcag_checker(request, items, page)


@hooks.register("register_log_actions")
def register_discard_action(actions):
    actions.register_action(
        DISCARD_ACTION, _("Odrzucenie zmian szkicu"), _("Odrzucono zmiany szkicu")
    )


@hooks.register("register_admin_urls")
def discard_draft_urls():
    return [path("szkice/<int:page_id>/odrzuc/", discard_view, name="kronika_discard_draft")]


@hooks.register("register_page_action_menu_item")
def discard_draft_menu_item():
    return DiscardDraftMenuItem()
