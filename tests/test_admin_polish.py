"""Polish everywhere an editor reads: our own labels and help texts, and the Wagtail strings we
translate in locale/pl because Wagtail's Polish catalogue lacks them or gets them wrong."""

import json
import re
from html import unescape
from html.parser import HTMLParser

import pytest
from django.apps import apps
from django.utils import translation
from wagtail import blocks
from wagtail.fields import StreamField
from wagtail.models import Page

from home.admin_translations import WAGTAIL_JS_STRINGS, WAGTAIL_PLURAL_STRINGS, WAGTAIL_STRINGS
from tests.conftest import content_per_module, copy_for_test
from tests.factories import build_public_site, gallery_block, make_user, paragraph

OUR_APPS = ["foundation", "home", "news", "visits", "search", "legacy"]
ENGLISH_WORDS = re.compile(
    r"\b(the|and|of|to|your|this|with|for|is|are|page|pages|image|images|add|edit|choose|"
    r"delete|search|more|view|new|title|save|publish|date|body|text|heading|quote|gallery|"
    r"document|caption|credit|level|settings|name|address|phone|link|show|select|upload|"
    r"visit|stop|town|people|website|description|photo|file|tags?|content|object|slug|"
    r"please|enter|required|optional|shown|used|list|listing|card|share|item|items|block)\b",
    re.IGNORECASE,
)
POLISH = re.compile(
    r"[ąćęłńóśźż]|cz|sz|rz|dz|ie|ów|ych|cja|cji|ej\b|ny\b|na\b|ne\b|wy\b|ki\b|\b(w|z|i|na|do|"
    r"np|nie|lub|albo|dla|oraz|data|adres|nazwa|lead|tagi|opis|tekst|import|menu|wizyt|punkty|"
    r"strona|strony|status|film|akapit|cytat|autor|podpis|dokument|organizator|uczestnicy)\b",
    re.IGNORECASE,
)
# Names and codes that are the same in Polish.
SAME_IN_POLISH = {
    "NIP",
    "REGON",
    "Facebook",
    "YouTube",
    "LinkedIn",
    "e-mail",
    "ePUAP",
    "URL",
    "www",
}


def editor_facing_models():
    """Page types and site settings of our apps: the models whose forms editors fill in."""
    from wagtail.contrib.settings.models import BaseSiteSetting
    from wagtail.models import Page

    return [
        model
        for app_label in OUR_APPS
        if app_label in apps.app_configs
        for model in apps.get_app_config(app_label).get_models()
        if issubclass(model, (Page, BaseSiteSetting))
    ]


def panel_headings(panel):
    found = []
    for child in getattr(panel, "children", []):
        heading = getattr(child, "heading", "")
        if heading and type(child).__name__ in ("MultiFieldPanel", "FieldRowPanel"):
            found.append(heading)
        found += panel_headings(child)
    return found


def own_strings():
    """(where, text) for every string an editor reads that our code defines: page type names,
    form labels and help texts (as the panels set them), panel headings and block texts."""
    from wagtail.admin.panels import get_edit_handler

    found = []
    for model in editor_facing_models():
        name = model.__name__
        found += [(f"{name} verbose_name", model._meta.verbose_name)]
        found += [(f"{name} verbose_name_plural", model._meta.verbose_name_plural)]
        handler = get_edit_handler(model)
        found += [(f"{name} panel heading", heading) for heading in panel_headings(handler)]
        form_class = handler.get_form_class()
        own_fields = {
            field.name
            for field in model._meta.get_fields()
            if getattr(field, "model", None) is not None and field.model._meta.app_label in OUR_APPS
        }
        for field_name, form_field in form_class.base_fields.items():
            model_field = next((f for f in model._meta.get_fields() if f.name == field_name), None)
            overridden = model_field is not None and (
                str(form_field.help_text) != str(getattr(model_field, "help_text", ""))
            )
            if field_name not in own_fields and not overridden:
                continue  # Wagtail's own fields (title, slug…) are Wagtail's to translate
            found.append((f"{name}.{field_name} label", form_field.label))
            found.append((f"{name}.{field_name} help_text", form_field.help_text))
            if isinstance(model_field, StreamField):
                found += block_strings(f"{name}.{field_name}", model_field.stream_block)
    return [(where, str(text)) for where, text in found if text and str(text).strip()]


