"""The page editor's form: slugs typed (or left empty) with Polish letters become ASCII, and
import-only blocks are not offered for new content."""

import copy

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm
from wagtail.blocks import BlockField, BlockWidget, StreamBlock

from .slugs import ascii_slug


def offer_only_blocks_in_use_of_import_only(stream_block, value):
    """The stream block of a body whose import-only blocks (Meta.import_only, e.g. the legacy
    photo placeholder) are offered only where the body already has one: imported pages keep
    theirs, new content never gets the choice. A copy: the field's own block stays whole."""
    used = {child.block_type for child in value or []}
    hidden = {
        name
        for name, block in stream_block.child_blocks.items()
        if getattr(block.meta, "import_only", False) and name not in used
    }
    if not hidden:
        return stream_block
    offered = copy.copy(stream_block)
    offered.child_blocks = {
        name: block for name, block in stream_block.child_blocks.items() if name not in hidden
    }
    return offered


class KronikaPageForm(WagtailAdminPageForm):
    def __init__(self, data=None, *args, **kwargs):
        if data is not None and "slug" in data:
            data = data.copy()
            data["slug"] = ascii_slug(data.get("slug") or data.get("title", ""))
        super().__init__(data, *args, **kwargs)
        for name, field in self.fields.items():
            if isinstance(field, BlockField) and isinstance(field.block, StreamBlock):
                block = offer_only_blocks_in_use_of_import_only(field.block, self.initial.get(name))
                if block is not field.block:
                    field.block, field.widget = block, BlockWidget(block)


class LoginForm(WagtailLoginForm):
    """Wagtail's login form gives the password field no label, so Django shows "Password"."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].label = _("Hasło")
