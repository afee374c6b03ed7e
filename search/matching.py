"""Matching read straight from the search index, through one indexed lookup (the order of
the matches: `ranking.py`).

modelsearch's database backends match the combined `title || body` of every entry joined to the
page table (PostgreSQL: no index serves that, so each search scanned all 20,000 entries, ~2 s)
and rank through a subquery that runs the FTS5 match again per row (SQLite, ~8 s). Every key of
a page, the title's included, is indexed in `body` (`documents.search_keys`), and the folded
title words in `autocomplete` (`documents.suggestion_keys`), so a search needs one column:
PostgreSQL's GIN index on the tsvector, SQLite's FTS5 table — the same pages on both.

The query tree is the one `query.build_search_query` builds (PlainText, Or, And, Phrase,
PrefixPhrase; the ranking adds Not); every key, prefix and phrase word in it is `[a-z0-9]+`, so
the compiled expressions carry no reader's syntax, and they are passed as parameters, never
spliced into SQL.
"""

import re
from contextlib import contextmanager

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import BooleanField, Case, Expression, F, IntegerField, Lookup, Value, When
from django.db.models.functions import Cast
from modelsearch.conf import get_app_config
from modelsearch.index import get_indexed_models
from modelsearch.query import And, Not, Or, Phrase, PlainText, SearchQuery
from wagtail.models import Page

from foundation.indexing.documents import NAME_KEY_LETTERS, name_keys

#: The columns search and suggestions look in.
BODY, AUTOCOMPLETE = "body", "autocomplete"
_KEY = re.compile(r"[a-z0-9]+")


def _key(text):
    """`text`, checked to be one key: nothing else may reach the query syntax."""
    if not _KEY.fullmatch(text):
        raise ValueError(f"not a search key: {text!r}")
    return text


def _phrase(text):
    return [_key(word) for word in text.split()]


class PrefixPhrase(SearchQuery):
    """Words side by side, each any word starting with its prefix: a name in any of its forms
    ("osrod pomoc spoleczn" finds "ośrodkach pomocy społecznej"; `synonyms.py`).

    A phrase reads the word positions of each page it is tested on. The name keys of its
    prefixes (`documents.name_keys`: each two neighbouring words by their first three letters)
    narrow that to the pages holding each two neighbouring words of the name side by side,
    instead of every page holding the prefixes anywhere (~120 ms for "cus" at 20,000 pages).
    """

    def __init__(self, prefixes):
        self.prefixes = tuple(prefixes)

    def __repr__(self):
        return f"<PrefixPhrase {' '.join(self.prefixes)!r}>"


def _name_keys(node):
    """The name keys of a PrefixPhrase, or none when a prefix is too short for one."""
    prefixes = [_key(prefix) for prefix in node.prefixes]
    if len(prefixes) < 2 or min(map(len, prefixes)) < NAME_KEY_LETTERS:
        return []
    return name_keys(prefixes)


def _tsquery(node, prefix):
    if isinstance(node, PlainText):
        return f"'{_key(node.query_string)}'" + (":*" if prefix else "")
    if isinstance(node, Phrase):
        return "(" + " <-> ".join(f"'{word}'" for word in _phrase(node.query_string)) + ")"
    if isinstance(node, PrefixPhrase):
        phrase = "(" + " <-> ".join(f"'{_key(prefix)}':*" for prefix in node.prefixes) + ")"
        keys = _name_keys(node)
        return "(" + " & ".join([*(f"'{key}'" for key in keys), phrase]) + ")" if keys else phrase
    if isinstance(node, Not):
        return f"!{_tsquery(node.subquery, prefix)}"
    if isinstance(node, (And, Or)):
        joiner = " & " if isinstance(node, And) else " | "
        return "(" + joiner.join(_tsquery(child, prefix) for child in node.subqueries) + ")"
    raise TypeError(f"unsupported search query node: {node!r}")


def all_of(parts):
    """One query requiring every one of `parts` (a list of one or more query nodes)."""
    return parts[0] if len(parts) == 1 else And(parts)


def query_text(tree):
    """The query tree as one canonical text: the same for the same words and operators."""
    return _tsquery(tree, prefix=False)


