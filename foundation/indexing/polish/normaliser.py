"""The normaliser: a lemmatiser and the text primitives combined into document and query keys.

Document side (``document_keys``), for every word w of the text:
    folded(w), and for every lemma L of w: folded(L) and exact(L).
Digit words only give folded(w).  Stop words are kept.

Query side (``query_keys``), for every query word q (after stop words):
* q typed WITH diacritics (any non-ASCII letter): the exact keys of its
  lemmas only.  "kąt" therefore never matches a document saying "kat", and
  "katów" (lemma kat) never matches "kąt".  If q itself is unknown to the
  lemmatiser (a half-diacritised "spoldzielnię"), the ASCII letters are
  restored as below while the typed diacritics are kept.
* q typed WITHOUT diacritics: folded(q) plus the folded keys of the lemmas
  of every *diacritic restoration* of q that the lemmatiser knows (see
  ``restorations``: the median word has 16 candidates, at most
  ``MAX_RESTORATIONS``).  The candidates are checked against the
  lemmatiser's dictionary in one batch.  So "spoldzielni" -> spółdzielni ->
  spółdzielnia -> key "spoldzielnia", which the document "Spółdzielnię"
  also carries; "kat" matches "kat" and "kąt".  Callers should cap the
  length of a query (words x restorations).
* digits: the digit run itself.

Words the lemmatiser does not know ("jadłodzielnia", "jadłodzielni") also carry a *stem key* on
both sides: their stem (``endings.stem``, the word without its inflectional ending) behind a
marker, folded behind ``u0`` and exact behind ``v0`` (``stem_keys``). An undiacritised query word
matches the folded one, a query word typed with diacritics only the exact one, so the fallback
keeps "kąt" apart from "kat" as the lemmas do; known words get no stem key.

Stop words (dropped from queries unless the query has nothing else; compared
after folding): ``QUERY_STOP_WORDS`` = a, i, o, u, w, z, we, ze/że, do, na,
od, po, za, dla, oraz, lub, albo, czy, się, the, of, and.
"""

from __future__ import annotations

from functools import lru_cache

from .backends import BACKENDS, _Backend, _shared_backend
from .endings import MIN_STEM, stem
from .keys import _exact_key_lower, _folded_runs, _has_letter
from .restorations import _restorations
from .text import _HYPHENS, _TOKEN_RE, _clean, fold, tokens

#: Dropped from queries (compared folded) unless the query has only these.
QUERY_STOP_WORDS = frozenset(
    {
        "a", "i", "o", "u", "w", "z", "we", "ze", "do", "na", "od", "po", "za", "dla",
        "oraz", "lub", "albo", "czy", "sie", "the", "of", "and",
    }
)  # fmt: skip


#: Markers of the stem keys of unknown words: folded, and exact (diacritics kept).
FOLDED_STEM_MARK, EXACT_STEM_MARK = "u0", "v0"


def stem_keys(word: str) -> tuple[str, str] | tuple[()]:
    """The folded and the exact stem key of a clean lowercase word the lemmatiser does not
    know; none for a word too short to have an ending."""
    if len(word) <= MIN_STEM or not word.isalpha():
        return ()
    base = stem(word)
    return FOLDED_STEM_MARK + "".join(_folded_runs(base)), EXACT_STEM_MARK + _exact_key_lower(base)


