"""Image helpers shared by page types with bodies: one rendition query per page, share images."""

from django.db.models import prefetch_related_objects
from wagtail.blocks.list_block import ListValue
from wagtail.blocks.stream_block import StreamValue
from wagtail.blocks.struct_block import StructValue
from wagtail.images.models import AbstractImage

from .share_card import organisation_card_url

SHARE_IMAGE_SPEC = "fill-1200x630|format-jpeg"


def images_in(value):
    """Every image in a block value, however deeply nested (figures, galleries, visit stops)."""
    if isinstance(value, AbstractImage):
        yield value
    elif isinstance(value, StreamValue):
        for block in value:
            yield from images_in(block.value)
    elif isinstance(value, StructValue | dict):
        for item in value.values():
            yield from images_in(item)
    elif isinstance(value, ListValue | list | tuple):
        for item in value:
            yield from images_in(item)


def stream_images(stream_value):
    """Every image of a body in reading order.

    Reading the blocks converts them once; rendering reuses these very objects, so renditions
    prefetched on them are what the templates see.
    """
    return list(images_in(stream_value)) if stream_value is not None else []


def first_image(stream_value):
    """The first image of a body (for the card and share image when none is chosen)."""
    images = stream_images(stream_value)
    return images[0] if images else None


def prefetch_stream_renditions(stream_value):
    """Fetch the renditions of every body image in one query, whatever the number of images."""
    images = stream_images(stream_value)
    if images:
        prefetch_related_objects(images, "renditions")
    return images


def share_image_url(image, request):
    """Absolute URL of the 1200×630 share image: `image`'s rendition, else the organisation's
    card (its logo and accent colour), else None."""
    if image is None:
        return organisation_card_url(request)
    return request.build_absolute_uri(image.get_rendition(SHARE_IMAGE_SPEC).url)
