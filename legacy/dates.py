"""Polish dates in old articles: one grammar with named groups.

A date is a day, a month (a word in any case — "kwietnia", "kwiecień", "kwi." —, a number or a
Roman numeral) and an optional year, optionally after a weekday ("w czwartek 7 kwietnia") and
before "r."/"roku". A range is two of them joined by a dash, "i", "oraz" or "od … do …"; the
first may leave out what the second says ("8–9 maja", "30 września – 1 października 2021",
"30.12.2021–2.01.2022"). A year left out is the one that puts the date nearest before the
publication (a report is written after the visit, an announcement at most half a year before).

Matching runs on text folded to lowercase without diacritics, position for position with the
original, so that a Roman month is only taken when written in capitals ("5 XI 2021") and never
from a word like "i".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

from legacy.document import clean_text, fold

_MONTH_NAMES = {
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
MONTH_BY_NAME = {name: number for number, names in _MONTH_NAMES.items() for name in names}
ROMAN_MONTHS = {
    numeral: number
    for number, numeral in enumerate(
        ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"), start=1
    )
}
WEEKDAYS = [
    "poniedzialek",
    "poniedzialku",
    "wtorek",
    "wtorku",
    "sroda",
    "srode",
    "srody",
    "czwartek",
    "czwartku",
    "piatek",
    "piatku",
    "sobota",
    "sobote",
    "soboty",
    "niedziela",
    "niedziele",
    "niedzieli",
    "pon",
    "wt",
    "sr",
    "czw",
    "pt",
    "sob",
    "ndz",
    "nd",
]


def _alternatives(words) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


_WORD_MONTH = rf"(?:{_alternatives(MONTH_BY_NAME)})(?![a-z])\.?"
_ROMAN_MONTH = rf"(?:{_alternatives(ROMAN_MONTHS)})(?![a-z])"
_WEEKDAY = rf"(?:\(?(?P<weekday{{n}}>{_alternatives(WEEKDAYS)})(?![a-z])\.?\)?,?\s+)?"


def _endpoint(n: int, month: str = "required", year: bool = True) -> str:
    """A day with its month and year, groups numbered ``n``; ``month``: required/optional."""
    months = (
        rf"\s*\.\s*(?P<mnum{n}>\d{{1,2}})(?!\d)(?!\s*[:]\d)"
        rf"|\.?\s+(?P<mword{n}>{_WORD_MONTH})"
        rf"|\s*[.\s]\s*(?P<mroman{n}>{_ROMAN_MONTH})"
    )
    text = _WEEKDAY.format(n=n) + rf"(?<![\d.])(?P<day{n}>\d{{1,2}})(?!\d)"
    text += f"(?:{months})" + ("?" if month == "optional" else "")
    if year:
        text += rf"(?:\s*[.\s/]\s*(?P<year{n}>\d{{4}})(?!\d))?"
    return text


_YEAR_WORD = r"(?:\s*(?:r\b\.?|rok\w*))?"
_JOIN = r"\s*(?:-|/|\bi\b|\boraz\b|\bdo\b)\s*"
DATE_GRAMMAR = re.compile(
    r"(?P<range>(?P<od>\bod\s+)?"
    + _endpoint(1, month="optional")
    + _YEAR_WORD
    + _JOIN
    + _endpoint(2)
    + _YEAR_WORD
    + r")|(?P<single>(?P<iso>(?P<isoyear>\d{4})-(?P<isomonth>\d{1,2})-(?P<isoday>\d{1,2})(?!\d))|"
    + _endpoint(0)
    + _YEAR_WORD
    + ")"
)


@dataclass(frozen=True)
class DateMention:
    """A date or a range found in a text, with what the grammar saw."""

    start: date
    end: date
    position: int
    is_range: bool
    year_given: bool
    context: str  # the folded words just before it ("w dniach", "odbyla sie")
    written: str = ""  # the mention as the text has it

    @property
    def introduced(self) -> bool:
        """Preceded by the wording of a visit ("w dniach", "odbyła się", "w czwartek")."""
        return bool(_VISIT_CONTEXT.search(self.context))


def _fold_aligned(text: str) -> str:
    """Folded text with exactly one character per character of ``text``."""
    return "".join((fold(char) or " ")[:1] for char in text)


def _prepare(text: str) -> tuple[str, str]:
    """(original, folded) with whitespace cleaned and every dash made "-"."""
    original = re.sub(r"[\u2010-\u2015\u2212]", "-", clean_text(text))
    return original, _fold_aligned(original)


def _month(match: re.Match, n: int, original: str, strict_roman: bool) -> int | None:
    if match.group(f"mnum{n}"):
        return int(match.group(f"mnum{n}"))
    if match.group(f"mword{n}"):
        return MONTH_BY_NAME[match.group(f"mword{n}").rstrip(".")]
    if match.group(f"mroman{n}"):
        written = original[match.start(f"mroman{n}") : match.end(f"mroman{n}")]
        if strict_roman and not written.isupper():
            return None
        return ROMAN_MONTHS[match.group(f"mroman{n}")]
    return None


def _year_for(month: int, day: int, published: date | None) -> int | None:
    """The year of a day-and-month left without one: nearest before the publication."""
    if published is None:
        return None
    guess = published.year
    try:
        if date(guess, month, day) > published + timedelta(days=183):
            guess -= 1
    except ValueError:
        return None
    return guess


def _mention(
    match: re.Match, original: str, published: date | None, strict_roman: bool
) -> DateMention | None:
    context = " ".join(original[max(0, match.start() - 30) : match.start()].split()[-3:])
    context = fold(context)
    try:
        if match.group("iso"):
            day = date(
                int(match.group("isoyear")),
                int(match.group("isomonth")),
                int(match.group("isoday")),
            )
            return DateMention(day, day, match.start(), False, True, context)
        if match.group("single"):
            month = _month(match, 0, original, strict_roman)
            day_number = int(match.group("day0"))
            if month is None:
                return None
            if match.group("mnum0") and not match.group("year0"):
                return None  # "10.30" is an hour, "5.2" a section number
            year = match.group("year0")
            year = int(year) if year else _year_for(month, day_number, published)
            if year is None:
                return None
            day = date(year, month, day_number)
            return DateMention(day, day, match.start(), False, bool(match.group("year0")), context)
        month2 = _month(match, 2, original, strict_roman)
        if month2 is None:
            return None
        has_month1 = any(match.group(f"{g}1") for g in ("mnum", "mword", "mroman"))
        month1 = _month(match, 1, original, strict_roman) if has_month1 else month2
        if month1 is None:
            return None
        day1, day2 = int(match.group("day1")), int(match.group("day2"))
        if match.group("year2"):
            year2 = int(match.group("year2"))
        elif match.group("mnum2"):
            return None
        else:
            year2 = _year_for(month2, day2, published)
            if year2 is None:
                return None
        if match.group("year1"):
            year1 = int(match.group("year1"))
        else:
            year1 = year2 - 1 if (month1, day1) > (month2, day2) else year2
        first, last = date(year1, month1, day1), date(year2, month2, day2)
    except ValueError:
        return None
    if last < first:
        return None
    return DateMention(first, last, match.start(), True, bool(match.group("year2")), context)


def date_mentions(
    text: str, published: date | None = None, strict_roman: bool = True
) -> list[DateMention]:
    """Every date and range of dates in a text, in order."""
    original, folded = _prepare(text)
    found = []
    for match in DATE_GRAMMAR.finditer(folded):
        mention = _mention(match, original, published, strict_roman)
        if mention is not None:
            written = original[match.start() : match.end()].strip()
            if written.endswith(".") and not written.endswith("r."):
                written = written[:-1]  # the sentence's full stop, not an abbreviation's
            found.append(replace(mention, written=written))
    return found


_LINE_PREFIX = re.compile(
    r"^(?:data(?: publikacji| dodania)?|dodano|opublikowano)\s*:?\s*", re.IGNORECASE
)
_LINE_TIME = re.compile(r"\s*(?:,\s*)?(?:godz\.?\s*)?\d{1,2}[:.]\d{2}(?::\d{2})?$")


def parse_date(line: str) -> date | None:
    """A line that is only a date: 19.09.2021, 2021-09-19, 19 września 2021 r., 19 IX 2021 …"""
    text = clean_text(line)
    text = _LINE_PREFIX.sub("", text)
    text = _LINE_TIME.sub("", text).strip(" ,.")
    text = re.sub(r"^(\d{4})\.(\d{1,2})\.(\d{1,2})$", r"\1-\2-\3", text)  # 2021.09.19
    original, folded = _prepare(text)
    match = DATE_GRAMMAR.fullmatch(folded.rstrip(" ."))
    if not match or not match.group("single"):
        return None
    if not (match.group("iso") or match.group("year0")):
        return None
    mention = _mention(match, original, None, strict_roman=False)
    return mention.start if mention else None


def find_date(text: str) -> date | None:
    """The first full date (with its year) anywhere in a text."""
    for mention in date_mentions(text):
        if mention.year_given:
            return mention.start
    return None


# Words that say the date is when the visit took place ("w dniach", "odbyła się", "w czwartek").
_VISIT_CONTEXT = re.compile(
    r"(?:dniach|dniu|dn\.|terminie|odbyl\w*(?: sie)?|mial\w* miejsce|trwal\w*|"
    r"gosci\w*|wizyt\w*|wyjazd\w*|spotkani\w*|odwiedzi\w*|^w$|\bw$|\bod$)\s*$"
)


def visit_date_mention(text: str, published: date | None) -> DateMention | None:
    """The mention that says when the visit took place.

    A mention introduced by the wording of a visit ("w dniach", "odbyła się", a weekday)
    wins, a range before a single day, else the first; ranges longer than a month are not a
    visit.
    """
    best: tuple[tuple[int, int, int], DateMention] | None = None
    for mention in date_mentions(text, published):
        if (mention.end - mention.start).days > 31:
            continue
        key = (0 if mention.introduced else 1, 0 if mention.is_range else 1, mention.position)
        if best is None or key < best[0]:
            best = (key, mention)
    return best[1] if best else None


def find_visit_dates(text: str, published: date | None) -> tuple[date, date] | None:
    """(first day, last day) of the visit as the text states them, if it does."""
    mention = visit_date_mention(text, published)
    return (mention.start, mention.end) if mention else None


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


def duration_from_text(text: str) -> int | None:
    """2 for "dwudniowa wizyta", 3 for "trzydniowy wyjazd" / "3-dniowy" …"""
    match = _DURATION_RE.search(fold(text))
    if not match:
        return None
    word = match.group(1)
    return int(word) if word.isdigit() else _DURATION_WORDS[word]
