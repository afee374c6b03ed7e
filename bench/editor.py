"""`make bench`: what an editor waits for — `load_demo` on an empty database, and uploading a
4000×3000 JPEG through the admin (the library's form and the multiple uploader).

Runs like `make run` (kronika.settings.dev, SQLite in a temp dir, the django-tasks database
backend): renditions are queued, not made, so the worker's drain (`db_worker --batch`) is
timed apart — it is what the background does after the editor has moved on.
"""

import io
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
WORKDIR = tempfile.mkdtemp(prefix="kronika-bench-editor-")
ENV = {
    **os.environ,
    "DJANGO_SETTINGS_MODULE": "kronika.settings.dev",
    "DATABASE_URL": f"sqlite:///{WORKDIR}/editor.sqlite3",
    "MEDIA_ROOT": f"{WORKDIR}/media",
    "DEBUG": "0",
    "DEMO_ADMIN_PASSWORD": "bench-only-password",
}
os.environ.update(ENV)

from common import manage, update_results  # noqa: E402

UPLOADS = 3  # per form; each is a new image in the library


def timed(function):
    start = time.perf_counter()
    result = function()
    return time.perf_counter() - start, result


def photo_jpeg(size=(4000, 3000), seed=0):
    """A photo-like JPEG (gradients and grain, ~3 MB): flat colour would encode unrealistically fast."""
    from PIL import Image, ImageChops

    gradient = Image.linear_gradient("L").resize(size)
    noise = Image.effect_noise(size, 40 + seed)
    red = ImageChops.add(gradient, noise, scale=2.0)
    green = gradient.rotate(90, expand=False).resize(size)
    blue = ImageChops.multiply(noise, gradient.transpose(Image.Transpose.FLIP_LEFT_RIGHT))
    buffer = io.BytesIO()
    Image.merge("RGB", (red, green, blue)).save(buffer, "JPEG", quality=90)
    return buffer.getvalue()


def upload_times(client, url, field, extra, ajax):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from wagtail.models import Collection

    collection = Collection.get_first_root_node().pk
    seconds, size = [], 0
    for n in range(UPLOADS):
        data = photo_jpeg(seed=n)
        size = len(data)
        post = {
            field: SimpleUploadedFile(f"wizyta-{n}.jpg", data, "image/jpeg"),
            "collection": collection,
            **extra(n),
        }
        headers = {"HTTP_X_REQUESTED_WITH": "XMLHttpRequest"} if ajax else {}
        elapsed, response = timed(lambda: client.post(url, post, **headers))  # noqa: B023
        if response.status_code not in (200, 302):
            raise RuntimeError(f"{url} answered {response.status_code}")
        seconds.append(elapsed)
    return {
        "median_s": round(statistics.median(seconds), 3),
        "max_s": round(max(seconds), 3),
        "bytes": size,
    }


def main():
    manage("migrate", "--noinput", "-v0", env=ENV)
    load_demo_s, _ = timed(lambda: manage("load_demo", env=ENV))
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.test import Client
    from django.test.utils import setup_test_environment
    from django_tasks_db.models import DBTaskResult
    from wagtail.images import get_image_model

    rendition_model = get_image_model().get_rendition_model()
    queued = DBTaskResult.objects.count()
    drain_s, _ = timed(
        lambda: manage("db_worker", "--batch", "--no-startup-delay", "--no-reload", env=ENV)
    )
    demo_renditions = rendition_model.objects.count()
    demo_images = get_image_model().objects.count()

    setup_test_environment()  # the test client's host; the settings stay those of `make run`
    client = Client()
    client.force_login(get_user_model().objects.get(username="admin"))
    single = upload_times(
        client,
        "/admin/images/add/",
        "file",
        lambda n: {"title": f"Wizyta {n}", "description": "Uczestnicy przed budynkiem", "tags": ""},
        ajax=False,
    )
    multiple = upload_times(client, "/admin/images/multiple/add/", "files[]", lambda n: {}, True)
    results = {
        "load_demo_s": round(load_demo_s, 2),
        "tasks_queued_by_load_demo": queued,
        "worker_drain_s": round(drain_s, 2),
        "demo_images": demo_images,
        "demo_renditions": demo_renditions,
        "upload_4000x3000_form": single,
        "upload_4000x3000_multiple": multiple,
    }
    print(f"load_demo na pustej bazie: {results['load_demo_s']:.2f} s ({queued} zadań w kolejce)")
    print(
        f"worker (db_worker --batch): {results['worker_drain_s']:.2f} s, "
        f"{demo_renditions} wersji {demo_images} zdjęć"
    )
    for label, row in (("formularz", single), ("wiele plików", multiple)):
        print(
            f"przesłanie JPEG 4000×3000 ({row['bytes'] // 1024} KB), {label}: "
            f"mediana {row['median_s']:.3f} s, maks. {row['max_s']:.3f} s"
        )
    update_results("editor", results)


if __name__ == "__main__":
    main()
