"""Context a page computes only when a template fragment needs it (a fragment-cache miss)."""

from functools import partial

from django.utils.functional import SimpleLazyObject


def lazy_context(compute, fields):
    """{name: lazy value} for each field of `fields` (a NamedTuple class), read from the one
    `compute()` returns, computed once, on first use.

    Views stay the place where page data is computed; when the fragments that show it come
    from the cache, its queries and block parsing never run. The names are written once, as the
    fields `compute()` must fill.
    """
    values = SimpleLazyObject(compute)
    return {name: SimpleLazyObject(partial(getattr, values, name)) for name in fields._fields}
