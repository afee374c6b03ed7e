"""Polish text normaliser for search: words -> plain ASCII search keys.

Pure Python, no Django.  Readers type base forms, often without diacritics
("Rawicz", "spoldzielnia socjalna"), while the texts say "w Rawiczu",
"Spółdzielnię Socjalną".  This package turns both sides into *keys* that an
inverted index (SQLite FTS5, PostgreSQL ``to_tsvector('simple', ...)``) can
match with plain token equality.

Public interface (module-level functions use the default normaliser)::

    tokens(text) -> list[str]            words of a text, in order
    fold(text) -> str                    lowercase, diacritics folded (ł->l, ß->ss), ASCII
    lemmas(word) -> set[str]             all lowercase lemmas (with diacritics) of one word
    document_keys(text) -> list[str]     keys to index for a document text (de-duplicated)
    query_keys(text) -> list[set[str]]   per query word, the alternative keys (OR);
                                         the caller ANDs the words
    backend_name() -> str                "morfeusz2" or "simplemma"
    get_normaliser(backend=None) -> PolishNormaliser   same methods, for a named backend
    exact_key(word) / decode_exact_key(key)            the exact-key encoding (see keys)

Modules, each documenting its part: ``text`` (tokenisation, folding), ``keys``
(folded and exact keys), ``restorations`` (diacritics for undiacritised query
words), ``backends`` (the morfeusz2 and simplemma lemmatisers, measurements,
the default backend), ``endings`` (the stems of words the lemmatiser does not
know, the prefixes of a name's forms), ``normaliser`` (document and query keys,
stop words);
``python -m foundation.indexing.polish --help`` shows the keys of a text.
"""

from __future__ import annotations

import threading

from .backends import BACKENDS, DEFAULT_BACKEND
from .backends import ENV_BACKEND as ENV_BACKEND
from .backends import ENV_SIMPLEMMA_CACHE as ENV_SIMPLEMMA_CACHE
from .keys import decode_exact_key, exact_key
from .normaliser import QUERY_STOP_WORDS, PolishNormaliser
from .restorations import MAX_RESTORATIONS
from .text import fold, tokens

__all__ = [
    "BACKENDS",
    "MAX_RESTORATIONS",
    "QUERY_STOP_WORDS",
    "PolishNormaliser",
    "backend_name",
    "decode_exact_key",
    "document_keys",
    "exact_key",
    "fold",
    "get_normaliser",
    "lemmas",
    "query_keys",
    "tokens",
]

_normalisers: dict[str, PolishNormaliser] = {}
_normalisers_lock = threading.Lock()


def get_normaliser(backend: str | None = None) -> PolishNormaliser:
    """The per-process normaliser for ``backend`` (default: ``DEFAULT_BACKEND``)."""
    name = backend or DEFAULT_BACKEND
    normaliser = _normalisers.get(name)
    if normaliser is None:
        with _normalisers_lock:
            normaliser = _normalisers.get(name)
            if normaliser is None:
                normaliser = _normalisers[name] = PolishNormaliser(name)
    return normaliser


def lemmas(word: str) -> set[str]:
    return get_normaliser().lemmas(word)


def document_keys(text: str) -> list[str]:
    return get_normaliser().document_keys(text)


def query_keys(text: str) -> list[set[str]]:
    return get_normaliser().query_keys(text)


def backend_name() -> str:
    return get_normaliser().backend_name()


lemmas.__doc__ = PolishNormaliser.lemmas.__doc__
document_keys.__doc__ = PolishNormaliser.document_keys.__doc__
query_keys.__doc__ = PolishNormaliser.query_keys.__doc__
backend_name.__doc__ = '"morfeusz2" or "simplemma": the default normaliser\'s lemmatiser.'
