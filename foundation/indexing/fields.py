"""Search fields that are cheap to index more than once per page."""

import json

from wagtail.search import index

_MEMO = "_kronika_search_values"


def memoised(obj, name, fingerprint, compute):
    """`compute()`, kept on `obj` under `name` for as long as `fingerprint` is unchanged."""
    memo = obj.__dict__.setdefault(_MEMO, {})
    cached = memo.get(name)
    if cached is None or cached[0] != fingerprint:
        cached = memo[name] = (fingerprint, compute())
    return cached[1]


def stream_fingerprint(stream):
    """The stored JSON of a StreamField value, which reading (converting) blocks leaves as is."""
    return json.dumps(list(stream.raw_data), default=str, sort_keys=True)


class StreamSearchField(index.SearchField):
    """A StreamField's searchable text, extracted once per page object while its data is unchanged.

    The database backends read every search field once per index column they fill (title, body,
    autocomplete), and extracting a body's text converts all its blocks: a third of
    `update_index`'s time went into doing it twice more.
    """

    def get_value(self, obj):
        stream = getattr(obj, self.field_name)
        if not hasattr(stream, "raw_data"):
            return super().get_value(obj)
        return memoised(
            obj,
            self.field_name,
            stream_fingerprint(stream),
            lambda: super(StreamSearchField, self).get_value(obj),
        )
