"""Parser of articles saved from the old site as HTML (BeautifulSoup, ``html.parser``).

* encoding: the ``<meta charset>`` / ``http-equiv`` declaration when the bytes agree with it,
  else the same detection as for text files (UTF-8, Windows-1250, ISO-8859-2);
* title: ``<h1>`` (of the article first), else ``<title>``;
* publication date: ``<time datetime>``, else ``article:published_time``, else the first
  date-looking text; old URL: ``<link rel="canonical">`` (else ``og:url``);
* section: the last breadcrumb before the article itself, if there are breadcrumbs;
* content: ``<article>``, else ``<main>``, else ``<body>``, without navigation, headers,
  footers, scripts, styles and forms. Paragraphs keep ``<a href>`` (no ``javascript:``),
  ``<b>``/``<strong>`` (as ``<b>``), ``<i>``/``<em>`` (as ``<i>``) and ``<br>``;
  h2–h4 become headings (h5/h6 → level 4), lists become lists, images become
  :class:`~legacy.document.Image` blocks whose file is looked up next to the HTML file;
* stops: the headings that follow a sentence like "… odwiedzono:" (or a heading such as
  "Program wizyty"), else a run of headings or bold lines each followed by text
  (:mod:`legacy.html_stops`).
"""

from __future__ import annotations

import html
import re
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urljoin, urlsplit

from bs4 import BeautifulSoup, Comment, NavigableString, Tag
from bs4.element import CData, Declaration, Doctype, ProcessingInstruction

from legacy.assembly import build_article
from legacy.dates import find_date, parse_date
from legacy.document import (
    Block,
    Heading,
    Image,
    LegacyArticle,
    LegacyParseError,
    ListBlock,
    Paragraph,
    clean_text,
    fold,
    html_to_plain,
)
from legacy.encodings import decode_bytes
from legacy.html_stops import split_stops

