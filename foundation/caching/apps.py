from django.apps import AppConfig


class CachingConfig(AppConfig):
    name = "foundation.caching"
    label = "caching"
    verbose_name = "Pamięć podręczna"

    def ready(self):
        from . import invalidation

        invalidation.connect_signals()
