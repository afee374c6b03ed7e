"""Polish text normaliser for search: words -> plain ASCII search keys.

Pure Python, no Django.  Readers type base forms, often without diacritics
("Rawicz", "spoldzielnia socjalna"), while the texts say "w Rawiczu",
"Spółdzielnię Socjalną".  This module turns both sides into *keys* that an
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
    exact_key(word) / decode_exact_key(key)            the exact-key encoding (see below)

Tokenisation
------------
The text is NFC-normalised; soft hyphens (U+00AD) and zero-width characters
are deleted (they come with text pasted from word processors).  A word is a
maximal run of letters (plus combining marks) or a maximal run of digits.
Everything else separates words, so hyphenated compounds split
("Miejsko-Gminny" -> "Miejsko", "Gminny"; morfeusz2 analyses "Miejsko" as the
compound-adjective form of "miejski"), apostrophes split ("O'Neill" -> "O",
"Neill") and letters split from digits ("COVID19" -> "COVID", "19";
"2021r." -> "2021", "r").  Query words go through the same tokeniser, so a
query "miejsko-gminny" becomes the two ANDed words.

Keys
----
Every key matches ``[a-z0-9]+``.  There are two disjoint kinds:

* **folded keys**: ``fold()`` of a word or of a lemma, split into runs of
  letters and runs of digits.  A folded key is therefore *all letters* or
  *all digits*: "spoldzielnia", "rawicz", "2021".
* **exact keys**: a lemma *with* its diacritics, encoded reversibly in ASCII
  and always ending in the marker ``0``, so an exact key always mixes letters
  and digits and can never equal a folded key.  Encoding, per character:

  - ``a``-``z`` stay as they are;
  - Polish letters become base letter + digit: ą=a1 ć=c1 ę=e1 ł=l1 ń=n1 ó=o1
    ś=s1 ź=z1, and ż=z2;
  - any other character c becomes ``P 9 OOO 8`` where P is the letters of
    ``fold(c)`` (or ``x`` if that has none; it keeps keys starting with a
    letter) and OOO is the code point of c in octal (é -> e93518,
    ü -> u93748, a digit 5 -> x9658);
  - finally ``0`` is appended.

  Examples: kąt -> ka1t0, kat -> kat0, łódź -> l1o1dz10,
  spółdzielnia -> spo1l1dzielnia0, müller -> mu93748ller0.
  ``decode_exact_key()`` inverts it.  Because the marker is a suffix, a
  prefix of an exact key is the encoding of a prefix of the word, so prefix
  search (FTS5 ``spo1l1*``, PostgreSQL ``'spo1l1':*``) works on both kinds.

The PostgreSQL default parser classifies such keys as ``numword`` and keeps
each one whole; SQLite FTS5's unicode61 tokenizer keeps alphanumeric runs.
Do not put a stemming tokenizer (FTS5 ``porter``, a language configuration)
in front of the keys.

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
  of every *diacritic restoration* of q that the lemmatiser knows.  The
  restorations are generated letter by letter (a/ą, c/ć, e/ę, l/ł, n/ń, o/ó,
  s/ś, z/ź/ż) under Polish spelling constraints (ą/ę never word-initial nor
  before a vowel; ć/ń/ś/ź never before a vowel; no ć in "ch"/"cz", no ś in
  "sz", no ź/ż after c or s, no ł before i, ż before i only in "dżi") —
  these keep 99.98 % of the 2.06 M diacritised word forms of simplemma's
  Polish dictionary reachable while the median word has 16 candidates
  (99th percentile 384, maximum 8192 = ``MAX_RESTORATIONS``, the cap).  The
  candidates are checked against the lemmatiser's dictionary in one batch
  (worst case ~25 ms with morfeusz2, ~3 ms with simplemma's trie).  So
  "spoldzielni" -> spółdzielni -> spółdzielnia -> key "spoldzielnia", which
  the document "Spółdzielnię" also carries; "kat" matches "kat" and "kąt".
  Callers should cap the length of a query (words x restorations).
* digits: the digit run itself.

Stop words (dropped from queries unless the query has nothing else; compared
after folding): ``QUERY_STOP_WORDS`` = a, i, o, u, w, z, we, ze/że, do, na,
od, po, za, dla, oraz, lub, albo, czy, się, the, of, and.

Lemmatisers
-----------
Measured on the 2-core development machine (Python 3.11), per process:

================  ===========  ==========  ===========================
backend           start-up     RSS added   document_keys, 5,000 words
================  ===========  ==========  ===========================
morfeusz2         ~75 ms       ~38 MB      ~30 ms (~80 ms if all distinct)
simplemma, trie   ~75 ms       ~28 MB      ~20 ms (~55 ms if all distinct)
simplemma, stream ~1.5-2.3 s   ~52 MB      ~40-80 ms (~170 ms)
================  ===========  ==========  ===========================

The per-process caches (20,000 words) add at most ~25 MB more (morfeusz2
peaked at +63 MB after 120,000 distinct words).

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
  Dictionary: marisa-trie backed (``TrieDictionaryFactory``, ~25 MB) when
  ``marisa-trie`` and ``platformdirs`` are installed and the cache directory
  is usable, else the
  dependency-free ``StreamDictionaryFactory`` (~52 MB, 1.5-2.3 s to load).  The
  trie is built once per machine into ``KRONIKA_SIMPLEMMA_CACHE_DIR``
  (default: simplemma's own user cache directory); that one-off build takes
  ~8 s and ~750 MB peak memory, so run ``python -m search.polish --warm-up
  --backend simplemma`` at deploy time.

The default backend is chosen at import: ``KRONIKA_LEMMATIZER`` =
``morfeusz2`` | ``simplemma`` forces one; otherwise morfeusz2 when it is
installed, else simplemma.  Dictionaries load lazily on first use and are
cached per process.
"""

