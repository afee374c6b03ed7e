"""Editors' unfinished drafts: the dashboard's list of one's own, and discarding a live page's draft.

Autosave is off (WAGTAIL_AUTOSAVE_INTERVAL = 0 in settings): a page exists only once its editor
saves it, and a live page gets a draft only when someone saves one. Such a draft can be
discarded in one click (the edit view's action menu, the dashboard): the page then points back
at its live revision, as if the draft had never been saved; the draft stays in the history.
"""

from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from wagtail.admin.action_menu import ActionMenuItem
from wagtail.log_actions import log
from wagtail.models import Page, Revision, WorkflowState

DISCARD_ACTION = "kronika.discard_draft"


def unfinished_drafts(user, limit=10):
    """The pages with unpublished changes whose latest revision `user` saved, newest first:
    rows of page, saved_at, in_moderation, scheduled and discardable, in three queries."""
    pages = list(
        Page.objects.filter(has_unpublished_changes=True, latest_revision__user=user)
        .select_related("latest_revision")
        .only("id", "title", "draft_title", "live", "live_revision", "latest_revision__created_at")
        .order_by("-latest_revision__created_at", "-pk")[:limit]
    )
    ids = [str(page.pk) for page in pages]
    page_type = ContentType.objects.get_for_model(Page)
    in_moderation = set(
        WorkflowState.objects.filter(
            status=WorkflowState.STATUS_IN_PROGRESS, base_content_type=page_type, object_id__in=ids
        ).values_list("object_id", flat=True)
    )
    scheduled = set(
        Revision.objects.filter(
            base_content_type=page_type, object_id__in=ids, approved_go_live_at__isnull=False
        ).values_list("object_id", flat=True)
    )
    return [
        {
            "page": page,
            "saved_at": page.latest_revision.created_at,
            "in_moderation": str(page.pk) in in_moderation,
            "scheduled": str(page.pk) in scheduled,
            "discardable": bool(page.live and page.live_revision_id)
            and str(page.pk) not in in_moderation | scheduled,
        }
        for page in pages
    ]


def can_discard(page):
    """A live page's draft can be discarded unless it is in moderation or scheduled to go live."""
    return bool(
        page.live
        and page.has_unpublished_changes
        and page.live_revision_id
        and not page.workflow_in_progress
        and page.scheduled_revision is None
    )


def discard_unpublished_changes(page, user):
    """Point `page` back at its live revision: its editors see what readers see."""
    page.latest_revision_id = page.live_revision_id
    page.has_unpublished_changes = False
    page.draft_title = page.title
    page.save(
        update_fields=["latest_revision", "has_unpublished_changes", "draft_title"], clean=False
    )
    log(page, DISCARD_ACTION, user=user, revision=page.live_revision)


@require_POST
def discard_view(request, page_id):
    page = get_object_or_404(Page, pk=page_id).specific_deferred
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    title = page.get_admin_display_title()
    if can_discard(page):
        discard_unpublished_changes(page, request.user)
        messages.success(
            request,
            _("Odrzucono zmiany szkicu „%(title)s”: strona jest taka, jak opublikowana.")
            % {"title": title},
        )
    else:
        messages.error(
            request,
            _(
                "Nie można odrzucić zmian „%(title)s”: strona nie ma zmian do odrzucenia, czeka "
                "na zatwierdzenie albo ma zaplanowaną publikację."
            )
            % {"title": title},
        )
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        target = reverse("wagtailadmin_pages:edit", args=[page.pk])
    return redirect(target)


class DiscardDraftMenuItem(ActionMenuItem):
    """ "Odrzuć zmiany szkicu" in the edit view's actions: posts the form to discard_view."""

    label = _("Odrzuć zmiany szkicu")
    name = "action-discard-draft"
    icon_name = "undo"
    template_name = "home/admin/discard_draft_menu_item.html"
    order = 90

    def is_shown(self, context):
        page = context.get("page")
        return (
            context["view"] == "edit"
            and not context["locked_for_user"]
            and can_discard(page)
            and self.get_user_page_permissions_tester(context).can_edit()
        )

    def get_url(self, parent_context):
        return reverse("kronika_discard_draft", args=[parent_context["page"].pk])
