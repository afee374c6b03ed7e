"""From a parsed old article to the fields and body of a Kronika page (no database writes).

An article with stops becomes a visit (``VisitPage``), any other a news article
(``NewsPage``). Images are handed to a callable, so this module stays testable without
storage: it returns the library image (or None when the file could not be imported).
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta

from legacy.document import (
    Block,
    Heading,
    Image,
    LegacyArticle,
    ListBlock,
    Paragraph,
    PhotoCaption,
    Stop,
    fold,
)

LEAD_MAX_LENGTH = 600
TITLE_MAX_LENGTH = 255
HEADING_MAX_LENGTH = 200
CAPTION_MAX_LENGTH = 300

NEWS = "news"
VISIT = "visit"

# "Uczestnikami wyjazdu byli …", "W wizycie wzięli udział …", "Uczestniczyli w niej …"
_PARTICIPANTS_RE = re.compile(
    r"^(?:uczestnikami\s+(?:\w+\s+){0,2}(?:byli|byly)"
    r"|w\s+(?:wizycie|wyjezdzie|spotkaniu)\s+(?:\w+\s+){0,2}(?:wzieli|wziely)\s+udzial"
    r"|w\s+(?:wizycie|wyjezdzie)\s+(?:\w+\s+){0,2}uczestniczyl[iy]"
    r"|(?:uczestnikami|uczestnicy)\s+(?:wyjazdu|wizyty)\s*:)\s*"
)

ImageImporter = Callable[[Image], object | None]


@dataclass
class PageData:
    """What the importer writes to the page: its type, fields, body and the editor's to-do list."""

    kind: str  # NEWS or VISIT
    fields: dict
    body: list[dict]
    warnings: list[str] = field(default_factory=list)


def page_kind(article: LegacyArticle) -> str:
    return VISIT if article.stops else NEWS


