"""Entry point of the legacy parsers: ``parse_file(path)`` picks the parser by suffix."""

from __future__ import annotations

from pathlib import Path

from legacy.document import LegacyArticle, LegacyParseError
from legacy.html_format import parse_html
from legacy.text_format import parse_text

TEXT_SUFFIXES = {".txt"}
HTML_SUFFIXES = {".html", ".htm"}


def parse_file(path: Path) -> LegacyArticle:
    """Parse one exported article (.txt, .html or .htm)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in TEXT_SUFFIXES | HTML_SUFFIXES:
        raise LegacyParseError(
            f"Nieobsługiwany typ pliku: {path.name} (obsługiwane: .txt, .html, .htm)"
        )
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise LegacyParseError(f"Nie można odczytać pliku {path}: {error.strerror}") from error
    if suffix in TEXT_SUFFIXES:
        return parse_text(raw, str(path))
    return parse_html(raw, str(path), path)
