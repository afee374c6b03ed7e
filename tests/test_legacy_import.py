"""The mapping of old articles to pages, and what the imported pages look like in use.

The real article is read from ``../shared/legacy/``; every other fixture is invented in the test.
"""

from __future__ import annotations

import io
import re
from datetime import date
from pathlib import Path

import pytest
from django.core.management import call_command
from wagtail.images import get_image_model
from wagtail.models import Page

from legacy import importer as importer_module
from legacy.importer import EDITED_WARNING, FAILED, UPDATED, LegacyImporter
from legacy.mapping import NEWS, VISIT, map_article, participants_text, shorten, visit_dates
from legacy.models import ImportRecord
from legacy.text_format import parse_text
from tests.factories import make_news_index, make_visit_index

LEGACY_DIR = Path(__file__).resolve().parents[1].parent / "shared" / "legacy"
REAL_FILE = LEGACY_DIR / "000_554fd5b27eb05eb6.txt"
NBSP = "\u00a0"
CAPTIONS = ["2dni", "aaa", "bb", "ww", "filmow", "filmowa kawiarnia"]

needs_real_file = pytest.mark.skipif(
    not REAL_FILE.exists(), reason=f"the real legacy article is not at {REAL_FILE}"
)


def article(*body, when="12.03.2023", title="Spotkanie partnerów ekonomii społecznej"):
    return "\n\n".join(["Aktualności", when, title, *body]) + "\n"


def no_images(image):
    raise AssertionError("no image should be imported")


def placeholders(body):
    return [b["value"]["caption"] for b in body if b["type"] == "photo_placeholder"]


@pytest.fixture
def indexes(site_tree):
    return make_news_index(site_tree.home), make_visit_index(site_tree.home)


def import_real(*options):
    out = io.StringIO()
    call_command("import_legacy", str(REAL_FILE), *options, stdout=out)
    return out.getvalue()


# --- mapping (no database) ----------------------------------------------------------------


@needs_real_file
def test_real_article_maps_to_a_visit_with_three_stops_and_six_placeholders():
    parsed = parse_text(REAL_FILE.read_bytes(), str(REAL_FILE))
    data = map_article(parsed, no_images)

    assert data.kind == VISIT
    assert data.fields["publication_date"] == date(2021, 9, 19)
    assert data.fields["start_date"] == date(2021, 9, 19)
    assert data.fields["end_date"] == date(2021, 9, 20)  # "dwudniowa": two days, guessed
    assert data.fields["regions"] == ["wielkopolskie"]
    assert data.fields["participants"].startswith("Przedstawiciele m.in.: jednostek samorządu")
    assert len(data.fields["lead"]) <= 600 and data.fields["lead"].startswith("Za nami")
    stops = [b["value"] for b in data.body if b["type"] == "stop"]
    assert [s["town"] for s in stops] == ["Rawicz", "Jarocin", "Jarocin"]
    assert placeholders(data.body) == CAPTIONS
    assert any(
        w.startswith("Daty wizyty nieznane — przyjęto 19.09.2021–20.09.2021") for w in data.warnings
    )


def test_article_without_stops_is_news_with_blocks_in_order():
    text = article(
        "Pierwszy akapit to wstęp.",
        "Drugi akapit z treścią.",
        "zdjecie sali",
        "Trzeci akapit.",
    )
    data = map_article(parse_text(text.encode(), "x.txt"), no_images)

    assert data.kind == NEWS
    assert data.fields == {
        "title": "Spotkanie partnerów ekonomii społecznej",
        "lead": "Pierwszy akapit to wstęp.",
        "publication_date": date(2023, 3, 12),
    }
    assert [b["type"] for b in data.body] == ["paragraph", "photo_placeholder", "paragraph"]
    assert data.body[0]["value"] == "<p>Drugi akapit z treścią.</p>"


def test_dates_stated_in_the_text_are_not_guessed():
    text = article(
        "W dniach 7-8 marca 2023 r. odbyła się wizyta studyjna.",
        "Uczestnicy wizyty odwiedzili:",
        f"{NBSP}Centrum Integracji Społecznej w Koninie",
        "Rozmawiano o reintegracji zawodowej.",
    )
    parsed = parse_text(text.encode(), "x.txt")
    data = map_article(parsed, no_images)

    assert visit_dates(parsed) == (date(2023, 3, 7), date(2023, 3, 8), False)
    assert (data.fields["start_date"], data.fields["end_date"]) == (
        date(2023, 3, 7),
        date(2023, 3, 8),
    )
    assert not any("Daty wizyty" in w for w in data.warnings)


def test_participants_sentence_loses_its_opening_words():
    assert participants_text("Uczestnikami wizyty byli radni gminy.") == "Radni gminy."
    assert participants_text("W wizycie wzięli udział dyrektorzy OPS.") == "Dyrektorzy OPS."
    assert participants_text("Rawicz jest miastem.") is None


def test_shorten_cuts_at_a_word():
    assert shorten("ala ma kota", 9) == "ala ma…"
    assert shorten("krótko", 10) == "krótko"


# --- imported pages in use ------------------------------------------------------------------


@needs_real_file
def test_admin_edit_view_of_the_imported_draft_shows_placeholders(indexes, admin_client):
    from visits.models import VisitPage

    import_real()
    page = VisitPage.objects.get()
    response = admin_client.get(f"/admin/pages/{page.pk}/edit/")

    assert response.status_code == 200
    content = response.content.decode()
    for caption in CAPTIONS:
        assert caption in content
    assert "photo_placeholder" in content


