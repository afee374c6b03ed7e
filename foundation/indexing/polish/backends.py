"""Lemmatisers: the morfeusz2 and simplemma backends, which one is the default, one per process.

Lemmatisers
-----------
(Their start-up, memory and speed: docs/performance.md, "The lemmatisers".)

* ``morfeusz2`` (SGJP dictionary inside the wheel; wheels for Linux x86_64,
  Windows AMD64 and macOS): all interpretations are kept; lemma suffixes
  such as "zamek:Sm3" are stripped; proper-name lemmas are lowercased;
  case is ignored (``IGNORE_CASE``), so "rawiczu" and "Rawiczu" analyse
  alike.  Of an agglutinated word ("zrobiłbym" = zrobił+by+m) only the
  segments starting the word count.  The first part of a hyphenated
  compound is also analysed with its hyphen, which gives the compound
  adjective form ("Miejsko-" -> miejski).  Words are analysed in batches
  of 256 per Morfeusz call.  One Morfeusz instance per process,
  guarded by a lock (it is not thread-safe).
* ``simplemma`` (pure Python, one lemma per form): the lowercase and the
  capitalised form are both looked up ("poznaniu" -> poznanie, Poznań);
  unknown words get simplemma's rule-based guess besides the word itself.
  Dictionary: marisa-trie backed (``TrieDictionaryFactory``) when
  ``marisa-trie`` and ``platformdirs`` are installed and the cache directory
  is usable, else the
  dependency-free ``StreamDictionaryFactory`` (larger and slower to load).  The
  trie is built once per machine into ``KRONIKA_SIMPLEMMA_CACHE_DIR``
  (default: simplemma's own user cache directory); that one-off build is slow
  and memory-hungry, so run ``python -m foundation.indexing.polish --warm-up
  --backend simplemma`` at deploy time.

The default backend is chosen at import: ``KRONIKA_LEMMATIZER`` =
``morfeusz2`` | ``simplemma`` forces one; otherwise morfeusz2 when it is
installed, else simplemma.  Dictionaries load lazily on first use and are
cached per process.
"""

from __future__ import annotations

import importlib.util
import logging
import os
import threading
import weakref

logger = logging.getLogger(__name__)

BACKENDS = ("morfeusz2", "simplemma")
ENV_BACKEND = "KRONIKA_LEMMATIZER"
ENV_SIMPLEMMA_CACHE = "KRONIKA_SIMPLEMMA_CACHE_DIR"

_LIVE_LOCKS: weakref.WeakSet = weakref.WeakSet()


class _Backend:
    name = ""

    def analyse(self, word: str) -> frozenset[str] | None:
        """Lowercase lemmas of lowercase ``word``, or None if unknown."""
        raise NotImplementedError

    def analyse_many(self, words: list[str]) -> dict[str, frozenset[str] | None]:
        return {word: self.analyse(word) for word in words}

    def guess(self, word: str) -> frozenset[str]:
        """Lemmas for a word that ``analyse`` does not know (besides itself)."""
        return frozenset()


class _MorfeuszBackend(_Backend):
    name = "morfeusz2"

    def __init__(self) -> None:
        import morfeusz2

        self._morfeusz = morfeusz2.Morfeusz(
            analyse=True,
            generate=False,
            expand_tags=False,
            case_handling=morfeusz2.IGNORE_CASE,
        )
        self._lock = threading.Lock()
        _LIVE_LOCKS.add(self)
        # The SWIG object avoids building tag/name/label strings for every
        # interpretation (3x faster); fall back to the public API if absent.
        raw = getattr(self._morfeusz, "_morfeusz_obj", None)
        self._raw = raw if raw is not None and hasattr(raw, "analyse") else None
        self._ign_tag_id = None
        if self._raw is not None:
            for interp in self._raw.analyse("qxqxq"):
                if interp.getTag(self._raw) == "ign":
                    self._ign_tag_id = interp.tagId
            if self._ign_tag_id is None:
                self._raw = None

    def _reset_lock(self) -> None:
        self._lock = threading.Lock()

    def analyse(self, word: str) -> frozenset[str] | None:
        found = set()
        with self._lock:
            if self._raw is not None:
                ign = self._ign_tag_id
                for interp in self._raw.analyse(word):
                    if interp.startNode == 0 and interp.tagId != ign:
                        found.add(interp.lemma)
            else:
                for start, _end, (_orth, lemma, tag, _n, _q) in self._morfeusz.analyse(word):
                    if start == 0 and tag != "ign":
                        found.add(lemma)
        return _morfeusz_lemmas(found)

    def analyse_many(self, words: list[str]) -> dict[str, frozenset[str] | None]:
        """Analyse words in batches of one Morfeusz call each (about half the
        cost of one call per word); segments are mapped back to their word by
        character offsets.  Falls back to word-by-word on any surprise."""
        if self._raw is None:
            return super().analyse_many(words)
        result: dict[str, frozenset[str] | None] = {}
        for first in range(0, len(words), _MORFEUSZ_BATCH):
            chunk = words[first : first + _MORFEUSZ_BATCH]
            found = self._analyse_batch(chunk)
            if found is None:
                result.update(super().analyse_many(chunk))
            else:
                result.update(zip(chunk, map(_morfeusz_lemmas, found), strict=True))
        return result

    def _analyse_batch(self, chunk: list[str]) -> list[set[str]] | None:
        starts: dict[int, int] = {}
        offset = 0
        for index, word in enumerate(chunk):
            starts[offset] = index
            offset += len(word)
        found: list[set[str]] = [set() for _ in chunk]
        node_offset = {0: 0}
        ign = self._ign_tag_id
        with self._lock:
            for interp in self._raw.analyse(" ".join(chunk)):
                start = node_offset.get(interp.startNode)
                if start is None:
                    return None
                end = start + len(interp.orth)
                if node_offset.setdefault(interp.endNode, end) != end:
                    return None
                index = starts.get(start)
                if index is not None and interp.tagId != ign:
                    found[index].add(interp.lemma)
        if max(node_offset.values()) != offset:
            return None
        return found


