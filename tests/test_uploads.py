"""Hostile uploads to the image and document libraries: a Polish error, and nothing kept.

Nothing kept means no row and no file left behind in MEDIA_ROOT — a refused upload must not
fill the disk or leave an orphan that a later rendition could pick up.
"""

import io
import struct
import zlib
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

pytestmark = pytest.mark.django_db

IMAGES_ADD = "/admin/images/add/"
DOCUMENTS_ADD = "/admin/documents/add/"


def media_files():
    return {p for p in Path(settings.MEDIA_ROOT).rglob("*") if p.is_file()}


def png(size=(64, 64)):
    buffer = io.BytesIO()
    PILImage.new("RGB", size, "white").save(buffer, "PNG")
    return buffer.getvalue()


def png_claiming(width, height):
    """A tiny valid PNG whose header claims `width` × `height`: a decompression bomb's header."""
    data = bytearray(png((8, 8)))
    # IHDR is the first chunk: length(4) type(4) width(4) height(4) ... crc(4), after 8 magic bytes.
    data[16:24] = struct.pack(">II", width, height)
    crc = zlib.crc32(bytes(data[12:29])) & 0xFFFFFFFF
    data[29:33] = struct.pack(">I", crc)
    return bytes(data)


def post_image(client, name, content, content_type="image/png"):
    return client.post(
        IMAGES_ADD,
        {
            "title": "Plik",
            "file": SimpleUploadedFile(name, content, content_type),
            "description": "Opis zdjęcia z wizyty",
            "collection": Collection.get_first_root_node().pk,
            "tags": "",
        },
    )


def post_document(client, name, content, content_type="application/pdf"):
    return client.post(
        DOCUMENTS_ADD,
        {
            "title": "Plik",
            "file": SimpleUploadedFile(name, content, content_type),
            "collection": Collection.get_first_root_node().pk,
        },
    )


def file_error(response):
    assert response.status_code == 200, response.status_code
    return " ".join(response.context["form"].errors.get("file", []))


BAD_IMAGES = {
    "html as jpg": ("zdjecie.jpg", b"<html><script>alert(1)</script></html>", "image/jpeg"),
    "exe as png": ("zdjecie.png", b"MZ\x90\x00" + b"\x00" * 200, "image/png"),
    "svg as png": (
        "zdjecie.png",
        b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>',
        "image/png",
    ),
    "truncated png": ("zdjecie.png", png()[:40], "image/png"),
    "empty": ("zdjecie.png", b"", "image/png"),
}


@pytest.mark.parametrize("name,content,content_type", BAD_IMAGES.values(), ids=BAD_IMAGES.keys())
def test_bad_image_is_refused_in_polish_and_nothing_is_kept(
    editor_client, name, content, content_type
):
    before = media_files()
    message = file_error(post_image(editor_client, name, content, content_type))
    assert message, "no error on the file field"
    assert any(word in message for word in ("plik", "Plik", "obraz", "format", "pusty")), message
    assert not get_image_model().objects.exists()
    assert media_files() == before


def test_decompression_bomb_is_refused_without_decoding(editor_client):
    before = media_files()
    message = file_error(post_image(editor_client, "bomba.png", png_claiming(100_000, 100_000)))
    assert "pikseli" in message, message
    assert not get_image_model().objects.exists()
    assert media_files() == before


@override_settings(WAGTAILIMAGES_MAX_UPLOAD_SIZE=1024)
def test_huge_image_is_refused_before_it_is_stored(editor_client):
    before = media_files()
    message = file_error(post_image(editor_client, "duze.png", png((400, 400)) + b"\x00" * 4096))
    assert "za duży" in message
    assert not get_image_model().objects.exists()
    assert media_files() == before


def test_empty_document_is_refused_in_polish(editor_client):
    before = media_files()
    message = file_error(post_document(editor_client, "pusty.pdf", b""))
    assert "pusty" in message, message
    assert not get_document_model().objects.exists()
    assert media_files() == before


@override_settings(WAGTAILDOCS_MAX_UPLOAD_SIZE=1024)
def test_huge_document_is_refused_in_polish(editor_client):
    before = media_files()
    message = file_error(post_document(editor_client, "duzy.pdf", b"%PDF-1.4\n" + b"0" * 4096))
    assert "za duży" in message or "rozmiar" in message, message
    assert not get_document_model().objects.exists()
    assert media_files() == before
