"""Polish everywhere an editor reads: our own labels and help texts, and the Wagtail strings we
translate in locale/pl because Wagtail's Polish catalogue lacks them or gets them wrong."""

import re
from html import unescape
from html.parser import HTMLParser

import pytest
from django.apps import apps
from django.utils import translation
from wagtail import blocks
from wagtail.fields import StreamField

from home.admin_translations import WAGTAIL_PLURAL_STRINGS, WAGTAIL_STRINGS
from tests.factories import make_image, make_user

OUR_APPS = ["home", "news", "visits", "search", "legacy"]
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
    """Text an editor reads or hears: text nodes plus title/aria-label/placeholder/alt."""

    SKIP = {"script", "style", "svg", "template"}

    def __init__(self):
        super().__init__()
        self.depth = 0
        self.texts = []

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIP:
            self.depth += 1
        for name, value in attrs:
            if name in ("title", "aria-label", "placeholder", "alt") and value:
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


@pytest.fixture
def screens(client, site_tree):
    make_image()
    client.force_login(make_user("admin", superuser=True))
    home, standard = site_tree.home, site_tree.standard
    urls = {
        "pulpit": "/admin/",
        "eksplorator": f"/admin/pages/{home.pk}/",
        "dodawanie strony": f"/admin/pages/add/home/standardpage/{home.pk}/",
        "edycja strony": f"/admin/pages/{standard.pk}/edit/",
        "historia strony": f"/admin/pages/{standard.pk}/history/",
        "zdjęcia": "/admin/images/",
        "dodawanie zdjęcia": "/admin/images/add/",
        "dokumenty": "/admin/documents/",
        "promowane wyniki": "/admin/searchpicks/",
        "przekierowania": "/admin/redirects/",
    }
    pages = {}
    for name, url in urls.items():
        response = client.get(url)
        assert response.status_code == 200, f"{name}: {url} → {response.status_code}"
        pages[name] = visible_text(response.content.decode())
    return pages


TRANSLATED_FRAGMENTS = sorted(
    {
        fragment
        for msgid in [*WAGTAIL_STRINGS, *(s for pair in WAGTAIL_PLURAL_STRINGS for s in pair)]
        for fragment in english_fragments(msgid)
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
    assert "Pokaż lub ukryj sprawdzanie" in screens["edycja strony"]
    assert "Co oznaczają te dane" in screens["edycja strony"]
    assert "Popraw błędy, aby wznowić podgląd" in screens["edycja strony"]
    assert "Akcje (stopka)" in screens["dodawanie strony"]
    assert "Liczba użyć (malejąco)" in screens["zdjęcia"]
    assert re.search(r"1–\d+ z \d+ \(strony\)", screens["eksplorator"])
    assert "Dotyczy komentarzy" in screens["historia strony"]
    assert "Tekst alternatywny — opisz, co widać na zdjęciu" in screens["dodawanie zdjęcia"]
