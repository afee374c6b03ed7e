"""The page editor's form: slugs typed (or left empty) with Polish letters become ASCII."""

from wagtail.admin.forms import WagtailAdminPageForm

from .slugs import ascii_slug


class KronikaPageForm(WagtailAdminPageForm):
    def __init__(self, data=None, *args, **kwargs):
        if data is not None and "slug" in data:
            data = data.copy()
            data["slug"] = ascii_slug(data.get("slug") or data.get("title", ""))
        super().__init__(data, *args, **kwargs)
