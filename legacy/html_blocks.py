"""The content of an old HTML article as blocks: paragraphs of minimal HTML (links, bold,
italics, line breaks), headings, lists, images (their files looked up next to the HTML file) and
tables read as paragraphs, in document order, with a warning for what is left out. The page
around it (encoding, title, date, breadcrumbs, lead): `legacy.html_format`.
"""

from __future__ import annotations

import html
import re
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urljoin, urlsplit

from bs4 import Comment, NavigableString, Tag
from bs4.element import CData, Declaration, Doctype, ProcessingInstruction

from legacy.document import Block, Heading, Image, ListBlock, Paragraph, clean_text, html_to_plain

#: Elements whose content is never an article's text.
SKIP_TAGS = {
    "script",
    "style",
    "noscript",
    "template",
    "nav",
    "form",
    "button",
    "input",
    "select",
    "textarea",
    "svg",
    "canvas",
    "head",
    "meta",
    "link",
}
_EMBED_TAGS = {"iframe", "video", "audio", "embed", "object"}
_INLINE_TAGS = {
    "a",
    "abbr",
    "acronym",
    "b",
    "bdi",
    "bdo",
    "big",
    "br",
    "cite",
    "code",
    "data",
    "dfn",
    "em",
    "font",
    "i",
    "kbd",
    "label",
    "mark",
    "q",
    "s",
    "samp",
    "small",
    "span",
    "strike",
    "strong",
    "sub",
    "sup",
    "time",
    "tt",
    "u",
    "var",
    "wbr",
    "nobr",
    "ins",
    "del",
}
_IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".gif", ".webp", ".bmp", ".tif", ".tiff", ".avif"}


class Conversion:
    """State of one HTML conversion: where the file is, what went wrong."""

    def __init__(self, path: Path | None, base_url: str | None, warnings: list[str]):
        self.path = path
        self.base_url = base_url
        self.warnings = warnings

    # --- links and images -----------------------------------------------------------------

    def link_target(self, href: str | None) -> str | None:
        """A safe href, or None when the link should be dropped (its text is kept)."""
        if href is None:
            return None
        href = clean_text(href)
        if not href or href.startswith("#"):
            return None
        scheme = urlsplit(href).scheme.lower()
        if scheme in {"javascript", "vbscript", "data"}:
            self.warnings.append(f"Usunięto odnośnik „{href[:60]}” (tekst zachowano)")
            return None
        if not scheme and self.base_url and not href.startswith("//"):
            href = urljoin(self.base_url, href)
        return href

    def find_file(self, src: str) -> Path | None:
        if self.path is None:
            return None
        parts = urlsplit(src)
        if parts.scheme not in {"", "http", "https", "file"}:
            return None
        relative = unquote(parts.path)
        directory = self.path.parent
        candidates = [directory / relative.lstrip("/")]
        name = PurePosixPath(relative).name
        if name:
            candidates.append(directory / name)
        for candidate in candidates:
            try:
                if candidate.is_file():
                    return candidate.resolve()
            except OSError:
                continue
        return None

    def image(self, img: Tag, caption: str = "", link: str | None = None) -> Image | None:
        src = clean_text(str(img.get("src") or img.get("data-src") or ""))
        if not src:
            return None
        if src.startswith("data:"):
            self.warnings.append("Pominięto zdjęcie osadzone w kodzie strony (data:)")
            return None
        alt = clean_text(str(img.get("alt") or ""))
        caption = caption or clean_text(str(img.get("title") or ""))
        path = None
        # <a href="duze.jpg"><img src="miniatura.jpg"></a>: prefer the large file.
        if link and PurePosixPath(urlsplit(link).path).suffix.lower() in _IMAGE_SUFFIXES:
            path = self.find_file(link)
            if path is not None:
                src = link
        if path is None:
            path = self.find_file(src)
        if path is None:
            self.warnings.append(f"Brak pliku zdjęcia: {src}")
        if not alt:
            self.warnings.append(f"Zdjęcie bez tekstu alternatywnego: {src} — uzupełnij opis")
        return Image(src=src, alt=alt, caption=caption, path=path)

    # --- inline content -------------------------------------------------------------------

    def inline(self, node, images: list[Image]) -> str:
        """Minimal HTML of an inline node; images found inside go to ``images``."""
        if isinstance(node, (Comment, CData, Declaration, Doctype, ProcessingInstruction)):
            return ""
        if isinstance(node, NavigableString):
            return html.escape(str(node), quote=False)
        if not isinstance(node, Tag):
            return ""
        name = node.name
        if name in SKIP_TAGS or name in _EMBED_TAGS:
            self.warn_skipped_embed(node)
            return ""
        if name == "br":
            return "<br>"
        if name == "img":
            image = self.image(node)
            if image:
                images.append(image)
            return ""
        if name == "a" and node.find("img") is not None and not node.get_text(strip=True):
            for img in node.find_all("img"):
                image = self.image(img, link=str(node.get("href") or ""))
                if image:
                    images.append(image)
            return ""
        inner = "".join(self.inline(child, images) for child in node.children)
        if name == "a":
            href = self.link_target(node.get("href"))
            if href and html_to_plain(inner):
                return f'<a href="{html.escape(href, quote=True)}">{inner}</a>'
            return inner
        if name in {"b", "strong"} and html_to_plain(inner):
            return f"<b>{inner}</b>"
        if name in {"i", "em"} and html_to_plain(inner):
            return f"<i>{inner}</i>"
        if name in {"p", "div", "li", "td", "th"}:  # block inside inline content
            return f" {inner} "
        return inner

    def warn_skipped_embed(self, node: Tag) -> None:
        """Report an embedded element (video, iframe, object) the import leaves out."""
        if node.name in _EMBED_TAGS:
            src = node.get("src") or (node.find("source") or {}).get("src") or node.get("data")
            self.warnings.append(
                f"Pominięto osadzony element <{node.name}>"
                + (f": {src}" if src else "")
                + " — dodaj go ręcznie"
            )


