"""The synonyms list in the admin, among the snippets."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Synonym


class SynonymViewSet(SnippetViewSet):
    model = Synonym
    icon = "search"
    menu_label = _("Synonimy w wyszukiwarce")
    list_display = ["abbreviations", "full_name"]


register_snippet(SynonymViewSet)
