"""Dashboard panels: what waits for approval, the next visits, one's own unfinished drafts and
the drafts of the importer.

Each panel runs a fixed number of queries, whatever the number of rows it shows.
"""

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db.models import Max
from django.middleware.csrf import get_token
from django.utils import timezone
from wagtail.admin.ui.components import Component
from wagtail.models import Page, PageLogEntry, Revision, WorkflowState

from .drafts import unfinished_drafts
from .import_log import IMPORT_MESSAGE_PREFIX
from .plain_language import revision_text
from .readability import measure


class DashboardPanel(Component):
    order = 150

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["request"] = parent_context.get("request")
        context["rows"] = self.get_rows(parent_context.get("request"))
        return context

    def get_rows(self, request):
        raise NotImplementedError


def readability_by_page(pages):
    """{page id: Readability of its latest revision}, in one query whatever the number of pages."""
    revisions = Revision.objects.filter(
        pk__in=[page.latest_revision_id for page in pages if page.latest_revision_id]
    ).only("object_id", "content_type_id", "content")
    return {int(revision.object_id): measure(revision_text(revision)) for revision in revisions}


LISTED_PAGE_FIELDS = ("id", "title", "draft_title", "latest_revision")


class AwaitingApprovalPanel(DashboardPanel):
    """Czeka na zatwierdzenie: pages in moderation, newest submission first."""

    name = "awaiting_approval"
    template_name = "home/admin/awaiting_approval.html"
    order = 140
    limit = 20

    def get_rows(self, request):
        page_type = ContentType.objects.get_for_model(Page)
        states = list(
            WorkflowState.objects.filter(
                status=WorkflowState.STATUS_IN_PROGRESS, base_content_type=page_type
            )
            .select_related("requested_by", "current_task_state__task")
            .order_by("-created_at")[: self.limit]
        )
        pages = Page.objects.only(*LISTED_PAGE_FIELDS).in_bulk(
            [int(state.object_id) for state in states]
        )
        readability = readability_by_page(pages.values())
        return [
            {
                "page": pages[int(state.object_id)],
                "state": state,
                "readability": readability.get(int(state.object_id)),
            }
            for state in states
            if int(state.object_id) in pages
        ]


def visit_page_model():
    """The VisitPage model when the visits app defines one with a start date, else None."""
    try:
        model = apps.get_model("visits", "VisitPage")
    except LookupError:
        return None
    field_names = {field.name for field in model._meta.get_fields()}
    return model if "start_date" in field_names else None


class UpcomingVisitsPanel(DashboardPanel):
    """Najbliższe wizyty: live or draft visits from today on, soonest first."""

    name = "upcoming_visits"
    template_name = "home/admin/upcoming_visits.html"
    order = 145
    limit = 5

    def render_html(self, parent_context=None):
        if visit_page_model() is None:
            return ""
        return super().render_html(parent_context)

    def get_rows(self, request):
        model = visit_page_model()
        if model is None:
            return []
        fields = ["id", "title", "draft_title", "live", "has_unpublished_changes", "start_date"]
        if "end_date" in {field.name for field in model._meta.get_fields()}:
            fields.append("end_date")
        return list(
            model.objects.filter(start_date__gte=timezone.localdate())
            .only(*fields)
            .order_by("start_date", "pk")[: self.limit]
        )


class MyDraftsPanel(DashboardPanel):
    """Moje szkice: pages whose unpublished changes the current editor saved last."""

    name = "my_drafts"
    template_name = "home/admin/my_drafts.html"
    order = 142
    limit = 10

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        # Its discard buttons are forms; a component's context has no token of its own.
        context["csrf_token"] = get_token(context["request"])
        return context

    def get_rows(self, request):
        return unfinished_drafts(request.user, self.limit)


def import_record_model():
    """legacy.ImportRecord when the importer's app is installed, else None."""
    try:
        return apps.get_model("legacy", "ImportRecord")
    except LookupError:
        return None


class ImportedDraftsPanel(DashboardPanel):
    """Szkice z importu: unpublished pages whose history says "Zaimportowano z …".

    The page log is the source every importer can write to (home.import_log.log_import); the
    legacy app's ImportRecord, when installed, adds the pages it made and its warnings.
    """

    name = "imported_drafts"
    template_name = "home/admin/imported_drafts.html"
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
        record_model = import_record_model()
        if record_model is not None:
            records = (
                record_model.objects.filter(page__live=False)
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


def dashboard_panels():
    return [AwaitingApprovalPanel(), MyDraftsPanel(), UpcomingVisitsPanel(), ImportedDraftsPanel()]
