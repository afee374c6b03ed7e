"""The organisation settings moved from home to the foundation app: an existing site keeps its
settings row and the editors' permission to change it."""

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from wagtail.models import Site

from foundation.models import OrganisationSettings
from tests.factories import ensure_wagtail_roots

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("home", "0006_image_alt_text_defaults_to_description"), ("foundation", None)]


def migrate(targets):
    """Migrate to `targets`; the models as they were there."""
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    executor.loader.build_graph()
    return executor.loader.project_state([t for t in targets if t[1] is not None]).apps


def latest():
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


@pytest.fixture
def site_before_the_move():
    """A site, and the database migrated back to before the move; forward again at the end,
    whatever the test did, so the database can be flushed."""
    site = Site.objects.create(hostname="przeniesienie.example", root_page=ensure_wagtail_roots())
    yield site, migrate(BEFORE)
    migrate(latest())


def test_settings_and_their_permission_survive_the_move(site_before_the_move):
    site, old = site_before_the_move
    old.get_model("home", "OrganisationSettings").objects.create(site_id=site.pk, name="ROPS")
    # Made with the test database (migrating back moved them to home), or by an earlier test.
    content_type, _ = old.get_model("contenttypes", "ContentType").objects.get_or_create(
        app_label="home", model="organisationsettings"
    )
    permission, _ = old.get_model("auth", "Permission").objects.get_or_create(
        content_type=content_type,
        codename="change_organisationsettings",
        defaults={"name": "Can change dane organizacji"},
    )
    old.get_model("auth", "Group").objects.create(name="Redakcja").permissions.add(permission)

    migrate(latest())

    assert OrganisationSettings.for_site(Site.objects.get(pk=site.pk)).name == "ROPS"
    granted = Group.objects.get(name="Redakcja").permissions.get()
    assert (granted.content_type.app_label, granted.codename) == (
        "foundation",
        "change_organisationsettings",
    )
