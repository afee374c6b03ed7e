"""Gunicorn for Kronika: `gunicorn -c gunicorn.conf.py kronika.wsgi` (deploy/systemd runs it).

Workers: 2 × cores + 1, capped at 9 (a Wagtail worker holds ~100–150 MB), or WEB_CONCURRENCY.
gthread with 2 threads per worker rather than sync: a reader is not stuck behind an editor's
upload or a slow PostgreSQL/Redis/S3 call, and
keep-alive connections from nginx do not pin a whole process. Rendering is CPU-bound and the
GIL keeps threads few; processes give the parallelism. docs/performance.md has the numbers.
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000").split(",")
workers = int(os.environ.get("WEB_CONCURRENCY", min(2 * multiprocessing.cpu_count() + 1, 9)))
worker_class = "gthread"
threads = int(os.environ.get("GUNICORN_THREADS", 2))

# A request longer than this is a bug (renditions are made by the tasks worker, not requests).
timeout = int(os.environ.get("GUNICORN_TIMEOUT", 60))
graceful_timeout = 30
keepalive = 5
# Recycle workers now and then, staggered, so a slow leak never takes the site down. Often
# enough for a leak, rarely enough not to matter: a new worker spends ~1.5 s of CPU importing
# Wagtail and rendering its first page. At ~2,000 requests/s (static files, cached pages) a
# limit of 2,000 restarted each of 5 workers every ~5 s, in the load benchmark probably all
# of them inside one target's window (the cached article's 0.12 of static).
max_requests = 50_000
max_requests_jitter = 5_000

# Logs to stdout/stderr: journald (or the container runtime) keeps them.
accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
access_log_format = '%(h)s "%(r)s" %(s)s %(B)s %(M)sms "%(f)s" "%(a)s"'

# nginx on the same host sets X-Forwarded-Proto; trust it from there only.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
# The heartbeat file on tmpfs: a slow disk must not make the arbiter kill healthy workers.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None
