"""Importing old articles as reviewable drafts: one transaction per file, never a duplicate.

Decisions, per file (the key is the old URL when known, else the SHA-256 of the normalised
text; a record is also found by that hash or by the same file path):

* no record, or its page was deleted → **created**: a draft (or, with ``--publish``, a live
  page) under the news or visit index;
* same content as last time → **unchanged** (with ``--publish`` an unpublished, unedited
  draft is published: **updated**);
* new content, page untouched since the import → **updated**: new revision (and, for a draft,
  the page row too), published with ``--publish``;
* new content, page edited in the admin since the import → **updated**, but only a new draft
  revision: never published, never overwriting the live version; the report says
  "zaktualizowano szkic — sprawdź zmiany" so the editor compares the revisions.
"""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction
from django.urls import reverse
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Site

from foundation.slugs import ascii_slug
from legacy.document import LegacyParseError
from legacy.encodings import decode_bytes
from legacy.images import LibraryImporter
from legacy.import_log import log_import
from legacy.mapping import VISIT, map_article
from legacy.models import ImportRecord
from legacy.parse import HTML_SUFFIXES, TEXT_SUFFIXES, parse_file
from news.models import NewsIndexPage, NewsPage
from visits.models import VisitIndexPage, VisitPage

SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES
SLUG_LENGTH = 80

CREATED, UPDATED, UNCHANGED, FAILED = "created", "updated", "unchanged", "failed"
RESULT_LABELS = {
    CREATED: "utworzono",
    UPDATED: "zaktualizowano",
    UNCHANGED: "bez zmian",
    FAILED: "błąd",
}
EDITED_WARNING = (
    "Strona była edytowana w panelu po poprzednim imporcie — zapisano nowy szkic "
    "(nieopublikowany): zaktualizowano szkic — sprawdź zmiany"
)


class ImportSetupError(Exception):
    """The import cannot start (bad paths, missing index pages); the message is Polish."""


@dataclass
class FileResult:
    path: Path
    status: str = FAILED
    page_type: str = ""
    title: str = ""
    page_id: int | None = None
    old_url: str = ""
    redirect_path: str = ""
    warnings: list[str] = field(default_factory=list)
    decisions: list[str] = field(default_factory=list)  # what the parser decided, and why
    error: str = ""

    @property
    def label(self) -> str:
        return RESULT_LABELS[self.status]

    @property
    def edit_url(self) -> str:
        return reverse("wagtailadmin_pages:edit", args=[self.page_id]) if self.page_id else ""


# --- files -----------------------------------------------------------------------------------


def collect_files(paths) -> list[Path]:
    """The supported files of `paths` (folders recursively), sorted, without repeats."""
    files: dict[Path, None] = {}
    for raw in paths:
        path = Path(raw).expanduser()
        if not path.exists():
            raise ImportSetupError(f"Nie ma takiego pliku ani folderu: {raw}")
        if path.is_dir():
            found = sorted(
                p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES
            )
            files.update(dict.fromkeys(p.resolve() for p in found))
        elif path.suffix.lower() in SUPPORTED_SUFFIXES:
            files[path.resolve()] = None
        else:
            raise ImportSetupError(
                f"Nieobsługiwany typ pliku: {raw} (obsługiwane: .txt, .html, .htm)"
            )
    if not files:
        raise ImportSetupError(
            "Nie znaleziono żadnego pliku .txt, .html ani .htm we wskazanych folderach"
        )
    return list(files)


def content_hash(raw: bytes) -> str:
    """SHA-256 of the text however it was encoded or line-ended (a re-export keeps its key)."""
    text, _encoding, _warnings = decode_bytes(raw)
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = "\n".join(line.rstrip() for line in text.split("\n")).strip()
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def old_url_for(path: Path, canonical: str | None, prefix: str | None) -> str:
    if canonical:
        return canonical
    if not prefix:
        return ""
    if "{stem}" in prefix or "{name}" in prefix:
        return prefix.format(stem=path.stem, name=path.name)
    return prefix + path.stem


# --- pages -----------------------------------------------------------------------------------


def unique_slug(parent, title: str) -> str:
    """A short ASCII slug from the title, unique among the parent's children."""
    base = ascii_slug(title)
    if len(base) > SLUG_LENGTH:
        base = base[:SLUG_LENGTH].rsplit("-", 1)[0]
    base = base or "artykul"
    taken = set(parent.get_children().values_list("slug", flat=True))
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


def default_site():
    return Site.objects.filter(is_default_site=True).first() or Site.objects.first()


def ensure_redirect(page, old_url: str, warnings: list[str]) -> str:
    """A permanent redirect from the old URL's path to `page` (created or re-pointed)."""
    old_path = Redirect.normalise_path(old_url)
    if old_path in {"", "/"}:
        warnings.append(f"Stary adres {old_url} nie ma ścieżki — nie utworzono przekierowania")
        return ""
    site = default_site()
    redirect = Redirect.objects.filter(old_path=old_path, site=site).first()
    if redirect is None:
        Redirect.objects.create(old_path=old_path, site=site, redirect_page=page, is_permanent=True)
    elif redirect.redirect_page_id != page.pk:
        redirect.redirect_page = page
        redirect.redirect_link = ""
        redirect.save()
    return old_path


