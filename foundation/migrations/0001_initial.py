# OrganisationSettings, moved from home (home/migrations/0007): the table and its rows are
# home's, renamed there; this migration adds the model to the state and moves its content type,
# so editors' permissions on the settings follow it.

import django.db.models.deletion
import foundation.colours
from django.conf import settings
from django.db import migrations, models


def move_content_type(apps, schema_editor, source="home", target="foundation"):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label=source, model="organisationsettings").update(
        app_label=target
    )


def move_content_type_back(apps, schema_editor):
    move_content_type(apps, schema_editor, source="foundation", target="home")


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('home', '0007_organisation_settings_to_foundation'),
        ('contenttypes', '0002_remove_content_type_name'),
        ('wagtailcore', '0098_apitoken'),
        ('wagtailimages', '0027_image_description'),
        migrations.swappable_dependency(settings.WAGTAIL_PAGE_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='OrganisationSettings',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('name', models.CharField(max_length=255, verbose_name='nazwa organizacji')),
                        ('short_name', models.CharField(blank=True, help_text='Pokazywana w nagłówku strony.', max_length=80, verbose_name='nazwa skrócona')),
                        ('address', models.TextField(blank=True, help_text='Ulica, kod i miejscowość, w osobnych wierszach.', verbose_name='adres')),
                        ('phone', models.CharField(blank=True, max_length=40, verbose_name='telefon')),
                        ('email', models.EmailField(blank=True, max_length=254, verbose_name='e-mail')),
                        ('epuap', models.CharField(blank=True, help_text='Np. /ROPS/SkrytkaESP.', max_length=120, verbose_name='adres skrytki ePUAP')),
                        ('e_delivery', models.CharField(blank=True, help_text='Np. AE:PL-12345-67890-ABCDE-12.', max_length=120, verbose_name='adres do e-Doręczeń')),
                        ('nip', models.CharField(blank=True, max_length=20, verbose_name='NIP')),
                        ('regon', models.CharField(blank=True, max_length=20, verbose_name='REGON')),
                        ('bip_url', models.URLField(blank=True, help_text='Biuletyn Informacji Publicznej.', verbose_name='adres BIP')),
                        ('opening_hours', models.TextField(blank=True, verbose_name='godziny pracy')),
                        ('facebook_url', models.URLField(blank=True, verbose_name='Facebook')),
                        ('youtube_url', models.URLField(blank=True, verbose_name='YouTube')),
                        ('linkedin_url', models.URLField(blank=True, verbose_name='LinkedIn')),
                        ('open_data_licence', models.URLField(blank=True, help_text='Adres licencji, na której udostępniamy archiwum wizyt jako dane otwarte; puste — Creative Commons Uznanie autorstwa 4.0 (CC BY 4.0).', verbose_name='licencja danych otwartych')),
                        ('accent_colour', models.CharField(blank=True, help_text='Kolor linków, przycisków i paska nagłówka w zapisie #RRGGBB, np. #0b4f8a. Musi mieć kontrast co najmniej 4,5:1 z jasnym tłem strony (WCAG 2.1 AA); puste — kolor Kroniki.', max_length=7, validators=[foundation.colours.validate_accent_colour], verbose_name='kolor wiodący')),
                        ('contact_page', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.WAGTAIL_PAGE_MODEL, verbose_name='strona „Kontakt”')),
                        ('easy_read_page', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.WAGTAIL_PAGE_MODEL, verbose_name='strona w tekście łatwym do czytania (ETR)')),
                        ('favicon', models.ForeignKey(blank=True, help_text='Kwadratowy obraz, co najmniej 192 × 192 px; puste — ikona Kroniki.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailimages.image', verbose_name='ikona strony (favicon)')),
                        ('logo', models.ForeignKey(blank=True, help_text='Pokazywane w nagłówku obok nazwy skróconej (najlepiej PNG z przezroczystym tłem).', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailimages.image', verbose_name='logo')),
                        ('privacy_page', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.WAGTAIL_PAGE_MODEL, verbose_name='strona „Polityka prywatności”')),
                        ('sign_language_page', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.WAGTAIL_PAGE_MODEL, verbose_name='strona w Polskim Języku Migowym (PJM)')),
                        ('site', models.OneToOneField(editable=False, on_delete=django.db.models.deletion.CASCADE, to='wagtailcore.site')),
                    ],
                    options={
                        'verbose_name': 'dane organizacji',
                        'verbose_name_plural': 'dane organizacji',
                    },
                ),
            ],
        ),
        migrations.RunPython(move_content_type, move_content_type_back),
    ]
