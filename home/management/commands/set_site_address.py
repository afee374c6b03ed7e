"""`manage.py set_site_address`: the default Site answers at BASE_URL (run once per deploy)."""

from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Site

from home.site_address import set_site_address


class Command(BaseCommand):
    help = "Ustawia nazwę hosta i port domyślnej witryny na adres z BASE_URL."

    def add_arguments(self, parser):
        parser.add_argument("--base-url", default=None, help="Adres zamiast BASE_URL.")

    def handle(self, *args, base_url=None, **options):
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            raise CommandError("Brak domyślnej witryny — uruchom najpierw migrate.")
        try:
            changed = set_site_address(site, base_url)
        except ValueError as error:
            raise CommandError(str(error)) from error
        if changed:
            self.stdout.write(f"Witryna odpowiada teraz pod adresem {site.root_url}/.")
        else:
            self.stdout.write(f"Witryna już ma adres {site.root_url}/ — nic nie zmieniono.")
