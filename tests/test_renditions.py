"""Renditions are made in the background when a page is published — only those its images need —
so neither an upload nor a reader waits for an image to be encoded."""

import datetime
from pathlib import Path

import pytest
from django.test import override_settings
from django_tasks_db.models import DBTaskResult
from wagtail.images import get_image_model

from foundation.images import SHARE_IMAGE_SPEC
from foundation.renditions import CARD, FIGURE, GALLERY, USE_PATTERNS, USE_SPECS, page_image_specs
from tests.factories import (
    gallery_block,
    make_image,
    make_news_index,
    make_news_page,
    make_visit,
    make_visit_index,
    paragraph,
    visit_stop,
)

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parent.parent
Rendition = get_image_model().get_rendition_model()
DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


def figure(image):
    return {
        "type": "image",
        "value": {
            "image": {"image": image.pk, "alt_text": "Budynek CUS", "decorative": False},
            "caption": "Podpis",
        },
    }


def made_specs(image):
    return set(Rendition.objects.filter(image=image).values_list("filter_spec", flat=True))


def test_the_specs_are_the_ones_the_templates_use():
    for use, patterns in USE_PATTERNS.items():
        for template, pattern in patterns:
            source = (ROOT / "templates" / template).read_text(encoding="utf-8")
            if pattern != SHARE_IMAGE_SPEC:
                assert pattern in source, f"{template} no longer asks for {pattern} ({use})"
    assert SHARE_IMAGE_SPEC in USE_SPECS[CARD]
    assert {use: len(specs) for use, specs in USE_SPECS.items()} == {
        CARD: 7,
        FIGURE: 9,
        GALLERY: 8,
    }


def test_uploading_an_image_makes_no_rendition(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        image = make_image(size=(1600, 1000))
    assert not Rendition.objects.filter(image=image).exists()


def test_publishing_makes_only_the_renditions_each_image_is_shown_with(
    client, site_tree, django_capture_on_commit_callbacks
):
    cover, first, second, stop_photo = (make_image(title=f"Zdjęcie {n}") for n in range(4))
    with django_capture_on_commit_callbacks(execute=True):
        index = make_news_index(site_tree.home)
        article = make_news_page(
            index,
            title="Wizyta w Rawiczu",
            body=[paragraph("Wstęp."), figure(cover), gallery_block([first, second])],
        )
        visits = make_visit_index(site_tree.home)
        stop = visit_stop("CUS Rawicz", "Rawicz", "wielkopolskie", photos=[stop_photo])
        visit = make_visit(
            visits, title="Wizyta w Jarocinie", stops=[stop], start=datetime.date(2021, 9, 17)
        )
    specs = {image.pk: set(image_specs) for image, image_specs in page_image_specs(article).items()}
    assert specs == {
        cover.pk: {*USE_SPECS[CARD], *USE_SPECS[FIGURE]},  # the first body image is the card's
        first.pk: set(USE_SPECS[GALLERY]),
        second.pk: set(USE_SPECS[GALLERY]),
    }
    for image, expected in (
        *specs.items(),
        (stop_photo.pk, {*USE_SPECS[CARD], *USE_SPECS[GALLERY]}),
    ):
        assert made_specs(image) == expected
    made = Rendition.objects.count()
    assert made == 16 + 8 + 8 + 15
    for url in (article.url, visit.url, "/", index.url, visits.url):
        assert client.get(url).status_code == 200
    assert Rendition.objects.count() == made, "a reader's request generated renditions"


def test_a_new_focal_point_remakes_the_renditions_of_the_live_pages_showing_it(
    site_tree, django_capture_on_commit_callbacks
):
    photo = make_image()
    with django_capture_on_commit_callbacks(execute=True):
        index = make_news_index(site_tree.home)
        make_news_page(index, title="Galeria", body=[paragraph("Tekst."), gallery_block([photo])])
    before = made_specs(photo)
    Rendition.objects.filter(image=photo).delete()
    with django_capture_on_commit_callbacks(execute=True):
        photo.focal_point_x, photo.focal_point_y = 100, 100
        photo.focal_point_width = photo.focal_point_height = 50
        photo.save()
    assert (
        made_specs(photo)
        == before
        == {
            *USE_SPECS[CARD],
            *USE_SPECS[GALLERY],
        }
    )


@override_settings(TASKS=DATABASE_TASKS)
def test_with_the_database_backend_publishing_queues_the_work_for_the_worker(
    site_tree, django_capture_on_commit_callbacks
):
    photo = make_image()
    with django_capture_on_commit_callbacks(execute=True):
        index = make_news_index(site_tree.home)
        make_news_page(index, title="Zdjęcie", body=[paragraph("Tekst."), figure(photo)])
    assert DBTaskResult.objects.filter(
        task_path="foundation.renditions.make_page_renditions"
    ).exists()
    assert not Rendition.objects.filter(image=photo).exists(), "publishing waited for renditions"
    # What `db_worker` does with each row (the command itself closes the test's connection).
    for queued in DBTaskResult.objects.ready():
        queued.task.call(*queued.task_result.args, **queued.task_result.kwargs)
    assert made_specs(photo) == {*USE_SPECS[CARD], *USE_SPECS[FIGURE]}
