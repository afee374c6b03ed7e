"""manage.py import_legacy PATH [PATH …]: old articles (.txt, .html) as drafts for review."""

import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from legacy.importer import FAILED, ImportSetupError, LegacyImporter, collect_files
from legacy.report import text_report, write_csv

try:
    from tqdm import tqdm
except ImportError:  # pragma: no cover - the bar is a nicety
    tqdm = None


class Command(BaseCommand):
    help = (
        "Importuje artykuły ze starej strony (.txt, .html, .htm; foldery rekurencyjnie) jako "
        "szkice do przejrzenia. Kod wyjścia: 0 — wszystko zaimportowane, 1 — część plików "
        "z błędami, 2 — złe argumenty albo brak stron „Aktualności”/„Wizyty studyjne”."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH", help="Pliki lub foldery.")
        parser.add_argument(
            "--publish",
            action="store_true",
            help="Od razu publikuje strony (data publikacji pozostaje datą oryginału).",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Pokazuje, co by się stało, niczego nie zapisując.",
        )
        parser.add_argument(
            "--old-url-prefix",
            metavar="URL",
            help=(
                'Adres starej strony dla plików bez <link rel="canonical">: prefiks + nazwa '
                "pliku bez rozszerzenia (albo wzór z {stem} lub {name}); tworzy przekierowania."
            ),
        )
        parser.add_argument(
            "--report", metavar="PLIK.csv", help="Zapisuje raport CSV (UTF-8 z BOM, średniki)."
        )

    def handle(self, *args, paths, publish, dry_run, old_url_prefix, report, **options):
        prefix = old_url_prefix
        if prefix and not prefix.startswith(("http://", "https://", "/")):
            raise CommandError(
                f"--old-url-prefix musi zaczynać się od http://, https:// albo /: {prefix}",
                returncode=2,
            )
        if report and not Path(report).expanduser().resolve().parent.is_dir():
            raise CommandError(f"Nie ma folderu dla raportu: {report}", returncode=2)
        try:
            files = collect_files(paths)
            if dry_run:
                with transaction.atomic():
                    results = self.run_import(files, publish, prefix)
                    transaction.set_rollback(True)
                self.importer.discard_stored_images()
            else:
                results = self.run_import(files, publish, prefix)
        except ImportSetupError as error:
            raise CommandError(str(error), returncode=2) from error

        self.stdout.write(text_report(results, dry_run=dry_run))
        if report:
            write_csv(results, Path(report).expanduser())
            self.stdout.write(f"Raport CSV: {report}")
        failed = sum(1 for result in results if result.status == FAILED)
        if failed:
            raise CommandError(
                f"Nie zaimportowano {failed} z {len(results)} plików — powody w raporcie powyżej",
                returncode=1,
            )

    def run_import(self, files, publish, prefix):
        self.importer = LegacyImporter(publish=publish, old_url_prefix=prefix)
        return [self.importer.import_file(path) for path in self.progress(files)]

    def progress(self, files):
        """A bar on stderr for many files, only when a person is watching."""
        if tqdm is None or len(files) < 2:
            return files
        return tqdm(files, file=sys.stderr, unit="plik", disable=not sys.stderr.isatty())
