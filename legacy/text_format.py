"""Parser of articles exported from the old site as plain text.

The format (see ``../shared/legacy/``)::

    Aktualności                       ← section (optional)
    19.09.2021                        ← publication date
    Title, possibly wrapped           ← title (one paragraph)
    Lead paragraph.                   ← the first paragraph after the title
    Paragraphs separated by blank lines; lines of one paragraph are joined.
    2dni                              ← short lines standing for the old page's photos
    W trakcie wyjazdu odwiedzono:     ← a line introducing the places visited
    ␣Centrum … w Rawiczu              ← indented (spaces, NBSP, tabs): a stop heading
    Its paragraphs …

This module also holds what the HTML parser shares: decoding, dates, the stop-introduction
patterns and the final assembly of a :class:`~legacy.document.LegacyArticle`.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from datetime import date, timedelta

from legacy.document import (
    SPACE_CHARS,
    Block,
    LegacyArticle,
    LegacyParseError,
    Paragraph,
    PhotoCaption,
    Stop,
    clean_text,
    fold,
)
from legacy.places import kinds_from_heading, town_from_heading, voivodeship_for

try:
    import charset_normalizer
except ImportError:  # pragma: no cover - optional
    charset_normalizer = None

# --- encodings -----------------------------------------------------------------------------

ENCODING_LABELS = {
    "utf-8": "UTF-8",
    "utf-16": "UTF-16",
    "windows-1250": "Windows-1250",
    "iso-8859-2": "ISO-8859-2",
}

# Polish letters whose byte differs between the two legacy encodings (ą Ą ś Ś ź Ź).
_ISO_ONLY_LETTERS = {0xB1, 0xA1, 0xB6, 0xA6, 0xBC, 0xAC}
_CP1250_ONLY_LETTERS = {0xB9, 0xA5, 0x9C, 0x8C, 0x9F, 0x8F}


def canonical_encoding(name: str) -> str:
    """ "cp1250", "Windows-1250", "latin2" … → "windows-1250", "iso-8859-2", "utf-8"."""
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        return name.lower()
    return {
        "cp1250": "windows-1250",
        "iso8859-2": "iso-8859-2",
        "utf-8": "utf-8",
        "utf-8-sig": "utf-8",
    }.get(codec, codec)


def conversion_warning(encoding: str) -> str:
    label = ENCODING_LABELS.get(encoding, encoding)
    return f"Plik w kodowaniu {label} — przekonwertowano"


def guess_single_byte(raw: bytes) -> str:
    """Windows-1250 or ISO-8859-2 (or, failing both, charset-normalizer's guess)."""
    if any(0x80 <= b <= 0x9F for b in raw):
        # C1 controls never occur in ISO-8859-2 text; in Windows-1250 they are „”–ś ź ….
        try:
            raw.decode("cp1250")
            return "windows-1250"
        except UnicodeDecodeError:
            pass
        if charset_normalizer is not None:
            best = charset_normalizer.from_bytes(raw).best()
            if best is not None:
                return canonical_encoding(best.encoding)
        return "windows-1250"
    iso = sum(1 for b in raw if b in _ISO_ONLY_LETTERS)
    cp = sum(1 for b in raw if b in _CP1250_ONLY_LETTERS)
    return "iso-8859-2" if iso > cp else "windows-1250"


def _mostly_utf8(raw: bytes) -> bool:
    """UTF-8 with a few broken bytes (rather than a legacy encoding)."""
    text = raw.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    good = sum(1 for c in text if ord(c) > 0x7F and c != "\ufffd")
    return good >= 5 and bad * 10 <= good


def decode_bytes(raw: bytes, declared: str | None = None) -> tuple[str, str, list[str]]:
    """Decode a legacy file: (text, canonical encoding name, warnings).

    UTF-8 with or without BOM (and UTF-16 with BOM) are taken as such; anything else is a
    single-byte Polish encoding: Windows-1250 unless the bytes only fit ISO-8859-2.
    ``declared`` (an HTML meta charset) is trusted when the bytes agree with it.
    """
    warnings: list[str] = []
    if raw.startswith(codecs.BOM_UTF8):
        text = raw[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace")
        if "\ufffd" in text:
            warnings.append("Plik zawiera nieprawidłowe znaki UTF-8 — zastąpiono je znakiem �")
        return text, "utf-8", warnings
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return raw.decode("utf-16", errors="replace"), "utf-16", [conversion_warning("utf-16")]

    declared_enc = canonical_encoding(declared) if declared else None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        if declared_enc not in (None, "utf-8") and not text.isascii():
            warnings.append(
                f"Strona deklaruje kodowanie {declared}, ale plik jest w UTF-8 — przyjęto UTF-8"
            )
        return text, "utf-8", warnings

    if _mostly_utf8(raw):
        warnings.append("Plik zawiera nieprawidłowe znaki UTF-8 — zastąpiono je znakiem �")
        return raw.decode("utf-8", errors="replace"), "utf-8", warnings

    encoding = guess_single_byte(raw)
    if declared_enc and declared_enc != "utf-8" and declared_enc != encoding:
        # Trust the declaration unless it is the classic mistake: ISO-8859-2 declared,
        # Windows-1250 bytes (typographic quotes, ś, ź) written.
        mislabelled = declared_enc == "iso-8859-2" and any(0x80 <= b <= 0x9F for b in raw)
        try:
            codecs.lookup(declared_enc)
            known = True
        except LookupError:
            known = False
        if known and not mislabelled:
            encoding = declared_enc
        else:
            warnings.append(
                f"Strona deklaruje kodowanie {declared}, ale bajty wskazują na "
                f"{ENCODING_LABELS.get(encoding, encoding)}"
            )
    text = raw.decode(encoding, errors="replace")
    warnings.insert(0, conversion_warning(encoding))
    return text, encoding, warnings


# --- dates ---------------------------------------------------------------------------------

_MONTHS = {
    1: ("stycznia", "styczen", "sty"),
    2: ("lutego", "luty", "lut"),
    3: ("marca", "marzec", "mar"),
    4: ("kwietnia", "kwiecien", "kwi"),
    5: ("maja", "maj"),
    6: ("czerwca", "czerwiec", "cze"),
    7: ("lipca", "lipiec", "lip"),
    8: ("sierpnia", "sierpien", "sie"),
    9: ("wrzesnia", "wrzesien", "wrz"),
    10: ("pazdziernika", "pazdziernik", "paz"),
    11: ("listopada", "listopad", "lis"),
    12: ("grudnia", "grudzien", "gru"),
}
_MONTH_BY_NAME = {name: number for number, names in _MONTHS.items() for name in names}
_ROMAN = {
    "i": 1,
    "ii": 2,
    "iii": 3,
    "iv": 4,
    "v": 5,
    "vi": 6,
    "vii": 7,
    "viii": 8,
    "ix": 9,
    "x": 10,
    "xi": 11,
    "xii": 12,
}
_MONTH = "(" + "|".join(sorted(_MONTH_BY_NAME, key=len, reverse=True)) + r")(?![a-z])\.?"
_ROMAN_RE = "(" + "|".join(sorted(_ROMAN, key=len, reverse=True)) + r")(?![a-z])"

_DATE_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"\b(\d{1,2})\s*([./-])\s*(\d{1,2})\s*\2\s*(\d{4})(?!\d)"), "dmy"),
    (re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)"), "ymd"),
    (re.compile(r"\b(\d{4})\.(\d{1,2})\.(\d{1,2})(?!\d)"), "ymd"),
    (re.compile(rf"\b(\d{{1,2}})\.?\s*{_MONTH}\s*(\d{{4}})(?!\d)"), "d-month-y"),
    (re.compile(rf"\b(\d{{1,2}})\s*\.?\s*{_ROMAN_RE}\s*\.?\s*(\d{{4}})(?!\d)"), "d-roman-y"),
]
_WEEKDAYS = (
    r"(?:poniedzialek|wtorek|sroda|czwartek|piatek|sobota|niedziela|pon|wt|sr|czw|pt|sob|ndz|nd)\.?"
)


