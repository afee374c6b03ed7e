from django.apps import AppConfig


class PageCacheConfig(AppConfig):
    name = "kronika.pagecache"
    label = "pagecache"
    verbose_name = "Page cache"

    def ready(self):
        from . import checks, invalidation  # noqa: F401 (registers the system check)

        invalidation.connect_signals()
