"""Morfeusz 2 for place names: nominatives of locative phrases ("Zielonej Górze" → "Zielona
Góra"), behind a lock.

One Morfeusz instance serves the process and answers one call at a time (it is not
thread-safe — the same rule as ``foundation.indexing.polish.backends``). Without morfeusz2
installed, :func:`morfeusz_instance` is None and callers fall back to the gazetteer's locatives.
"""

from __future__ import annotations

import itertools
import os
import re
import threading
from functools import lru_cache

from legacy.document import fold
from legacy.towns import ABBREVIATIONS

try:  # an optional dependency
    import morfeusz2
except ImportError:  # pragma: no cover - depends on the environment
    morfeusz2 = None

_GEO = {"nazwa_geograficzna", "człon_nazwy_geograficznej"}


class _LockedMorfeusz:
    """One Morfeusz for the process, one call at a time: Morfeusz is not thread-safe (the same
    rule as ``foundation.indexing.polish.backends``)."""

    def __init__(self, morfeusz):
        self._morfeusz = morfeusz
        self.lock = threading.Lock()

    def analyse(self, text: str):
        with self.lock:
            return self._morfeusz.analyse(text)

    def generate(self, lemma: str):
        with self.lock:
            return self._morfeusz.generate(lemma)


@lru_cache(maxsize=1)
def morfeusz_instance() -> _LockedMorfeusz | None:
    if morfeusz2 is None:
        return None
    try:
        return _LockedMorfeusz(morfeusz2.Morfeusz(expand_tags=False))
    except Exception:  # pragma: no cover - broken dictionary installation
        return None


def _reset_lock_after_fork() -> None:
    if morfeusz_instance.cache_info().currsize:
        morfeusz_instance().lock = threading.Lock()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_reset_lock_after_fork)


def _tag_values(tag: str) -> list[list[str]]:
    return [part.split(".") for part in tag.split(":")]


def _base_lemma(lemma: str) -> str:
    return lemma.split(":", 1)[0]


def _analyse_word(morf, word: str, case: str) -> tuple[list[tuple], list[tuple]]:
    """Geographic noun and adjective readings of one word in the given case.

    Nouns: (lemma, number, gender, score); adjectives: (lemma, numbers, genders).
    """
    nouns: list[tuple] = []
    adjectives: list[tuple] = []
    for start, end, (_form, lemma, tag, names, _quals) in morf.analyse(word):
        if (start, end) != (0, 1):
            continue
        parts = _tag_values(tag)
        if parts[0] == ["subst"] and len(parts) >= 4 and case in parts[2]:
            base = _base_lemma(lemma)
            if not (set(names) & _GEO) or not base[:1].isupper():
                continue
            score = 0
            if "nazwa_geograficzna" in names:
                score += 2
            if base != word:  # a real inflected form, not an indeclinable homonym
                score += 1
            if len(parts[2]) <= 2:  # few possible cases: a regular declension
                score += 1
            nouns.append((base, parts[1][0], parts[3][0], score))
        elif parts[0] == ["adj"] and len(parts) >= 4 and case in parts[2]:
            adjectives.append((_base_lemma(lemma), parts[1], parts[3]))
    nouns.sort(key=lambda n: -n[3])
    return nouns, adjectives


def _adjective_form(morf, lemma: str, number: str, gender: str, case: str = "nom") -> str | None:
    for form, _lemma, tag, _names, _quals in morf.generate(lemma):
        parts = _tag_values(tag)
        if (
            parts[0] == ["adj"]
            and len(parts) >= 5
            and number in parts[1]
            and case in parts[2]
            and gender in parts[3]
            and parts[4] == ["pos"]
        ):
            return form
    return None


def _split_pieces(words: list[str]) -> list[str]:
    """Split the phrase's words at hyphens; each piece keeps the separator before it."""
    pieces: list[str] = []  # each starts with its separator: "" / " " / "-"
    for i, word in enumerate(words):
        if word == "nad":  # "Kostrzynie nad Odrą": the rest stays as it is
            pieces.append(" " + " ".join(words[i:]))
            break
        for k, part in enumerate(word.split("-")):
            pieces.append(("-" if k else " ") + part)
    pieces[0] = pieces[0].lstrip()
    return pieces


def _piece_options(morf, pieces: list[str], case: str) -> list[list[tuple]] | None:
    """The possible readings of each piece; None when a word has no usable reading."""
    options_per_piece = []
    nad_seen = False
    for piece in pieces:
        text = piece.lstrip(" -")
        if nad_seen or text.startswith("nad "):
            nad_seen = True
            options_per_piece.append([("FIXED", text)])
            continue
        if fold(text) in ABBREVIATIONS:
            options_per_piece.append([("ABBR", text)])
            continue
        nouns, adjectives = _analyse_word(morf, text, case)
        options = [("NOUN", *n) for n in nouns] + [("ADJ", *a) for a in adjectives]
        if not options:
            return None
        options_per_piece.append(options)
    return options_per_piece


def _render_combo(morf, pieces: list[str], combo: tuple) -> tuple[int, str] | None:
    """The nominative one choice of readings spells, with its score; None if they disagree."""
    head = next((c for c in combo if c[0] == "NOUN"), None)
    if head is None:
        return None
    _, _lemma, number, gender, _score = head
    out: list[str] = []
    score = 0
    for piece, choice in zip(pieces, combo, strict=True):
        sep = "" if not out else ("-" if piece.startswith("-") else " ")
        if choice[0] == "NOUN":
            out.append(sep + choice[1])
            score += choice[4]
        elif choice[0] == "ADJ":
            _, adj_lemma, numbers, genders = choice
            if number not in numbers or not any(g == gender for g in genders):
                return None
            form = _adjective_form(morf, adj_lemma, number, gender)
            if form is None:
                return None
            out.append(sep + form[:1].upper() + form[1:])
        else:
            out.append(sep + choice[1])
    return score, "".join(out)


def _unique_best_first(results: list[tuple[int, str]]) -> list[str]:
    """The names by descending score (ties in their original order), each only once."""
    seen: list[str] = []
    for _score, name in sorted(results, key=lambda r: -r[0]):
        if name not in seen:
            seen.append(name)
    return seen


def lemmatise_phrase(morf, words: list[str], case: str = "loc") -> list[str]:
    """Possible nominatives of a place phrase, best first."""
    pieces = _split_pieces(words)
    options_per_piece = _piece_options(morf, pieces, case)
    if options_per_piece is None:
        return []
    results: list[tuple[int, str]] = []
    for combo in itertools.islice(itertools.product(*options_per_piece), 200):
        rendered = _render_combo(morf, pieces, combo)
        if rendered is not None:
            results.append(rendered)
    return _unique_best_first(results)


_FINITE = {"fin", "praet", "bedzie", "impt", "winien", "imps"}
_QUOTED = re.compile(r"[„“\"«][^”\"»]*[”\"»]")


def has_finite_verb(text: str) -> bool:
    """Does a line read as a sentence ("… przedstawiło swoje doświadczenia") rather than a
    name ("Kawiarnia prowadzona przez spółdzielnię")? True when a lowercase word outside
    quotes can only be a finite verb. Without Morfeusz: False."""
    morf = morfeusz_instance()
    if morf is None:
        return False
    for word in re.findall(r"\b[^\W\d_]+\b", _QUOTED.sub(" ", text)):
        if not word[:1].islower():
            continue
        tags = {tag.split(":", 1)[0] for _s, _e, (_f, _l, tag, _n, _q) in morf.analyse(word)}
        if tags and tags <= _FINITE:
            return True
    return False
