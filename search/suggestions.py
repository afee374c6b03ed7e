"""Suggestions while typing (title prefixes) and closest spellings when nothing matched.

Both ignore diacritics and behave the same on SQLite and PostgreSQL, and neither reads every
title on a request:

* `title_suggestions` looks candidates up by prefix (`matching.py`) among the marked, folded
  title words each page indexes (`documents.suggestion_keys`): at most `CANDIDATES` rows,
  in an order both databases compute alike (ASCII-lowercased title in byte
  order, then pk). The few candidates are checked and ranked in Python: titles whose words start
  with the typed words in order first, then the others, each group by title. A first query
  looks among titles whose first word starts with the first typed word (where those titles
  are); only when it gives fewer than `MAX_SUGGESTIONS` of them does a second query fill up with
  the other matches. So a request costs the page filters' queries and one or two prefix queries,
  whatever the number of pages; the suggestions for the same typed words are then kept, like
  search's results, until the next publish or a live page's expiry (no query at all).
* `closest_spellings` (only when a search found nothing) compares the unknown words with a
  vocabulary of folded title words that is built once and kept in Django's cache (shared by the
  workers when the cache is Redis) under the page cache's generation, so publishing,
  unpublishing, restricting or deleting a page builds it anew, as does a live page's expiry:
  a hidden page's words are never suggested.
"""

import difflib
import hashlib

from django.db import connection
from django.db.models.functions import Collate, Lower

from foundation.caching.shared import shared_until_change
from foundation.indexing import polish
from foundation.indexing.documents import FIRST_WORD_MARK, WORD_MARK

from .matching import AUTOCOMPLETE, all_of, page_ids
from .query import clean_query
from .scope import searchable_pages

MAX_SUGGESTIONS = 8
MIN_PREFIX = 2
#: Rows one prefix query may return to Python.
CANDIDATES = 50
VOCABULARY_MIN_LENGTH = 3


def _prefix_query(prefixes, first_word):
    """Every typed word a prefix of one of the title's words (and, with `first_word`, the first
    typed word a prefix of its first word); each PlainText is one key, matched as a prefix."""
    from modelsearch.query import PlainText

    terms = [PlainText(WORD_MARK + prefix) for prefix in dict.fromkeys(prefixes)]
    if first_word:
        terms.insert(0, PlainText(FIRST_WORD_MARK + prefixes[0]))
    return all_of(terms)


def _byte_order(field):
    """`field` lowercased in ASCII only and compared byte by byte: the same on both databases
    (SQLite's lower() and PostgreSQL's under the "C" collation only lower ASCII)."""
    collation = "C" if connection.vendor == "postgresql" else "BINARY"
    return Lower(Collate(field, collation))


def _candidates(allowed, prefixes, first_word):
    query = _prefix_query(prefixes, first_word)
    pages = allowed.filter(pk__in=page_ids(query, column=AUTOCOMPLETE, prefix=True))
    pages = pages.only("id", "title", "url_path", "depth", "path")
    return list(pages.order_by(_byte_order("title"), "pk")[:CANDIDATES])


def title_suggestions(request, raw):
    """Up to 8 pages whose title words start with every typed word (diacritics ignored).

    Titles whose words start with the typed words in order come first, then by title.
    """
    prefixes = polish.tokens(polish.fold(clean_query(raw)))
    if not prefixes or sum(map(len, prefixes)) < MIN_PREFIX:
        return []
    digest = hashlib.sha256(" ".join(prefixes).encode()).hexdigest()
    return shared_until_change(
        request, f"suggest:{digest}", lambda: _find_titles(request, prefixes)
    )


def _find_titles(request, prefixes):
    typed = " ".join(prefixes)
    allowed = searchable_pages(request)
    seen, found = set(), []

    def rank(pages):
        for page in pages:
            if page.pk in seen:
                continue
            seen.add(page.pk)
            words = polish.tokens(polish.fold(page.title))
            if all(any(word.startswith(prefix) for word in words) for prefix in prefixes):
                found.append((not " ".join(words).startswith(typed), page.title.lower(), page))

    rank(_candidates(allowed, prefixes, first_word=True))
    if sum(1 for first, _, _ in found if not first) < MAX_SUGGESTIONS:
        rank(_candidates(allowed, prefixes, first_word=False))
    found.sort(key=lambda item: item[:2])
    return [
        {"title": page.title, "url": page.get_url(request)}
        for _, _, page in found[:MAX_SUGGESTIONS]
    ]


def title_vocabulary(request):
    """The folded words (3 letters or more) of the searchable pages' titles, sorted; kept until
    the next publish (or a live page's expiry or go-live moment)."""

    def build():
        titles = searchable_pages(request).values_list("title", flat=True)
        return tuple(
            sorted(
                {
                    word
                    for title in titles.iterator(chunk_size=2000)
                    for word in polish.tokens(polish.fold(title))
                    if len(word) >= VOCABULARY_MIN_LENGTH
                }
            )
        )

    return shared_until_change(request, "search-vocabulary", build)


def closest_spellings(request, parsed, limit=3):
    """Queries with each unknown word replaced by the nearest folded title word (difflib)."""
    words = polish.tokens(parsed.free_text)
    if not words:
        return []
    vocabulary = title_vocabulary(request)
    known = frozenset(vocabulary)
    suggestions = []
    for position, word in enumerate(words):
        folded = polish.fold(word)
        if folded in known or len(folded) < VOCABULARY_MIN_LENGTH:
            continue
        for close in difflib.get_close_matches(folded, vocabulary, n=limit, cutoff=0.75):
            suggestions.append(" ".join([*words[:position], close, *words[position + 1 :]]))
    return list(dict.fromkeys(suggestions))[:limit]
