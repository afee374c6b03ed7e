"""Relevance order: one integer score per page, the same statement on SQLite and PostgreSQL.

The model is written down in docs/search.md. In short: each query word scores by the best field
it stands in (title 8, lead 4, a stop's heading, town or kinds 3, body 2, captions 1), read from
the field-marked keys every page indexes (`documents.field_keys`); the free words standing side
by side, in order, add `PROXIMITY_BONUS` (a lookup of the pair keys, `documents.pair_keys`).
Articles and visits come before listing, index and utility pages (home, news and visit indexes,
standard pages, the site map, the accessibility statement) unless every word stands in that
page's title; within each, the pages holding the words as typed come before those found only
through a synonym (`synonyms.py`). Ties go to the newest date shown (visit start, publication
date, first publication), then the newest page.

Every check is a lookup in the index (GIN on PostgreSQL, FTS5 on SQLite) run once as a subquery,
never a per-row rank function, so both databases compute the same integers and order the same
pages identically (bm25 and ts_rank weigh term frequency and length differently).
"""

from django.db.models import Case, F, IntegerField, Q, Value, When
from modelsearch.query import Or, PlainText

from foundation.indexing.documents import FIELD_MARKS, pair_keys

from .matching import AUTOCOMPLETE, all_of, index_scans, page_ids
from .scope import shown_date_expression

#: What a query word scores by the best field it stands in; the body is every other field.
FIELD_WEIGHTS = {"title": 8, "lead": 4, "stops": 3, "captions": 1}
BODY_WEIGHT = 2
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


def word_score(keys):
    """The score of one query word (its alternative keys) on each page, as an expression."""
    return Case(
        *[
            When(pk__in=page_ids(_marked(keys, field)), then=Value(weight))
            for field, weight in FIELD_WEIGHTS.items()
        ],
        default=Value(BODY_WEIGHT),
        output_field=IntegerField(),
    )


def _content():
    """Articles and visits: the pages with a news-list entry (`ListedPage`)."""
    return Q(listedpage__isnull=False)


def year_score(year, dated):
    """What a year in the query scores: `YEAR_WEIGHT` on the pages dated in it (`dated`, ids),
    else the field the year stands in, as any word."""
    return Case(
        When(pk__in=dated, then=Value(YEAR_WEIGHT)),
        default=word_score({str(year)}),
        output_field=IntegerField(),
    )


def ranked_ids(pages, words, phrase="", bonus=None, literal=None):
    """The ids of `pages` (matching pages), best first.

    `words` are the scored words (each a set of alternative keys), `phrase` the folded free
    words to reward standing together (empty: no bonus), `bonus` one more score expression,
    `literal` the ids of the pages holding the words as typed when synonyms found more (those
    come first within their tier).
    """
    scores = [word_score(keys) for keys in words]
    if phrase:
        pairs = [PlainText(key) for key in dict.fromkeys(pair_keys(phrase.split()))]
        together = page_ids(all_of(pairs), column=AUTOCOMPLETE)
        scores.append(
            Case(
                When(pk__in=together, then=Value(PROXIMITY_BONUS)),
                default=Value(0),
                output_field=IntegerField(),
            )
        )
    if bonus is not None:
        scores.append(bonus)
    tier = _content()
    if words:
        titled = [_marked(keys, "title") for keys in words]
        tier |= Q(pk__in=page_ids(all_of(titled)))
    score = sum(scores[1:], scores[0]) if scores else Value(0)
    as_typed = Q(pk__in=literal) if literal is not None else Q(pk__isnull=False)
    ranked = pages.annotate(
        tier=Case(When(tier, then=Value(1)), default=Value(0), output_field=IntegerField()),
        literal=Case(When(as_typed, then=Value(1)), default=Value(0), output_field=IntegerField()),
        score=score,
        shown=shown_date_expression(),
    ).order_by("-tier", "-literal", "-score", F("shown").desc(nulls_last=True), "-pk")
    with index_scans():
        return list(ranked.values_list("pk", flat=True))
