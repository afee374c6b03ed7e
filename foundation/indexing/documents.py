"""The text of a page as search sees it, and the normalised keys indexed from it.

`page_text()` works for any BasePage subclass: it reads the title, the lead, `body` and what the
page type declares (`index_facts()`, `index_date_text()`, `stop_labels()`: foundation/models.py).
`snippet_passages()` is the same reading without the title, from the raw StreamField data, a
passage per field or block, so the results page renders snippets without loading images or
documents (no query per result).
"""

import html
import itertools
import json
import re

from . import polish
from .fields import memoised, stream_fingerprint
from .polish.endings import MIN_STEM

# Raw block keys that hold codes, ids or addresses rather than words a reader would search for.
_SKIPPED_RAW_KEYS = {
    "id",
    "type",
    "level",
    "anchor",
    "website",
    "url",
    "image",
    "document",
    "decorative",
    "photos",
    "voivodeship",
    "kinds",
}
_SPACES = re.compile(r"\s+")
_TAG = re.compile(r"<[^>]*>")
_FOLDED_RUN = re.compile(r"[a-z]+|[0-9]+")


def _stream_text(page):
    body = getattr(page, "body", None)
    if body is None or not hasattr(body, "stream_block"):
        return []
    return [str(item) for item in body.stream_block.get_searchable_content(body) if item]


def page_text(page):
    """Everything a reader may search a page by: title, lead, body (with stops), declared facts."""
    parts = [page.title, getattr(page, "lead", ""), *page.index_facts(), page.index_date_text()]
    parts.append(str(page.search_kind_label))  # "wizyta" finds visits whose text never says it
    for block in _raw_blocks(page):  # the stops' kinds and voivodeships, as their labels
        if block.get("type") == "stop" and isinstance(block.get("value"), dict):
            parts.extend(page.stop_labels(block["value"]))
    parts.extend(_stream_text(page))
    return _clean(" ".join(part for part in parts if part))


def _fingerprint(page):
    """What `page_text` reads, cheaply: the texts besides the body and the body's stored JSON."""
    body = getattr(page, "body", None)
    stream = stream_fingerprint(body) if hasattr(body, "raw_data") else None
    fields = [page.title, getattr(page, "lead", ""), page.index_facts(), page.index_date_text()]
    return json.dumps([fields, stream], default=str, sort_keys=True)


def search_keys(page):
    """The indexed keys of a page: title keys, the keys of the whole text, its folded words in
    order (for phrase search), then the keys of its fields behind their markers (ranking).

    Kept on the page object for as long as its text is unchanged: the index asks for every
    search field once per column it fills (title, body, autocomplete), which made `update_index`
    normalise each page three times.
    """
    return memoised(page, "search_keys", _fingerprint(page), lambda: _search_keys(page))


def _search_keys(page):
    text = _page_text(page)
    words = folded_words(text)
    return " ".join(
        [
            *polish.document_keys(page.title),
            *polish.document_keys(text),
            *words,
            *dict.fromkeys(name_keys(words)),
            *field_keys(field_texts(page)),
        ]
    )


def _page_text(page):
    return memoised(page, "page_text", _fingerprint(page), lambda: page_text(page))


#: Marker of the keys of two words side by side (`pair_keys`), a letter and a digit like the rest.
PAIR_MARK = "p0"


def pair_keys(words):
    """A key for each two folded words side by side, in order ("wizyta studyjna" ->
    "p0wizyta0studyjna"): the ranking's proximity bonus is a lookup of these (`ranking.py`),
    where a phrase query re-reads every matching page's word positions. A folded word is all
    letters or all digits, so the digit between keeps letter words apart."""
    return [f"{PAIR_MARK}{first}0{second}" for first, second in itertools.pairwise(words)]


#: Marker of the keys of two words side by side by their first letters (`name_keys`), and how
#: many letters: the shortest prefix a full name's word gets (`polish.endings.name_prefixes`).
NAME_MARK, NAME_KEY_LETTERS = "n0", MIN_STEM


def name_keys(words):
    """A key for each two words side by side by their first three letters ("centrach usług" ->
    "n0cen0usl"), for words of three letters or more; `words` are folded words, or the prefixes
    of a full name's words.

    A synonym's full name in any form is matched by these keys and its words' prefixes
    (`search.matching.PrefixPhrase`): index lookups, where a phrase of prefixes re-read the
    word positions of every page holding the prefixes anywhere.
    """
    size = NAME_KEY_LETTERS
    return [
        f"{NAME_MARK}{first[:size]}0{second[:size]}"
        for first, second in itertools.pairwise(words)
        if len(first) >= size and len(second) >= size
    ]


def proximity_keys(page):
    """The pair keys of a page's text, indexed in the `autocomplete` column: kept out of `body`,
    whose size every phrase and every full name a synonym adds is re-read by."""
    return " ".join(dict.fromkeys(pair_keys(folded_words(_page_text(page)))))


#: Markers of the keys that say in which field a word stands (see `field_keys`); like the
#: suggestion markers, a letter and a digit: never a folded word, a lemma key or a reader's word.
FIELD_MARKS = {"title": "t0", "lead": "l0", "stops": "s0", "captions": "c0"}


