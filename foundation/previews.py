"""Preview modes of listed entries: the page, its card in the news list, its social-share card.

Mixed into ListedPage (articles and visits) so editors see all three before they publish, in the
preview panel's phone, tablet and desktop sizes.
"""

from urllib.parse import urlsplit

from django.template.loader import select_template
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from .share_card import organisation_card_url

CARD_TEMPLATES = ["includes/card.html", "foundation/previews/card_fallback.html"]


class ListingPreviewMixin:
    preview_modes = [
        ("", _("Strona")),
        ("card", _("Karta na liście")),
        ("share", _("Karta udostępnienia")),
    ]

    def serve_preview(self, request, mode_name):
        response = serve_listing_preview(self, request, mode_name)
        return response or super().serve_preview(request, mode_name)


PREVIEW_TEMPLATES = {
    "card": "foundation/previews/card.html",
    "share": "foundation/previews/share.html",
}


def serve_listing_preview(page, request, mode_name):
    """The card or share-card preview of `page`; None for the page itself ("")."""
    template = PREVIEW_TEMPLATES.get(mode_name)
    if template is None:
        return None
    return TemplateResponse(request, template, preview_context(page, request))


def preview_context(page, request):
    # card_image is kept on the row by save(); a preview is never saved, so compute it here.
    if hasattr(page, "card_image") and hasattr(page, "first_body_image"):
        page.card_image = getattr(page, "listing_image", None) or page.first_body_image()
    share_image = page.share_image() if hasattr(page, "share_image") else None
    description = page.meta_description() if hasattr(page, "meta_description") else ""
    return {
        "page": page,
        "entry": page,
        "card_template": select_template(CARD_TEMPLATES).template.name,
        "share_image": share_image,
        # Without a photo the page shares the organisation's card (its logo and accent).
        "share_card_url": None if share_image else organisation_card_url(request),
        "share_title": page.seo_title or page.title,
        "share_description": description,
        "share_domain": preview_domain(page),
    }


def preview_domain(page):
    """The host name a share card shows: the page's site, else the admin's base URL."""
    from django.conf import settings

    try:
        url = page.get_full_url()
    except Exception:
        url = None
    return urlsplit(url or getattr(settings, "WAGTAILADMIN_BASE_URL", "")).hostname or ""
