"""Wagtail's English defaults that editors meet: its page tree root and root collection, both
named "Root" (the first starts every breadcrumb), and the unused "Editors" and "Moderators"
groups and "Moderators approval" workflow, which 0002 replaced with Polish ones."""

from django.conf import settings
from django.db import migrations

PAGE_ROOT = ("Root", "Wszystkie strony")
COLLECTION_ROOT = ("Root", "Wszystkie pliki")
DEFAULT_GROUPS = ["Editors", "Moderators"]
DEFAULT_WORKFLOW = "Moderators approval"


def rename(apps, page_names, collection_names):
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    old, new = page_names
    Page.objects.filter(depth=1, title=old).update(title=new, draft_title=new)
    old, new = collection_names
    Collection.objects.filter(depth=1, name=old).update(name=new)


def remove_unused_defaults(apps):
    """Only what nobody uses: a group without members, a workflow and task never run or assigned."""
    Group = apps.get_model("auth", "Group")
    User = apps.get_model(settings.AUTH_USER_MODEL)
    Workflow = apps.get_model("wagtailcore", "Workflow")
    Task = apps.get_model("wagtailcore", "Task")
    WorkflowState = apps.get_model("wagtailcore", "WorkflowState")
    TaskState = apps.get_model("wagtailcore", "TaskState")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")
    for workflow in Workflow.objects.filter(name=DEFAULT_WORKFLOW):
        in_use = (
            WorkflowState.objects.filter(workflow=workflow).exists()
            or WorkflowPage.objects.filter(workflow=workflow).exists()
            or WorkflowContentType.objects.filter(workflow=workflow).exists()
        )
        if not in_use:
            workflow.delete()
    for task in Task.objects.filter(name=DEFAULT_WORKFLOW):
        if not TaskState.objects.filter(task=task).exists() and not task.workflow_tasks.exists():
            task.delete()
    for group in Group.objects.filter(name__in=DEFAULT_GROUPS):
        if not User.objects.filter(groups=group).exists():
            group.delete()


def forwards(apps, schema_editor):
    rename(apps, PAGE_ROOT, COLLECTION_ROOT)
    remove_unused_defaults(apps)


def backwards(apps, schema_editor):
    rename(apps, PAGE_ROOT[::-1], COLLECTION_ROOT[::-1])


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0003_organisationsettings_open_data_licence"),
        ("wagtailcore", "0098_apitoken"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
