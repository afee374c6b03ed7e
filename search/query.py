"""What a reader typed, made safe, and the search query built from it.

Input is plain text: quotes ("…", „…”) mark phrases; `*`, `-`, `:`, `OR`, `AND` and the rest are
ordinary characters (the tokeniser drops punctuation, "or"/"and" stay words). No SQL is built
from it: the query tree below holds only keys `[a-z0-9]+`, which `matching.py` compiles to a
tsquery or an FTS5 expression passed as a parameter.

The same query runs on SQLite FTS5 and PostgreSQL ("simple" configuration): per query word an
`Or` of its normalised keys, words combined with `And`; a phrase is a `Phrase` over the folded word
sequence indexed with the keys, so it is diacritics- and case-insensitive on both databases.
It is matched against the index's `body` column only, where `search_keys` (a superset of the
title's and the text's folded words) is indexed, so the original text adds no other matches.
"""

import re
import unicodedata
from dataclasses import dataclass, field

from modelsearch.query import Or, Phrase, PlainText

from foundation.indexing import polish
from foundation.indexing.documents import folded_words

from .matching import PrefixPhrase, all_of
from .scope import MAX_YEAR, MIN_YEAR
from .synonyms import any_key, expanded_parts

MAX_QUERY_LENGTH = 200
MAX_QUERY_WORDS = 12
_PHRASE = re.compile(r'["„“”«»]([^"„“”«»]*)["„“”«»]')
_SPACES = re.compile(r"\s+")
#: A word long enough to be matched as the start of words (`partial`).
_PREFIX = re.compile(r"[a-z0-9]{2,}")


def clean_query(raw):
    """The query as text a reader could have typed: no control characters, at most 200
    characters and 12 words, single spaces."""
    if not isinstance(raw, str):
        return ""
    kept = []
    for ch in raw[: MAX_QUERY_LENGTH * 4]:
        category = unicodedata.category(ch)
        if category in {"Cc", "Cs", "Co", "Cn"} or ch == "\ufffd":
            kept.append(" ")
        else:
            kept.append(ch)
    text = _SPACES.sub(" ", "".join(kept)).strip()[:MAX_QUERY_LENGTH].strip()
    return " ".join(text.split(" ")[:MAX_QUERY_WORDS])


@dataclass
class ParsedQuery:
    text: str
    free_text: str = ""
    phrases: list[str] = field(default_factory=list)

    @property
    def is_empty(self):
        return not (polish.tokens(self.free_text) or any(map(polish.tokens, self.phrases)))

    def word_keys(self):
        """Per free word its alternative keys (the normaliser's query_keys)."""
        return polish.query_keys(self.free_text) if polish.tokens(self.free_text) else []

    def typed_words(self):
        """The free words as (folded word, its alternative keys), in order: the words of
        `word_keys`, each with the word it came from (what synonyms are looked up by)."""
        words = polish.tokens(self.free_text)
        content = [word for word in words if polish.fold(word) not in polish.QUERY_STOP_WORDS]
        pairs = []
        for word in content or words:
            keys = polish.query_keys(word)
            if keys and keys[0]:
                pairs.append((polish.fold(word), keys[0]))
        return pairs

    def scored_words(self):
        """The words the ranking weighs (`ranking.py`): the free words' and the phrases' keys."""
        words = [keys for keys in self.word_keys() if keys]
        for phrase in self.phrases:
            words.extend(keys for keys in polish.query_keys(phrase) if keys)
        return words

    def proximity_phrase(self):
        """The free words folded, when there are two or more: rewarded when they stand together."""
        words = folded_words(self.free_text)
        return " ".join(words) if len(self.word_keys()) >= 2 else ""

    def highlight_keys(self):
        """Keys whose words a snippet marks: the free words' keys and the phrases' folded words."""
        keys = set().union(*self.word_keys()) if self.word_keys() else set()
        for phrase in self.phrases:
            keys.update(folded_words(phrase))
            keys.update(*polish.query_keys(phrase))
        return {key for key in keys if key}


def parse_query(raw):
    """Split a cleaned query into phrases in quotes and the free words around them."""
    text = clean_query(raw)
    phrases = [phrase.strip() for phrase in _PHRASE.findall(text) if polish.tokens(phrase)]
    free_text = _PHRASE.sub(" ", text)
    # An unpaired quote is just a character: the tokeniser drops it.
    return ParsedQuery(text=text, free_text=free_text, phrases=phrases)


def echoed(parsed):
    """The query as the page repeats it, in Polish quotes once: „Rawicz”, „Smak Bistro” for a
    query in quotes, „»Smak Bistro« Rawicz” for a phrase among other words."""
    text = parsed.text
    if len(parsed.phrases) == 1 and not polish.tokens(parsed.free_text):
        return f"„{parsed.phrases[0]}”"
    return f"„{_PHRASE.sub(lambda match: f'»{match.group(1).strip()}«', text)}”"


def split_year(parsed):
    """The first four-digit year of the free words (1990–2100) and the query without it, or
    (None, the query): a year restricts and boosts by the page's date (`results.py`)."""

    for word in polish.tokens(parsed.free_text):
        if (
            len(word) == 4
            and word.isascii()
            and word.isdigit()
            and MIN_YEAR <= int(word) <= MAX_YEAR
        ):
            rest = re.sub(rf"(?<!\w){word}(?!\w)", " ", parsed.free_text, count=1)
            return int(word), ParsedQuery(parsed.text, rest, parsed.phrases)
    return None, parsed


def marked_terms(parsed, synonyms=()):
    """What a snippet marks for `parsed` (`snippets.highlight`): the keys of its words and
    phrases with the abbreviations its synonyms add, and the full names they add (prefix
    tuples, marked where their words stand side by side)."""
    keys, names = set(parsed.highlight_keys()), set()
    parts = expanded_parts(parsed.typed_words(), synonyms)
    while parts:
        part = parts.pop()
        if isinstance(part, PlainText):
            keys.add(part.query_string)
        elif isinstance(part, PrefixPhrase):
            names.add(part.prefixes)
        else:
            parts.extend(part.subqueries)
    return keys, names


def build_search_query(parsed, synonyms=(), partial=False):
    """The modelsearch query of a parsed query, or None when nothing searchable is left;
    `synonyms` (`synonyms.load_synonyms`) add the full names of abbreviations and the reverse;
    `partial` also lets the last free word be the start of a word ("jadłodz")."""
    words = parsed.typed_words()
    parts = expanded_parts(words, synonyms)
    if partial and words and _PREFIX.fullmatch(words[-1][0]):
        # The words as typed, or the others with the last one still being typed (never the
        # last one's start alone standing for a whole name a synonym grouped it in).
        started = [*expanded_parts(words[:-1], synonyms), PrefixPhrase((words[-1][0],))]
        parts = [Or([all_of(parts), all_of(started)])]
    for phrase in parsed.phrases:
        folded = " ".join(folded_words(phrase))
        if not folded:
            continue
        parts.append(Phrase(folded))
        # Diacritics typed inside quotes still count ("kąt" is not "kat"), as for free words.
        if not phrase.isascii():
            parts.extend(any_key(keys) for keys in polish.query_keys(phrase) if keys)
    if not parts:
        return None
    return all_of(parts)
