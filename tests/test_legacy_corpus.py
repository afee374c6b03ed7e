"""The importer on a corpus of invented old-site articles it was not written around.

``tests/legacy_corpus/`` holds 42 articles in the old site's style (plain-text exports and
saved HTML pages): different intros, date phrasings, towns of all 16 voivodeships, kinds of
institution, stops indented, capitalised without indentation, bold or headings in HTML; the
ones marked in ``expected.json`` are written in Windows-1250 here, as the old site saved them.
``expected.json`` says what page each must become; at least 95 % of the checks must hold.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import pytest
from django.core.management import call_command

from legacy.models import ImportRecord
from tests.factories import make_news_index, make_visit_index

CORPUS = Path(__file__).resolve().parent / "legacy_corpus"
EXPECTED = json.loads((CORPUS / "expected.json").read_text(encoding="utf-8"))
REQUIRED_SHARE = 0.95


def corpus_files(folder: Path) -> dict[str, Path]:
    """The corpus written to ``folder``, each file in the encoding the expectations give."""
    folder.mkdir()
    files = {}
    for name, expected in EXPECTED.items():
        text = (CORPUS / name).read_text(encoding="utf-8")
        path = folder / name
        path.write_bytes(text.encode(expected.get("encoding", "utf-8")))
        files[name] = path
    return files


def checks_for(expected: dict, page) -> list[tuple[str, object, object]]:
    """(what, expected, found) for one article and the page it became."""
    from visits.models import VisitPage

    is_visit = isinstance(page, VisitPage)
    found_stops = [b.value for b in page.body if b.block_type == "stop"] if is_visit else []
    checks = [("typ", expected["type"], "visit" if is_visit else "news")]
    if expected["type"] == "visit" and "dates" in expected:
        dates = [page.start_date, page.end_date] if is_visit else None
        checks.append(("daty", [date.fromisoformat(d) for d in expected["dates"]], dates))
    checks.append(("liczba przystanków", len(expected["stops"]), len(found_stops)))
    for index, stop in enumerate(expected["stops"]):
        found = found_stops[index] if index < len(found_stops) else {}
        for field in ("heading", "town", "voivodeship"):
            checks.append((f"{index + 1}. {field}", stop[field], found.get(field)))
        checks.append((f"{index + 1}. kinds", stop["kinds"], list(found.get("kinds", []))))
    return checks


def test_corpus_covers_what_the_issue_asks_for():
    voivodeships = {s["voivodeship"] for e in EXPECTED.values() for s in e["stops"]}
    kinds = {k for e in EXPECTED.values() for s in e["stops"] for k in s["kinds"]}
    assert len(EXPECTED) >= 40
    assert len(voivodeships) == 16
    assert {
        "cus",
        "ops",
        "pcpr",
        "wtz",
        "zaz",
        "foundation",
        "association",
        "sds",
        "dps",
        "senior_plus",
    } <= kinds
    assert any(e.get("encoding") == "windows-1250" for e in EXPECTED.values())
    assert any(name.endswith(".html") and e["stops"] for name, e in EXPECTED.items())
    assert sum(1 for e in EXPECTED.values() if e["type"] == "news") >= 5


@pytest.mark.django_db
def test_at_least_95_percent_of_the_corpus_checks_hold(site_tree, tmp_path):
    make_news_index(site_tree.home)
    make_visit_index(site_tree.home)
    files = corpus_files(tmp_path / "korpus")
    report = tmp_path / "raport.csv"

    out = io.StringIO()
    call_command("import_legacy", str(tmp_path / "korpus"), "--report", str(report), stdout=out)

    failed: list[str] = []
    total = 0
    for name, expected in EXPECTED.items():
        record = ImportRecord.objects.get(source_path=str(files[name]))
        for what, wanted, found in checks_for(expected, record.page.specific):
            total += 1
            if wanted != found:
                failed.append(f"{name}: {what}: oczekiwano {wanted!r}, jest {found!r}")
    held = (total - len(failed)) / total
    assert total >= 400
    assert held >= REQUIRED_SHARE, "\n".join(failed)
    # Every decision is in the report with its confidence, on the console and in the CSV.
    assert out.getvalue().count("· przystanki:") == len(EXPECTED)
    rows = list(csv.reader(io.StringIO(report.read_text(encoding="utf-8-sig")), delimiter=";"))
    decisions = [r[6] for r in rows[1:] if r[6].startswith("decyzja: przystanki:")]
    assert len(decisions) == len(EXPECTED)
    assert all("pewność" in d for d in decisions)
