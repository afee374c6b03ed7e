"""scripts/backup.sh and scripts/restore.sh bring a wiped site back: pages, content, image bytes.

PostgreSQL only (SQLite's copy is a plain file copy): a scratch database is cloned from the
migrated test database, given content and an image by the project's own factories, backed up,
dropped and recreated empty, its media folder deleted, restored — and compared.
"""

import os
import shutil
import subprocess
from pathlib import Path

import psycopg
import pytest
from django.conf import settings
from django.db import connection

from tests.services import manage, require

pytestmark = pytest.mark.faults

BASE_DIR = Path(settings.BASE_DIR)
SCRATCH = f"kronika_backup_src_{os.getpid()}"


def admin_dsn(dbname="postgres"):
    db = connection.settings_dict
    return psycopg.conninfo.make_conninfo(
        host=db["HOST"] or "127.0.0.1",
        port=db["PORT"] or 5432,
        user=db["USER"],
        password=db["PASSWORD"] or None,
        dbname=dbname,
    )


def url_of(dbname):
    db = connection.settings_dict
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    host, port = db["HOST"] or "127.0.0.1", db["PORT"] or 5432
    return f"postgres://{db['USER']}{password}@{host}:{port}/{dbname}"


def sql(statement, dbname="postgres"):
    with psycopg.connect(admin_dsn(dbname), autocommit=True) as conn:
        cursor = conn.execute(statement)
        return cursor.fetchall() if cursor.description else None


def snapshot(dbname, media):
    pages = sql("SELECT count(*) FROM wagtailcore_page", dbname)[0][0]
    article = sql(
        "SELECT p.title, p.url_path, n.lead, r.content::text FROM wagtailcore_page p "
        "JOIN news_listedpage n ON n.page_ptr_id = p.id "
        "LEFT JOIN wagtailcore_revision r ON r.id = p.latest_revision_id "
        "WHERE p.slug = 'spoldzielnia-socjalna-w-rawiczu'",
        dbname,
    )
    image_path = sql("SELECT file FROM wagtailimages_image ORDER BY id LIMIT 1", dbname)[0][0]
    return pages, article, (media / image_path).read_bytes()


@pytest.fixture
def scratch_database(transactional_db):
    require(connection.vendor == "postgresql", "needs PostgreSQL: set DATABASE_URL=postgres://…")
    for tool in ("pg_dump", "pg_restore", "tar", "sha256sum"):
        require(shutil.which(tool), f"needs {tool}")
    # Copy the migrated test database with pg_dump, not CREATE DATABASE … TEMPLATE: a template
    # must have no other session, and a browser test's live server may still hold one.
    sql(f'DROP DATABASE IF EXISTS "{SCRATCH}"')
    sql(f'CREATE DATABASE "{SCRATCH}"')
    dump = subprocess.run(
        [
            "pg_dump",
            "--format=custom",
            "--no-owner",
            "--dbname",
            admin_dsn(connection.settings_dict["NAME"]),
        ],
        capture_output=True,
        check=True,
    )
    subprocess.run(
        ["pg_restore", "--no-owner", "--dbname", admin_dsn(SCRATCH)],
        input=dump.stdout,
        capture_output=True,
        check=True,
    )
    yield SCRATCH
    sql(f'DROP DATABASE IF EXISTS "{SCRATCH}" WITH (FORCE)')


def test_backup_wipe_restore_gives_back_pages_content_and_images(scratch_database, tmp_path):
    media = tmp_path / "media"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "kronika.settings.dev",
        "DATABASE_URL": url_of(scratch_database),
        "MEDIA_ROOT": str(media),
        "PYTHONPATH": str(BASE_DIR),
        "ALLOWED_HOSTS": "testserver",
    }
    manage(
        env,
        code=(
            "from wagtail.models import Collection\n"
            "Collection.objects.filter(depth=1).exists() or Collection.add_root(name='Root')\n"
            "from tests.factories import build_public_site\n"
            "build_public_site()\n"
        ),
    )
    before = snapshot(scratch_database, media)
    assert before[0] >= 8 and before[1] and len(before[2]) > 100

    backup = subprocess.run(
        [str(BASE_DIR / "scripts/backup.sh"), str(tmp_path / "backups")],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
    )
    assert backup.returncode == 0, backup.stderr
    folder = Path(backup.stdout.strip().splitlines()[-1])
    assert {p.name for p in folder.iterdir()} == {"database.dump", "media.tar.gz", "SHA256SUMS"}

    # The disaster: the database and the media folder are gone.
    sql(f'DROP DATABASE "{scratch_database}" WITH (FORCE)')
    sql(f'CREATE DATABASE "{scratch_database}"')
    shutil.rmtree(media)
    assert sql("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'", scratch_database) == [
        (0,)
    ]

    restore = subprocess.run(
        [str(BASE_DIR / "scripts/restore.sh"), str(folder)],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
    )
    assert restore.returncode == 0, restore.stderr
    assert snapshot(scratch_database, media) == before
    # The restored site answers: Django sees no missing migration and serves the article.
    manage(env, "migrate", "--check")
    out = manage(
        env,
        code=(
            "from django.test import Client\n"
            "r = Client().get('/aktualnosci/spoldzielnia-socjalna-w-rawiczu/', "
            "HTTP_HOST='testserver')\n"
            "print(r.status_code)"
        ),
    )
    assert out.strip().endswith("200")


def test_restore_refuses_a_corrupted_backup(tmp_path):
    folder = tmp_path / "kronika-x"
    folder.mkdir()
    (folder / "database.dump").write_bytes(b"dump")
    subprocess.run("sha256sum database.dump > SHA256SUMS", shell=True, cwd=folder, check=True)
    (folder / "database.dump").write_bytes(b"dump, but changed")
    result = subprocess.run(
        [str(BASE_DIR / "scripts/restore.sh"), str(folder)],
        env={**os.environ, "DATABASE_URL": "postgres://nobody@127.0.0.1:1/none"},
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0
    assert "FAILED" in result.stdout + result.stderr
