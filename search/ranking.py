"""Relevance order: integer scores from one statement over the search index, sorted in Python.

The model is written down in docs/search.md. In short: each query word scores by the best field
it stands in (title 8, lead 4, a stop's heading, town or kinds 3, body 2, captions 1), read from
the field-marked keys every page indexes (`documents.field_keys`); the free words standing side
by side, in order, add `PROXIMITY_BONUS` (a lookup of the pair keys, `documents.pair_keys`).
Articles and visits come before listing, index and utility pages (home, news and visit indexes,
standard pages, the site map, the accessibility statement) unless every word stands in that
page's title; within each, the pages holding the words as typed come before those found only
through a synonym (`synonyms.py`). Ties go to the newest date shown (visit start, publication
date, first publication), then the newest page.

One statement reads the index rows that match, each with its words' scores and flags; every
check in it is a lookup in the index (GIN on PostgreSQL, FTS5 on SQLite) run once as a
subquery, never a per-row rank function, so both databases give the same integers. What the
order needs of the page itself (content or not, its date, its years) comes from
`scope.page_facts`, which the site keeps until the content changes, so the statement joins no
page table and the order is the same Python sort on both databases.
"""

from django.db import connection
from django.db.models import Case, IntegerField, Value, When
from modelsearch.query import Not, Or, PlainText

from foundation.indexing.documents import FIELD_MARKS, pair_keys

from .matching import (
    AUTOCOMPLETE,
    BODY,
    all_of,
    entries,
    holds,
    index_scans,
    without_positions,
)
from .scope import newest_first

#: What a query word scores by the best field it stands in; the body is every other field.
FIELD_WEIGHTS = {"title": 8, "lead": 4, "stops": 3, "captions": 1}
BODY_WEIGHT = 2
TITLE_WEIGHT = FIELD_WEIGHTS["title"]
#: All free words side by side, in the order typed ("smak bistro" in "Smak Bistro").
PROXIMITY_BONUS = 3
#: A year typed in the query, on a page dated in that year (a visit: any of its days).
YEAR_WEIGHT = 8


def _marked(keys, field):
    mark = FIELD_MARKS[field]
    ordered = sorted(keys)
    if len(ordered) == 1:
        return PlainText(mark + ordered[0])
    return Or([PlainText(mark + key) for key in ordered])


def word_score(keys, within=None):
    """The score of one query word (its alternative keys) on each index row, as an expression
    (`within`: see `matching.holds`)."""
    return Case(
        *[
            When(holds(_marked(keys, field), within=within), then=Value(weight))
            for field, weight in FIELD_WEIGHTS.items()
        ],
        default=Value(BODY_WEIGHT),
        output_field=IntegerField(),
    )


def _flag(tree, column, within=None):
    return Case(When(holds(tree, column, within), then=Value(True)), default=Value(False))


def _signals(tree, words, phrase, literal, year):
    """(page id, each word's score, together, as typed, mentions the year, the year's score)
    for each page whose index row matches `tree`: one statement. Each lookup on `body` reads
    only the pages that match `tree` (its phrases as words anywhere)."""
    within = without_positions(tree)
    columns = {f"word_{index}": word_score(keys, within) for index, keys in enumerate(words)}
    columns["together"] = Value(False)
    if phrase:
        pairs = [PlainText(key) for key in dict.fromkeys(pair_keys(phrase.split()))]
        columns["together"] = _flag(all_of(pairs), AUTOCOMPLETE)
    columns["as_typed"] = Value(True)
    if literal is not None:
        # Looked up as its complement: the pages found only through a synonym are few, the
        # pages holding the words as typed often nearly all.
        only_synonyms = holds(Not(literal), BODY, within)
        columns["as_typed"] = Case(When(only_synonyms, then=Value(False)), default=Value(True))
    columns["mentions"] = Value(False)
    columns["year_word"] = Value(0)
    if year is not None:
        columns["mentions"] = _flag(PlainText(str(year)), BODY, within)
        columns["year_word"] = word_score({str(year)}, within)
    rows = entries(tree).annotate(**columns).values_list("page_id", *columns)
    # Run as compiled: Django's per-value converters cost more than the sort for 10,000 rows,
    # and every value is already an integer or a truth value on both databases.
    sql, params = rows.query.sql_with_params()
    with index_scans(), connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def ranked_ids(facts, query, words, phrase="", literal=None, year=None, by_date=False):
    """The ids of the pages that may be found and match, best first (or newest first,
    `by_date`).

    `facts(tree)` gives the `scope.page_facts` of the pages that may be found among those
    matching `tree` (None: all of them; more is harmless): the site's are kept, the admin's are
    read for the matches only. `query` is the query tree of the words (None: a year alone),
    `words` the scored words (each a set of alternative keys), `phrase` the folded free words to
    reward standing together (empty: no bonus), `literal` the tree of the words as typed when
    synonyms found more (those pages come first within their tier), `year` a year typed: it
    matches the pages dated in it or mentioning it, and a page dated in it scores
    `YEAR_WEIGHT`, else the field it stands in.
    """
    tree = query if query is not None else PlainText(str(year))
    known = facts(None if query is None else without_positions(query))
    count = len(words)
    ranked = []  # (tier, as typed, score, date shown, id): sorted as is, best first
    # Each row as `_signals` fills its columns: the id, a score per word, then four flags.
    for row in _signals(tree, words, phrase, literal, year):
        fact = known.get(row[0])
        if fact is None:
            continue
        content, shown, years = fact
        scores = row[1 : count + 1]
        together, as_typed, mentions, year_word = row[count + 1 :]
        score = sum(scores) + (PROXIMITY_BONUS if together else 0)
        if year is not None:
            if year not in years and not mentions:
                continue
            score += YEAR_WEIGHT if year in years else year_word
        titled = count > 0 and min(scores) == TITLE_WEIGHT  # the highest weight
        ranked.append((content or titled, bool(as_typed), score, shown, row[0]))
    if query is None:  # a year alone: the pages dated in it, whatever their text says
        found = {key[-1] for key in ranked}
        for pk, (content, shown, years) in known.items():
            if year in years and pk not in found:
                ranked.append((content, True, YEAR_WEIGHT, shown, pk))
    if by_date:
        return newest_first([key[-1] for key in ranked], known)
    return [key[-1] for key in sorted(ranked, reverse=True)]