from __future__ import annotations

import importlib.util
import itertools
import logging
import os
import re
import threading
import unicodedata
import weakref
from collections.abc import Iterable
from functools import lru_cache

from anyascii import anyascii

logger = logging.getLogger(__name__)

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

BACKENDS = ("morfeusz2", "simplemma")
ENV_BACKEND = "KRONIKA_LEMMATIZER"
ENV_SIMPLEMMA_CACHE = "KRONIKA_SIMPLEMMA_CACHE_DIR"

#: Most diacritic restorations tried for one undiacritised query word.
MAX_RESTORATIONS = 8192

#: Dropped from queries (compared folded) unless the query has only these.
QUERY_STOP_WORDS = frozenset(
    {
        "a", "i", "o", "u", "w", "z", "we", "ze", "do", "na", "od", "po", "za", "dla",
        "oraz", "lub", "albo", "czy", "sie", "the", "of", "and",
    }
)  # fmt: skip

# --------------------------------------------------------------------------
# Text primitives (backend-independent)
# --------------------------------------------------------------------------

# soft hyphen, zero-width space / non-joiner / joiner, word joiner, BOM
_INVISIBLE_RE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
_TOKEN_RE = re.compile(r"(?:[^\W\d_]|[\u0300-\u036f])+|\d+")
_RUN_RE = re.compile(r"[a-z]+|[0-9]+")
_HYPHENS = frozenset("-\u2010\u2011")

_PL_LOWER = "ąćęłńóśźż"
# str.replace chains: several times faster than str.translate with a dict
_PL_FOLD_PAIRS = tuple(zip(_PL_LOWER, "acelnoszz", strict=True))
_PL_FOLD = str.maketrans(_PL_LOWER, "acelnoszz")
_EXACT_CODES = {
    "ą": "a1", "ć": "c1", "ę": "e1", "ł": "l1", "ń": "n1",
    "ó": "o1", "ś": "s1", "ź": "z1", "ż": "z2",
}  # fmt: skip
_EXACT_DECODE = {code: ch for ch, code in _EXACT_CODES.items()}