def shorten(text: str, limit: int) -> str:
    """`text` cut at a word boundary to at most `limit` characters, with an ellipsis."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:–-")
    return f"{cut}…"


def visit_dates(article: LegacyArticle) -> tuple[date, date, bool]:
    """(start, end, guessed): the dates the text states, else around the publication date."""
    if article.visit_dates:
        start, end = article.visit_dates
        return start, end, False
    start = article.published
    days = article.duration_days or 1
    return start, start + timedelta(days=max(days, 1) - 1), True


def participants_text(paragraph_text: str) -> str | None:
    """The "who took part" sentence without its opening words, or None if it is not one."""
    # Folded letter by letter, so positions in the folded text are positions in the original.
    folded = "".join((fold(char) or " ")[0] for char in paragraph_text)
    match = _PARTICIPANTS_RE.match(folded)
    if not match:
        return None
    rest = paragraph_text[match.end() :].strip()
    return rest[:1].upper() + rest[1:] if rest else None


def paragraph_value(inner_html: str) -> str:
    return f"<p>{inner_html}</p>"


def list_value(block: ListBlock) -> str:
    tag = "ol" if block.ordered else "ul"
    items = "".join(f"<li>{item}</li>" for item in block.items_html)
    return f"<{tag}>{items}</{tag}>"


def placeholder(caption: str, source: str = "") -> dict:
    return {
        "type": "photo_placeholder",
        "value": {"caption": caption[:CAPTION_MAX_LENGTH], "source": source[:500]},
    }


def image_caption(image: Image) -> str:
    return image.caption or image.alt or image.src.rsplit("/", 1)[-1]


def image_block_value(library_image, image: Image) -> dict:
    """ImageBlock data: the alt text from the old page; without one the editor must write it."""
    return {"image": library_image.pk, "alt_text": image.alt, "decorative": False}


class BodyBuilder:
    """Turns parsed blocks into raw StreamField data, in reading order."""

    def __init__(self, import_image: ImageImporter, warnings: list[str]):
        self.import_image = import_image
        self.warnings = warnings
        self.images_imported = 0

    def library_image(self, image: Image):
        if image.path is None:
            return None
        library_image = self.import_image(image)
        if library_image is not None:
            self.images_imported += 1
        return library_image

    def block(self, block: Block) -> list[dict]:
        if isinstance(block, Paragraph):
            return [{"type": "paragraph", "value": paragraph_value(block.html)}]
        if isinstance(block, Heading):
            level = min(max(block.level, 2), 4)
            text = block.text[:HEADING_MAX_LENGTH]
            return [{"type": "heading", "value": {"text": text, "level": f"h{level}"}}]
        if isinstance(block, ListBlock):
            return [{"type": "paragraph", "value": list_value(block)}]
        if isinstance(block, PhotoCaption):
            return [placeholder(block.text)]
        if isinstance(block, Image):
            library_image = self.library_image(block)
            if library_image is None:
                return [placeholder(image_caption(block), block.src)]
            value = {
                "image": image_block_value(library_image, block),
                "caption": block.caption[:CAPTION_MAX_LENGTH],
                "credit": "",
            }
            return [{"type": "image", "value": value}]
        return []

    def stop(self, stop: Stop) -> list[dict]:
        """The stop block, then the placeholders of its lost photos (a stop has no slot for them)."""
        description: list[str] = []
        photos: list[dict] = []
        after: list[dict] = []
        for block in stop.blocks:
            if isinstance(block, Paragraph):
                description.append(paragraph_value(block.html))
            elif isinstance(block, ListBlock):
                description.append(list_value(block))
            elif isinstance(block, Heading):
                description.append(
                    paragraph_value(f"<b>{html.escape(block.text, quote=False)}</b>")
                )
            elif isinstance(block, PhotoCaption):
                after.append(placeholder(block.text))
            elif isinstance(block, Image):
                library_image = self.library_image(block)
                if library_image is None:
                    after.append(placeholder(image_caption(block), block.src))
                else:
                    photos.append(
                        {
                            "image": image_block_value(library_image, block),
                            "caption": block.caption[:CAPTION_MAX_LENGTH],
                        }
                    )
        if not description:
            self.warnings.append(f"Punkt „{stop.heading}” nie ma opisu — uzupełnij go")
        value = {
            "heading": stop.heading[:HEADING_MAX_LENGTH],
            "town": (stop.town or "")[:100],
            "voivodeship": stop.voivodeship or "",
            "kinds": list(stop.kinds),
            "description": "".join(description),
            "people": [],
            "website": "",
            "photos": photos,
        }
        return [{"type": "stop", "value": value}, *after]


def map_article(article: LegacyArticle, import_image: ImageImporter) -> PageData:
    """Fields and body of the page for `article`; uncertainties are added to the warnings."""
    warnings = list(article.warnings)
    kind = page_kind(article)
    builder = BodyBuilder(import_image, warnings)

    title = article.title
    if len(title) > TITLE_MAX_LENGTH:
        title = shorten(title, TITLE_MAX_LENGTH)
        warnings.append("Tytuł był dłuższy niż 255 znaków — skrócono go")

    body: list[dict] = []
    lead = article.lead
    if len(lead) > LEAD_MAX_LENGTH:
        lead = shorten(lead, LEAD_MAX_LENGTH)
        body.append(
            {"type": "paragraph", "value": paragraph_value(html.escape(article.lead, quote=False))}
        )
        warnings.append(
            f"Wstęp był dłuższy niż {LEAD_MAX_LENGTH} znaków — skrócono go; pełny tekst "
            "jest pierwszym akapitem treści"
        )

    participants = None
    for block in article.blocks:
        if kind == VISIT and participants is None and isinstance(block, Paragraph):
            participants = participants_text(block.plain)
            if participants is not None:
                continue
        body.extend(builder.block(block))
    for stop in article.stops:
        body.extend(builder.stop(stop))

    fields = {"title": title, "lead": lead, "publication_date": article.published}
    if kind == VISIT:
        start, end, guessed = visit_dates(article)
        if guessed:
            # Replaces the parser's note with the dates actually set.
            warnings[:] = [w for w in warnings if not w.startswith("Daty wizyty nieznane")]
            basis = "data publikacji"
            if article.duration_days and article.duration_days > 1:
                basis += f"; według tekstu wizyta trwała {article.duration_days} dni"
            warnings.append(
                f"Daty wizyty nieznane — przyjęto {start:%d.%m.%Y}–{end:%d.%m.%Y} ({basis}); "
                "popraw pola „pierwszy dzień wizyty” i „ostatni dzień wizyty”"
            )
        fields.update(
            start_date=start,
            end_date=end,
            regions=list(dict.fromkeys(s.voivodeship for s in article.stops if s.voivodeship)),
            participants=participants or "",
        )
    return PageData(kind=kind, fields=fields, body=body, warnings=warnings)
