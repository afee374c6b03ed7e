"""`manage.py load_demo`: idempotent demo content for newcomers; a second run changes nothing."""

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction
from wagtail.models import Site

from home import demo
from home.demo.admin_user import ensure_admin
from home.site_address import set_site_address


class Command(BaseCommand):
    help = "Wczytuje treści demonstracyjne (bezpiecznie wielokrotnie) i tworzy konto admin."

    def handle(self, *args, **options):
        with transaction.atomic():
            created = demo.load()
        if created:
            self.stdout.write(
                f"Utworzono treści demonstracyjne ({len(created)}): " + ", ".join(created)
            )
            call_command("update_index", verbosity=0)
        else:
            self.stdout.write("Treści demonstracyjne są już wczytane — nic nie zmieniono.")
        # Links in feeds, .ics files and share cards name the address `make run` serves.
        site = Site.objects.get(is_default_site=True)
        set_site_address(site)
        username, password, user_created = ensure_admin()
        if user_created:
            self.stdout.write(f"Utworzono konto administratora „{username}”.")
        self.stdout.write(
            f"\nStrona: {site.root_url}/\nPanel administracyjny: {site.root_url}/admin/\n"
            f"Login: {username}\nHasło: {password}\n"
        )