def block_strings(where, block):
    found = []
    for attribute in ("label", "help_text", "description"):
        value = getattr(block.meta, attribute, None)
        if value:
            found.append((f"{where} {attribute}", value))
    if type(block).__module__.startswith("wagtail.") and not isinstance(block, blocks.StreamBlock):
        return found  # the inner parts of Wagtail's blocks (alt text, decorative) are Wagtail's
    children = getattr(block, "child_blocks", None) or {}
    if isinstance(block, blocks.ListBlock):
        children = {"item": block.child_block}
    for name, child in children.items():
        found += block_strings(f"{where}.{name}", child)
    return found


OWN = own_strings()


def test_our_strings_are_found():
    assert len(OWN) > 50
    assert any("FigureBlock" in where or "image label" in where for where, _ in OWN)


@pytest.mark.parametrize(("where", "text"), OWN, ids=[where for where, _ in OWN])
def test_our_string_is_polish(where, text):
    if text.lower() in {word.lower() for word in SAME_IN_POLISH}:
        return
    english = ENGLISH_WORDS.findall(text)
    assert not english or POLISH.search(text), f"{where}: English words {english} in {text!r}"


@pytest.mark.parametrize("msgid", WAGTAIL_STRINGS)
def test_wagtail_string_we_translate_is_polish(msgid):
    with translation.override("pl"):
        assert translation.gettext(msgid) != msgid


@pytest.mark.parametrize(("singular", "plural"), WAGTAIL_PLURAL_STRINGS)
def test_wagtail_plural_we_translate_has_polish_forms(singular, plural):
    with translation.override("pl"):
        forms = {translation.ngettext(singular, plural, n) for n in (1, 3, 5)}
    assert len(forms) == 3 and singular not in forms and plural not in forms


class VisibleText(HTMLParser):
    """Text an editor reads or hears: text nodes plus the attributes that are read or shown."""

    SKIP = {"script", "style", "svg", "template"}
    SPOKEN = {"title", "aria-label", "placeholder", "alt", "data-w-tooltip-content-value"}

    def __init__(self):
        super().__init__()
        self.depth = 0
        self.texts = []

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIP:
            self.depth += 1
        for name, value in attrs:
            if name in self.SPOKEN and value:
                self.texts.append(value)

    def handle_endtag(self, tag):
        if tag in self.SKIP and self.depth:
            self.depth -= 1

    def handle_data(self, data):
        if not self.depth and data.strip():
            self.texts.append(data)


def visible_text(html):
    parser = VisibleText()
    parser.feed(html)
    return " ".join(" ".join(unescape(text).split()) for text in parser.texts)


def english_fragments(msgid):
    """The literal English pieces of a msgid (between placeholders and tags), long enough to
    be meaningful on their own."""
    pieces = re.split(r"%\([a-z_]+\)s|<[^>]+>|'", msgid)
    return [piece.strip(" .") for piece in pieces if len(piece.strip(" .")) >= 6]


def block_texts(html):
    """Labels, help texts and descriptions of every StreamField block of an edit form: Wagtail
    renders them from JSON, so an editor meets them only when a block is opened."""
    found = re.findall(r'"(?:label|helpText|description)": "((?:[^"\\]|\\.)*)"', unescape(html))
    return " ".join(json.loads(f'"{text}"') for text in found)


def admin_screens(site):
    """{screen: url} of what editors and the administrator open in their first week."""
    pages = {
        f"edycja: {page.specific_class.__name__}": f"/admin/pages/{page.pk}/edit/"
        for page in Page.objects.filter(depth__gt=1).order_by("path")
    }
    return {
        "pulpit": "/admin/",
        "eksplorator": f"/admin/pages/{site.home.pk}/",
        "wyszukiwanie w panelu": "/admin/pages/search/?q=Rawicz",
        "dodawanie strony": f"/admin/pages/add/home/standardpage/{site.home.pk}/",
        "dodawanie artykułu": f"/admin/pages/add/news/newspage/{site.news_index.pk}/",
        **pages,
        "historia strony": f"/admin/pages/{site.standard.pk}/history/",
        "historia procesu": f"/admin/pages/{site.article.pk}/workflow_history/",
        "zdjęcia": "/admin/images/",
        "dodawanie zdjęcia": "/admin/images/add/",
        "dodawanie wielu zdjęć": "/admin/images/multiple/add/",
        "edycja zdjęcia": f"/admin/images/{site.photo.pk}/",
        "dokumenty": "/admin/documents/",
        "konto": "/admin/account/",
        "raport: starzejące się strony": "/admin/reports/aging-pages/",
        "raport: szukane frazy": "/admin/searchpicks/reports/search-terms/",
        "raport: procesy": "/admin/reports/workflow/",
        "raport: historia serwisu": "/admin/reports/site-history/",
        "raport: zablokowane strony": "/admin/reports/locked/",
        "promowane wyniki": "/admin/searchpicks/",
        "przekierowania": "/admin/redirects/",
        "ustawienia: dane organizacji": (
            f"/admin/settings/foundation/organisationsettings/{site.site.pk}/"
        ),
        "ustawienia: serwisy": "/admin/sites/",
        "ustawienia: procesy": "/admin/workflows/list/",
        "ustawienia: zadania procesów": "/admin/workflows/tasks/index/",
        "ustawienia: użytkownicy": "/admin/users/",
        "ustawienia: grupy": "/admin/groups/",
        "ustawienia: kolekcje": "/admin/collections/",
    }


