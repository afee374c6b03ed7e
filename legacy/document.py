"""What the legacy parsers produce: a plain description of one old article.

No Django here: ``manage.py import_legacy`` maps a :class:`LegacyArticle` to Wagtail pages.

Text is stored normalised (no non-breaking spaces, single spaces, stripped). Paragraphs from
plain-text files are plain text; paragraphs from HTML files are minimal, already sanitised
HTML (only ``<a href>``, ``<b>``, ``<i>`` and ``<br>``) — use :attr:`Paragraph.html` to get
safe HTML in both cases and :attr:`Paragraph.plain` for the bare text.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path


class LegacyParseError(ValueError):
    """The file cannot be imported; the message (in Polish) says why."""


# --- text helpers shared by the parsers ----------------------------------------------------

# Every kind of space an old CMS or a word processor leaves behind, incl. NBSP and NNBSP.
SPACE_CHARS = " \t\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
_SPACES_RE = re.compile(f"[{SPACE_CHARS}\u200b\ufeff\r\n\f\v]+")
_INVISIBLE_RE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")


def clean_text(text: str) -> str:
    """Normalise whitespace: NBSP and friends → space, runs collapsed, ends stripped."""
    text = _INVISIBLE_RE.sub("", text)
    return _SPACES_RE.sub(" ", text).strip()


_FOLD_EXTRA = str.maketrans({"ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ø": "o", "Ø": "O"})


def fold(text: str) -> str:
    """Lowercase and strip diacritics: "Spółdzielnię Łódź" → "spoldzielnie lodz"."""
    text = text.translate(_FOLD_EXTRA)
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


_TAG_RE = re.compile(r"<[^>]*>")


def html_to_plain(markup: str) -> str:
    """Plain text of the minimal HTML produced by the HTML parser."""
    markup = re.sub(r"<br\s*/?>", " ", markup, flags=re.IGNORECASE)
    return clean_text(html.unescape(_TAG_RE.sub("", markup)))


# --- blocks --------------------------------------------------------------------------------


@dataclass
class Paragraph:
    """A paragraph. ``rich`` is True when ``text`` is sanitised minimal HTML (HTML input)."""

    text: str
    rich: bool = False

    @property
    def html(self) -> str:
        """Safe HTML of the paragraph's content (without the ``<p>`` wrapper)."""
        return self.text if self.rich else html.escape(self.text, quote=False)

    @property
    def plain(self) -> str:
        return html_to_plain(self.text) if self.rich else self.text


@dataclass
class Heading:
    text: str
    level: int = 2  # 2–4


@dataclass
class PhotoCaption:
    """A photo of the old page that the export lost; ``text`` is its caption/title there."""

    text: str


@dataclass
class ListBlock:
    """A list. Items are plain text, or minimal HTML when ``rich`` (HTML input)."""

    items: list[str]
    ordered: bool = False
    rich: bool = False

    @property
    def items_html(self) -> list[str]:
        if self.rich:
            return list(self.items)
        return [html.escape(item, quote=False) for item in self.items]


@dataclass
class Image:
    """An image of an HTML article; ``path`` is set when the file was found on disk."""

    src: str
    alt: str = ""
    caption: str = ""
    path: Path | None = None


Block = Paragraph | Heading | PhotoCaption | ListBlock | Image


# --- article -------------------------------------------------------------------------------


@dataclass
class Decision:
    """Something the parser decided on its own, how sure it is (0–1) and why, in Polish."""

    subject: str  # "przystanki", "daty wizyty", "województwo (Gostynin)" …
    value: str
    confidence: float
    reason: str

    def __str__(self) -> str:
        return (
            f"{self.subject}: {self.value} — pewność {round(self.confidence * 100)}%; {self.reason}"
        )


@dataclass
class Stop:
    """One place visited: the heading as written, its blocks and what was derived from it."""

    heading: str
    blocks: list[Block] = field(default_factory=list)
    town: str | None = None
    voivodeship: str | None = None  # a code of visits.choices.VOIVODESHIPS
    kinds: list[str] = field(default_factory=list)  # codes of visits.choices.INSTITUTION_KINDS


@dataclass
class LegacyArticle:
    """A parsed old article.

    ``lead`` is the first paragraph after the title (plain text) and is *not* repeated in
    ``blocks``; ``blocks`` are the remaining intro blocks (everything before the first stop,
    including the sentence that introduces the stops); ``stops`` are the visited places in
    order. ``warnings`` are Polish sentences for the editor who reviews the imported draft.
    ``duration_days`` is what the wording says ("dwudniowa" → 2) when the dates are unknown.
    """

    source: str
    encoding: str
    section: str | None
    published: date | None
    title: str
    lead: str
    blocks: list[Block] = field(default_factory=list)
    stops: list[Stop] = field(default_factory=list)
    old_url: str | None = None
    visit_dates: tuple[date, date] | None = None
    warnings: list[str] = field(default_factory=list)
    duration_days: int | None = None
    decisions: list[Decision] = field(default_factory=list)

    def iter_blocks(self):
        """All blocks in reading order: the intro's, then each stop's."""
        yield from self.blocks
        for stop in self.stops:
            yield from stop.blocks

    @property
    def plain_text(self) -> str:
        """The whole text (title, lead, paragraphs, headings), for searching and guessing."""
        parts = [self.title, self.lead]
        for block in self.blocks:
            parts.append(_block_plain(block))
        for stop in self.stops:
            parts.append(stop.heading)
            parts.extend(_block_plain(b) for b in stop.blocks)
        return "\n".join(p for p in parts if p)


def _block_plain(block: Block) -> str:
    if isinstance(block, Paragraph):
        return block.plain
    if isinstance(block, ListBlock):
        return "\n".join(html_to_plain(i) if block.rich else i for i in block.items)
    if isinstance(block, Image):
        return block.caption
    return block.text
