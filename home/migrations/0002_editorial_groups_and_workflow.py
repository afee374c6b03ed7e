"""Editors' groups and the approval workflow, granted on the tree root so every section inherits them.

Redaktorzy write and submit for moderation; Zatwierdzający also publish and approve the
"Akceptacja" task of the "Zatwierdzenie publikacji" workflow. Follows Wagtail's own
0002_initial_data / 0048_add_default_workflows: historical models only, permissions created with
get_or_create because post_migrate has not run yet on a fresh database. Idempotent.
"""

from django.db import migrations

EDITORS = "Redaktorzy"
APPROVERS = "Zatwierdzający"
WORKFLOW = "Zatwierdzenie publikacji"
TASK = "Akceptacja"

# (app_label, model, codename, name) — names as Django/Wagtail would create them.
ADMIN_ACCESS = ("wagtailadmin", "admin", "access_admin", "Can access Wagtail admin")
PAGE_ADD = ("wagtailcore", "page", "add_page", "Can add page")
PAGE_CHANGE = ("wagtailcore", "page", "change_page", "Can change page")
PAGE_PUBLISH = ("wagtailcore", "page", "publish_page", "Publish any page")
PAGE_LOCK = ("wagtailcore", "page", "lock_page", "Lock/unlock pages you've locked")
PAGE_UNLOCK = ("wagtailcore", "page", "unlock_page", "Unlock any page")
IMAGE_ADD = ("wagtailimages", "image", "add_image", "Can add image")
IMAGE_CHOOSE = ("wagtailimages", "image", "choose_image", "Can choose image")
DOCUMENT_ADD = ("wagtaildocs", "document", "add_document", "Can add document")
DOCUMENT_CHOOSE = ("wagtaildocs", "document", "choose_document", "Can choose document")

EDITOR_PAGE_PERMISSIONS = [PAGE_ADD, PAGE_CHANGE, PAGE_LOCK]
APPROVER_PAGE_PERMISSIONS = [*EDITOR_PAGE_PERMISSIONS, PAGE_PUBLISH, PAGE_UNLOCK]
COLLECTION_PERMISSIONS = [IMAGE_ADD, IMAGE_CHOOSE, DOCUMENT_ADD, DOCUMENT_CHOOSE]


def permission(apps, spec):
    ContentType = apps.get_model("contenttypes.ContentType")
    Permission = apps.get_model("auth.Permission")
    app_label, model, codename, name = spec
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    perm, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": name}
    )
    return perm


def create_groups_and_workflow(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Group = apps.get_model("auth.Group")
    Page = apps.get_model("wagtailcore.Page")
    Collection = apps.get_model("wagtailcore.Collection")
    GroupPagePermission = apps.get_model("wagtailcore.GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore.GroupCollectionPermission")
    Workflow = apps.get_model("wagtailcore.Workflow")
    WorkflowTask = apps.get_model("wagtailcore.WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore.WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore.GroupApprovalTask")

    root = Page.objects.filter(depth=1).order_by("path").first()
    root_collection = Collection.objects.filter(depth=1).order_by("path").first()
    admin_access = permission(apps, ADMIN_ACCESS)

    groups = {}
    for name, page_perms in (
        (EDITORS, EDITOR_PAGE_PERMISSIONS),
        (APPROVERS, APPROVER_PAGE_PERMISSIONS),
    ):
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(admin_access)
        if root is not None:
            for spec in page_perms:
                GroupPagePermission.objects.get_or_create(
                    group=group, page=root, permission=permission(apps, spec)
                )
        if root_collection is not None:
            for spec in COLLECTION_PERMISSIONS:
                GroupCollectionPermission.objects.get_or_create(
                    group=group, collection=root_collection, permission=permission(apps, spec)
                )
        groups[name] = group

    task_type, _ = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="groupapprovaltask"
    )
    task = GroupApprovalTask.objects.filter(name=TASK).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK, content_type=task_type, active=True)
    task.groups.add(groups[APPROVERS])

    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    if root is not None:
        # The page is the primary key: this replaces Wagtail's default "Moderators approval".
        WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})


def remove_groups_and_workflow(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    Workflow = apps.get_model("wagtailcore.Workflow")
    Task = apps.get_model("wagtailcore.Task")
    Workflow.objects.filter(name=WORKFLOW).delete()
    Task.objects.filter(name=TASK).delete()
    Group.objects.filter(name__in=[EDITORS, APPROVERS]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RunPython(create_groups_and_workflow, remove_groups_and_workflow),
    ]
