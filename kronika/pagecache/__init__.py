"""Full-page cache for anonymous readers.

A small app of our own on Django's cache framework: wagtail-cache 3.0.0 (the latest) requires
wagtail<8.0, so installing it would downgrade Wagtail. Entries live in the shared cache (Redis
in production), so every worker and every app server sees the same pages and invalidations.
"""