def _make_date(kind: str, groups: tuple[str, ...]) -> date | None:
    try:
        if kind == "dmy":  # (day, separator, month, year)
            return date(int(groups[3]), int(groups[2]), int(groups[0]))
        if kind == "ymd":
            return date(int(groups[0]), int(groups[1]), int(groups[2]))
        if kind == "d-month-y":
            return date(int(groups[2]), _MONTH_BY_NAME[groups[1]], int(groups[0]))
        if kind == "d-roman-y":
            return date(int(groups[2]), _ROMAN[groups[1]], int(groups[0]))
    except (ValueError, KeyError):
        return None
    return None


def _normalise_for_dates(text: str) -> str:
    text = fold(clean_text(text))
    return re.sub(r"[\u2010-\u2015\u2212]", "-", text)


def parse_date(line: str) -> date | None:
    """A line that is only a date: 19.09.2021, 19.9.2021, 2021-09-19, 19 września 2021 r. …"""
    text = _normalise_for_dates(line)
    text = re.sub(r"^(?:data(?: publikacji| dodania)?|dodano|opublikowano)\s*:?\s*", "", text)
    text = re.sub(rf"^{_WEEKDAYS}\s*,?\s*", "", text)
    text = re.sub(r"\s*(?:,\s*)?(?:godz\.?\s*)?\d{1,2}[:.]\d{2}(?::\d{2})?$", "", text)
    text = re.sub(r"\s*(?:r\.?|roku)$", "", text).strip(" ,.")
    for pattern, kind in _DATE_PATTERNS:
        match = pattern.fullmatch(text)
        if match:
            return _make_date(kind, match.groups())
    return None


