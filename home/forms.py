"""The page editor's form: slugs typed (or left empty) with Polish letters become ASCII."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm

from .slugs import ascii_slug


class KronikaPageForm(WagtailAdminPageForm):
    def __init__(self, data=None, *args, **kwargs):
        if data is not None and "slug" in data:
            data = data.copy()
            data["slug"] = ascii_slug(data.get("slug") or data.get("title", ""))
        super().__init__(data, *args, **kwargs)


class LoginForm(WagtailLoginForm):
    """Wagtail's login form gives the password field no label, so Django shows "Password"."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].label = _("Hasło")
