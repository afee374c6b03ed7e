"""The import-only photo placeholder is offered only in bodies that already hold one."""

import json

import pytest

from news.models import NewsPage
from tests.factories import make_news_index, make_news_page, make_user, paragraph

pytestmark = pytest.mark.django_db


def in_block_definitions(label):
    """How a block label appears in the editor's (HTML-escaped JSON) block definitions."""
    return json.dumps(label)[1:-1].replace('"', "&quot;")


PLACEHOLDER = in_block_definitions("Miejsce na zdjęcie (z importu)")


@pytest.fixture
def editor_client(client, site_tree):
    client.force_login(make_user("redaktorka", groups=["Redaktorzy"]))
    return client


def placeholder(caption):
    return {"type": "photo_placeholder", "value": {"caption": caption, "source": "a.jpg"}}


def test_new_and_ordinary_pages_are_not_offered_the_import_placeholder(editor_client, site_tree):
    index = make_news_index(site_tree.home)
    add = editor_client.get(f"/admin/pages/add/news/newspage/{index.pk}/")
    assert add.status_code == 200
    assert PLACEHOLDER not in add.content.decode()
    assert in_block_definitions("Galeria zdjęć") in add.content.decode()
    article = make_news_page(index, title="Zwykły wpis", body=[paragraph("Tekst.")])
    edit = editor_client.get(f"/admin/pages/{article.pk}/edit/").content.decode()
    assert PLACEHOLDER not in edit


def test_an_imported_page_keeps_its_placeholders_editable(editor_client, site_tree):
    index = make_news_index(site_tree.home)
    imported = make_news_page(
        index,
        title="Z importu",
        body=[paragraph("Tekst."), placeholder("Uczestnicy przed budynkiem")],
        publish=False,
    )
    edit = editor_client.get(f"/admin/pages/{imported.pk}/edit/").content.decode()
    assert PLACEHOLDER in edit and in_block_definitions("Uczestnicy przed budynkiem") in edit
    # The field's own block is whole: the model still reads and validates placeholders.
    body = NewsPage._meta.get_field("body").stream_block
    assert "photo_placeholder" in body.child_blocks
