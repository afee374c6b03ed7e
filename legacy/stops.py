"""Finding the places of a visit from the shape of the text.

Old editors listed the places visited as short heading-like lines — indented with spaces,
bold or a heading in HTML, or simply capitalised and without a final period — each followed
by paragraphs about the place. Whatever sentence introduced them ("odwiedzono:", "goście
poznali pracę następujących placówek:", or none), a run of such lines is the list of stops.

Both parsers describe the body as a sequence of :class:`Unit` (a heading-like line with its
signal, or content) and ask :func:`choose_stops` which of them are stops; the answer comes
with a :class:`Decision` saying how sure it is and why.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from legacy.document import Decision, clean_text, fold
from legacy.kinds import kinds_from_heading
from legacy.morfeusz import has_finite_verb
from legacy.places import town_from_heading

# How strongly each shape says "heading": indentation and bold were deliberate, a capitalised
# line without a period may also be a sub-heading of a news article.
SIGNAL_WEIGHTS = {"indented": 0.45, "bold": 0.45, "heading": 0.4, "title": 0.25}
SIGNAL_LABELS = {
    "indented": "wcięte wiersze",
    "bold": "pogrubione wiersze",
    "heading": "nagłówki HTML",
    "title": "wiersze wielką literą bez kropki",
}
ACCEPT_AT = 0.6

# Sentences that introduce the list of places visited; matched at the END of a line that
# ends with ":" (after lowercasing and removing diacritics). Up to five words may follow
# the keyword: "odwiedzono następujące instytucje:".
_STOP_INTRO_RE = re.compile(
    r"(?:"
    r"\bodwiedzon\w*|\bodwiedzil\w*|\bzwiedzon\w*|\bzwiedzil\w*|\bgoscil\w*\s+(?:w|we|u)"
    r"|\bprogram\w*\s+(?:wizyty|wyjazdu|pobytu|wizyt)|\bw programie\b|\bplan\s+wizyty"
    r"|\bmiejsca\s+wizyty|\btrasa\s+(?:wizyty|wyjazdu)|\bagenda\s+wizyty"
    r"|\b(?:uczestnicy|goscie|delegacja)\s+(?:wyjazdu\s+|wizyty\s+)?"
    r"(?:poznali|odwiedzili|zobaczyli)"
    r"|\b(?:placow\w*|instytucj\w*|podmiot\w*|miejsc\w*|organizacj\w*)"
    r")(?:\s+[\w()„”\"-]+){0,5}\s*:$"
)
_VISIT_WORDS = re.compile(r"wizyt|wyjazd|odwiedz|gosci|study visit")


def is_stop_intro(text: str) -> bool:
    """Does this paragraph end by introducing the places visited ("… odwiedzono:")?"""
    tail = fold(clean_text(text))[-160:]
    return bool(_STOP_INTRO_RE.search(tail))


@dataclass
class Unit:
    """One piece of an article's body: a heading-like line (``signal`` set) or content."""

    text: str
    signal: str | None = None  # a key of SIGNAL_WEIGHTS for a heading-like line
    has_paragraph: bool = False  # content with at least one real paragraph (not a caption)


def is_title_like(text: str) -> bool:
    """A short capitalised line without a final period: "Dzienny Dom „Senior+” w Olecku"."""
    text = clean_text(text)
    words = text.split()
    if not (2 <= len(words) <= 16) or len(text) > 140:
        return False
    if text.endswith((".", ",", ";", ":", "-", "!", "?", "…")) or not text[:1].isupper():
        return False
    if re.search(r"[.!?] \S", text):
        return False
    if has_finite_verb(text):
        return False  # a sentence that happens to be short and capitalised
    content = [w.strip("„”\"'()«»") for w in words]
    content = [w for w in content if len(w) > 3 and w[:1].isalpha()]
    capitalised = sum(1 for w in content if w[:1].isupper())
    return bool(kinds_from_heading(text)) or (
        bool(content) and capitalised * 2 >= len(content) and capitalised >= 2
    )


def names_a_place(heading: str) -> bool:
    return bool(kinds_from_heading(heading) or town_from_heading(heading))


def _followed_by_paragraph(units: list[Unit], index: int) -> bool:
    for unit in units[index + 1 :]:
        if unit.signal is not None:
            return False
        if unit.has_paragraph:
            return True
    return False


def _introduction(units: list[Unit], index: int) -> str | None:
    """The sentence ending with ":" just before the unit at ``index``, if any."""
    for unit in reversed(units[:index]):
        if unit.signal is None and not unit.has_paragraph:
            continue  # photo captions between the sentence and the first place
        text = clean_text(unit.text)
        return text if text.endswith(":") else None
    return None


def _score(units, indices, title_and_lead) -> tuple[float, str]:
    signal = units[indices[0]].signal
    headings = [units[i].text for i in indices]
    followed = sum(1 for i in indices if _followed_by_paragraph(units, i))
    intro = _introduction(units, indices[0])
    places = sum(1 for h in headings if names_a_place(h))

    score = SIGNAL_WEIGHTS[signal]
    reasons = [
        f"{len(headings)} × {SIGNAL_LABELS[signal]}, z opisem pod {followed} z nich",
    ]
    if intro and is_stop_intro(intro):
        score += 0.25
        reasons.append(f"zapowiedziane zdaniem „{_shorten(intro)}”")
    elif intro:
        score += 0.15
        reasons.append(f"po zdaniu kończącym się dwukropkiem („{_shorten(intro)}”)")
    score += 0.3 * places / len(headings)
    reasons.append(f"{places} z {len(headings)} nazywa miejscowość lub rodzaj instytucji")
    if followed == len(headings):
        score += 0.1
    if _VISIT_WORDS.search(fold(title_and_lead)):
        score += 0.05
        reasons.append("tytuł lub wstęp mówi o wizycie")
    if len(headings) < 2 and not intro:
        score = min(score, ACCEPT_AT - 0.05)
        reasons.append("tylko jeden taki wiersz i nic go nie zapowiada")
    if followed == 0:
        score = min(score, ACCEPT_AT - 0.05)
    return min(score, 0.99), "; ".join(reasons)


def _shorten(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else "…" + text[-(limit - 1) :]


def choose_stops(units: list[Unit], title_and_lead: str) -> tuple[list[int], Decision]:
    """Indices of the units that head stops, and the decision with its confidence and reason.

    Heading-like lines of one kind (``signal``) are weighed together; the kind with the best
    score wins if it reaches :data:`ACCEPT_AT`.
    """
    best: tuple[float, str, list[int]] | None = None
    for signal in SIGNAL_WEIGHTS:
        indices = [i for i, u in enumerate(units) if u.signal == signal]
        # A heading-like line right after the title, before any text, is not a place.
        first_text = next((i for i, u in enumerate(units) if u.has_paragraph), len(units))
        indices = [i for i in indices if i > first_text]
        if not indices:
            continue
        score, reason = _score(units, indices, title_and_lead)
        if best is None or score > best[0]:
            best = (score, reason, indices)
    if best is None:
        return [], Decision(
            "przystanki", "brak", 0.9, "w tekście nie ma krótkich wierszy wyglądających na nagłówki"
        )
    score, reason, indices = best
    if score >= ACCEPT_AT:
        return indices, Decision("przystanki", f"{len(indices)}", score, reason)
    return [], Decision("przystanki", "brak", 1 - score, f"odrzucono: {reason}")
