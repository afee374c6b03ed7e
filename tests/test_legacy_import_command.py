"""manage.py import_legacy: drafts, idempotence, images, redirects, reports and exit codes.

The real article is read from ``../shared/legacy/``; every other fixture is invented here.
"""

from __future__ import annotations

import codecs
import csv
import io
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from PIL import Image as PILImage
from wagtail.contrib.redirects.models import Redirect
from wagtail.images import get_image_model
from wagtail.log_actions import registry as log_registry
from wagtail.models import Page

from legacy.import_log import IMPORT_ACTION
from legacy.models import ImportRecord
from tests.factories import make_news_index, make_visit_index

REPO = Path(__file__).resolve().parents[1]
LEGACY_DIR = REPO.parent / "shared" / "legacy"
REAL_FILE = LEGACY_DIR / "000_554fd5b27eb05eb6.txt"
NBSP = "\u00a0"
CAPTIONS = ["2dni", "aaa", "bb", "ww", "filmow", "filmowa kawiarnia"]

needs_real_file = pytest.mark.skipif(
    not REAL_FILE.exists(), reason=f"the real legacy article is not at {REAL_FILE}"
)


@pytest.fixture
def indexes(site_tree):
    return make_news_index(site_tree.home), make_visit_index(site_tree.home)


def run(*args):
    """(stdout, returncode) of the command; CommandError carries the code as manage.py would."""
    out = io.StringIO()
    try:
        call_command("import_legacy", *map(str, args), stdout=out)
    except CommandError as error:
        return out.getvalue() + f"\n{error}", error.returncode
    return out.getvalue(), 0


def article(*body, when="12.03.2023", title="Spotkanie partnerów ekonomii społecznej w Koninie"):
    return "\n\n".join(["Aktualności", when, title, *body]) + "\n"


def write(folder, name, text, encoding="utf-8"):
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode(encoding))
    return path


def counts():
    return (
        Page.objects.count(),
        get_image_model().objects.count(),
        Redirect.objects.count(),
        ImportRecord.objects.count(),
    )


# --- the real article -------------------------------------------------------------------------


@needs_real_file
def test_real_article_becomes_a_draft_visit(indexes):
    from visits.models import VisitPage

    out, code = run(REAL_FILE)

    assert code == 0
    page = VisitPage.objects.get()
    assert not page.live and page.latest_revision is not None
    assert page.title.startswith("Dwudniowa wizyta studyjna do Centrów Usług Społecznych (CUS)")
    assert page.get_parent().specific_class.__name__ == "VisitIndexPage"
    assert page.publication_date == date(2021, 9, 19)
    assert page.lead.startswith("Za nami dwudniowa wizyta studyjna")
    assert "Regionalnego Ośrodka Polityki Społecznej w Zielonej Górze" in page.participants
    assert page.regions == ["wielkopolskie"]
    assert page.slug.isascii() and page.slug.startswith("dwudniowa-wizyta-studyjna")

    stops = [b.value for b in page.body if b.block_type == "stop"]
    assert [s["heading"] for s in stops] == [
        "Centrum Usług Społecznych i Spółdzielnię Socjalną „Smak Bistro” w Rawiczu",
        "Miejsko-Gminny Ośrodek Pomocy Społecznej w Jarocinie",
        "Kawiarnię „Filmową” prowadzoną przez Spółdzielnię Socjalną „Zmysły” w Jarocinie",
    ]
    assert [s["town"] for s in stops] == ["Rawicz", "Jarocin", "Jarocin"]
    assert {s["voivodeship"] for s in stops} == {"wielkopolskie"}
    assert [list(s["kinds"]) for s in stops] == [
        ["cus", "social_cooperative"],
        ["ops"],
        ["social_cooperative"],
    ]
    assert "Władysława Czajkowska" in stops[0]["description"].source
    captions = [b.value["caption"] for b in page.body if b.block_type == "photo_placeholder"]
    assert captions == CAPTIONS
    # "ww" belongs to the first stop: its placeholder follows that stop.
    types = [b.block_type for b in page.body]
    assert types[types.index("stop") + 1] == "photo_placeholder"

    assert "[utworzono] 000_554fd5b27eb05eb6.txt" in out
    assert f"/admin/pages/{page.pk}/edit/" in out
    assert "Daty wizyty nieznane — przyjęto 19.09.2021–20.09.2021" in out
    for caption in CAPTIONS:
        assert f"Brak zdjęcia: „{caption}”" in out

    entry = log_registry.get_logs_for_instance(page).filter(action=IMPORT_ACTION).get()
    assert entry.data["message"] == "Zaimportowano z 000_554fd5b27eb05eb6.txt"
    assert entry.revision_id == page.latest_revision_id