def _clean(text: str) -> str:
    """NFC, without soft hyphens and zero-width characters."""
    if not text.isascii():
        if not unicodedata.is_normalized("NFC", text):
            text = unicodedata.normalize("NFC", text)
        if _INVISIBLE_RE.search(text):
            text = _INVISIBLE_RE.sub("", text)
    return text


def tokens(text: str) -> list[str]:
    """The words of ``text`` in order, as written (case and diacritics kept).

    A word is a run of letters or a run of digits; hyphens, apostrophes and
    all other punctuation separate words, and so does a letter/digit change.
    """
    return _TOKEN_RE.findall(_clean(text))


def _fold_lower(text: str) -> str:
    """fold() of text that is already clean and lowercase."""
    if text.isascii():
        return text
    for letter, base in _PL_FOLD_PAIRS:
        if letter in text:
            text = text.replace(letter, base)
    return text if text.isascii() else anyascii(text).lower()


def fold(text: str) -> str:
    """Lowercase and fold diacritics: "Łódź, Straße" -> "lodz, strasse".

    Polish letters are mapped explicitly (ł -> l is no Unicode decomposition);
    anything else non-ASCII goes through anyascii.  Non-letters are kept, so
    the result is plain ASCII for any Latin-script text.
    """
    return _fold_lower(_clean(text).lower())


def _folded_runs(word: str) -> list[str]:
    """Folded keys of a clean lowercase word: its fold cut into all-letter
    and all-digit runs."""
    return _RUN_RE.findall(_fold_lower(word))


def _escape_prefix(ch: str) -> str:
    return "".join(c for c in fold(ch) if "a" <= c <= "z") or "x"


def _exact_key_lower(word: str) -> str:
    """exact_key() of a word that is already clean and lowercase."""
    if word.isascii() and word.isalpha():
        return word + "0"
    coded = word
    for letter, code in _EXACT_CODES.items():
        if letter in coded:
            coded = coded.replace(letter, code)
    if not (coded.isascii() and word.isalpha()):
        # other characters besides ASCII and Polish letters: escape them
        coded = "".join(
            ch if "a" <= ch <= "z" else _EXACT_CODES.get(ch) or f"{_escape_prefix(ch)}9{ord(ch):o}8"
            for ch in word
        )
    return coded + "0"


def exact_key(word: str) -> str:
    """The exact (diacritic-preserving) key of a word or lemma.

    See the module docstring; e.g. "kąt" -> "ka1t0", "kat" -> "kat0".
    The input is NFC-normalised and lowercased first.
    """
    return _exact_key_lower(_clean(word).lower())


def decode_exact_key(key: str) -> str:
    """Invert ``exact_key``: "ka1t0" -> "kąt".  Raises ValueError if malformed."""
    if not key.endswith("0") or not key.isascii():
        raise ValueError(f"not an exact key: {key!r}")
    out: list[str] = []
    i, n = 0, len(key) - 1
    while i < n:
        ch = key[i]
        if "a" <= ch <= "z":
            pair = key[i : i + 2]
            if pair in _EXACT_DECODE:
                out.append(_EXACT_DECODE[pair])
                i += 2
            else:
                out.append(ch)
                i += 1
        elif ch == "9":
            end = key.find("8", i + 1)
            if end < 0:
                raise ValueError(f"not an exact key: {key!r}")
            char = chr(int(key[i + 1 : end], 8))
            prefix = _escape_prefix(char)
            if "".join(out[len(out) - len(prefix) :]) != prefix:
                raise ValueError(f"not an exact key: {key!r}")
            del out[len(out) - len(prefix) :]
            out.append(char)
            i = end + 1
        else:
            raise ValueError(f"not an exact key: {key!r}")
    return "".join(out)


def _has_letter(key: str) -> bool:
    return any("a" <= c <= "z" for c in key)


