"""Words and folding: the backend-independent text primitives both sides of search share.

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
"""

from __future__ import annotations

import re
import unicodedata

from anyascii import anyascii

# soft hyphen, zero-width space / non-joiner / joiner, word joiner, BOM
_INVISIBLE_RE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
_TOKEN_RE = re.compile(r"(?:[^\W\d_]|[\u0300-\u036f])+|\d+")
_HYPHENS = frozenset("-\u2010\u2011")

_PL_LOWER = "ąćęłńóśźż"
# str.replace chains: several times faster than str.translate with a dict
_PL_FOLD_PAIRS = tuple(zip(_PL_LOWER, "acelnoszz", strict=True))
_PL_FOLD = str.maketrans(_PL_LOWER, "acelnoszz")


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
