"""Helpers the demo loaders share: find-or-create pages by slug, rich-text paragraphs."""

from django.utils.html import escape


def paragraphs(*texts):
    """Raw stream data of paragraph blocks, one per text."""
    return [{"type": "paragraph", "value": f"<p>{escape(text)}</p>"} for text in texts]


def image_value(image, alt_text=None):
    """Raw data of an ImageBlock: the image with its alt text."""
    return {"image": image.pk, "alt_text": alt_text or image.default_alt_text, "decorative": False}


def figure(image, caption="", credit=""):
    """Raw stream data of one figure block."""
    return {
        "type": "image",
        "value": {"image": image_value(image), "caption": caption, "credit": credit},
    }


def child_by_slug(parent, slug):
    return parent.get_children().filter(slug=slug).specific().first()


def ensure_child(parent, page, report):
    """Add `page` under `parent` and publish it, unless a page with its slug is there already.

    Returns the page in the tree; `report` collects the titles created.
    """
    existing = child_by_slug(parent, page.slug)
    if existing is not None:
        return existing
    parent.add_child(instance=page)
    page.save_revision().publish()
    report.append(page.title)
    return page
