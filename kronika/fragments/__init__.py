"""Caches of the uncached path: what a page shows that is the same for every reader.

Requests the page cache cannot answer (a session cookie, a logged-in editor, the first reader
after a publish) would otherwise route, query and render everything again. The site and the
route of a URL, the shell (menu, footer links, organisation settings) and template fragments
(`{% wagtailcache %}` / `{% wagtailpagecache %}` keyed by `fragment_version`) are kept in the
shared cache under the page cache's generation number, so any publish, unpublish, move, delete
or settings/image/document save makes every worker render them anew. Nothing that differs per
reader (the userbar, forms with CSRF tokens, logged-in state) is ever inside a fragment, and
previews never read or write these caches.
"""
