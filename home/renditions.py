"""Every rendition the public templates ask for, made when an image is saved or a page published.

The specs mirror the templates (includes/picture.html, blocks/gallery.html and the share image
of includes/meta.html); tests/test_renditions.py fails when they drift apart. Generating them
ahead means the first reader of a page never waits for an AVIF encode.
"""

import logging

from django.db import transaction
from django.db.models import prefetch_related_objects
from django.db.models.signals import post_save
from django_tasks import task
from wagtail.images import get_image_model
from wagtail.images.models import Filter, SourceImageIOError
from wagtail.signals import page_published

from .images import SHARE_IMAGE_SPEC, images_in

logger = logging.getLogger(__name__)

# Template: filter specs exactly as written there (brace patterns expand like Wagtail's tags).
TEMPLATE_SPECS = {
    "includes/picture.html": [
        "format-{avif,webp,jpeg} fill-{400x267,800x534}",  # cards
        "format-{avif,webp,jpeg} width-{400,800,1200}",  # figures in bodies
    ],
    "blocks/gallery.html": [
        "width-800",
        "width-1600",
        "format-{avif,webp,jpeg} fill-{240x180,480x360}",
    ],
    "includes/meta.html": [SHARE_IMAGE_SPEC],  # via home.images.share_image_url
}
RENDITION_SPECS = [
    spec for patterns in TEMPLATE_SPECS.values() for p in patterns for spec in Filter.expand_spec(p)
]
# Saving these fields (alone) does not change what the renditions look like.
IMAGE_FIELDS_THAT_CHANGE_RENDITIONS = {"file", "focal_point_x", "focal_point_y"}


def page_images(page):
    """The images a page shows: its card/share image and every image of its body."""
    images = [getattr(page, "card_image", None), *images_in(getattr(page, "body", None))]
    unique = {image.pk: image for image in images if image is not None}
    return list(unique.values())


def ensure_renditions(images):
    """Create the missing renditions of `images` (existing ones are read in one query)."""
    prefetch_related_objects(images, "renditions")
    for image in images:
        try:
            image.get_renditions(*RENDITION_SPECS)
        except (SourceImageIOError, OSError):
            logger.exception("Renditions of image %s could not be made", image.pk)


@task()
def generate_renditions(image_ids):
    ensure_renditions(list(get_image_model().objects.filter(pk__in=image_ids)))


def enqueue_after_commit(image_ids):
    """After the commit, so a background worker finds the rows (and the file) it is given."""
    if image_ids:
        transaction.on_commit(lambda: generate_renditions.enqueue(image_ids))


def on_image_saved(sender, instance, update_fields=None, **kwargs):
    if update_fields and not IMAGE_FIELDS_THAT_CHANGE_RENDITIONS & set(update_fields):
        return
    enqueue_after_commit([instance.pk])


def on_page_published(sender, instance, **kwargs):
    enqueue_after_commit([image.pk for image in page_images(instance.specific)])


def connect_signals():
    post_save.connect(on_image_saved, sender=get_image_model(), dispatch_uid="renditions-image")
    page_published.connect(on_page_published, dispatch_uid="renditions-page")
