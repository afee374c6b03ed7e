"""Synonyms and acronyms the sector lives by (MOPS ↔ ośrodek pomocy społecznej), applied to queries.

Editors keep the list in the admin (`models.Synonym`, seeded with the common ones). A query word
that is an abbreviation also finds the full name in any form: its words side by side, each by the
prefix all its forms start with (`polish.endings.name_prefixes`: "MOPS" finds "Ośrodka Pomocy
Społecznej"). The words of a full name typed in any form ("ośrodki pomocy społecznej") also find
its abbreviations. The expansion is part of the query, so the results kept for a query
(`results.shared_ids`) are keyed by it; saving or deleting a synonym renews every kept result as
well (`signal_handlers`). Pages found only through a synonym rank below those that hold the words
as typed (`ranking.ranked_ids`). Nothing is re-indexed: the list applies to the next search.
"""

from dataclasses import dataclass

from modelsearch.query import Or, PlainText

from foundation.caching.shared import shared_value
from foundation.indexing import polish
from foundation.indexing.polish.endings import name_prefixes

from .matching import PrefixPhrase, all_of
from .models import Synonym


@dataclass(frozen=True)
class Expansion:
    """One synonym as search uses it: the folded abbreviations and the full name's prefixes."""

    abbreviations: tuple[str, ...]
    prefixes: tuple[str, ...]


def load_synonyms():
    """Every synonym of the list, as `Expansion`s (one query)."""

    expansions = []
    for synonym in Synonym.objects.order_by("pk"):
        abbreviations = tuple(
            dict.fromkeys(
                "".join(polish.tokens(polish.fold(word))) for word in synonym.abbreviation_list()
            )
        )
        prefixes = tuple(prefix for prefix in name_prefixes(synonym.full_name) if prefix)
        if abbreviations and prefixes:
            expansions.append(Expansion(tuple(filter(None, abbreviations)), prefixes))
    return expansions


def current_synonyms(request):
    """The list, kept for every worker until the next change of content or of the list."""

    return shared_value(request, "search-synonyms", load_synonyms, alias="default")


def any_key(keys):
    """One query word: any of its alternative keys."""
    ordered = sorted(keys)
    if len(ordered) == 1:
        return PlainText(ordered[0])
    return Or([PlainText(key) for key in ordered])


def _name_at(folded, start, synonyms):
    """The length of the longest full name whose words start at `start`, and the synonyms
    with that name (0 and none when no name does)."""
    best, found = 0, []
    for synonym in synonyms:
        size = len(synonym.prefixes)
        words = folded[start : start + size]
        if size < best or len(words) < size:
            continue
        if all(
            word.startswith(prefix) for word, prefix in zip(words, synonym.prefixes, strict=True)
        ):
            if size > best:
                best, found = size, []
            found.append(synonym)
    return best, found


def expanded_parts(words, synonyms):
    """The query parts (ANDed by the caller) of `words` — (folded word, alternative keys) pairs
    in the order typed — with the synonyms added as alternatives."""
    folded = [word for word, _keys in words]
    parts, position = [], 0
    while position < len(words):
        size, named = _name_at(folded, position, synonyms) if synonyms else (0, [])
        if size:
            span = [any_key(keys) for _word, keys in words[position : position + size]]
            abbreviations = dict.fromkeys(a for synonym in named for a in synonym.abbreviations)
            typed = all_of(span)
            parts.append(Or([typed, *(PlainText(a) for a in abbreviations)]))
            position += size
            continue
        word, keys = words[position]
        names = dict.fromkeys(s.prefixes for s in synonyms if word in s.abbreviations)
        typed = any_key(keys)
        parts.append(Or([typed, *map(PrefixPhrase, names)]) if names else typed)
        position += 1
    return parts
