"""The prose of a page, for the Polish readability measure (readability.py) shown to editors.

Prose is the lead plus every rich-text and multi-line text block of the page's StreamFields
(paragraphs, quotes, visit stops' descriptions); headings, captions and names are not
sentences and would distort sentence length. Read from the stream's raw JSON, so a page or a
revision is measured without loading images or other related objects.
"""

import json
import re
from html import unescape

from django.contrib.contenttypes.models import ContentType
from django.utils.html import strip_tags
from wagtail import blocks
from wagtail.fields import StreamField

from .readability import measure

# Where a block of HTML ends a line of text: paragraphs, list items, headings, line breaks.
_LINE_BREAKS = re.compile(r"<br\s*/?>|</(?:p|li|h[1-6]|blockquote|div)>", re.IGNORECASE)


def rich_text_lines(html):
    return unescape(strip_tags(_LINE_BREAKS.sub("\n", html or "")))


def raw_prose(block, raw):
    """Lines of prose in `raw`, the stored JSON of `block`."""
    if raw in (None, ""):
        return []
    if isinstance(block, blocks.RichTextBlock):
        return [rich_text_lines(raw)]
    if isinstance(block, blocks.TextBlock):
        return [raw]
    if isinstance(block, blocks.StreamBlock):
        return [
            line
            for child in raw
            if child.get("type") in block.child_blocks
            for line in raw_prose(block.child_blocks[child["type"]], child.get("value"))
        ]
    if isinstance(block, blocks.ListBlock):
        items = [
            item["value"] if isinstance(item, dict) and "value" in item else item for item in raw
        ]
        return [line for item in items for line in raw_prose(block.child_block, item)]
    if isinstance(block, blocks.StructBlock) and isinstance(raw, dict):
        return [
            line
            for name, child in block.child_blocks.items()
            for line in raw_prose(child, raw.get(name))
        ]
    return []


def stream_fields(model):
    return [field for field in model._meta.get_fields() if isinstance(field, StreamField)]


def prose(model, lead, raw_streams):
    """The text of a page of `model` from its lead and {field name: raw stream data}."""
    lines = [lead or ""]
    for field in stream_fields(model):
        raw = raw_streams.get(field.name) or []
        if isinstance(raw, str):
            raw = json.loads(raw)
        lines += raw_prose(field.stream_block, raw)
    return "\n".join(line.strip() for chunk in lines for line in chunk.splitlines() if line.strip())


def page_text(page):
    """The prose of `page` as it is in memory (in the editor: the latest draft)."""
    streams = {field.name: getattr(page, field.name).raw_data for field in stream_fields(page)}
    return prose(type(page), getattr(page, "lead", ""), {k: list(v) for k, v in streams.items()})


def revision_text(revision):
    """The prose of a page revision, from its stored content alone (content types are cached)."""
    model = ContentType.objects.get_for_id(revision.content_type_id).model_class()
    return prose(model, revision.content.get("lead", ""), revision.content)


def page_readability(page):
    return measure(page_text(page))