_META_CHARSET_RE = re.compile(
    rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)""", re.IGNORECASE
)
_XML_ENCODING_RE = re.compile(rb"""<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9_:.-]+)""")

_SKIP_TAGS = {
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
_CHROME_TAGS = {"header", "footer", "aside"}
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
_LEAD_CLASSES = {"lead", "intro", "wstep", "zajawka", "excerpt", "summary", "article-lead"}
_HOME_CRUMBS = {"strona glowna", "start", "home", "glowna", "strona startowa"}


def _declared_charset(raw: bytes) -> str | None:
    head = raw[:8192]
    match = _META_CHARSET_RE.search(head) or _XML_ENCODING_RE.search(head)
    return match.group(1).decode("ascii", "replace") if match else None


def _classes(tag: Tag) -> list[str]:
    value = tag.get("class") or []
    if isinstance(value, str):
        value = value.split()
    return [fold(v) for v in value]


def _is_breadcrumbs(tag: Tag) -> bool:
    markers = " ".join(
        [*_classes(tag), fold(str(tag.get("id") or "")), fold(str(tag.get("aria-label") or ""))]
    )
    return any(word in markers for word in ("breadcrumb", "okruszk", "sciezka"))


class _Context:
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
        if name in _SKIP_TAGS or name in _EMBED_TAGS:
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


class _Walker:
    """Turns the content element into a flat list of blocks, in document order."""

    def __init__(self, ctx: _Context):
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
            if name in _SKIP_TAGS:
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


def _iso_date(value: str):
    match = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", value)
    if match:
        return parse_date("-".join(match.groups()))
    return parse_date(value)


def _publication_date(soup: BeautifulSoup, root: Tag) -> tuple:
    """(date, element to remove, how it was found)."""
    for scope in (root, soup):
        for time in scope.find_all("time"):
            value = time.get("datetime")
            found = _iso_date(str(value)) if value else parse_date(time.get_text(" "))
            if found:
                return found, time, "time"
    for attrs in (
        {"property": "article:published_time"},
        {"itemprop": "datePublished"},
        {"name": "date"},
        {"name": "dcterms.created"},
    ):
        meta = soup.find("meta", attrs=attrs)
        if meta and meta.get("content"):
            found = _iso_date(str(meta["content"]))
            if found:
                return found, None, "meta"
    found = find_date(root.get_text(" "))
    return found, None, "text"


def _breadcrumb_section(soup: BeautifulSoup, title: str) -> tuple[str | None, list[Tag]]:
    crumbs_elements = [t for t in soup.find_all(True) if _is_breadcrumbs(t)]
    # outermost breadcrumb containers only
    crumbs_elements = [
        t for t in crumbs_elements if not any(p in crumbs_elements for p in t.parents)
    ]
    section = None
    for element in crumbs_elements:
        items = [clean_text(li.get_text(" ")) for li in element.find_all("li")]
        if not items:
            items = [clean_text(a.get_text(" ")) for a in element.find_all("a")]
        items = [
            i
            for i in items
            if i and fold(i) not in _HOME_CRUMBS and fold(i) != fold(title) and len(i) <= 60
        ]
        if items:
            section = items[-1]
            break
    return section, crumbs_elements


def _find_lead(root: Tag) -> str | None:
    for tag in root.find_all(["p", "div"]):
        if set(_classes(tag)) & _LEAD_CLASSES:
            text = clean_text(tag.get_text(" "))
            if text:
                tag.decompose()
                return text
    return None


def parse_html(raw: bytes, source: str, path: Path | None = None) -> LegacyArticle:
    """Parse an HTML page of the old site (see the module docstring)."""
    if not raw.strip():
        raise LegacyParseError(f"Plik {source} jest pusty — brak daty publikacji i tytułu.")
    declared = _declared_charset(raw)
    text, encoding, warnings = decode_bytes(raw, declared)
    soup = BeautifulSoup(text, "html.parser")

    old_url = None
    for link in soup.find_all("link"):
        rel = link.get("rel") or []
        rel = rel.split() if isinstance(rel, str) else rel
        if "canonical" in [r.lower() for r in rel] and link.get("href"):
            old_url = clean_text(str(link["href"]))
            break
    if old_url is None:
        og = soup.find("meta", attrs={"property": "og:url"})
        if og and og.get("content"):
            old_url = clean_text(str(og["content"]))

    body = soup.body or soup
    articles = body.find_all("article")
    root = (
        next((a for a in articles if a.find("h1")), None)
        or (articles[0] if articles else None)
        or body.find("main")
        or body.find(attrs={"role": "main"})
        or body
    )

    # The article's <h1>; an <h1> in the site's header or navigation is the site's name.
    heading = root.find("h1") or next(
        (h for h in soup.find_all("h1") if not h.find_parent(["header", "nav", "footer"])),
        None,
    )
    title = clean_text(heading.get_text(" ")) if heading else ""
    if not title and soup.title:
        title = clean_text(soup.title.get_text(" "))
        title = re.split(r"\s+(?:\||::|«|»)\s+", title)[0]
    if not title:
        raise LegacyParseError(
            f"Brak tytułu w pliku {source}: strona nie ma nagłówka <h1> ani elementu <title>."
        )

    section, crumbs = _breadcrumb_section(soup, title)
    if section is None:
        meta = soup.find("meta", attrs={"property": "article:section"})
        if meta and meta.get("content"):
            section = clean_text(str(meta["content"]))

    published, date_element, how = _publication_date(soup, root)
    if published is None:
        raise LegacyParseError(
            f"Nie znaleziono daty publikacji w pliku {source}: brak <time datetime> "
            "i żadnego tekstu wyglądającego na datę (np. 19.09.2021)."
        )
    if how == "text":
        warnings.append("Datę publikacji odczytano z treści strony — sprawdź ją")

    # What is not content.
    if heading is not None and root in heading.parents:
        heading.decompose()
    if date_element is not None and root in date_element.parents:
        parent = date_element.parent
        if parent is not None and parent is not root and parse_date(parent.get_text(" ")):
            parent.decompose()  # "Dodano: <time>…</time>" — the whole date line goes
        else:
            date_element.decompose()
    for crumb in crumbs:
        if not crumb.decomposed and root in crumb.parents:
            crumb.decompose()
    lead = _find_lead(root)
    for tag in root.find_all(list(_CHROME_TAGS | _SKIP_TAGS)):
        if not tag.decomposed:
            tag.decompose()

    ctx = _Context(path, old_url, warnings)
    walker = _Walker(ctx)
    walker.walk(root)
    blocks = [
        b
        for b in walker.blocks
        if not (isinstance(b, Paragraph) and parse_date(b.plain) == published)
    ]
    intro, stops, decision = split_stops(blocks, title, lead)
    return build_article(
        decisions=[decision],
        source=source,
        encoding=encoding,
        section=section,
        published=published,
        title=title,
        intro=intro,
        stops=stops,
        warnings=warnings,
        old_url=old_url,
        lead=lead,
    )
