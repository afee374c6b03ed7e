"""When to forget cached pages: the simplest correct policy, on any change a page may show.

Publishing one article changes the article, the home page, the news list, the feeds and the
search results, so every change clears the whole page cache rather than guessing which pages
show what. The clear runs at once and again after the transaction commits: a request rendered
between the two from not-yet-committed data cannot outlive the second clear.
"""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.documents.models import AbstractDocument
from wagtail.images.models import AbstractImage
from wagtail.models import Page, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import store

SHOWN_ON_PAGES = (BaseSiteSetting, BaseGenericSetting, Site, AbstractImage, AbstractDocument)


def clear_page_cache():
    store.clear()
    transaction.on_commit(store.clear)


def on_page_change(sender, **kwargs):
    clear_page_cache()


def on_save(sender, instance, **kwargs):
    if isinstance(instance, SHOWN_ON_PAGES):
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
