"""The accessibility checker of the userbar and the editor's "Checks" panel, set to the law's bar.

Polish law (ustawa z 4 kwietnia 2019 r.) requires WCAG 2.1 AA, so the checker runs the axe rules
tagged wcag2a/wcag2aa/wcag21a/wcag21aa, plus Wagtail's own alt-text-quality (file names and
"_" in alt text) and empty-meta-description checks, with Polish messages for what editors fix.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.userbar import ContentCheckerItem

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


class WcagContentCheckerItem(ContentCheckerItem):
    axe_run_only = WCAG_TAGS
    # Rules enabled here run on top of the tags in runOnly (axe's documented combination).
    axe_rules = {"alt-text-quality": {"enabled": True}, "empty-meta-description": {"enabled": True}}
    axe_messages = {
        **ContentCheckerItem.axe_messages,
        "image-alt": {
            "error_name": _("Zdjęcie bez tekstu alternatywnego"),
            "help_text": _("Opisz, co widać na zdjęciu, albo oznacz je jako dekoracyjne"),
        },
        "alt-text-quality": {
            "error_name": _("Tekst alternatywny wygląda jak nazwa pliku"),
            "help_text": _("Opisz słowami, co widać na zdjęciu"),
        },
        "color-contrast": {
            "error_name": _("Za mały kontrast tekstu"),
            "help_text": _("Tekst musi mieć kontrast co najmniej 4,5:1 z tłem"),
        },
        "link-name": {
            "error_name": _("Odnośnik bez tekstu"),
            "help_text": _("Odnośnik musi mówić, dokąd prowadzi"),
        },
        "heading-order": {
            "error_name": _("Pominięty poziom nagłówka"),
            "help_text": _("Nie pomijaj poziomów: po nagłówku 2 użyj 3, nie 4"),
        },
        "empty-heading": {
            "error_name": _("Pusty nagłówek"),
            "help_text": _("Wpisz tekst nagłówka albo usuń blok"),
        },
        "frame-title": {
            "error_name": _("Osadzony materiał bez tytułu"),
            "help_text": _("Wpisz tytuł materiału, czytniki ekranu go ogłaszają"),
        },
        "empty-meta-description": {
            "error_name": _("Brak opisu strony"),
            "help_text": _("Uzupełnij lead albo opis dla wyszukiwarek"),
        },
    }


def use_wcag_checker(request, items, page=None):
    """Swap Wagtail's default checker for ours, in the userbar and in the editor alike."""
    for index, item in enumerate(items):
        if isinstance(item, ContentCheckerItem) and not isinstance(item, WcagContentCheckerItem):
            items[index] = WcagContentCheckerItem(in_editor=item.in_editor)
