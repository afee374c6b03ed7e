"""Parser of articles exported from the old site as plain text.

The format (see ``../shared/legacy/``)::

    Aktualności                       ← section (optional)
    19.09.2021                        ← publication date
    Title, possibly wrapped           ← title (one paragraph)
    Lead paragraph.                   ← the first paragraph after the title
    Paragraphs separated by blank lines; lines of one paragraph are joined.
    2dni                              ← short lines standing for the old page's photos
    W trakcie wyjazdu odwiedzono:     ← a sentence introducing the places (any, or none)
    ␣Centrum … w Rawiczu              ← a heading-like line (indented, or capitalised
    Its paragraphs …                     without a final period): a stop, see legacy.stops

Decoding is :mod:`legacy.encodings`, dates :mod:`legacy.dates`, the choice of stops
:mod:`legacy.stops` and the final assembly :mod:`legacy.assembly`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from legacy.assembly import build_article
from legacy.dates import parse_date
from legacy.document import (
    SPACE_CHARS,
    Block,
    LegacyArticle,
    LegacyParseError,
    Paragraph,
    PhotoCaption,
    Stop,
    clean_text,
)
from legacy.encodings import decode_bytes
from legacy.morfeusz import has_finite_verb
from legacy.stops import Unit, choose_stops, is_stop_intro, is_title_like


@dataclass
class _Line:
    indent: int  # width of the leading whitespace (tab = 4)
    text: str  # normalised content, "" for a blank line


def _split_lines(text: str) -> list[_Line]:
    lines = []
    for raw_line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        raw_line = raw_line.replace("\ufeff", "").replace("\u200b", "")
        content = clean_text(raw_line)
        width = 0
        for char in raw_line:
            if char == "\t":
                width += 4
            elif char in SPACE_CHARS:
                width += 1
            else:
                break
        lines.append(_Line(width if content else 0, content))
    return lines


def _groups(lines: list[_Line]) -> list[list[_Line]]:
    groups: list[list[_Line]] = []
    current: list[_Line] = []
    for line in lines:
        if line.text:
            current.append(line)
        elif current:
            groups.append(current)
            current = []
    if current:
        groups.append(current)
    return groups


_SENTENCE_PUNCTUATION = set(".!?:;,")


def is_caption_like(text: str) -> bool:
    """A short line standing for a photo: one to three words, no sentence punctuation."""
    words = text.split()
    return (
        1 <= len(words) <= 3
        and len(text) <= 40
        and not (set(text) & _SENTENCE_PUNCTUATION)
        and any(c.isalpha() for c in text)
        and parse_date(text) is None
    )


def _looks_like_heading(line: _Line, base_indent: int) -> bool:
    """An indented line that reads as a name, not a sentence."""
    text = line.text
    if line.indent <= base_indent or len(text) > 200 or text.endswith((",", ";", ":", "-")):
        return False
    if text.endswith((".", "!", "?")) and not is_title_like(text[:-1]):
        return False  # a sentence, not a name (which may still end with a stray period)
    if has_finite_verb(text):
        return False
    # "CUS w Kole" is as short as a photo's caption, but capitalised and naming a place.
    return not text[:1].islower() and (not is_caption_like(text) or is_title_like(text))


# "1. ", "2) ", "a) ", "– ", "• " before a heading of a numbered or bulleted list of places.
_ENUMERATION = re.compile(r"^(?:\d{1,2}[.)]|[a-z]\)|[-–•·*])\s+")


def _signal(group: list[_Line], k: int, base_indent: int) -> str | None:
    """How line ``k`` of a paragraph group looks like a heading, if it does."""
    line = group[k]
    if _ENUMERATION.match(line.text):
        line = _Line(line.indent, _ENUMERATION.sub("", line.text))
    if k > 0 and not group[k - 1].text.endswith((".", "!", "?", ":", "”", '"')):
        return None  # in the middle of a wrapped sentence
    if k + 1 < len(group) and group[k + 1].text[:1].islower():
        return None  # the first line of a wrapped paragraph
    if parse_date(line.text):
        return None
    if _looks_like_heading(line, base_indent):
        return "indented"
    if line.indent <= base_indent and is_title_like(line.text):
        return "title"
    return None


def _paragraph_blocks(lines: list[_Line]) -> list[Block]:
    texts = [line.text for line in lines]
    if all(is_caption_like(t) for t in texts):
        return [PhotoCaption(t) for t in texts]
    return [Paragraph(" ".join(texts))]


def _read_header(lines: list[_Line], source: str) -> tuple[str | None, date, int]:
    """Read the optional section line and the publication date: (section, published, cursor)."""
    positions = [i for i, line in enumerate(lines) if line.text]
    if not positions:
        raise LegacyParseError(f"Plik {source} jest pusty — brak daty publikacji i tytułu.")
    first = lines[positions[0]].text
    published = parse_date(first)
    if published is not None:
        return None, published, positions[0] + 1
    section = first
    if len(positions) < 2:
        raise LegacyParseError(
            f"Brak daty publikacji i tytułu: plik {source} ma tylko jeden wiersz („{first}”)."
        )
    date_line = lines[positions[1]].text
    published = parse_date(date_line)
    if published is None:
        raise LegacyParseError(
            f"Nie rozpoznano daty publikacji w pliku {source}: po nazwie działu „{section}” "
            f"oczekiwano daty (np. 19.09.2021 albo 19 września 2021), a jest „{date_line}”."
        )
    return section, published, positions[1] + 1


def _read_title(lines: list[_Line], cursor: int, source: str) -> tuple[str, int]:
    """Read the title (the first paragraph after the date): (title, cursor after it)."""
    while cursor < len(lines) and not lines[cursor].text:
        cursor += 1
    title_lines: list[str] = []
    while cursor < len(lines) and lines[cursor].text:
        title_lines.append(lines[cursor].text)
        cursor += 1
    if not title_lines:
        raise LegacyParseError(
            f"Brak tytułu w pliku {source}: po dacie publikacji nie ma żadnego tekstu."
        )
    return " ".join(title_lines), cursor


def _add_unit(
    units: list[Unit],
    unit_blocks: list[list[Block]],
    pending: list[_Line],
    signal: str | None = None,
) -> None:
    """Append the lines as one unit (with its blocks), unless there are none."""
    if pending:
        blocks = _paragraph_blocks(pending)
        units.append(
            Unit(
                " ".join(line.text for line in pending),
                signal,
                any(isinstance(b, Paragraph) for b in blocks),
            )
        )
        unit_blocks.append(blocks)


def _body_units(body_lines: list[_Line]) -> tuple[list[Unit], list[list[Block]]]:
    """Split the body into units — heading-like lines and runs of content — and their blocks."""
    base_indent = min((line.indent for line in body_lines if line.text), default=0)
    units: list[Unit] = []
    unit_blocks: list[list[Block]] = []
    for group in _groups(body_lines):
        pending: list[_Line] = []
        for k, line in enumerate(group):
            signal = _signal(group, k, base_indent)
            if signal is None:
                pending.append(line)
                continue
            _add_unit(units, unit_blocks, pending)
            pending = []
            heading = _Line(line.indent, _ENUMERATION.sub("", line.text))
            _add_unit(units, unit_blocks, [heading], signal)
        _add_unit(units, unit_blocks, pending)
    return units, unit_blocks


def _distribute_blocks(
    units: list[Unit], unit_blocks: list[list[Block]], stop_indices: list[int]
) -> tuple[list[Block], list[Stop]]:
    """Put each unit's blocks into the intro or the preceding chosen stop: (intro, stops)."""
    intro: list[Block] = []
    stops: list[Stop] = []
    chosen = set(stop_indices)
    for index, blocks in enumerate(unit_blocks):
        if index in chosen:
            stops.append(Stop(heading=units[index].text))
        elif stops:
            stops[-1].blocks.extend(blocks)
        else:
            intro.extend(blocks)
    return intro, stops


def parse_text(raw: bytes, source: str) -> LegacyArticle:
    """Parse a plain-text export of an old article (see the module docstring)."""
    text, encoding, warnings = decode_bytes(raw)
    lines = _split_lines(text)
    # Header: [section], date, title.
    section, published, cursor = _read_header(lines, source)
    title, cursor = _read_title(lines, cursor, source)

    # Body: heading-like lines and content, then the choice of stops.
    units, unit_blocks = _body_units(lines[cursor:])
    lead_text = next((u.text for u in units if u.has_paragraph), "")
    stop_indices, decision = choose_stops(units, f"{title}\n{lead_text}")
    intro, stops = _distribute_blocks(units, unit_blocks, stop_indices)

    if not stops and any(is_stop_intro(u.text) for u in units if u.has_paragraph):
        warnings.append(
            "Znaleziono zdanie zapowiadające odwiedzone miejsca, ale żadnego wciętego nagłówka "
            "miejsca — sprawdź, czy wizyta ma mieć przystanki"
        )

    return build_article(
        source=source,
        encoding=encoding,
        section=section,
        published=published,
        title=title,
        intro=intro,
        stops=stops,
        warnings=warnings,
        decisions=[decision],
    )
