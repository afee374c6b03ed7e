"""Renditions are made on upload and on publish, so no reader waits for an image to be encoded."""

import datetime
from pathlib import Path

import pytest
from wagtail.images import get_image_model
from wagtail.images.models import Filter

from home.images import SHARE_IMAGE_SPEC
from home.renditions import RENDITION_SPECS, TEMPLATE_SPECS, page_images
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


def figure(image):
    return {
        "type": "image",
        "value": {
            "image": {"image": image.pk, "alt_text": "Budynek CUS", "decorative": False},
            "caption": "Podpis",
        },
    }


def test_the_specs_are_the_ones_the_templates_use():
    for template, patterns in TEMPLATE_SPECS.items():
        source = (ROOT / "templates" / template).read_text(encoding="utf-8")
        for pattern in patterns:
            if pattern != SHARE_IMAGE_SPEC:
                assert pattern in source, f"{template} no longer asks for {pattern}"
    assert SHARE_IMAGE_SPEC in RENDITION_SPECS
    assert len(RENDITION_SPECS) == len(set(RENDITION_SPECS)) == 24
    assert Filter.expand_spec("format-{avif,webp,jpeg} width-{400,800,1200}")[0] in RENDITION_SPECS


def test_saving_an_image_makes_every_rendition(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        image = make_image(size=(1600, 1000))
    made = set(Rendition.objects.filter(image=image).values_list("filter_spec", flat=True))
    assert made == set(RENDITION_SPECS)
    with django_capture_on_commit_callbacks(execute=True):
        image.title = "Nowy tytuł"
        image.save(update_fields=["title"])
    assert Rendition.objects.filter(image=image).count() == len(RENDITION_SPECS)


def test_after_publishing_rendering_creates_no_renditions(
    client, site_tree, django_capture_on_commit_callbacks
):
    # Images saved without their on-commit work: as if uploaded before this feature existed.
    cover, first, second, stop_photo = (make_image(title=f"Zdjęcie {n}") for n in range(4))
    assert not Rendition.objects.exists()
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
    assert {image.pk for image in page_images(article.specific)} == {cover.pk, first.pk, second.pk}
    made = Rendition.objects.count()
    assert made == 4 * len(RENDITION_SPECS)
    for url in (article.url, visit.url, "/", index.url, visits.url):
        assert client.get(url).status_code == 200
    assert Rendition.objects.count() == made, "a reader's request generated renditions"
