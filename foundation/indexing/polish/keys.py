"""Search keys: the two kinds of ASCII token the index holds, and the reversible exact-key code.

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
"""

from __future__ import annotations

import re

from .text import _clean, _fold_lower, fold

_RUN_RE = re.compile(r"[a-z]+|[0-9]+")

_EXACT_CODES = {
    "ą": "a1", "ć": "c1", "ę": "e1", "ł": "l1", "ń": "n1",
    "ó": "o1", "ś": "s1", "ź": "z1", "ż": "z2",
}  # fmt: skip
_EXACT_DECODE = {code: ch for ch, code in _EXACT_CODES.items()}


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