def find_date(text: str) -> date | None:
    """The first date anywhere in a text."""
    folded = _normalise_for_dates(text)
    best: tuple[int, date] | None = None
    for pattern, kind in _DATE_PATTERNS:
        if kind == "d-roman-y":  # too easily confused with "2020 i 2021" in running text
            continue
        for match in pattern.finditer(folded):
            found = _make_date(kind, match.groups())
            if found and (best is None or match.start() < best[0]):
                best = (match.start(), found)
            if found:
                break
    return best[1] if best else None


_VISIT_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    # 17-18 września 2021
    (re.compile(rf"\b(\d{{1,2}})\s*-\s*(\d{{1,2}})\s+{_MONTH}(?:\s+(\d{{4}}))?"), "d-d-m-y"),
    # 30 września - 1 października 2021
    (
        re.compile(rf"\b(\d{{1,2}})\s+{_MONTH}\s*-\s*(\d{{1,2}})\s+{_MONTH}(?:\s+(\d{{4}}))?"),
        "d-m-d-m-y",
    ),
    # 17-18.09.2021
    (re.compile(r"\b(\d{1,2})\s*-\s*(\d{1,2})\.(\d{1,2})\.(\d{4})"), "d-d.m.y"),
    # 30.09-1.10.2021, 17.09.2021 - 18.09.2021
    (
        re.compile(r"\b(\d{1,2})\.(\d{1,2})(?:\.(\d{4}))?\s*-\s*(\d{1,2})\.(\d{1,2})\.(\d{4})"),
        "d.m.y-d.m.y",
    ),
    # od 17 (września) do 18 września (2021)
    (
        re.compile(
            rf"\bod\s+(\d{{1,2}})(?:\s+{_MONTH})?\s+do\s+(\d{{1,2}})\s+{_MONTH}(?:\s+(\d{{4}}))?"
        ),
        "od-do",
    ),
    # od 17.09 do 18.09.2021
    (
        re.compile(
            r"\bod\s+(\d{1,2})\.(\d{1,2})(?:\.(\d{4}))?\s+do\s+(\d{1,2})\.(\d{1,2})\.(\d{4})"
        ),
        "d.m.y-d.m.y",
    ),
    # w dniu 17 września 2021 / w dniu 17.09.2021
    (re.compile(rf"\bw dniu\s+(\d{{1,2}})\s+{_MONTH}(?:\s+(\d{{4}}))?"), "day"),
    (re.compile(r"\bw dniu\s+(\d{1,2})\.(\d{1,2})\.(\d{4})"), "day-num"),
]
_DURATION_WORDS = {
    "jedno": 1,
    "dwu": 2,
    "trzy": 3,
    "cztero": 4,
    "piecio": 5,
    "szescio": 6,
    "siedmio": 7,
}
_DURATION_RE = re.compile(r"\b(jedno|dwu|trzy|cztero|piecio|szescio|siedmio|\d)\s*-?\s*dniow")


def _year(year: str | None, month: int, day: int, published: date | None) -> int | None:
    if year:
        return int(year)
    if published is None:
        return None
    guess = published.year
    try:
        if date(guess, month, day) > published + timedelta(days=183):
            guess -= 1
    except ValueError:
        return None
    return guess


