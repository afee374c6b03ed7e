"""Small template helpers of the site shell."""

from django import template

register = template.Library()


@register.filter
def in_section(page, menu_item):
    """Whether `page` is `menu_item` or lies below it (for aria-current in the menu)."""
    if page is None or not hasattr(page, "url_path"):
        return False
    return page.url_path.startswith(menu_item.url_path)


@register.filter
def document_meta(document):
    """ "PDF, 1,2 MB": the type and size a reader needs before downloading."""
    from django.template.defaultfilters import filesizeformat

    kind = (document.file_extension or "").upper() or "plik"
    size = document.get_file_size()
    return f"{kind}, {filesizeformat(size)}" if size else kind