def _tidy_inline(markup: str) -> str:
    markup = clean_text(markup)
    markup = re.sub(r"\s*<br>\s*", "<br>", markup)
    markup = re.sub(r"^(?:<br>)+|(?:<br>)+$", "", markup)
    # whitespace just inside tags goes outside: "<b> tekst </b>" → " <b>tekst</b> "
    markup = re.sub(r"<(b|i)>\s+", r" <\1>", markup)
    markup = re.sub(r"\s+</(b|i|a)>", r"</\1> ", markup)
    markup = re.sub(r"(<a [^>]*>)\s+", r" \1", markup)
    return clean_text(markup)


class BlockWalker:
    """Turns the content element into a flat list of blocks, in document order."""

    def __init__(self, ctx: Conversion):
        self.ctx = ctx
        self.blocks: list[Block] = []
        self._inline: list = []

    def flush(self) -> None:
        if not self._inline:
            return
        images: list[Image] = []
        markup = _tidy_inline("".join(self.ctx.inline(n, images) for n in self._inline))
        self._inline = []
        if html_to_plain(markup):
            self.blocks.append(Paragraph(markup, rich=True))
        self.blocks.extend(images)

    def paragraph(self, node: Tag) -> None:
        self.flush()
        self._inline = list(node.children)
        self.flush()

    def walk(self, element: Tag) -> None:
        for child in list(element.children):
            if isinstance(child, (Comment, CData, Declaration, Doctype, ProcessingInstruction)):
                continue
            if isinstance(child, NavigableString):
                self._inline.append(child)
                continue
            if not isinstance(child, Tag):
                continue
            name = child.name
            if name in SKIP_TAGS:
                continue
            if name in _EMBED_TAGS:
                self.flush()
                self.ctx.warn_skipped_embed(child)
                continue
            if name in _INLINE_TAGS or name == "img":
                if name in {"span", "font", "a"} and child.find(_BLOCK_NAMES) is not None:
                    self.flush()
                    self.walk(child)  # a wrapper around blocks: look inside
                else:
                    self._inline.append(child)
                continue
            self.flush()
            if name == "p":
                self.paragraph(child)
            elif name in {"h1", "h2", "h3", "h4", "h5", "h6"}:
                text = clean_text(child.get_text(" "))
                if text:
                    level = min(max(int(name[1]), 2), 4)
                    self.blocks.append(Heading(text, level))
                for img in child.find_all("img"):
                    image = self.ctx.image(img)
                    if image:
                        self.blocks.append(image)
            elif name in {"ul", "ol"}:
                self.list_block(child)
            elif name == "figure":
                self.figure(child)
            elif name == "table":
                self.table(child)
            elif name == "pre":
                text = html.escape(child.get_text().strip(), quote=False)
                if text:
                    self.blocks.append(Paragraph(text.replace("\n", "<br>"), rich=True))
            elif name in {"dt", "dd"}:
                self.paragraph(child)
            elif name == "hr":
                continue
            else:  # div, section, blockquote, center, dl, header/footer of a section …
                self.walk(child)
        self.flush()

    def list_block(self, node: Tag) -> None:
        items: list[str] = []
        images: list[Image] = []

        def collect(list_tag: Tag) -> None:
            for li in list_tag.find_all("li", recursive=False):
                nested = [c for c in li.children if isinstance(c, Tag) and c.name in {"ul", "ol"}]
                own = [c for c in li.children if c not in nested]
                markup = _tidy_inline("".join(self.ctx.inline(c, images) for c in own))
                if html_to_plain(markup):
                    items.append(markup)
                for sub in nested:
                    collect(sub)

        collect(node)
        if items:
            self.blocks.append(ListBlock(items, ordered=node.name == "ol", rich=True))
        self.blocks.extend(images)

    def figure(self, node: Tag) -> None:
        figcaption = node.find("figcaption")
        caption = clean_text(figcaption.get_text(" ")) if figcaption else ""
        for img in node.find_all("img"):
            parent_link = img.find_parent("a")
            link = str(parent_link.get("href") or "") if parent_link else None
            image = self.ctx.image(img, caption=caption, link=link)
            if image:
                self.blocks.append(image)

    def table(self, node: Tag) -> None:
        rows = node.find_all("tr")
        added = 0
        for row in rows:
            cells = [clean_text(c.get_text(" ")) for c in row.find_all(["td", "th"])]
            cells = [c for c in cells if c]
            if cells:
                self.blocks.append(Paragraph(html.escape(" – ".join(cells), quote=False), True))
                added += 1
        if added:
            self.ctx.warnings.append(
                "Tabelę zamieniono na akapity (wiersz = akapit) — sprawdź jej układ"
            )


_BLOCK_NAMES = [
    "p",
    "div",
    "ul",
    "ol",
    "table",
    "figure",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "section",
    "article",
    "blockquote",
    "pre",
    "dl",
]
