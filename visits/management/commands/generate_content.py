"""`manage.py generate_content N`: N random visits (and N news) for benchmarks."""

import time

from django.core.management.base import BaseCommand, CommandError

from visits.generated import NoHomePage, generate


class Command(BaseCommand):
    help = "Dodaje N losowych wizyt studyjnych (i N aktualności) — do testów wydajności."

    def add_arguments(self, parser):
        parser.add_argument("count", type=int, help="Ile wizyt (i aktualności) dodać.")
        parser.add_argument("--seed", type=int, default=2024, help="Ziarno losowania.")

    def handle(self, *args, count, seed, **options):
        started = time.perf_counter()
        try:
            created = generate(count, seed=seed)
        except NoHomePage as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Dodano {created['visits']} wizyt i {created['news']} aktualności "
            f"w {time.perf_counter() - started:.1f} s. Wyszukiwarka: uruchom `update_index`."
        )
