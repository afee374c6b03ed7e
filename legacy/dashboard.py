"""The importer's dashboard panel: its drafts waiting for an editor's review."""

from django.db.models import Max
from wagtail.models import Page, PageLogEntry

from home.admin_panels import LISTED_PAGE_FIELDS, DashboardPanel, readability_by_page

from .import_log import IMPORT_MESSAGE_PREFIX
from .models import ImportRecord


class ImportedDraftsPanel(DashboardPanel):
    """Szkice z importu: unpublished pages whose history says "Zaimportowano z …".

    The page log names every imported draft (import_log.log_import, also from one-off scripts);
    ImportRecord adds the pages the importer made and its warnings.
    """

    name = "imported_drafts"
    template_name = "legacy/admin/imported_drafts.html"
    order = 150
    limit = 10

    def get_rows(self, request):
        imported_at = {
            entry["page_id"]: entry["imported_at"]
            for entry in PageLogEntry.objects.filter(
                data__message__startswith=IMPORT_MESSAGE_PREFIX, page__live=False
            )
            .values("page_id")
            .annotate(imported_at=Max("timestamp"))
            .order_by("-imported_at", "-page_id")[: self.limit]
        }
        warnings = {}
        records = (
            ImportRecord.objects.filter(page__live=False)
            .values_list("page_id", "imported_at", "warnings")
            .order_by("-imported_at", "-page_id")[: self.limit]
        )
        for page_id, when, record_warnings in records:
            imported_at[page_id] = max(imported_at.get(page_id, when), when)
            warnings[page_id] = len(record_warnings or [])
        newest = sorted(imported_at.items(), key=lambda item: (item[1], item[0]), reverse=True)
        newest = newest[: self.limit]
        pages = Page.objects.only(*LISTED_PAGE_FIELDS).in_bulk(
            [page_id for page_id, _when in newest]
        )
        readability = readability_by_page(pages.values())
        return [
            {
                "page": pages[page_id],
                "imported_at": when,
                "warnings": warnings.get(page_id, 0),
                "readability": readability.get(page_id),
            }
            for page_id, when in newest
            if page_id in pages
        ]
