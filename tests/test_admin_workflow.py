"""The editorial workflow: Redaktorzy write and submit, Zatwierdzający approve and publish."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Page, WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from home.models import StandardPage
from tests.factories import add_page, make_user

pytestmark = pytest.mark.django_db


def edit_form_data(page, body=(), **extra):
    """POST data of the page editor for a StandardPage-like page."""
    data = nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "lead": page.lead,
            "body": streamfield(list(body)),
            "seo_title": "",
            "search_description": "",
            "comments": inline_formset([]),
        }
    )
    data.update(extra)
    return data


def test_groups_exist_with_admin_access():
    for name in ("Redaktorzy", "Zatwierdzający"):
        group = Group.objects.get(name=name)
        assert group.permissions.filter(codename="access_admin").exists()


def test_editor_can_add_and_edit_but_not_publish(site_tree):
    editor = make_user("redaktorka", groups=["Redaktorzy"])
    perms = site_tree.standard.permissions_for_user(editor)
    assert perms.can_edit()
    assert not perms.can_publish()
    assert site_tree.home.permissions_for_user(editor).can_add_subpage()


def test_approver_can_publish(site_tree):
    approver = make_user("szefowa", groups=["Zatwierdzający"])
    perms = site_tree.standard.permissions_for_user(approver)
    assert perms.can_edit() and perms.can_publish()


def test_editors_can_choose_and_add_images_and_documents(site_tree):
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.permissions import policy_registry

    editor = make_user("redaktorka", groups=["Redaktorzy"])
    for model in (get_image_model(), get_document_model()):
        policy = policy_registry.get_by_type(model)
        assert policy.user_has_permission(editor, "add")
        assert policy.user_has_permission(editor, "choose")


def test_workflow_is_inherited_by_every_section(site_tree):
    root = Page.get_first_root_node()
    workflow = root.get_workflow()
    assert workflow.name == "Zatwierdzenie publikacji"
    tasks = [task.specific for task in workflow.tasks]
    assert [task.name for task in tasks] == ["Akceptacja"]
    assert [group.name for group in tasks[0].groups.all()] == ["Zatwierdzający"]
    for page in (site_tree.home, site_tree.standard):
        assert page.get_workflow() == workflow


def test_editor_submits_and_approver_publishes_through_the_admin(client, site_tree):
    page = add_page(site_tree.home, StandardPage(title="Nowa", slug="nowa"), publish=False)
    client.force_login(make_user("redaktorka", groups=["Redaktorzy"]))
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])

    # An editor's "publish" is ignored: the page stays a draft.
    client.post(edit_url, edit_form_data(page, **{"action-publish": "1"}))
    page.refresh_from_db()
    assert not page.live

    response = client.post(edit_url, edit_form_data(page, **{"action-submit": "1"}))
    assert response.status_code == 302
    state = WorkflowState.objects.get(object_id=str(page.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.current_task_state.task.name == "Akceptacja"

    client.force_login(make_user("szefowa", groups=["Zatwierdzający"]))
    approve_url = reverse(
        "wagtailadmin_pages:workflow_action", args=[page.pk, "approve", state.current_task_state.pk]
    )
    response = client.post(approve_url, {"comment": ""})
    assert response.status_code in (200, 302)
    page.refresh_from_db()
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED
    assert page.live
