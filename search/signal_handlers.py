"""Changing the synonyms changes what searches find: every kept result is renewed."""

from django.db.models.signals import post_delete, post_save

from foundation.caching.version import bump

from .models import Synonym


def synonyms_changed(sender, **kwargs):
    bump()


def register_signal_handlers():

    post_save.connect(synonyms_changed, sender=Synonym, dispatch_uid="search-synonym-saved")
    post_delete.connect(synonyms_changed, sender=Synonym, dispatch_uid="search-synonym-deleted")
