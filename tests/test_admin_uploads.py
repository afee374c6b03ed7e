"""What an editor can put in the image and document libraries, and what they are told in Polish."""

import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

pytestmark = pytest.mark.django_db

IMAGES_ADD = "/admin/images/add/"
DOCUMENTS_ADD = "/admin/documents/add/"


def jpeg(size=(120, 80), name="zdjecie.jpg"):
    buffer = io.BytesIO()
    PILImage.new("RGB", size, "teal").save(buffer, "JPEG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


def heic(size=(120, 80), name="IMG_0001.HEIC"):
    pillow_heif = pytest.importorskip("pillow_heif")
    pillow_heif.register_heif_opener()
    buffer = io.BytesIO()
    try:
        PILImage.new("RGB", size, "orange").save(buffer, format="HEIF")
    except (KeyError, OSError, ValueError) as error:  # a build without an HEVC encoder
        pytest.skip(f"this pillow-heif build cannot write HEIC: {error}")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/heic")


def image_data(file, description="Uczestnicy wizyty przed budynkiem CUS"):
    return {
        "title": "Wizyta",
        "file": file,
        "description": description,
        "collection": Collection.get_first_root_node().pk,
        "tags": "",
    }


def errors_of(response, field):
    return " ".join(response.context["form"].errors.get(field, []))


def test_image_with_description_is_added(editor_client):
    response = editor_client.post(IMAGES_ADD, image_data(jpeg()))
    assert response.status_code == 302
    image = get_image_model().objects.get()
    assert image.description == "Uczestnicy wizyty przed budynkiem CUS"
    assert image.default_alt_text == "Uczestnicy wizyty przed budynkiem CUS"


def test_image_without_description_is_refused_in_polish(editor_client):
    response = editor_client.post(IMAGES_ADD, image_data(jpeg(), description="  "))
    assert response.status_code == 200
    assert errors_of(response, "description") == (
        "Dodaj tekst alternatywny: opisz, co widać na zdjęciu."
    )
    assert not get_image_model().objects.exists()


def test_image_form_labels_description_as_alt_text(editor_client):
    html = editor_client.get(IMAGES_ADD).content.decode()
    assert "Tekst alternatywny — opisz, co widać na zdjęciu" in html
    field = re.search(r'<input[^>]*name="description"[^>]*>', html).group(0)
    assert "required" in field


def test_heic_from_a_phone_is_accepted_and_served_as_jpeg(editor_client):
    response = editor_client.post(IMAGES_ADD, image_data(heic()))
    assert response.status_code == 302, response.context["form"].errors
    image = get_image_model().objects.get()
    assert image.file.name.lower().endswith(".heic")
    assert (image.width, image.height) == (120, 80)
    rendition = image.get_rendition("width-60")
    assert rendition.file.name.endswith(".jpg")
    assert rendition.width == 60


@override_settings(WAGTAILIMAGES_MAX_UPLOAD_SIZE=100)
def test_oversized_image_is_refused_in_polish(editor_client):
    response = editor_client.post(IMAGES_ADD, image_data(jpeg()))
    assert response.status_code == 200
    assert "za duży" in errors_of(response, "file")
    assert "Maksymalny rozmiar pliku 100" in errors_of(response, "file")
    assert not get_image_model().objects.exists()


@override_settings(WAGTAILIMAGES_MAX_IMAGE_PIXELS=1000)
def test_image_with_too_many_pixels_is_refused_in_polish(editor_client):
    response = editor_client.post(IMAGES_ADD, image_data(jpeg(size=(100, 100))))
    assert response.status_code == 200
    assert errors_of(response, "file") == (
        "Ten plik ma zbyt wiele pikseli (10000). Maksymalna liczba pikseli to 1000."
    )


def test_pdf_document_is_added(editor_client):
    pdf = SimpleUploadedFile("sprawozdanie.pdf", b"%PDF-1.4\n%%EOF\n", "application/pdf")
    response = editor_client.post(
        DOCUMENTS_ADD,
        {"title": "Sprawozdanie", "file": pdf, "collection": Collection.get_first_root_node().pk},
    )
    assert response.status_code == 302
    assert get_document_model().objects.get().title == "Sprawozdanie"


@pytest.mark.parametrize(
    ("name", "content"), [("program.exe", b"MZ\x90\x00"), ("strona.html", b"<script></script>")]
)
def test_unexpected_document_type_is_refused_in_polish(editor_client, name, content):
    upload = SimpleUploadedFile(name, content, "application/octet-stream")
    response = editor_client.post(
        DOCUMENTS_ADD,
        {"title": "Plik", "file": upload, "collection": Collection.get_first_root_node().pk},
    )
    assert response.status_code == 200
    message = errors_of(response, "file")
    assert "jest niedozwolone" in message and "pdf" in message
    assert not get_document_model().objects.exists()
