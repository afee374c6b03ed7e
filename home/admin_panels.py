"""Dashboard panels: what waits for approval, the next visits and one's own unfinished drafts
(the importer's drafts are legacy/dashboard.py's).

Each panel runs a fixed number of queries, whatever the number of rows it shows.
"""

from django.contrib.contenttypes.models import ContentType
from django.middleware.csrf import get_token
from django.utils import timezone
from wagtail.admin.ui.components import Component
from wagtail.models import Page, Revision, WorkflowState

from visits.models import VisitPage

from .drafts import unfinished_drafts
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


class UpcomingVisitsPanel(DashboardPanel):
    """Najbliższe wizyty: live or draft visits from today on, soonest first."""

    name = "upcoming_visits"
    template_name = "home/admin/upcoming_visits.html"
    order = 145
    limit = 5

    def get_rows(self, request):
        fields = (
            "title",
            "draft_title",
            "live",
            "has_unpublished_changes",
            "start_date",
            "end_date",
        )
        return list(
            VisitPage.objects.filter(start_date__gte=timezone.localdate())
            .only("id", *fields)
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


def dashboard_panels():
    return [AwaitingApprovalPanel(), MyDraftsPanel(), UpcomingVisitsPanel()]