@needs_real_file
def test_importing_twice_keeps_one_page_and_one_record(indexes):
    from visits.models import VisitPage

    run(REAL_FILE)
    out, code = run(REAL_FILE)

    assert code == 0
    assert "[bez zmian]" in out
    assert VisitPage.objects.count() == 1
    assert ImportRecord.objects.count() == 1
    record = ImportRecord.objects.get()
    assert record.page_id == VisitPage.objects.get().pk
    assert any("Brak zdjęcia" in w for w in record.warnings)


@needs_real_file
def test_publish_makes_it_live_with_the_original_date(indexes):
    from visits.models import VisitPage

    _out, code = run(REAL_FILE, "--publish")

    page = VisitPage.objects.get()
    assert code == 0 and page.live and not page.has_unpublished_changes
    assert page.publication_date == date(2021, 9, 19)
    # Searchable (Wagtail's search; the search app's Polish keys come on top of this).
    for query in ["Rawicz", "Jarocin", "smak bistro", "kawiarnia filmowa"]:
        assert list(VisitPage.objects.live().search(query)) == [page], query


@needs_real_file
def test_publish_after_a_draft_import_publishes_the_draft(indexes):
    from visits.models import VisitPage

    run(REAL_FILE)
    out, _code = run(REAL_FILE, "--publish")

    assert "[zaktualizowano]" in out
    assert VisitPage.objects.get().live
    assert VisitPage.objects.count() == 1


# --- invented fixtures --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("when", "expected"),
    [
        ("19 września 2021 r.", date(2021, 9, 19)),
        ("2021-09-19", date(2021, 9, 19)),
        ("Data publikacji: 5.1.2020", date(2020, 1, 5)),
    ],
)
def test_other_date_formats(indexes, tmp_path, when, expected):
    from news.models import NewsPage

    path = write(tmp_path, "a.txt", article("Wstęp.", "Treść artykułu.", when=when))
    _out, code = run(path)

    assert code == 0
    assert NewsPage.objects.get().publication_date == expected


def test_article_without_stops_becomes_a_news_draft(indexes, tmp_path):
    from news.models import NewsPage

    news_index, _visits = indexes
    path = write(tmp_path, "a.txt", article("Wstęp o konferencji.", "Treść o konferencji."))
    out, code = run(path)

    page = NewsPage.objects.get()
    assert code == 0 and not page.live
    assert page.get_parent().pk == news_index.pk
    assert page.lead == "Wstęp o konferencji."
    assert [b.block_type for b in page.body] == ["paragraph"]
    assert "artykuł" in out


def test_stops_introduced_by_other_words(indexes, tmp_path):
    from visits.models import VisitPage

    path = write(
        tmp_path,
        "a.txt",
        article(
            "Wizyta studyjna w Wielkopolsce.",
            "W programie wizyty znalazły się:",
            f"{NBSP}{NBSP}Centrum Integracji Społecznej w Koninie",
            "Rozmawiano o reintegracji.",
            f"{NBSP}{NBSP}Zakład Aktywności Zawodowej w Gnieźnie",
            "Zwiedzono pracownie.",
        ),
    )
    _out, code = run(path)

    page = VisitPage.objects.get()
    stops = [b.value for b in page.body if b.block_type == "stop"]
    assert code == 0
    assert [s["town"] for s in stops] == ["Konin", "Gniezno"]
    assert [list(s["kinds"]) for s in stops] == [["cis"], ["zaz"]]
    assert page.regions == ["wielkopolskie"]


def test_windows_1250_file_is_converted_and_reported(indexes, tmp_path):
    from news.models import NewsPage

    text = article("Zażółć gęślą jaźń — wstęp.", "Spółdzielnia „Łódź” działa.")
    path = write(tmp_path, "stary.txt", text, encoding="cp1250")
    out, code = run(path)

    assert code == 0
    page = NewsPage.objects.get()
    assert page.lead == "Zażółć gęślą jaźń — wstęp."
    assert "Windows-1250" in out


def html_article(canonical=None, images=""):
    link = f'<link rel="canonical" href="{canonical}">' if canonical else ""
    return f"""<!doctype html><html lang="pl"><head><meta charset="utf-8">
<title>Spotkanie w Koninie | Stara strona</title>{link}</head><body>
<header><h1>Stara strona</h1></header>
<article><h1>Spotkanie partnerów w Koninie</h1><time datetime="2022-05-10">10 maja 2022</time>
<p>Partnerzy spotkali się w Koninie.</p>
<p>Mówiono o <b>spółdzielniach</b> i <a href="https://example.org/">programie</a>.</p>
<h2>Wnioski</h2>
<ul><li>pierwszy wniosek</li><li>drugi wniosek</li></ul>
{images}
</article></body></html>"""