class PolishNormaliser:
    """Tokeniser + folding + lemmatisation for one lemmatiser backend.

    Thread-safe.  Normalisers of the same backend share one process-wide
    lemmatiser, loaded on first use; each keeps its own word caches.
    """

    def __init__(self, backend: str, cache_size: int = 20_000) -> None:
        if backend not in BACKENDS:
            raise ValueError(f"unknown lemmatiser backend {backend!r}; use one of {BACKENDS}")
        self._backend_name = backend
        self._backend: _Backend | None = None
        self._cache_size = cache_size
        # word -> lemmas (None: unknown) and word -> document keys; plain dicts
        # (atomic under the GIL), emptied when they outgrow cache_size
        self._analysed: dict[str, frozenset[str] | None] = {}
        self._keys_of: dict[str, tuple[str, ...]] = {}
        self._restored = lru_cache(maxsize=2048)(self._restored_uncached)

    def __repr__(self) -> str:
        return f"<PolishNormaliser {self._backend_name}>"

    # -- backend ----------------------------------------------------------

    def backend_name(self) -> str:
        return self._backend_name

    def _get_backend(self) -> _Backend:
        backend = self._backend
        if backend is None:
            backend = self._backend = _shared_backend(self._backend_name)
        return backend

    def warm_up(self) -> PolishNormaliser:
        """Load the dictionary now (and build simplemma's trie cache if needed)."""
        self._get_backend()
        return self

    def _analyse(self, word: str) -> frozenset[str] | None:
        try:
            return self._analysed[word]
        except KeyError:
            pass
        found = self._get_backend().analyse(word)
        self._remember(self._analysed, {word: found})
        return found

    def _remember(self, cache: dict, items: dict) -> None:
        if len(cache) + len(items) > self._cache_size:
            cache.clear()
        cache.update(items)

    # -- public API ---------------------------------------------------------

    tokens = staticmethod(tokens)
    fold = staticmethod(fold)

    def lemmas(self, word: str) -> set[str]:
        """All lowercase lemmas (with diacritics) of one word; the lowercased
        word itself when the lemmatiser does not know it."""
        word = _clean(word).lower()
        if not word:
            return set()
        if word.isdigit():
            return {word}
        found = self._analyse(word)
        if found is None:
            return {word, *self._get_backend().guess(word)}
        return set(found)

    def document_keys(self, text: str) -> list[str]:
        """Keys to index for a document: per word its folded form, and per
        lemma the folded and the exact key.  De-duplicated, first-seen order."""
        words: dict[str, None] = {}
        text = _clean(text)
        for match in _TOKEN_RE.finditer(text):
            word = match.group().lower()
            end = match.end()
            # first part of a hyphenated compound ("Miejsko-Gminny"): morfeusz2
            # knows the compound-adjective form (miejsko -> miejski) only there
            if text[end : end + 1] in _HYPHENS and text[end + 1 : end + 2].isalpha():
                words[word + "-"] = None
            else:
                words[word] = None
        keys_of = self._keys_of
        missing = [word for word in words if word not in keys_of]
        if missing:
            self._prefetch(missing)
            self._remember(keys_of, {word: self._word_keys(word) for word in missing})
        keys: dict[str, None] = {}
        for word in words:
            keys.update(dict.fromkeys(keys_of.get(word) or self._word_keys(word)))
        return list(keys)

    def _prefetch(self, words: list[str]) -> None:
        """Analyse the not yet analysed among ``words`` in one batch."""
        analysed = self._analysed
        todo: dict[str, None] = {}
        for word in words:
            if word.endswith("-"):
                word = word[:-1]
                if self._backend_name == "morfeusz2" and not word.isdigit():
                    todo[word + "-"] = None
            if not word.isdigit():
                todo[word] = None
        todo_list = [word for word in todo if word not in analysed]
        if todo_list:
            self._remember(analysed, self._get_backend().analyse_many(todo_list))

    def query_keys(self, text: str) -> list[set[str]]:
        """For each query word the set of alternative keys (a document
        matches the word if it has ANY of them).  Stop words are dropped
        unless the query consists only of them."""
        words = tokens(text)
        content = [w for w in words if fold(w) not in QUERY_STOP_WORDS]
        result = []
        for token in content or words:
            keys = self._query_word_keys(token.lower())
            if keys:
                result.append(keys)
        return result

    # -- internals ----------------------------------------------------------

    def _word_keys(self, word: str) -> tuple[str, ...]:
        compound_part = word.endswith("-")
        word = word.rstrip("-")
        keys = dict.fromkeys(_folded_runs(word))
        if not word.isdigit():
            lemma_set = self.lemmas(word)
            if self._analyse(word) is None:
                keys.update(dict.fromkeys(stem_keys(word)))
            if compound_part and self._backend_name == "morfeusz2":
                lemma_set |= self._analyse(word + "-") or set()
            for lemma in lemma_set:
                keys.update(dict.fromkeys(_folded_runs(lemma)))
                exact = _exact_key_lower(lemma)
                if _has_letter(exact):
                    keys[exact] = None
        return tuple(keys)

    def _query_word_keys(self, word: str) -> set[str]:
        if word.isdigit():
            return set(_folded_runs(word))
        if word.isascii():
            keys = set(_folded_runs(word))
            restored = self._restored(word)
            if not restored:
                keys.update(stem_keys(word)[:1])
            for lemma in restored or self._get_backend().guess(word):
                keys.update(_folded_runs(lemma))
            return keys
        # typed with diacritics: exact keys only
        found = self._analyse(word)
        lemma_set = set(found) if found is not None else self.lemmas(word) | self._restored(word)
        keys = {key for key in map(_exact_key_lower, lemma_set) if _has_letter(key)}
        if found is None and not self._restored(word):
            keys.update(stem_keys(word)[1:])
        return keys

    def _restored_uncached(self, word: str) -> frozenset[str]:
        """Lemmas of all known diacritic restorations of ``word``."""
        found: set[str] = set()
        known = self._get_backend().analyse_many(list(_restorations(word)))
        for lemma_set in known.values():
            if lemma_set:
                found |= lemma_set
        return frozenset(found)
