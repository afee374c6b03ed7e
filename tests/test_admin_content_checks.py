"""The accessibility checker runs the WCAG 2.1 AA rules plus the alt-text quality check."""

import json
import re
from html import unescape

import pytest

from home.content_checks import WCAG_TAGS
from tests.factories import make_user

pytestmark = pytest.mark.django_db


def axe_configuration(html):
    match = re.search(
        r'<script id="checker-axe-configuration" type="application/json">(.*?)</script>', html, re.S
    )
    assert match, "no axe configuration on the page"
    return json.loads(unescape(match.group(1)))


def assert_wcag_configuration(config):
    assert config["options"]["runOnly"] == WCAG_TAGS
    assert config["options"]["rules"]["alt-text-quality"] == {"enabled": True}
    rule_ids = [rule["id"] for rule in config["spec"]["rules"]]
    assert "alt-text-quality" in rule_ids
    assert "check-image-alt-text" in [check["id"] for check in config["spec"]["checks"]]
    assert config["messages"]["image-alt"]["error_name"] == "Zdjęcie bez tekstu alternatywnego"


def test_userbar_checker_on_a_live_page(client, site_tree):
    client.force_login(make_user("szefowa", groups=["Zatwierdzający"]))
    assert_wcag_configuration(axe_configuration(client.get("/o-nas/").content.decode()))


def test_editor_checks_panel(client, site_tree):
    client.force_login(make_user("redaktorka", groups=["Redaktorzy"]))
    html = client.get(f"/admin/pages/{site_tree.standard.pk}/edit/").content.decode()
    assert_wcag_configuration(axe_configuration(html))