IMAGES = """<figure><img src="img/sala.jpg" alt="Uczestnicy przy stole w sali obrad">
<figcaption>Sala obrad</figcaption></figure>
<p><img src="zdjecia/plakat.png" alt=""></p>
<p><img src="brak.jpg" alt="Zaginione zdjęcie"></p>"""


def draw_images(folder):
    (folder / "img").mkdir(parents=True, exist_ok=True)
    (folder / "zdjecia").mkdir(parents=True, exist_ok=True)
    PILImage.new("RGB", (64, 48), "navy").save(folder / "img" / "sala.jpg", "JPEG")
    PILImage.new("RGB", (32, 32), "orange").save(folder / "zdjecia" / "plakat.png", "PNG")


def test_html_with_images_and_canonical_url(indexes, tmp_path, client):
    from news.models import NewsPage

    draw_images(tmp_path)
    canonical = "https://old.example.pl/aktualnosci/spotkanie-w-koninie.html"
    path = write(tmp_path, "spotkanie.html", html_article(canonical, IMAGES))
    out, code = run(path)

    assert code == 0
    page = NewsPage.objects.get()
    blocks = list(page.body)
    assert [b.block_type for b in blocks] == [
        "paragraph",
        "heading",
        "paragraph",
        "image",
        "image",
        "photo_placeholder",
    ]
    assert "<b>spółdzielniach</b>" in blocks[0].value.source
    assert 'href="https://example.org/"' in blocks[0].value.source
    assert blocks[1].value["level"] == "h2"
    assert "<ul><li>pierwszy wniosek</li>" in blocks[2].value.source

    images = get_image_model().objects.order_by("pk")
    assert [(i.title, i.description) for i in images] == [
        ("Uczestnicy przy stole w sali obrad", "Uczestnicy przy stole w sali obrad"),
        ("plakat", ""),
    ]
    figure = blocks[3].value
    assert figure["image"].pk == images[0].pk
    assert figure["image"].contextual_alt_text == "Uczestnicy przy stole w sali obrad"
    assert figure["caption"] == "Sala obrad"
    assert blocks[4].value["image"].contextual_alt_text == ""
    assert blocks[4].value["image"].decorative is False
    assert blocks[5].value["caption"] == "Zaginione zdjęcie"
    assert blocks[5].value["source"] == "brak.jpg"
    assert "Zdjęcie bez tekstu alternatywnego: zdjecia/plakat.png" in out
    assert "Brak pliku zdjęcia: brak.jpg" in out

    redirect = Redirect.objects.get()
    assert redirect.old_path == "/aktualnosci/spotkanie-w-koninie.html"
    assert redirect.redirect_page_id == page.pk and redirect.is_permanent
    assert "przekierowanie: /aktualnosci/spotkanie-w-koninie.html" in out

    # Again, published: same page, same images, same redirect — and the old address works.
    run(path, "--publish")
    assert counts()[1:] == (2, 1, 1)
    page.refresh_from_db()
    response = client.get("/aktualnosci/spotkanie-w-koninie.html")
    assert response.status_code == 301
    assert response["Location"] == page.url
    assert client.get(response["Location"]).status_code == 200


def test_old_url_prefix_gives_files_without_canonical_a_redirect(indexes, tmp_path):
    from news.models import NewsPage

    path = write(tmp_path, "art-123.html", html_article())
    _out, code = run(path, "--old-url-prefix", "https://old.example.pl/aktualnosci/")

    assert code == 0
    redirect = Redirect.objects.get()
    assert redirect.old_path == "/aktualnosci/art-123"
    assert redirect.redirect_page_id == NewsPage.objects.get().pk
    assert ImportRecord.objects.get().source_key == "https://old.example.pl/aktualnosci/art-123"


def test_broken_file_is_reported_and_the_others_are_imported(indexes, tmp_path):
    from news.models import NewsPage

    write(tmp_path, "1-dobry.txt", article("Wstęp pierwszy.", "Treść."))
    write(tmp_path, "2-zly.txt", "Aktualności\n\nto nie jest data\n\nTytuł\n")
    write(tmp_path, "3-dobry.txt", article("Wstęp trzeci.", "Treść.", title="Inny tytuł"))

    out, code = run(tmp_path)

    assert code == 1
    assert NewsPage.objects.count() == 2
    assert "[błąd] 2-zly.txt" in out
    assert "Nie rozpoznano daty publikacji" in out
    assert "Nie zaimportowano 1 z 3 plików" in out


