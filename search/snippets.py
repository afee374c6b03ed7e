"""The text around the first match of a result, with matching words marked.

Words are compared by their normalised keys, as search compares them, so the query "Rawicz" marks
"Rawiczu" and "spoldzielnia" marks "Spółdzielnię". Everything else is escaped.
"""

import re

from django.utils.html import escape
from django.utils.safestring import mark_safe

from . import polish

_WORD = re.compile(r"\w+")
WORDS_BEFORE = 12
WORDS_AFTER = 28


def _matches(word, keys):
    return not keys.isdisjoint(polish.document_keys(word))


def highlight(text, keys, words_before=WORDS_BEFORE, words_after=WORDS_AFTER):
    """An escaped excerpt of `text` around its first word with any of `keys`, matches in <mark>.

    Without a match: the beginning of the text. Empty text gives an empty string.
    """
    if not text:
        return mark_safe("")
    words = list(_WORD.finditer(text))
    keys = set(keys)
    if keys and words:
        polish.document_keys(
            text
        )  # analyse all words in one batch; the per-word calls hit the cache
    first = next((n for n, m in enumerate(words) if keys and _matches(m.group(), keys)), None)
    start_word = max(0, (first or 0) - words_before) if first is not None else 0
    end_word = (
        min(len(words), (first or 0) + words_after + 1)
        if first is not None
        else words_before + words_after
    )
    window = words[start_word:end_word]
    if not window:
        return mark_safe(escape(text[:200]))
    start = 0 if start_word == 0 else window[0].start()
    end = len(text) if end_word >= len(words) else window[-1].end()
    parts, position = [], start
    for match in window:
        parts.append(escape(text[position : match.start()]))
        word = escape(match.group())
        parts.append(f"<mark>{word}</mark>" if keys and _matches(match.group(), keys) else word)
        position = match.end()
    parts.append(escape(text[position:end]))
    excerpt = "".join(parts).strip()
    if start > 0:
        excerpt = "… " + excerpt
    if end < len(text):
        excerpt += " …"
    return mark_safe(excerpt)
