"""The text around the first match of a result's best passage, with matching words marked.

Words are compared by their normalised keys, as search compares them, so the query "Rawicz" marks
"Rawiczu" and "spoldzielnia" marks "Spółdzielnię". A full name a synonym found ("MOPS" →
"Ośrodka Pomocy Społecznej", `query.marked_terms`) is marked where its words stand side by side,
each starting with its prefix, as search matched it. Everything else is escaped.
"""

import re

from django.utils.html import escape
from django.utils.safestring import mark_safe

from foundation.indexing import polish

_WORD = re.compile(r"\w+")
WORDS_BEFORE = 12
WORDS_AFTER = 28
#: Words whose keys this process remembers (a few MB), forgotten all at once when full.
KEPT_WORDS = 50_000
_keys_of_word: dict[str, frozenset[str]] = {}


def word_keys(words):
    """The keys of each of `words`, as search indexes the word, in a dict by word.

    The words not met before are analysed in one batch; every word is kept for the next results
    (a snippet is a few dozen words of a small vocabulary; asking the normaliser word by word
    was a visible part of each result's cost).
    """
    found = {word: _keys_of_word.get(word) for word in words}
    missing = [word for word, keys in found.items() if keys is None]
    if missing:
        polish.document_keys(" ".join(missing))  # one batch: the calls below hit its cache
        if len(_keys_of_word) + len(missing) > KEPT_WORDS:
            _keys_of_word.clear()
        for word in missing:
            found[word] = _keys_of_word[word] = frozenset(polish.document_keys(word))
    return found


def _named(words, names):
    """The positions of `words` (matches of `_WORD`) in runs spelling one of `names`: words side
    by side, each starting with the name's prefix for it."""
    if not names:
        return set()
    folded = [polish.fold(word.group()) for word in words]
    positions = set()
    for prefixes in names:
        size = len(prefixes)
        for start in range(len(folded) - size + 1):
            run = folded[start : start + size]
            if all(word.startswith(prefix) for word, prefix in zip(run, prefixes, strict=True)):
                positions.update(range(start, start + size))
    return positions


def best_passage(passages, keys, names=()):
    """The passage (one field or block, `documents.snippet_passages`) with the most of `keys`
    (and of `names`, prefix tuples), the first of equals; without a match, the first passage
    (the lead)."""
    if not passages:
        return ""
    keys = frozenset(keys)
    found = word_keys({match.group() for text in passages for match in _WORD.finditer(text)})

    def matched(text):
        words = list(_WORD.finditer(text))
        by_key = set().union(*(found[m.group()] & keys for m in words))
        return len(by_key) + len(_named(words, names))

    best = max(range(len(passages)), key=lambda n: (matched(passages[n]), -n))
    return passages[best]


def highlight(text, keys, names=(), words_before=WORDS_BEFORE, words_after=WORDS_AFTER):
    """An escaped excerpt of `text` around its first word with any of `keys` or in one of
    `names` (prefix tuples), matches in <mark>.

    Without a match: the beginning of the text. Empty text gives an empty string.
    """
    if not text:
        return mark_safe("")
    words = list(_WORD.finditer(text))
    keys = frozenset(keys)
    marked = _named(words, names)
    if keys and words:
        keyed = {
            word for word, found in word_keys({m.group() for m in words}).items() if keys & found
        }
        marked.update(n for n, m in enumerate(words) if m.group() in keyed)
    first = min(marked) if marked else None
    start_word = max(0, (first or 0) - words_before) if first is not None else 0
    end_word = (
        min(len(words), (first or 0) + words_after + 1)
        if first is not None
        else words_before + words_after
    )
    if len(words) <= words_before + words_after + 1:  # short enough: whole, with its context
        start_word, end_word = 0, len(words)
    window = words[start_word:end_word]
    if not window:
        return mark_safe(escape(text[:200]))
    start = 0 if start_word == 0 else window[0].start()
    end = len(text) if end_word >= len(words) else window[-1].end()
    parts, position = [], start
    for n, match in enumerate(window, start=start_word):
        parts.append(escape(text[position : match.start()]))
        word = escape(match.group())
        parts.append(f"<mark>{word}</mark>" if n in marked else word)
        position = match.end()
    parts.append(escape(text[position:end]))
    excerpt = "".join(parts).strip()
    if start > 0:
        excerpt = "… " + excerpt
    if end < len(text):
        excerpt += " …"
    return mark_safe(excerpt)
