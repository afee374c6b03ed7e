"""Editors' avatars never come from gravatar.com: that would send a hash of each editor's e-mail
address to a third party on every admin page."""

import pytest
from wagtail.models import Workflow

from tests.factories import build_public_site, make_user

AVATAR_SCREENS = [
    "/admin/",
    "/admin/account/",
    "/admin/users/",
    "/admin/reports/site-history/",
    "/admin/reports/aging-pages/",
    "/admin/reports/workflow/",
]


@pytest.mark.django_db
def test_no_admin_page_references_gravatar(client):
    site = build_public_site()
    editor = make_user("redaktorka", groups=["Redaktorzy"])
    Workflow.objects.get(name="Zatwierdzenie publikacji").start(site.article, editor)
    client.force_login(make_user("admin", superuser=True))
    urls = [
        *AVATAR_SCREENS,
        f"/admin/pages/{site.article.pk}/edit/",
        f"/admin/pages/{site.article.pk}/history/",
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert "gravatar" not in html.lower(), url
        assert "default-user-avatar" in html, f"{url} shows no avatar at all"
