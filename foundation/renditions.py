"""The renditions the public templates ask for, made in the background when a page is published.

Each image gets only the renditions of the places it is shown in — a card (and the share
image), a figure in a body, a gallery thumbnail — not every size of every template: a photo in
a gallery never needs the 1200 px figure in AVIF. The specs mirror the templates
(includes/picture.html, blocks/gallery.html, the share image of includes/meta.html);
tests/test_renditions.py fails when they drift apart. The work is a django-tasks task, so an
upload or a publish returns at once and the worker (`manage.py db_worker`) encodes; a reader
who comes before the worker has finished gets the rendition made on demand, as Wagtail does.
"""

import logging

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import prefetch_related_objects
from django.db.models.signals import post_save
from django_tasks import task
from wagtail import blocks
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageBlock, ImageChooserBlock
from wagtail.images.models import Filter, SourceImageIOError
from wagtail.models import Page, ReferenceIndex
from wagtail.signals import page_published

from .blocks import GalleryImageBlock
from .images import SHARE_IMAGE_SPEC

logger = logging.getLogger(__name__)

CARD, FIGURE, GALLERY = "card", "figure", "gallery"
# Use: filter specs exactly as the templates write them (brace patterns expand like their tags).
USE_PATTERNS = {
    CARD: [
        ("includes/picture.html", "format-{avif,webp,jpeg} fill-{400x267,800x534}"),
        ("includes/meta.html", SHARE_IMAGE_SPEC),  # via foundation.images.share_image_url
    ],
    FIGURE: [("includes/picture.html", "format-{avif,webp,jpeg} width-{400,800,1200}")],
    GALLERY: [
        ("blocks/gallery.html", "width-800"),
        ("blocks/gallery.html", "width-1600"),
        ("blocks/gallery.html", "format-{avif,webp,jpeg} fill-{240x180,480x360}"),
    ],
}
USE_SPECS = {
    use: [spec for _template, pattern in patterns for spec in Filter.expand_spec(pattern)]
    for use, patterns in USE_PATTERNS.items()
}
# Saving these fields (alone) does not change what the renditions look like.
IMAGE_FIELDS_THAT_CHANGE_RENDITIONS = {"file", "focal_point_x", "focal_point_y"}


def block_image_uses(block, value, use=FIGURE):
    """(image, use) for every image of a block value; images of a gallery item are thumbnails."""
    if value is None:
        return
    if isinstance(block, ImageBlock | ImageChooserBlock):
        yield value, use
    elif isinstance(block, blocks.StreamBlock):
        for child in value:
            yield from block_image_uses(child.block, child.value, use)
    elif isinstance(block, blocks.StructBlock):
        use = GALLERY if isinstance(block, GalleryImageBlock) else use
        for name, child_block in block.child_blocks.items():
            yield from block_image_uses(child_block, value.get(name), use)
    elif isinstance(block, blocks.ListBlock):
        for item in value:
            yield from block_image_uses(block.child_block, item, use)


def page_image_specs(page):
    """{image: the specs it needs} for what `page` shows: its card/share image and its body."""
    uses = []
    if getattr(page, "card_image", None) is not None:
        uses.append((page.card_image, CARD))
    body = getattr(page, "body", None)
    if body is not None:
        uses.extend(block_image_uses(body.stream_block, body))
    by_pk, specs = {}, {}
    for image, use in uses:
        by_pk.setdefault(image.pk, image)
        specs.setdefault(image.pk, []).extend(
            spec for spec in USE_SPECS[use] if spec not in specs.get(image.pk, [])
        )
    return {by_pk[pk]: image_specs for pk, image_specs in specs.items()}


def ensure_renditions(image_specs):
    """Create the missing renditions of {image: specs} (existing ones are read in one query)."""
    images = list(image_specs)
    prefetch_related_objects(images, "renditions")
    for image in images:
        try:
            image.get_renditions(*image_specs[image])
        except (SourceImageIOError, OSError):
            logger.exception("Renditions of image %s could not be made", image.pk)


def live_pages_showing(image):
    """The live pages whose card or body show `image` (from Wagtail's reference index)."""
    references = ReferenceIndex.get_references_to(image).filter(
        base_content_type=ContentType.objects.get_for_model(Page)
    )
    page_ids = {int(object_id) for object_id in references.values_list("object_id", flat=True)}
    return Page.objects.live().filter(pk__in=page_ids).specific()


@task()
def make_page_renditions(page_id):
    page = Page.objects.live().filter(pk=page_id).specific().first()
    if page is not None:
        ensure_renditions(page_image_specs(page))


@task()
def make_image_renditions(image_id):
    """After a new file or focal point: the renditions of the live pages that show the image."""
    image = get_image_model().objects.filter(pk=image_id).first()
    if image is None:
        return
    for page in live_pages_showing(image):
        specs = {key.pk: image_specs for key, image_specs in page_image_specs(page).items()}
        ensure_renditions({image: specs.get(image.pk, [])})


def on_image_saved(sender, instance, created=False, update_fields=None, **kwargs):
    # A new image is shown nowhere yet: its renditions come with the page that publishes it.
    if created or (update_fields and not IMAGE_FIELDS_THAT_CHANGE_RENDITIONS & set(update_fields)):
        return
    pk = instance.pk
    transaction.on_commit(lambda: make_image_renditions.enqueue(pk))


def on_page_published(sender, instance, **kwargs):
    # After the commit, so a background worker finds the live row it is given.
    pk = instance.pk
    transaction.on_commit(lambda: make_page_renditions.enqueue(pk))


def connect_signals():
    post_save.connect(on_image_saved, sender=get_image_model(), dispatch_uid="renditions-image")
    page_published.connect(on_page_published, dispatch_uid="renditions-page")
