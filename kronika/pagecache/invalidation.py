"""When to forget cached pages: the simplest correct policy, on any change a page may show.

Publishing one article changes the article, the home page, the news list, the feeds and the
search results, so every change clears the whole page cache rather than guessing which pages
show what. The clear runs at once and again after the transaction commits: a request rendered
between the two from not-yet-committed data cannot outlive the second clear. The same clear
renews the fragment caches of logged-in readers (kronika/fragments), so it also follows what
publishing does not signal: a live page saved in code, and view restrictions added or removed.
"""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.documents.models import AbstractDocument
from wagtail.images.models import AbstractImage
from wagtail.models import BaseViewRestriction, Page, Site
from wagtail.models.pages import COMMENTS_RELATION_NAME
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import store

SHOWN_ON_PAGES = (
    BaseSiteSetting,
    BaseGenericSetting,
    Site,
    AbstractImage,
    AbstractDocument,
    BaseViewRestriction,  # .public() lists, menus and routes depend on them
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


def clear_page_cache():
    store.clear()
    transaction.on_commit(store.clear)


def on_page_change(sender, **kwargs):
    clear_page_cache()


def live_page_changed(instance, update_fields):
    """A live page saved outside publishing (code, imports); drafts only touch bookkeeping."""
    if not isinstance(instance, Page) or not instance.live:
        return False
    return update_fields is None or not set(update_fields) <= DRAFT_BOOKKEEPING


def on_save(sender, instance, update_fields=None, **kwargs):
    if isinstance(instance, SHOWN_ON_PAGES) or live_page_changed(instance, update_fields):
        clear_page_cache()


def on_delete(sender, instance, **kwargs):
    if isinstance(instance, (Page, *SHOWN_ON_PAGES)):
        clear_page_cache()


def connect_signals():
    page_published.connect(on_page_change, dispatch_uid="pagecache-published")
    page_unpublished.connect(on_page_change, dispatch_uid="pagecache-unpublished")
    post_page_move.connect(on_page_change, dispatch_uid="pagecache-moved")
    post_save.connect(on_save, dispatch_uid="pagecache-saved")
    post_delete.connect(on_delete, dispatch_uid="pagecache-deleted")
