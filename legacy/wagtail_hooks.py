"""The importer's side of the admin: its drafts on the dashboard and its entries in page
history."""

from wagtail import hooks

from .dashboard import ImportedDraftsPanel
from .import_log import IMPORT_ACTION, ImportLogFormatter


@hooks.register("construct_homepage_panels")
def add_imported_drafts_panel(request, panels):
    panels.append(ImportedDraftsPanel())


@hooks.register("register_log_actions")
def register_import_action(actions):
    actions.register_action(IMPORT_ACTION)(ImportLogFormatter)