def _visit_range(kind: str, g: tuple, published: date | None) -> tuple[date, date] | None:
    try:
        if kind == "d-d-m-y":
            month = _MONTH_BY_NAME[g[2]]
            year = _year(g[3], month, int(g[0]), published)
            if year is None:
                return None
            return date(year, month, int(g[0])), date(year, month, int(g[1]))
        if kind == "d-m-d-m-y":
            m1, m2 = _MONTH_BY_NAME[g[1]], _MONTH_BY_NAME[g[3]]
            y2 = _year(g[4], m2, int(g[2]), published)
            if y2 is None:
                return None
            y1 = y2 - 1 if m1 > m2 else y2
            return date(y1, m1, int(g[0])), date(y2, m2, int(g[2]))
        if kind == "d-d.m.y":
            year, month = int(g[3]), int(g[2])
            return date(year, month, int(g[0])), date(year, month, int(g[1]))
        if kind == "d.m.y-d.m.y":
            y2 = int(g[5])
            y1 = int(g[2]) if g[2] else (y2 - 1 if int(g[1]) > int(g[4]) else y2)
            return date(y1, int(g[1]), int(g[0])), date(y2, int(g[4]), int(g[3]))
        if kind == "od-do":
            m2 = _MONTH_BY_NAME[g[3]]
            m1 = _MONTH_BY_NAME[g[1]] if g[1] else m2
            y2 = _year(g[4], m2, int(g[2]), published)
            if y2 is None:
                return None
            y1 = y2 - 1 if m1 > m2 else y2
            return date(y1, m1, int(g[0])), date(y2, m2, int(g[2]))
        if kind == "day":
            month = _MONTH_BY_NAME[g[1]]
            year = _year(g[2], month, int(g[0]), published)
            if year is None:
                return None
            day = date(year, month, int(g[0]))
            return day, day
        if kind == "day-num":
            day = date(int(g[2]), int(g[1]), int(g[0]))
            return day, day
    except (ValueError, KeyError):
        return None
    return None


def find_visit_dates(text: str, published: date | None) -> tuple[date, date] | None:
    """Dates of a visit stated in the text ("w dniach 17–18 września 2021", "17-18.09.2021",
    "od 17 do 18 września"); a mention right after "w dniach"/"od" wins, else the first."""
    folded = _normalise_for_dates(text)
    candidates: list[tuple[int, int, tuple[date, date]]] = []
    for pattern, kind in _VISIT_PATTERNS:
        for match in pattern.finditer(folded):
            found = _visit_range(kind, match.groups(), published)
            if not found or found[0] > found[1] or (found[1] - found[0]).days > 31:
                continue
            before = folded[max(0, match.start() - 12) : match.start()]
            priority = (
                0
                if re.search(r"(?:dniach|dn\.|terminie)\s*$", before)
                or kind
                in (
                    "od-do",
                    "day",
                    "day-num",
                )
                else 1
            )
            candidates.append((priority, match.start(), found))
    if not candidates:
        return None
    candidates.sort(key=lambda c: (c[0], c[1]))
    return candidates[0][2]


def duration_from_text(text: str) -> int | None:
    """2 for "dwudniowa wizyta", 3 for "trzydniowy wyjazd" / "3-dniowy" …"""
    match = _DURATION_RE.search(fold(text))
    if not match:
        return None
    word = match.group(1)
    return int(word) if word.isdigit() else _DURATION_WORDS[word]


# --- stops ---------------------------------------------------------------------------------

# Sentences that introduce the list of places visited; matched at the END of a line that
# ends with ":" (after lowercasing and removing diacritics). Up to three words may follow
# the keyword: "odwiedzono następujące instytucje:".
_STOP_INTRO_RE = re.compile(
    r"(?:"
    r"\bodwiedzon\w*|\bodwiedzil\w*|\bzwiedzon\w*|\bzwiedzil\w*|\bgoscil\w*\s+(?:w|we|u)"
    r"|\bprogram\w*\s+(?:wizyty|wyjazdu|pobytu|wizyt)|\bw programie\b|\bplan\s+wizyty"
    r"|\bmiejsca\s+wizyty|\btrasa\s+(?:wizyty|wyjazdu)|\bagenda\s+wizyty"
    r"|\buczestnicy\s+(?:wyjazdu\s+|wizyty\s+)?(?:poznali|odwiedzili|zobaczyli)"
    r")(?:\s+[\w()„”\"-]+){0,3}\s*:$"
)


def is_stop_intro(text: str) -> bool:
    """Does this paragraph end by introducing the places visited ("… odwiedzono:")?"""
    tail = fold(clean_text(text))[-160:]
    return bool(_STOP_INTRO_RE.search(tail))


# --- assembling the article (shared with the HTML parser) ---------------------------------


def _looks_like_visit(title: str, lead: str, stops: list[Stop]) -> bool:
    if stops:
        return True
    return bool(re.search(r"wizyt|wyjazd|odwiedz", fold(f"{title} {lead}")))