def _fts5(node, prefix):
    if isinstance(node, PlainText):
        return f'"{_key(node.query_string)}"' + ("*" if prefix else "")
    if isinstance(node, Phrase):
        return f'"{" ".join(_phrase(node.query_string))}"'
    if isinstance(node, PrefixPhrase):
        phrase = "(" + " + ".join(f'"{_key(prefix)}"*' for prefix in node.prefixes) + ")"
        keys = _name_keys(node)
        return "(" + " AND ".join([*(f'"{key}"' for key in keys), phrase]) + ")" if keys else phrase
    if isinstance(node, And) and any(isinstance(child, Not) for child in node.subqueries):
        # FTS5's NOT is binary: "(a AND b) NOT c".
        kept = all_of([child for child in node.subqueries if not isinstance(child, Not)])
        dropped = [
            _fts5(child.subquery, prefix) for child in node.subqueries if isinstance(child, Not)
        ]
        return "(" + _fts5(kept, prefix) + "".join(f" NOT {text}" for text in dropped) + ")"
    if isinstance(node, (And, Or)):
        joiner = " AND " if isinstance(node, And) else " OR "
        return "(" + joiner.join(_fts5(child, prefix) for child in node.subqueries) + ")"
    raise TypeError(f"unsupported search query node: {node!r}")


def _postgres_entries(tree, column, prefix):
    from django.contrib.postgres.search import SearchQuery

    entries = get_app_config().get_model("IndexEntry")._default_manager
    query = SearchQuery(_tsquery(tree, prefix), search_type="raw", config="simple")
    return entries.filter(**{column: query}).annotate(
        page_id=Cast("object_id", IntegerField()), entry_type=F("content_type_id")
    )


class _Fts5Match(Lookup):
    """`<fts table> MATCH %s` as a WHERE condition: a Lookup, so Django adds no `= true`,
    which SQLite refuses for MATCH. The table's hidden column of its own name is qualified by
    the query's alias for it, so a match inside a subquery of another match reads its own rows."""

    lookup_name = "fts5_match"

    def __init__(self, table, expression):
        self.table, self.expression = table, expression
        super().__init__(Value(""), Value(""))

    def as_sql(self, compiler, connection):
        alias = compiler.quote_name_unless_alias(compiler.query.get_initial_alias())
        return f"{alias}.{connection.ops.quote_name(self.table)} MATCH %s", [self.expression]


def _sqlite_entries(tree, column, prefix):
    fts = get_app_config().get_model("SQLiteFTSIndexEntry")
    match = _Fts5Match(fts._meta.db_table, f"{{{column}}} : {_fts5(tree, prefix)}")
    return fts._default_manager.filter(match).annotate(
        page_id=Cast("index_entry__object_id", IntegerField()),
        entry_type=F("index_entry__content_type_id"),
    )


def _entries(tree, column=BODY, prefix=False):
    if connection.vendor == "postgresql":
        return _postgres_entries(tree, column, prefix)
    if connection.vendor == "sqlite":
        return _sqlite_entries(tree, column, prefix)
    raise NotImplementedError(connection.vendor)  # pragma: no cover - SQLite and PostgreSQL only


def entries(tree, column=BODY, prefix=False):
    """The index rows of the pages that match `tree`, each with its `page_id`; `prefix` makes
    every term a prefix (suggestions).

    Images and documents share the table and their ids may equal a page's: their rows are left
    out by their type, as `NOT IN`, which no index serves, so the database still finds the rows
    through the full-text index alone. (A positive test of the page types let PostgreSQL prefer
    that column's index and test `@@` on every page's row.)
    """
    return _entries(tree, column, prefix).exclude(entry_type__in=_other_types())


def page_ids(tree, column=BODY, prefix=False):
    """The ids of the pages whose index rows match `tree`, as a subquery for a page queryset
    (`allowed.filter(pk__in=…)`), which decides what may be found."""
    return entries(tree, column, prefix).values("page_id")


