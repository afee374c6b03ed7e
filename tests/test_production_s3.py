"""Media on S3-compatible storage: an image uploaded in Wagtail, its renditions in the bucket."""

import io
import socket

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import Collection

from tests.factories import make_user

moto_server = pytest.importorskip(
    "moto.server", reason="moto[server] is not installed (the dev extra installs it; CI has it)"
)
pytest.importorskip("storages", reason="django-storages is not installed (the s3 extra)")

pytestmark = pytest.mark.django_db
BUCKET = "kronika-media"


@pytest.fixture(scope="module")
def s3_endpoint():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = moto_server.ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    endpoint = f"http://127.0.0.1:{port}"
    import boto3

    boto3.client(
        "s3",
        endpoint_url=endpoint,
        region_name="us-east-1",
        aws_access_key_id="test",
        aws_secret_access_key="test",
    ).create_bucket(Bucket=BUCKET)
    yield endpoint
    server.stop()


@pytest.fixture
def s3_media(settings, s3_endpoint):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": BUCKET,
                "endpoint_url": s3_endpoint,
                "region_name": "us-east-1",
                "access_key": "test",
                "secret_key": "test",
                "querystring_auth": False,
                "file_overwrite": False,
            },
        },
    }
    return s3_endpoint


def test_image_uploaded_through_wagtail_lives_in_the_bucket_with_its_renditions(
    client, site_tree, s3_media, django_capture_on_commit_callbacks
):
    buffer = io.BytesIO()
    PILImage.new("RGB", (900, 600), "teal").save(buffer, "JPEG")
    client.force_login(make_user("redaktorka", groups=["Redaktorzy"]))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/admin/images/add/",
            {
                "title": "Wizyta w CUS",
                "file": SimpleUploadedFile("cus.jpg", buffer.getvalue(), "image/jpeg"),
                "description": "Uczestnicy wizyty przed budynkiem CUS",
                "collection": Collection.get_first_root_node().pk,
                "tags": "",
            },
        )
    assert response.status_code == 302
    image = get_image_model().objects.get()
    assert image.file.url.startswith(f"{s3_media}/{BUCKET}/original_images/")
    rendition = image.get_rendition("format-webp|width-400")
    assert rendition.url.startswith(f"{s3_media}/{BUCKET}/images/")
    # Public reading is the bucket policy's job; here the object is read back from the bucket.
    with rendition.file.open("rb") as stored:
        body = stored.read()
    assert PILImage.open(io.BytesIO(body)).format == "WEBP"
    assert PILImage.open(io.BytesIO(body)).width == 400
