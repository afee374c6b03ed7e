"""Template helpers of news pages and of the meta tags every page carries."""

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from foundation.images import share_image_url

register = template.Library()


@register.simple_tag(takes_context=True)
def page_share_image_url(context, page):
    """Absolute URL of the page's share image (reused when the view already computed it)."""
    if context.get("share_image_url"):
        return context["share_image_url"]
    request = context.get("request")
    get_image = getattr(page, "share_image", None)
    if request is None or not callable(get_image):
        return None
    return share_image_url(get_image(), request)


@register.filter
def ld_json(text):
    """<script type="application/ld+json"> around JSON already escaped by json_ld()."""
    if not text:
        return ""
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))