def build_admin_site():
    """One page of every type, an article with a gallery waiting for approval, a search query
    in the report, and a page published without a user (as scheduled publishing does)."""
    from wagtail.contrib.search_promotions.models import Query
    from wagtail.models import Workflow

    site = build_public_site()
    site.article.body = [paragraph("Wstęp."), gallery_block([site.photo, site.photo])]
    site.article.save_revision()
    site.editor = make_user("redaktorka", groups=["Redaktorzy"])
    Workflow.objects.get(name="Zatwierdzenie publikacji").start(site.article, site.editor)
    Query.get("spółdzielnia socjalna").add_hit()
    return site


module_admin_site = content_per_module(build_admin_site)


@pytest.fixture
def admin_site(db, module_admin_site):
    return copy_for_test(module_admin_site)


def crawl(client, site, user):
    client.force_login(user)
    screens = {}
    for name, url in admin_screens(site).items():
        response = client.get(url)
        if response.status_code == 302 and not user.is_superuser:
            continue  # a screen editors may not open (settings, users): Wagtail sends them back
        assert response.status_code == 200, f"{name}: {url} → {response.status_code}"
        html = response.content.decode()
        screens[name] = f"{visible_text(html)} {block_texts(html)}"
    return screens


@pytest.fixture
def screens(client, admin_site):
    return crawl(client, admin_site, make_user("admin", superuser=True))


# English an editor met in the first week (issue 15) and its kin: words and phrases that must
# never be on an admin screen. Matched as whole words, case-sensitively.
STOP_LIST = [
    "Image",
    "Saved",
    "Go to the first error",
    "Readability",
    "Complex",
    "Layout",
    "Grid layout",
    "List layout",
    "Search terms",
    "Views",
    "queries",
    "Site name",
    "Root page",
    "Root",
    "Email",
    "Enable custom keyboard shortcuts",
    "keyboard",
    "This publishing schedule",
    "Schedule to publish",
    "Once scheduled",
    "None",
    "Actions",
    "Breadcrumb",
    "Sign in",
    "Wagtaila",
    "Usage count",
    "Minimum",
    "Maximum",
    "Use server",
    "Anyone",
    "Editors",
    "Moderators",
    "approval",
    "Profile",
    "workflow",
    "Workflow",
    "workflowy",
    "Why not",
]
# A number that takes the genitive plural ("5 stron") with the nominative plural ("5 strony").
WRONG_PLURAL = re.compile(
    r"(?<![\d,.])(?:\d*(?:1[0-9]|[0156789])) (?:strony|zdjęcia|obrazy|dokumenty|wpisy|grupy|"
    r"serwisy|typy|procesy|zadania|użytkownicy|elementy|wyniki)\b"
)


def english_on(screens):
    leaks = []
    for screen, text in screens.items():
        leaks += [
            f"{screen}: {word!r}"
            for word in STOP_LIST
            if re.search(rf"(?<![\w]){re.escape(word)}(?![\w])", text)
        ]
        leaks += [f"{screen}: {match!r}" for match in WRONG_PLURAL.findall(text)]
    return leaks


@pytest.mark.django_db
def test_admin_screens_have_no_english_for_the_superuser(screens):
    assert len(screens) >= 25
    leaks = english_on(screens)
    assert not leaks, "English or a wrong plural on admin screens:\n" + "\n".join(leaks)


@pytest.mark.django_db
def test_admin_screens_have_no_english_for_an_editor(client, admin_site):
    screens = crawl(client, admin_site, admin_site.editor)
    assert {"pulpit", "eksplorator", "edycja: NewsPage", "edycja: VisitPage"} <= set(screens)
    assert len(screens) >= 20
    # A screen an editor may not open sends them back with an error message and its link.
    refused = visible_text(client.get("/admin/users/", follow=True).content.decode())
    screens["odmowa dostępu"] = refused
    assert "Przejdź do pierwszego błędu" in refused
    leaks = english_on(screens)
    assert not leaks, "English or a wrong plural on an editor's screens:\n" + "\n".join(leaks)


