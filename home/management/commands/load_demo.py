"""`manage.py load_demo`: idempotent demo content for newcomers; a second run changes nothing."""

from importlib import import_module

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction

from home.demo.admin_user import ensure_admin

# Each module has `load(stdout) -> list[str]` returning what it created.
DEMO_LOADERS = [
    "home.demo.shell",
    "news.demo",
    "visits.demo",
]


class Command(BaseCommand):
    help = "Wczytuje treści demonstracyjne (bezpiecznie wielokrotnie) i tworzy konto admin."

    def handle(self, *args, **options):
        created = []
        with transaction.atomic():
            for dotted in DEMO_LOADERS:
                created += import_module(dotted).load(self.stdout)
        if created:
            self.stdout.write(
                f"Utworzono treści demonstracyjne ({len(created)}): " + ", ".join(created)
            )
            call_command("update_index", verbosity=0)
        else:
            self.stdout.write("Treści demonstracyjne są już wczytane — nic nie zmieniono.")
        username, password, user_created = ensure_admin()
        if user_created:
            self.stdout.write(f"Utworzono konto administratora „{username}”.")
        self.stdout.write(
            "\nPanel administracyjny: http://127.0.0.1:8000/admin/\n"
            f"Login: {username}\nHasło: {password}\n"
        )
