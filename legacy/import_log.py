"""How an imported draft is recorded, so the dashboard can list what waits for review.

The importer calls `log_import(page, source)` after saving the draft's revision; the page's
history then says "Zaimportowano z …", and the dashboard panel (dashboard.py) finds the drafts
from the log, so pages a one-off script imported with `log_import` are listed too.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import LogFormatter, log

IMPORT_ACTION = "kronika.import"
IMPORT_MESSAGE_PREFIX = "Zaimportowano z"


class ImportLogFormatter(LogFormatter):
    label = _("Import ze starej strony")

    def format_message(self, log_entry):
        return log_entry.data.get("message") or _("Zaimportowano ze starej strony")


def log_import(page, source, user=None):
    """Record that `page` (a draft) was imported from `source` (a file name or an old URL)."""
    return log(
        page,
        IMPORT_ACTION,
        user=user,
        revision=page.latest_revision,
        data={"message": f"{IMPORT_MESSAGE_PREFIX} {source}"},
    )
