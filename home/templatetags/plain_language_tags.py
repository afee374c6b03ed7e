"""The Polish readability of a page, for the editor's checks panel."""

from django import template

from home.plain_language import page_readability

register = template.Library()


@register.simple_tag
def readability_of(page):
    return page_readability(page)
