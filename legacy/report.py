"""The import report: lines on the console and a CSV for Excel (one row per file, per warning
and per decision the parser took, with its confidence and reason)."""

from __future__ import annotations

import csv
from collections import Counter

from legacy.importer import CREATED, FAILED, RESULT_LABELS, UNCHANGED, UPDATED

CSV_COLUMNS = ["plik", "wynik", "typ strony", "tytuł", "edycja", "stary adres", "uwaga"]


def file_lines(result) -> list[str]:
    """The report of one file: a headline, then one indented line per uncertainty."""
    head = f"[{result.label}] {result.path.name}"
    if result.status == FAILED:
        return [head, f"    ✗ {result.error}"]
    head += f" — {result.page_type}: {result.title} — {result.edit_url}"
    lines = [head]
    if result.redirect_path:
        lines.append(f"    → przekierowanie: {result.redirect_path}")
    lines.extend(f"    ! {warning}" for warning in result.warnings)
    lines.extend(f"    · {decision}" for decision in result.decisions)
    return lines


def summary(results) -> str:
    counts = Counter(r.status for r in results)
    parts = [f"{RESULT_LABELS[s]}: {counts[s]}" for s in (CREATED, UPDATED, UNCHANGED, FAILED)]
    return f"Plików: {len(results)} — " + ", ".join(parts)


def text_report(results, dry_run=False) -> str:
    lines = []
    if dry_run:
        lines.append("Próba (--dry-run): tak wyglądałby import; niczego nie zapisano.")
    for result in results:
        lines.extend(file_lines(result))
    lines.append(summary(results))
    return "\n".join(lines)


def csv_rows(results):
    for result in results:
        base = [
            str(result.path),
            result.label,
            result.page_type,
            result.title,
            result.edit_url,
            result.old_url,
        ]
        yield [*base, result.error]
        for warning in result.warnings:
            yield [*base, warning]
        for decision in result.decisions:
            yield [*base, f"decyzja: {decision}"]


def write_csv(results, path) -> None:
    """UTF-8 with BOM and semicolons: what Excel in a Polish locale opens without a wizard."""
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(CSV_COLUMNS)
        writer.writerows(csv_rows(results))
