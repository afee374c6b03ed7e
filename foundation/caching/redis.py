"""A Redis connection that fails fast, so a Redis outage costs readers almost nothing.

django-redis (`IGNORE_EXCEPTIONS`) already turns a failing Redis into an empty cache; what it
cannot do is stop every cache call of every request from waiting for its own time-out while
Redis is paused or unreachable. After a connection failure or a time-out, this process skips
Redis for SKIP_SECONDS: one reader pays one short time-out, the others none. A full Redis
(OOM with `noeviction`) refuses writes at once, which is only logged.
"""

import contextlib
import logging
import time

import redis
from redis.connection import Connection

logger = logging.getLogger("foundation.caching")

SKIP_SECONDS = 5
LOG_EVERY = 30
_state = {"skip_until": 0.0}
_logged_at = {}  # message: when it was last logged


def _log(message, error):
    now = time.monotonic()
    if now - _logged_at.get(message, -LOG_EVERY) >= LOG_EVERY:
        _logged_at[message] = now
        logger.warning(message, error)


@contextlib.contextmanager
def _watched():
    try:
        yield
    except (redis.ConnectionError, redis.TimeoutError) as error:
        _state["skip_until"] = time.monotonic() + SKIP_SECONDS
        _log("Redis unavailable, serving without the cache: %s", error)
        raise
    except redis.OutOfMemoryError as error:
        _log("Redis is full, serving without storing: %s", error)
        raise


def _skip_if_failing():
    if time.monotonic() < _state["skip_until"]:
        raise redis.ConnectionError("Redis skipped after a recent failure")


class FailFastConnection(Connection):
    """redis-py's connection, skipped for a few seconds after it failed (see the module)."""

    def connect(self, *args, **kwargs):
        _skip_if_failing()
        with _watched():
            return super().connect(*args, **kwargs)

    def send_packed_command(self, *args, **kwargs):
        _skip_if_failing()
        with _watched():
            return super().send_packed_command(*args, **kwargs)

    def read_response(self, *args, **kwargs):
        with _watched():
            return super().read_response(*args, **kwargs)


LOCAL_MEMORY = "django.core.cache.backends.locmem.LocMemCache"


def site_caches(redis_url):
    """CACHES: Redis at `redis_url` shared by every process (down, paused or full it is an
    empty cache, never a 500), else one process's local memory; each process's routes."""
    # Each process keeps its own routes (routes.py), each at most 32 KB.
    routes = {"BACKEND": LOCAL_MEMORY, "LOCATION": "routes", "OPTIONS": {"MAX_ENTRIES": 1000}}
    if not redis_url:
        # One process: the same local memory serves as both (one LOCATION, one store).
        return {
            "default": {"BACKEND": LOCAL_MEMORY},
            "fragments": {"BACKEND": LOCAL_MEMORY},
            "routes": routes,
        }
    return {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": redis_url,
            "KEY_PREFIX": "kronika",
            "OPTIONS": {
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": 0.15,
                "SOCKET_TIMEOUT": 0.15,
                "CONNECTION_POOL_KWARGS": {"connection_class": FailFastConnection},
            },
        },
        # Each worker keeps a copy of what it read from Redis (tiered.py): their keys change
        # with the content version, so a copy is never stale.
        "fragments": {
            "BACKEND": "foundation.caching.tiered.TieredCache",
            "LOCATION": "fragments",
            "OPTIONS": {"SHARED": "default", "MAX_ENTRIES": 2000},
        },
        "routes": routes,
    }