def test_folders_are_imported_recursively(indexes, tmp_path):
    from news.models import NewsPage

    write(tmp_path, "2021/wrzesien/a.txt", article("Wstęp A.", "Treść.", title="Artykuł A"))
    write(tmp_path, "2022/b.HTM", html_article())
    write(tmp_path, "2022/notatki.docx", "nie do importu")

    _out, code = run(tmp_path)

    assert code == 0
    assert sorted(NewsPage.objects.values_list("title", flat=True)) == [
        "Artykuł A",
        "Spotkanie partnerów w Koninie",
    ]


def test_same_title_twice_gets_a_second_slug(indexes, tmp_path):
    from news.models import NewsPage

    write(tmp_path, "a.txt", article("Wstęp A.", "Treść A."))
    write(tmp_path, "b.txt", article("Wstęp B.", "Treść B."))
    run(tmp_path)

    slugs = sorted(NewsPage.objects.values_list("slug", flat=True))
    assert slugs == [
        "spotkanie-partnerow-ekonomii-spolecznej-w-koninie",
        "spotkanie-partnerow-ekonomii-spolecznej-w-koninie-2",
    ]


def test_dry_run_writes_nothing(indexes, tmp_path):
    draw_images(tmp_path)
    write(tmp_path, "a.html", html_article("https://old.example.pl/a.html", IMAGES))
    write(tmp_path, "b.txt", article("Wstęp.", "Treść."))
    before = counts()
    media = Path(get_image_model()._meta.get_field("file").storage.location)
    files_before = {p for p in media.rglob("*") if p.is_file()} if media.exists() else set()

    out, code = run(tmp_path, "--dry-run")

    assert code == 0
    assert "Próba (--dry-run)" in out and "[utworzono] a.html" in out
    assert counts() == before
    files_after = {p for p in media.rglob("*") if p.is_file()} if media.exists() else set()
    assert files_after == files_before


def test_csv_report(indexes, tmp_path):
    write(tmp_path, "in/a.txt", article("Wstęp.", "Treść.", "zdjecie"))
    write(tmp_path, "in/b.txt", "")
    report = tmp_path / "raport.csv"

    _out, code = run(tmp_path / "in", "--report", report)

    assert code == 1
    raw = report.read_bytes()
    assert raw.startswith(codecs.BOM_UTF8)
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == ["plik", "wynik", "typ strony", "tytuł", "edycja", "stary adres", "uwaga"]
    a_rows = [r for r in rows[1:] if r[0].endswith("a.txt")]
    assert a_rows[0][1:5] == [
        "utworzono",
        "artykuł",
        "Spotkanie partnerów ekonomii społecznej w Koninie",
        a_rows[0][4],
    ]
    assert a_rows[0][4].startswith("/admin/pages/") and a_rows[0][6] == ""
    assert any(r[6].startswith("Brak zdjęcia: „zdjecie”") for r in a_rows[1:])
    b_rows = [r for r in rows[1:] if r[0].endswith("b.txt")]
    assert len(b_rows) == 1 and b_rows[0][1] == "błąd" and "jest pusty" in b_rows[0][6]


# --- bad arguments ---------------------------------------------------------------------------


def test_missing_path_is_exit_code_2(indexes, tmp_path):
    out, code = run(tmp_path / "nie-ma")
    assert code == 2
    assert "Nie ma takiego pliku ani folderu" in out


def test_folder_without_supported_files_is_exit_code_2(indexes, tmp_path):
    write(tmp_path, "a.docx", "x")
    out, code = run(tmp_path)
    assert code == 2
    assert "Nie znaleziono żadnego pliku" in out


def test_missing_news_index_is_exit_code_2(site_tree, tmp_path):
    path = write(tmp_path, "a.txt", article("Wstęp.", "Treść."))
    out, code = run(path)
    assert code == 2
    assert "Brak strony „Aktualności” — uruchom najpierw load_demo albo utwórz ją w panelu" in out
    assert counts()[3] == 0


def test_missing_visit_index_is_exit_code_2(site_tree, tmp_path):
    make_news_index(site_tree.home)
    path = write(tmp_path, "a.txt", article("Wstęp.", "Treść."))
    out, code = run(path)
    assert code == 2
    assert "Brak strony „Wizyty studyjne”" in out


def test_manage_py_exits_with_2_and_one_polish_line(tmp_path):
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "kronika.settings.test"}
    completed = subprocess.run(
        [sys.executable, "manage.py", "import_legacy", str(tmp_path / "nie-ma.txt")],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert completed.returncode == 2
    lines = completed.stderr.strip().splitlines()
    assert len(lines) == 1 and "Nie ma takiego pliku ani folderu" in lines[0]