class LegacyImporter:
    """Imports files one by one; each is one transaction and yields a :class:`FileResult`."""

    def __init__(self, publish=False, old_url_prefix=None, user=None):
        self.publish = publish
        self.old_url_prefix = old_url_prefix
        self.user = user
        self.news_index = NewsIndexPage.objects.order_by("path").first()
        self.visit_index = VisitIndexPage.objects.order_by("path").first()
        if self.news_index is None:
            raise ImportSetupError(
                "Brak strony „Aktualności” — uruchom najpierw load_demo albo utwórz ją w panelu"
            )
        if self.visit_index is None:
            raise ImportSetupError(
                "Brak strony „Wizyty studyjne” — uruchom najpierw load_demo albo utwórz ją w panelu"
            )
        # Files stored by successful imports, for a dry run to delete after its rollback.
        self.stored_images: list[LibraryImporter] = []

    # --- one file --------------------------------------------------------------------------

    def import_file(self, path: Path) -> FileResult:
        result = FileResult(path=Path(path))
        images = None
        try:
            raw = result.path.read_bytes()
            article = parse_file(result.path)
            result.title = article.title
            result.decisions = [str(decision) for decision in article.decisions]
            result.old_url = old_url_for(result.path, article.old_url, self.old_url_prefix)
            images = LibraryImporter([])
            with transaction.atomic():
                self._import(article, raw, result, images)
        except LegacyParseError as error:
            result.status, result.error = FAILED, str(error)
        except Exception as error:  # one bad file must not stop the others
            result.status = FAILED
            result.error = f"Nieoczekiwany błąd: {error.__class__.__name__}: {error}"
        if result.status == FAILED:
            result.page_id = None
            if images is not None:
                images.discard()
        elif images is not None:
            self.stored_images.append(images)
        return result

    def discard_stored_images(self):
        for images in self.stored_images:
            images.discard()

    def _find_record(self, key: str, digest: str, path: Path) -> ImportRecord | None:
        return (
            ImportRecord.objects.select_for_update().filter(source_key=key).first()
            or ImportRecord.objects.select_for_update().filter(content_hash=digest).first()
            or ImportRecord.objects.select_for_update().filter(source_path=str(path)).first()
        )

    def _import(self, article, raw: bytes, result: FileResult, images: LibraryImporter) -> None:
        digest = content_hash(raw)
        key = result.old_url or f"sha256:{digest}"
        record = self._find_record(key, digest, result.path)
        page = record.page.specific if record and record.page_id else None

        data = None
        if page is None or record.content_hash != digest:
            data = map_article(article, images)
            data.warnings.extend(images.warnings)
        model = VisitPage if (data.kind if data else None) == VISIT else NewsPage
        if page is not None and data is not None and not isinstance(page, model):
            raise LegacyParseError(
                f"Artykuł zaimportowano wcześniej jako „{page.specific_class._meta.verbose_name}” "
                f"(strona {page.pk}), a teraz wygląda na „{model._meta.verbose_name}” — usuń "
                "tamtą stronę, aby zaimportować go ponownie"
            )

        source = result.old_url or result.path.name
        if page is None:
            page = self._create(model, data, source)
            result.status = CREATED
            warnings = data.warnings
        elif data is None:
            warnings = list(record.warnings)
            edited = page.latest_revision_id != record.revision_id
            result.status = UNCHANGED
            if self.publish and not page.live and not edited:
                page.latest_revision.publish(user=self.user, log_action=True)
                result.status = UPDATED
        else:
            warnings = data.warnings
            edited = page.latest_revision_id != record.revision_id
            self._update(page, data, source, publish=self.publish and not edited)
            if edited:
                warnings.append(EDITED_WARNING)
            result.status = UPDATED

        page.refresh_from_db()
        result.page_id = page.pk
        result.page_type = str(page.specific_class._meta.verbose_name)
        result.title = page.draft_title or page.title
        if result.old_url:
            result.redirect_path = ensure_redirect(page, result.old_url, warnings)
        result.warnings = warnings

        if record is None:
            record = ImportRecord(source_key=key)
        elif record.source_key != key and not ImportRecord.objects.filter(source_key=key).exists():
            record.source_key = key
        record.content_hash = digest
        record.source_path = str(result.path)
        record.old_url = result.old_url
        record.page = page
        record.revision_id = page.latest_revision_id
        record.warnings = warnings
        record.save()

    def _create(self, model, data, source):
        parent = self.visit_index if model.__name__ == "VisitPage" else self.news_index
        page = model(
            **data.fields,
            body=data.body,
            slug=unique_slug(parent, data.fields["title"]),
            live=False,
        )
        parent.add_child(instance=page)
        self._save(page, source, publish=self.publish)
        return page

    def _update(self, page, data, source, publish):
        for name, value in data.fields.items():
            setattr(page, name, value)
        page.body = data.body
        if not page.live:
            page.save()  # a draft's row is its content: lists in the admin and search see it
        self._save(page, source, publish=publish)

    def _save(self, page, source, publish):
        revision = page.save_revision(user=self.user)
        log_import(page, source, user=self.user)
        if publish:
            revision.publish(user=self.user, log_action=True)