_MORFEUSZ_BATCH = 256


def _morfeusz_lemmas(found: set[str]) -> frozenset[str] | None:
    if not found:
        return None
    # "zamek:Sm3~a" -> "zamek"; proper names ("Rawicz") lowercased
    return frozenset((lemma.split(":", 1)[0] or lemma).lower() for lemma in found)


def _importable(module: str) -> bool:
    try:
        return importlib.util.find_spec(module) is not None
    except (ImportError, ValueError):
        return False


def _simplemma_cache_dir() -> str | None:
    configured = os.environ.get(ENV_SIMPLEMMA_CACHE)
    if configured:
        return configured
    try:
        from platformdirs import user_cache_dir
        from simplemma.__metadata__ import __version__
    except ImportError:
        return None
    return os.path.join(user_cache_dir("simplemma"), "marisa_trie", __version__)


class _SimplemmaBackend(_Backend):
    name = "simplemma"
    lang = "pl"

    def __init__(self) -> None:
        from simplemma.strategies import DefaultStrategy
        from simplemma.strategies.dictionaries import StreamDictionaryFactory

        factory = None
        if _importable("marisa_trie") and _importable("platformdirs"):
            cache_dir = _simplemma_cache_dir()
            if cache_dir and self._usable_cache(cache_dir):
                from simplemma.strategies.dictionaries import TrieDictionaryFactory

                try:
                    factory = TrieDictionaryFactory(disk_cache_dir=cache_dir)
                except ImportError:  # simplemma checks its trie extras itself
                    factory = None
        if factory is None:
            factory = StreamDictionaryFactory()
        self.dictionary_kind = type(factory).__name__
        self._dictionary = factory.get_dictionary(self.lang)
        self._strategy = DefaultStrategy(dictionary_factory=factory)

    @staticmethod
    def _usable_cache(cache_dir: str) -> bool:
        if os.path.exists(os.path.join(cache_dir, "pl.dic")):
            return True
        try:
            os.makedirs(cache_dir, exist_ok=True)
        except OSError:
            return False
        return os.access(cache_dir, os.W_OK)

    def analyse(self, word: str) -> frozenset[str] | None:
        get = self._dictionary.get
        found = {get(word), get(word.capitalize())}
        found.discard(None)
        if not found:
            return None
        return frozenset(lemma.lower() for lemma in found)

    def guess(self, word: str) -> frozenset[str]:
        try:
            guessed = self._strategy.get_lemma(word, self.lang)
        except Exception:  # a guess is optional
            logger.debug("simplemma could not guess %r", word, exc_info=True)
            return frozenset()
        return frozenset({guessed.lower()}) if guessed else frozenset()


_backends: dict[str, _Backend] = {}
_backends_lock = threading.Lock()


def _shared_backend(name: str) -> _Backend:
    """The process-wide lemmatiser of that name (one Morfeusz instance, one
    simplemma dictionary), created on first use."""
    backend = _backends.get(name)
    if backend is None:
        with _backends_lock:
            backend = _backends.get(name)
            if backend is None:
                cls = _MorfeuszBackend if name == "morfeusz2" else _SimplemmaBackend
                backend = _backends[name] = cls()
    return backend


def _reset_locks_after_fork() -> None:
    for backend in list(_LIVE_LOCKS):
        backend._reset_lock()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_reset_locks_after_fork)


def _requested_backend() -> str | None:
    value = os.environ.get(ENV_BACKEND, "").strip().lower()
    if not value:
        return None
    if value not in BACKENDS:
        raise ValueError(f"{ENV_BACKEND}={value!r}: expected one of {BACKENDS}")
    return value


def _default_backend() -> str:
    requested = _requested_backend()
    if requested:
        return requested
    try:  # cheap: the dictionary is only instantiated on first use
        import morfeusz2  # noqa: F401
    except (ImportError, OSError):
        return "simplemma"
    return "morfeusz2"


DEFAULT_BACKEND = _default_backend()
