# OrganisationSettings moved to the foundation app (foundation/migrations/0001_initial.py): the
# table is renamed here and the model leaves home's state; the rows stay.

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0006_image_alt_text_defaults_to_description"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[
                migrations.AlterModelTable("OrganisationSettings", "foundation_organisationsettings"),
            ],
            state_operations=[migrations.DeleteModel("OrganisationSettings")],
        ),
    ]