def build_article(
    *,
    source: str,
    encoding: str,
    section: str | None,
    published: date | None,
    title: str,
    intro: list[Block],
    stops: list[Stop],
    warnings: list[str],
    old_url: str | None = None,
    lead: str | None = None,
) -> LegacyArticle:
    """Take the lead out of the intro, derive stop facts, visit dates and warnings."""
    blocks = list(intro)
    if lead is None:
        lead = ""
        for index, block in enumerate(blocks):
            if isinstance(block, Paragraph):
                if not is_stop_intro(block.plain):
                    lead = block.plain
                    if block.rich and "<a " in block.text:
                        warnings.append(
                            "Wstęp zawierał odnośniki — w polu wstępu zachowano sam tekst"
                        )
                    del blocks[index]
                break
    if not lead:
        warnings.append("Nie znaleziono wstępu (pierwszego akapitu po tytule) — uzupełnij go")

    article = LegacyArticle(
        source=source,
        encoding=encoding,
        section=section,
        published=published,
        title=title,
        lead=lead,
        blocks=blocks,
        stops=stops,
        old_url=old_url,
        warnings=warnings,
    )
    text = article.plain_text
    for stop in stops:
        stop.town = town_from_heading(stop.heading)
        stop.kinds = kinds_from_heading(stop.heading)
        if stop.town is None:
            warnings.append(f"Nie rozpoznano miejscowości w nagłówku: „{stop.heading}”")
        stop.voivodeship = voivodeship_for(stop.town, text, warnings)
        if stop.voivodeship is None:
            what = f"miejscowości „{stop.town}”" if stop.town else f"miejsca „{stop.heading}”"
            warnings.append(f"Nie ustalono województwa dla {what}")
        if not stop.kinds:
            warnings.append(f"Nie rozpoznano rodzaju instytucji w nagłówku: „{stop.heading}”")

    for block in article.iter_blocks():
        if isinstance(block, PhotoCaption):
            warnings.append(
                f"Brak zdjęcia: „{block.text}” — w starym artykule było tu zdjęcie; "
                "dodaj je albo usuń podpis"
            )

    article.visit_dates = find_visit_dates(text, published)
    article.duration_days = duration_from_text(f"{title}\n{text}")
    if article.visit_dates is None and _looks_like_visit(title, lead, stops):
        when = f" ({published:%d.%m.%Y})" if published else ""
        message = f"Daty wizyty nieznane — przyjęto datę publikacji{when}"
        if article.duration_days and article.duration_days > 1:
            message += f"; według tekstu wizyta trwała {article.duration_days} dni — sprawdź daty"
        warnings.append(message)
    return article


# --- the plain-text format -----------------------------------------------------------------


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


def _is_stop_heading(line: _Line, next_line: _Line | None, intro_indent: int) -> bool:
    if line.indent <= intro_indent:
        return False
    text = line.text
    if len(text) > 200 or text.endswith((",", ";", ":", "-")):
        return False
    if text.endswith((".", "!", "?")) and (len(text) > 150 or re.search(r"[.!?] \S", text)):
        return False  # a sentence (or several), not a name
    if next_line is not None and next_line.indent <= intro_indent:
        first = next_line.text[:1]
        if first and first.islower():  # a first-line-indented paragraph, wrapped
            return False
    return True


def _paragraph_blocks(lines: list[_Line]) -> list[Block]:
    texts = [line.text for line in lines]
    if all(is_caption_like(t) for t in texts):
        return [PhotoCaption(t) for t in texts]
    return [Paragraph(" ".join(texts))]


def parse_text(raw: bytes, source: str) -> LegacyArticle:
    """Parse a plain-text export of an old article (see the module docstring)."""
    text, encoding, warnings = decode_bytes(raw)
    lines = _split_lines(text)
    positions = [i for i, line in enumerate(lines) if line.text]
    if not positions:
        raise LegacyParseError(f"Plik {source} jest pusty — brak daty publikacji i tytułu.")

    # Header: [section], date, title.
    first = lines[positions[0]].text
    published = parse_date(first)
    if published is not None:
        section = None
        cursor = positions[0] + 1
    else:
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
        cursor = positions[1] + 1

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
    title = " ".join(title_lines)

    # Body.
    intro: list[Block] = []
    stops: list[Stop] = []
    intro_indent: int | None = None  # set once the stops are introduced
    for group in _groups(lines[cursor:]):
        if intro_indent is None:
            intro.extend(_paragraph_blocks(group))
            if isinstance(intro[-1], Paragraph) and is_stop_intro(intro[-1].text):
                intro_indent = group[0].indent
            continue
        pending: list[_Line] = []

        def flush(pending: list[_Line] = pending) -> None:
            if pending:
                target = stops[-1].blocks if stops else intro
                target.extend(_paragraph_blocks(pending))
                pending.clear()

        for k, line in enumerate(group):
            next_line = group[k + 1] if k + 1 < len(group) else None
            if _is_stop_heading(line, next_line, intro_indent):
                flush()
                stops.append(Stop(heading=line.text))
            else:
                pending.append(line)
        flush()

    if intro_indent is not None and not stops:
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
    )