class _Holds(Expression):
    """`<this index row> IN (<the index rows matching tree>)`, the row named by the query's own
    alias for its table (as `_Fts5Match` does). Written as SQL: a ranking asks for a dozen of
    these, and building each as a queryset cost more than running it."""

    output_field = BooleanField()

    def __init__(self, tree, column):
        super().__init__()
        self.tree, self.column = tree, column

    def as_sql(self, compiler, connection):
        quote = connection.ops.quote_name
        row = compiler.quote_name_unless_alias(compiler.query.get_initial_alias())
        if connection.vendor == "postgresql":
            table = quote(get_app_config().get_model("IndexEntry")._meta.db_table)
            match = f"{quote(self.column)} @@ to_tsquery('simple', %s)"
            sql = f'{row}."id" IN (SELECT "id" FROM {table} WHERE {match})'
            return sql, [_tsquery(self.tree, prefix=False)]
        table = quote(get_app_config().get_model("SQLiteFTSIndexEntry")._meta.db_table)
        sql = f'{row}."rowid" IN (SELECT "rowid" FROM {table} WHERE {table} MATCH %s)'
        return sql, [f"{{{self.column}}} : {_fts5(self.tree, prefix=False)}"]


def holds(tree, column=BODY, within=None):
    """A condition on the index rows of `entries()`: the row matches `tree` as well — one
    lookup in the full-text index, run once as a subquery, never a test of each row's text.

    `within` (a query tree on `body`, holding every row the condition is asked of) narrows the
    lookup: the database reads only the rows that match both, not every page holding `tree`.
    """
    return _Holds(tree if within is None else And([within, tree]), column)


def without_positions(tree):
    """`tree` with its phrases as their words anywhere and its full names as their name keys:
    the same pages or more, found by index lookups alone (a phrase re-reads the word positions
    of each page), for `holds(within=…)`."""
    if isinstance(tree, Phrase):
        return all_of([PlainText(word) for word in _phrase(tree.query_string)])
    if isinstance(tree, PrefixPhrase):
        # Every page holding the name holds its keys; its prefixes anywhere would add only
        # lookups of whole ranges of the index's words.
        keys = [PlainText(key) for key in _name_keys(tree)]
        return all_of(keys or [PrefixPhrase((prefix,)) for prefix in tree.prefixes])
    if isinstance(tree, (And, Or)):
        return type(tree)([without_positions(child) for child in tree.subqueries])
    return tree


def _other_types():
    """The content types of the indexed models that are not pages (images, documents)."""
    others = [model for model in get_indexed_models() if not issubclass(model, Page)]
    return [
        content_type.pk for content_type in ContentType.objects.get_for_models(*others).values()
    ]


@contextmanager
def index_scans():
    """On PostgreSQL, no sequential scan for the statements inside.

    When a common word matches half the pages, the planner prefers reading the whole index
    table to the GIN index: its costs do not know that testing `body @@ query` row by row
    decompresses every body vector (docs/performance.md). Scoped to these statements (SET LOCAL, reset after), so nothing else is affected.
    """
    if connection.vendor != "postgresql":
        yield
        return
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        try:
            yield
        finally:
            cursor.execute("SET LOCAL enable_seqscan TO DEFAULT")


class SearchResults:
    """Matching pages in a fixed order, as Django's Paginator wants them.

    `ids` are the first matches in order (all of them, or as many as were kept) and `total` the
    number of matches, so the count costs nothing; a slice beyond the known ids asks `find()` for
    every id (once). A page of results is one query for its pages.
    """

    def __init__(self, ids, total=None, find=None):
        self.ids, self.find = ids, find
        self.total = len(ids) if total is None else total

    def count(self):
        return self.total

    def _known(self, index):
        stop = self.total if index.stop is None else index.stop
        if stop > len(self.ids) and self.find is not None:
            self.ids, self.find = self.find(), None
        return self.ids[index]

    def ids_of(self, page_of_results):
        """The ids shown on one page of Django's Paginator over these results."""
        return self._known(slice(page_of_results.start_index() - 1, page_of_results.end_index()))

    def __len__(self):
        return self.count()

    def __iter__(self):
        return iter(self[:])

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        return ordered_pages(self._known(index))


def ordered_pages(ids):
    """A page queryset of `ids` in the order given (so `.specific()` keeps it)."""
    if not ids:
        return Page.objects.none()
    order = Case(
        *[When(pk=pk, then=Value(position)) for position, pk in enumerate(ids)],
        output_field=IntegerField(),
    )
    return Page.objects.filter(pk__in=ids).order_by(order)