@pytest.mark.django_db
def test_the_crawl_sees_what_it_checks(screens, client, admin_site):
    """The stop-list could only fail if the screens hold what it looks at."""
    assert "Plik zdjęcia" in screens["edycja: NewsPage"]  # the gallery's image chooser
    assert "Zapisano" in screens["edycja: NewsPage"]
    assert "Szukane frazy" in screens["raport: szukane frazy"]
    assert "Wyszukania" in screens["raport: szukane frazy"]
    assert "Nazwa serwisu" in screens["ustawienia: serwisy"]
    assert "Strona główna serwisu" in screens["ustawienia: serwisy"]
    # The scheduling dialog's sentence sits in a <template> until the dialog opens.
    edit_html = client.get(f"/admin/pages/{admin_site.standard.pk}/edit/").content.decode()
    assert "Ten plan publikacji zacznie obowiązywać dopiero" in unescape(edit_html)
    assert "This publishing schedule" not in edit_html
    assert "Siatka" in screens["zdjęcia"] and "Lista" in screens["zdjęcia"]
    assert "Włącz skróty klawiszowe" in screens["konto"]
    assert "E-mail" in screens["konto"]
    assert "Ścieżka nawigacji" in screens["eksplorator"]
    assert "Wszystkie strony" in screens["eksplorator"]
    assert re.search(r"Strony: \d+", screens["eksplorator"])
    assert "1–2 z 2 (strony)" in screens["wyszukiwanie w panelu"]  # the article and the visit
    assert "system" in screens["raport: starzejące się strony"]


@pytest.mark.django_db
def test_login_heading_names_the_organisation(client, site_tree):
    text = visible_text(client.get("/admin/login/").content.decode())
    assert "Panel redakcji: Ośrodek Testowy" in text
    assert "Wagtaila" not in text and "Sign in" not in text


def untranslated_fragments(msgid):
    """English fragments of `msgid` that its Polish does not keep ("Status" stays "Status")."""
    with translation.override("pl"):
        polish = translation.gettext(msgid)
    return [fragment for fragment in english_fragments(msgid) if fragment not in polish]


TRANSLATED_FRAGMENTS = sorted(
    {
        fragment
        for msgid in [*WAGTAIL_STRINGS, *(s for pair in WAGTAIL_PLURAL_STRINGS for s in pair)]
        for fragment in untranslated_fragments(msgid)
    }
)


@pytest.mark.django_db
def test_editor_screens_show_no_string_we_translated_in_english(screens):
    leaks = [
        f"{screen}: {fragment!r}"
        for screen, text in screens.items()
        for fragment in TRANSLATED_FRAGMENTS
        if re.search(rf"(?<![\w]){re.escape(fragment)}(?![\w])", text)
    ]
    assert not leaks, "English on editor screens:\n" + "\n".join(leaks)


@pytest.mark.django_db
def test_editor_screens_show_our_polish_translations(screens):
    assert "1 zdjęcie" in screens["pulpit"] and "0 dokumentów" in screens["pulpit"]
    assert "Pokaż lub ukryj sprawdzanie" in screens["edycja: StandardPage"]
    assert "Co oznaczają te dane" in screens["edycja: StandardPage"]
    assert "Popraw błędy, aby wznowić podgląd" in screens["edycja: StandardPage"]
    assert "Akcje (stopka)" in screens["dodawanie strony"]
    assert "Liczba użyć (malejąco)" in screens["zdjęcia"]
    assert re.search(r"1–\d+ z \d+ \(strony\)", screens["eksplorator"])
    assert "Dotyczy komentarzy" in screens["historia strony"]
    assert "Tekst alternatywny — opisz, co widać na zdjęciu" in screens["dodawanie zdjęcia"]


@pytest.mark.django_db
def test_admin_javascript_catalogue_carries_our_polish(client):
    """Wagtail's scripts translate through /admin/jsi18n/, which merges LOCALE_PATHS over its
    own catalogue: the strings its Polish lacks come from our djangojs.po."""
    client.force_login(make_user("admin", superuser=True))
    catalogue = client.get("/admin/jsi18n/").content.decode()
    for msgid in WAGTAIL_JS_STRINGS:
        assert json.dumps(msgid) in catalogue, msgid
    untranslated = [
        m for m in WAGTAIL_JS_STRINGS if f"{json.dumps(m)}: {json.dumps(m)}" in catalogue
    ]
    assert not untranslated
    assert '"Complex": "Trudny"' in catalogue
