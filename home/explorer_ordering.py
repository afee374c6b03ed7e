"""How the page explorer orders the children of a section.

Wagtail asks the parent page (Page.get_admin_default_ordering); the explorer's queryset holds
base Page rows, so a child type's field is reached through the multi-table link: ListedPage's
row is `listedpage` from Page.
"""


class NewestPublishedFirstMixin:
    """Aktualności and the visit archive list their entries newest first by publication date."""

    admin_default_ordering = "-listedpage__publication_date"