# --------------------------------------------------------------------------
# Diacritic restoration for undiacritised words
# --------------------------------------------------------------------------

_VOWELS = frozenset("aeiouyąęó")


def _alternatives(folded: str, i: int) -> str:
    """Letters that the folded letter at position i may stand for."""
    c = folded[i]
    nxt = folded[i + 1] if i + 1 < len(folded) else ""
    prev = folded[i - 1] if i else ""
    before_vowel = nxt in _VOWELS  # "" (word end) is not a vowel
    if c == "a":
        return "aą" if i and not before_vowel else "a"
    if c == "e":
        return "eę" if i and not before_vowel else "e"
    if c == "o":
        return "oó" if not before_vowel else "o"
    if c == "l":
        return "lł" if nxt != "i" else "l"
    if c == "c":
        return "cć" if not before_vowel and nxt not in ("h", "z") else "c"
    if c == "n":
        return "nń" if not before_vowel else "n"
    if c == "s":
        return "sś" if not before_vowel and nxt != "z" else "s"
    if c == "z":
        alts = "z"
        if prev not in ("c", "s"):
            if not before_vowel:
                alts += "ź"
            if nxt != "i" or prev in ("d", ""):
                alts += "ż"
        return alts
    return c


def _restorations(word: str) -> Iterable[str]:
    """Spellings of lowercase ``word`` with diacritics restored on its ASCII
    letters (typed diacritics are kept); ``word`` itself comes first."""
    folded = word.translate(_PL_FOLD)
    choices = [ch if ch != folded[i] else _alternatives(folded, i) for i, ch in enumerate(word)]
    return ("".join(t) for t in itertools.islice(itertools.product(*choices), MAX_RESTORATIONS))


# --------------------------------------------------------------------------
# Lemmatiser backends
# --------------------------------------------------------------------------

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


# --------------------------------------------------------------------------
# The normaliser
# --------------------------------------------------------------------------


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
            restored = self._restored(word) or self._get_backend().guess(word)
            for lemma in restored:
                keys.update(_folded_runs(lemma))
            return keys
        # typed with diacritics: exact keys only
        found = self._analyse(word)
        lemma_set = set(found) if found is not None else self.lemmas(word) | self._restored(word)
        return {key for key in map(_exact_key_lower, lemma_set) if _has_letter(key)}

    def _restored_uncached(self, word: str) -> frozenset[str]:
        """Lemmas of all known diacritic restorations of ``word``."""
        found: set[str] = set()
        known = self._get_backend().analyse_many(list(_restorations(word)))
        for lemma_set in known.values():
            if lemma_set:
                found |= lemma_set
        return frozenset(found)


# --------------------------------------------------------------------------
# Default normaliser and module-level API
# --------------------------------------------------------------------------


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
    try:  # cheap (~2 ms): the dictionary is only instantiated on first use
        import morfeusz2  # noqa: F401
    except (ImportError, OSError):
        return "simplemma"
    return "morfeusz2"


DEFAULT_BACKEND = _default_backend()

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


def _main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(
        prog="python -m search.polish", description="Show the search keys of a text."
    )
    parser.add_argument("--backend", choices=BACKENDS, default=None)
    parser.add_argument("--query", action="store_true", help="show query keys, not document keys")
    parser.add_argument("--warm-up", action="store_true", help="load (and cache) the dictionary")
    parser.add_argument("text", nargs="*")
    args = parser.parse_args(argv)
    normaliser = get_normaliser(args.backend)
    if args.warm_up:
        normaliser.warm_up()
        print(f"{normaliser.backend_name()}: ready")
    text = " ".join(args.text)
    if text:
        if args.query:
            for word_keys in normaliser.query_keys(text):
                print(" | ".join(sorted(word_keys)))
        else:
            print(" ".join(normaliser.document_keys(text)))
    return 0


if __name__ == "__main__":
    raise SystemExit(_main())
