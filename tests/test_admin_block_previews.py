"""Every block of the block picker has a description and a preview that renders content."""

import io
import re

import pytest
from django.core.files.base import ContentFile
from wagtail.blocks import StreamBlock
from wagtail.documents import get_document_model
from wagtail.fields import StreamField
from wagtail.models import get_page_models

from tests.factories import make_image, make_user

pytestmark = pytest.mark.django_db


def picker_blocks():
    """(page type, field, block name, block) for each block offered in a StreamField's picker."""
    found = []
    for model in get_page_models():
        for field in model._meta.get_fields():
            if isinstance(field, StreamField) and field.model is model:
                stream: StreamBlock = field.stream_block
                for name, block in stream.child_blocks.items():
                    found.append((model.__name__, field.name, name, block))
    return found


def as_params(found):
    return [
        pytest.param(model, field, name, block, id=f"{model}.{field}.{name}")
        for model, field, name, block in found
    ]


BLOCKS = picker_blocks()
PARAMS = as_params(BLOCKS)


def test_home_and_standard_pages_are_covered():
    assert {"HomePage", "StandardPage"} <= {model for model, *_rest in BLOCKS}


@pytest.mark.parametrize(("model", "field", "name", "block"), PARAMS)
def test_block_has_polish_description_and_is_previewable(model, field, name, block):
    description = str(block.get_description())
    assert description, f"{name} has no description"
    assert re.search(r"[a-ząćęłńóśźż]{3,}", description)
    assert block.is_previewable, f"{name} is not previewable in the block picker"


@pytest.fixture
def seeded_library(site_tree):
    make_image(title="Wizyta w CUS", description="Uczestnicy wizyty przed budynkiem CUS")
    document = get_document_model()(title="Program wizyty")
    document.file.save("program.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"), save=False)
    document.save()
    return io


@pytest.mark.parametrize(("model", "field", "name", "block"), PARAMS)
def test_block_preview_renders_content(client, seeded_library, model, field, name, block):
    client.force_login(make_user("redaktorka", groups=["Redaktorzy"]))
    response = client.get("/admin/block-preview/", {"id": block.definition_prefix})
    assert response.status_code == 200
    html = response.content.decode()
    main = html[html.index("<main>") : html.index("</main>")]
    visible = re.sub(r"<[^>]+>", " ", main).split()
    assert visible or "<img" in main, f"the preview of {name} is empty"
    assert "kronika.css" in html
    if name in ("image", "gallery"):
        assert "<img" in main and 'alt="Uczestnicy wizyty przed budynkiem CUS"' in main
