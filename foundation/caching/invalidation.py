"""When the content version is bumped: on any change a reader may see, not only publishing.

Publishing one article changes the article, the home page, the news list, the feeds and the
search results, so every change makes every cached copy out of date rather than guessing which
pages show what. Besides Wagtail's publishing signals this follows what they do not signal: a
live page saved in code or by the importer, a page deleted, view restrictions, Sites, settings,
images and documents. Saving a draft revision touches only bookkeeping and bumps nothing.
"""

from django.db.models.signals import post_delete, post_save
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.documents.models import AbstractDocument
from wagtail.images.models import AbstractImage
from wagtail.models import BaseViewRestriction, Page, Site
from wagtail.models.pages import COMMENTS_RELATION_NAME
from wagtail.signals import page_published, page_unpublished, post_page_move

from .version import bump

SHOWN_ON_PAGES = (
    BaseSiteSetting,
    BaseGenericSetting,
    Site,
    AbstractImage,
    AbstractDocument,
    BaseViewRestriction,  # .public() lists, menus and search depend on them
)
# What saving a draft revision writes on the page row: the live page is unchanged.
DRAFT_BOOKKEEPING = {
    COMMENTS_RELATION_NAME,
    "latest_revision",
    "latest_revision_created_at",
    "draft_title",
    "has_unpublished_changes",
    "locked",
    "locked_at",
    "locked_by",
}


def page_row_changed(instance, update_fields):
    """A page saved with more than draft bookkeeping (publishing, unpublishing, code, imports)."""
    return isinstance(instance, Page) and (
        update_fields is None or not set(update_fields) <= DRAFT_BOOKKEEPING
    )


def on_page_signal(sender, **kwargs):
    bump()


def on_save(sender, instance, update_fields=None, **kwargs):
    if isinstance(instance, SHOWN_ON_PAGES) or page_row_changed(instance, update_fields):
        bump()


def on_delete(sender, instance, **kwargs):
    if isinstance(instance, (Page, *SHOWN_ON_PAGES)):
        bump()


def connect_signals():
    page_published.connect(on_page_signal, dispatch_uid="caching-published")
    page_unpublished.connect(on_page_signal, dispatch_uid="caching-unpublished")
    post_page_move.connect(on_page_signal, dispatch_uid="caching-moved")
    post_save.connect(on_save, dispatch_uid="caching-saved")
    post_delete.connect(on_delete, dispatch_uid="caching-deleted")
