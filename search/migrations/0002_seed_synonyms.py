"""The acronyms of the sector that readers type, each with the full name it stands for; the
editors' groups may change the list (permissions created with get_or_create, as in
home.0002: post_migrate has not run yet on a fresh database)."""

from django.db import migrations

SEED = [
    ("MOPS, GOPS, MGOPS, MOPR", "ośrodek pomocy społecznej"),
    ("PCPR", "powiatowe centrum pomocy rodzinie"),
    ("CUS", "centrum usług społecznych"),
    ("DPS", "dom pomocy społecznej"),
    ("ŚDS", "środowiskowy dom samopomocy"),
    ("WTZ", "warsztat terapii zajęciowej"),
    ("ZAZ", "zakład aktywności zawodowej"),
    ("KIS", "klub integracji społecznej"),
    ("CIS", "centrum integracji społecznej"),
    ("LGD", "lokalna grupa działania"),
    ("PES", "podmiot ekonomii społecznej"),
    ("OWES", "ośrodek wsparcia ekonomii społecznej"),
    ("NGO", "organizacja pozarządowa"),
]


def seed(apps, schema_editor):
    Synonym = apps.get_model("search", "Synonym")
    for abbreviations, full_name in SEED:
        Synonym.objects.get_or_create(full_name=full_name, defaults={"abbreviations": abbreviations})


GROUPS = ("Redaktorzy", "Zatwierdzający")
ACTIONS = {"add": "Can add", "change": "Can change", "delete": "Can delete", "view": "Can view"}


def grant_to_editors(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Permission = apps.get_model("auth.Permission")
    Group = apps.get_model("auth.Group")
    content_type, _ = ContentType.objects.get_or_create(app_label="search", model="synonym")
    permissions = [
        Permission.objects.get_or_create(
            content_type=content_type,
            codename=f"{action}_synonym",
            defaults={"name": f"{label} synonym"},
        )[0]
        for action, label in ACTIONS.items()
    ]
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.add(*permissions)


def unseed(apps, schema_editor):
    Synonym = apps.get_model("search", "Synonym")
    for abbreviations, full_name in SEED:
        Synonym.objects.filter(abbreviations=abbreviations, full_name=full_name).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0001_synonym"),
        ("home", "0002_editorial_groups_and_workflow"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [
        migrations.RunPython(seed, unseed),
        migrations.RunPython(grant_to_editors, migrations.RunPython.noop),
    ]
