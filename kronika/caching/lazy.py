"""Context a page computes only when a template fragment needs it (a fragment-cache miss)."""

import operator
from functools import partial

from django.utils.functional import SimpleLazyObject


def lazy_context(compute, names):
    """{name: lazy value} of the dict `compute()` returns, computed once, on first use.

    Views stay the place where page data is computed; when the fragments that show it come
    from the cache, its queries and block parsing never run.
    """
    values = SimpleLazyObject(compute)
    return {name: SimpleLazyObject(partial(operator.getitem, values, name)) for name in names}
