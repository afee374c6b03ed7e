"""Parser of articles saved from the old site as HTML (BeautifulSoup, ``html.parser``).

* encoding: the ``<meta charset>`` / ``http-equiv`` declaration when the bytes agree with it,
  else the same detection as for text files (UTF-8, Windows-1250, ISO-8859-2);
* title: ``<h1>`` (of the article first), else ``<title>``;
* publication date: ``<time datetime>``, else ``article:published_time``, else the first
  date-looking text; old URL: ``<link rel="canonical">`` (else ``og:url``);
* section: the last breadcrumb before the article itself, if there are breadcrumbs;
* content: ``<article>``, else ``<main>``, else ``<body>``, without navigation, headers,
  footers, scripts, styles and forms, read as blocks by :mod:`legacy.html_blocks`. Paragraphs keep ``<a href>`` (no ``javascript:``),
  ``<b>``/``<strong>`` (as ``<b>``), ``<i>``/``<em>`` (as ``<i>``) and ``<br>``;
  h2–h4 become headings (h5/h6 → level 4), lists become lists, images become
  :class:`~legacy.document.Image` blocks whose file is looked up next to the HTML file;
* stops: the headings that follow a sentence like "… odwiedzono:" (or a heading such as
  "Program wizyty"), else a run of headings or bold lines each followed by text
  (:mod:`legacy.html_stops`).
"""

from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup, Tag

from legacy.assembly import build_article
from legacy.dates import find_date, parse_date
from legacy.document import (
    LegacyArticle,
    LegacyParseError,
    Paragraph,
    clean_text,
    fold,
)
from legacy.encodings import decode_bytes
from legacy.html_blocks import SKIP_TAGS, BlockWalker, Conversion
from legacy.html_stops import split_stops

_META_CHARSET_RE = re.compile(
    rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)""", re.IGNORECASE
)
_XML_ENCODING_RE = re.compile(rb"""<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9_:.-]+)""")

_CHROME_TAGS = {"header", "footer", "aside"}
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


def _old_url(soup: BeautifulSoup) -> str | None:
    """The page's address on the old site: ``<link rel="canonical">``, else ``og:url``."""
    for link in soup.find_all("link"):
        rel = link.get("rel") or []
        rel = rel.split() if isinstance(rel, str) else rel
        if "canonical" in [r.lower() for r in rel] and link.get("href"):
            return clean_text(str(link["href"]))
    og = soup.find("meta", attrs={"property": "og:url"})
    if og and og.get("content"):
        return clean_text(str(og["content"]))
    return None


def _article_root(soup: BeautifulSoup) -> Tag:
    """The element holding the article: ``<article>`` (with an h1 first), ``<main>``, body."""
    body = soup.body or soup
    articles = body.find_all("article")
    return (
        next((a for a in articles if a.find("h1")), None)
        or (articles[0] if articles else None)
        or body.find("main")
        or body.find(attrs={"role": "main"})
        or body
    )


def _article_heading(soup: BeautifulSoup, root: Tag) -> Tag | None:
    """The article's ``<h1>`` (its heading, removed from the content later)."""
    # An <h1> in the site's header or navigation is the site's name, not the article's.
    return root.find("h1") or next(
        (h for h in soup.find_all("h1") if not h.find_parent(["header", "nav", "footer"])),
        None,
    )


def _title(soup: BeautifulSoup, heading: Tag | None, source: str) -> str:
    """The title from the heading, else from ``<title>`` without the site's name."""
    title = clean_text(heading.get_text(" ")) if heading else ""
    if not title and soup.title:
        title = clean_text(soup.title.get_text(" "))
        title = re.split(r"\s+(?:\||::|«|»)\s+", title)[0]
    if not title:
        raise LegacyParseError(
            f"Brak tytułu w pliku {source}: strona nie ma nagłówka <h1> ani elementu <title>."
        )
    return title


def _section(soup: BeautifulSoup, title: str) -> tuple[str | None, list[Tag]]:
    """The section from the breadcrumbs, else ``article:section``; also the crumbs' elements."""
    section, crumbs = _breadcrumb_section(soup, title)
    if section is None:
        meta = soup.find("meta", attrs={"property": "article:section"})
        if meta and meta.get("content"):
            section = clean_text(str(meta["content"]))
    return section, crumbs


def _required_publication_date(
    soup: BeautifulSoup, root: Tag, source: str, warnings: list[str]
) -> tuple:
    """(date, element to remove); an error without a date, a warning if read from the text."""
    published, date_element, how = _publication_date(soup, root)
    if published is None:
        raise LegacyParseError(
            f"Nie znaleziono daty publikacji w pliku {source}: brak <time datetime> "
            "i żadnego tekstu wyglądającego na datę (np. 19.09.2021)."
        )
    if how == "text":
        warnings.append("Datę publikacji odczytano z treści strony — sprawdź ją")
    return published, date_element


def _remove_read_parts(
    root: Tag, heading: Tag | None, date_element: Tag | None, crumbs: list[Tag]
) -> None:
    """Remove from the article the heading, date line and breadcrumbs already read."""
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


def _remove_chrome(root: Tag) -> None:
    """Remove the page's chrome (headers, footers, asides) and tags that are never content."""
    for tag in root.find_all(list(_CHROME_TAGS | SKIP_TAGS)):
        if not tag.decomposed:
            tag.decompose()


def parse_html(raw: bytes, source: str, path: Path | None = None) -> LegacyArticle:
    """Parse an HTML page of the old site (see the module docstring)."""
    if not raw.strip():
        raise LegacyParseError(f"Plik {source} jest pusty — brak daty publikacji i tytułu.")
    declared = _declared_charset(raw)
    text, encoding, warnings = decode_bytes(raw, declared)
    soup = BeautifulSoup(text, "html.parser")

    old_url = _old_url(soup)
    root = _article_root(soup)
    heading = _article_heading(soup, root)
    title = _title(soup, heading, source)
    section, crumbs = _section(soup, title)
    published, date_element = _required_publication_date(soup, root, source, warnings)

    # What is not content; the lead is taken out before the chrome goes.
    _remove_read_parts(root, heading, date_element, crumbs)
    lead = _find_lead(root)
    _remove_chrome(root)

    ctx = Conversion(path, old_url, warnings)
    walker = BlockWalker(ctx)
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
