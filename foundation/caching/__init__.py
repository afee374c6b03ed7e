"""Every cache of the site, and the one rule that keeps them honest.

**The rule.** Everything cached is keyed by the content version, a counter in the database that
every change a reader may see (publish, unpublish, move, delete, a live page saved in code, a
view restriction, a Site, settings, an image or a document) bumps in the change's own
transaction; each process trusts the version it read for at most
`KRONIKA_CONTENT_VERSION_SECONDS` (1 s), and when the version cannot be read nothing is served
from a cache or stored in one. So a change is shown to every reader within that bound after it
commits, whatever state Redis is in: Redis only holds copies, never the truth.

The caches, all keyed by the version: whole pages for anonymous readers (`pages`), values and
template fragments shared by the requests the page cache cannot answer (`shared`, each
process keeping its own copy in front of Redis: `tiered`), and each process's routes of page
addresses (`routes`). Redis may be down, paused or full:
the site then renders pages itself (`redis`: short timeouts, a failing Redis skipped for a few
seconds).
"""