@needs_real_file
def test_published_import_renders_stops_as_headed_sections_without_placeholders(indexes, client):
    from visits.models import VisitPage

    import_real("--publish")
    page = VisitPage.objects.get()
    response = client.get(page.url)

    assert response.status_code == 200
    content = response.content.decode()
    headings = re.findall(
        r'<h2 class="visit-stop__heading" id="([^"]+)"[^>]*>([^<]+)</h2>', content
    )
    assert [text for _id, text in headings] == [
        "Centrum Usług Społecznych i Spółdzielnię Socjalną „Smak Bistro” w Rawiczu",
        "Miejsko-Gminny Ośrodek Pomocy Społecznej w Jarocinie",
        "Kawiarnię „Filmową” prowadzoną przez Spółdzielnię Socjalną „Zmysły” w Jarocinie",
    ]
    assert all(anchor for anchor, _text in headings)
    for caption in ("2dni", "aaa", "filmowa kawiarnia", "Miejsce na zdjęcie"):
        assert caption not in content


@needs_real_file
@pytest.mark.parametrize("query", ["Rawicz", "Jarocin", "smak bistro", "kawiarnia filmowa"])
def test_published_import_is_found_by_search(indexes, query):
    # Wagtail's own search; switch to search.query once the search app exposes it.
    from visits.models import VisitPage

    import_real("--publish")
    assert list(VisitPage.objects.live().search(query)) == [VisitPage.objects.get()]


@needs_real_file
@pytest.mark.parametrize(
    "query", ["Rawicz", "Jarocin", "smak bistro", "kawiarnia filmowa", "spoldzielnia socjalna"]
)
def test_published_import_is_found_by_the_site_search(indexes, client, query):
    # Depends on the search app (/szukaj/, Polish keys); skipped while it is not there.
    pytest.importorskip("search.query")
    from visits.models import VisitPage

    import_real("--publish")
    page = VisitPage.objects.get()
    response = client.get("/szukaj/", {"q": query})

    assert response.status_code == 200
    assert page.url in response.content.decode()


@needs_real_file
def test_draft_is_not_found_by_public_search(indexes, client):
    from visits.models import VisitPage

    import_real()
    page = VisitPage.objects.get()
    assert list(VisitPage.objects.live().search("Rawicz")) == []
    assert page.url not in client.get("/szukaj/", {"q": "Rawicz"}).content.decode()


# --- updates and failures -----------------------------------------------------------------


def write(tmp_path, name, text, encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def test_page_edited_in_the_admin_gets_a_new_draft_not_an_overwrite(indexes, tmp_path):
    from news.models import NewsPage

    path = write(tmp_path, "a.txt", article("Wstęp artykułu.", "Treść pierwsza."))
    LegacyImporter(publish=True).import_file(path)
    page = NewsPage.objects.get()
    page.title = "Tytuł poprawiony przez redaktorkę"
    page.save_revision().publish()
    revisions = page.revisions.count()

    write(tmp_path, "a.txt", article("Wstęp artykułu.", "Treść druga, poprawiona."))
    result = LegacyImporter(publish=True).import_file(path)

    page.refresh_from_db()
    assert result.status == UPDATED
    assert EDITED_WARNING in result.warnings
    assert "zaktualizowano szkic — sprawdź zmiany" in EDITED_WARNING
    assert page.revisions.count() == revisions + 1
    assert page.title == "Tytuł poprawiony przez redaktorkę"  # the live version is kept
    assert page.has_unpublished_changes
    assert "Treść druga" in str(page.latest_revision.as_object().body)
    assert NewsPage.objects.count() == 1


def test_deleted_page_is_created_again(indexes, tmp_path):
    from news.models import NewsPage

    path = write(tmp_path, "a.txt", article("Wstęp artykułu.", "Treść."))
    LegacyImporter().import_file(path)
    NewsPage.objects.get().delete()

    result = LegacyImporter().import_file(path)

    assert result.status == "created"
    assert NewsPage.objects.count() == 1
    assert ImportRecord.objects.get().page_id == result.page_id


def test_failure_after_page_creation_leaves_no_page_record_or_image_file(
    indexes, tmp_path, monkeypatch
):
    from PIL import Image as PILImage

    PILImage.new("RGB", (40, 30), "red").save(tmp_path / "foto.jpg", "JPEG")
    path = write(
        tmp_path,
        "a.html",
        "<html><body><article><h1>Spotkanie w Koninie</h1><time datetime='2022-05-10'></time>"
        "<p>Wstęp.</p><p>Treść.</p><img src='foto.jpg' alt='Sala'></article></body></html>",
    )
    stored = []
    real_save = importer_module.LegacyImporter._save

    def save_then_fail(self, page, source, publish):
        real_save(self, page, source, publish)
        stored.extend(get_image_model().objects.values_list("file", flat=True))
        raise RuntimeError("awaria po utworzeniu strony")

    monkeypatch.setattr(importer_module.LegacyImporter, "_save", save_then_fail)
    pages = Page.objects.count()

    result = LegacyImporter().import_file(path)

    assert result.status == FAILED
    assert "awaria po utworzeniu strony" in result.error
    assert Page.objects.count() == pages
    assert ImportRecord.objects.count() == 0
    assert get_image_model().objects.count() == 0
    assert stored, "the image was stored before the failure"
    storage = get_image_model()._meta.get_field("file").storage
    assert not any(storage.exists(name) for name in stored)