def field_keys(fields):
    """Each key of the title, the lead and the stops' headings, towns and kinds behind the
    marker of the first of those fields it stands in, and the keys found only in captions
    behind theirs: what the ranking (`ranking.py`) weighs a word by. A key in none of them is
    the body's. One marker per key keeps the ranking's lookups to the pages each field decides
    (a title word repeated in the lead is looked up once)."""
    keys = {name: set(polish.document_keys(fields[name])) for name in FIELD_MARKS}
    seen = set()
    for name in ("title", "lead", "stops"):
        keys[name] -= seen
        seen |= keys[name]
    keys["captions"] -= seen.union(polish.document_keys(fields["body"]))
    return [FIELD_MARKS[name] + key for name in FIELD_MARKS for key in sorted(keys[name])]


def field_texts(page):
    """The text of a page by field, read from raw StreamField data: title, lead, stops (the
    headings, towns and kinds of visit stops), body (paragraphs, headings, quotes, the stops'
    descriptions and people, a visit's data and dates) and captions (photos' captions and
    credits, galleries', documents' and embeds' titles, the page type's name)."""
    parts = {"title": [page.title], "lead": [getattr(page, "lead", "")], "stops": [], "body": []}
    parts["captions"] = [str(page.search_kind_label)]
    for block in _raw_blocks(page):
        value, kind = block.get("value"), block.get("type")
        if kind == "stop" and isinstance(value, dict):
            parts["stops"].extend([value.get("heading") or "", value.get("town") or ""])
            parts["stops"].extend(page.stop_labels(value))
            parts["body"].extend(_raw_strings(value.get("description")))
            parts["body"].extend(_raw_strings(value.get("people")))
            parts["captions"].extend(_raw_strings(value.get("photos"), "photo-list"))
        elif kind in _BODY_BLOCKS:
            parts["body"].extend(_raw_strings(value))
        else:
            parts["captions"].extend(_raw_strings(value))
    parts["body"].extend([*page.index_facts(), page.index_date_text()])
    return {name: _clean(" ".join(text for text in texts if text)) for name, texts in parts.items()}


#: Block types whose text is the body's; other blocks (images, galleries, documents, embeds) are
#: read as captions.
_BODY_BLOCKS = {"paragraph", "heading", "quote"}


#: Markers of the suggestion keys (see `suggestion_keys`): a letter and a digit, so a key never
#: equals a folded word, a lemma key or a word of a title as either database tokenises it.
WORD_MARK = "z0"
FIRST_WORD_MARK = "y0"


def suggestion_keys(title):
    """The autocomplete text of a page: its title's folded words, each behind `WORD_MARK`, and
    the first one once more behind `FIRST_WORD_MARK`, e.g. "Wizyta w Łodzi" ->
    "y0wizyta z0wizyta z0w z0lodzi".

    Type-ahead looks candidates up by prefix (`"z0lod"*` in FTS5, `'z0lod':*` in PostgreSQL)
    among these keys only: they are `[a-z0-9]+`, which SQLite's unicode61 tokenizer and
    PostgreSQL's "simple" parser both keep whole, so the candidates are the same on both
    databases — unlike the raw title in the same column, which SQLite folds partly (ó, not ł)
    and PostgreSQL not at all.
    """
    words = polish.tokens(polish.fold(title))
    if not words:
        return ""
    keys = [FIRST_WORD_MARK + words[0], *(WORD_MARK + word for word in dict.fromkeys(words))]
    return " ".join(keys)


def folded_words(text):
    """The words of a text folded to ASCII, in order: what a phrase in quotes is matched on."""
    return _FOLDED_RUN.findall(polish.fold(text))


def _raw_strings(value, key=None):
    if key in _SKIPPED_RAW_KEYS:
        return
    if isinstance(value, str):
        yield html.unescape(_TAG.sub(" ", value)) if "<" in value else value
    elif isinstance(value, dict):
        for child_key, child in value.items():
            yield from _raw_strings(child, child_key)
    elif isinstance(value, list):
        for child in value:
            yield from _raw_strings(child)


def snippet_passages(page):
    """The passages a snippet is cut from, read from raw data (no database queries): the lead,
    each block's text on its own (a photo's caption with its credit, a quote with its author),
    each stop as its heading, place and kinds before its description and people, and a visit's
    organiser and participants. A snippet never runs two of them together."""
    passages = [getattr(page, "lead", "")]
    for block in _raw_blocks(page):
        value = block.get("value")
        if block.get("type") == "stop" and isinstance(value, dict):
            place = ", ".join(filter(None, [value.get("town"), *page.stop_labels(value)]))
            people = "; ".join(_raw_people(value.get("people") or []))
            description = " ".join(_raw_strings(value.get("description")))
            passages.append(f"{value.get('heading', '')} ({place}): {description} {people}".strip())
        else:
            passages.append(" ".join(_raw_strings(value)))
    passages.append(". ".join(page.index_facts()))
    return [text for text in map(_clean, passages) if text]


def _raw_people(items):
    """ "Name, role" of each person met at a stop (a ListBlock's items, bare or wrapped)."""
    for item in items:
        person = item.get("value", item) if isinstance(item, dict) else None
        if isinstance(person, dict):
            yield ", ".join(filter(None, [person.get("name"), person.get("role")]))


def _raw_blocks(page):
    body = getattr(page, "body", None)
    return getattr(body, "raw_data", None) or []


def _clean(text):
    return _SPACES.sub(" ", text).strip()
