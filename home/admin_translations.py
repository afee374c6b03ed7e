"""Wagtail admin strings whose Polish Kronika supplies in locale/pl (missing or wrong upstream).

Marked here so `makemessages` keeps them in our catalogue; tests/test_admin_polish.py checks
that each one is Polish now. Nothing imports these for behaviour.
"""

from django.utils.translation import gettext_noop

WAGTAIL_STRINGS = [
    gettext_noop("Please add some alt text for your image or mark it as decorative"),
    gettext_noop(
        "This file has too many pixels (%(num_pixels)s). Maximum pixels %(max_pixels_count)s."
    ),
    gettext_noop("unknown number"),
    gettext_noop("Maximum filesize: %(max_upload_size)s."),
    gettext_noop("Actions (footer)"),
    gettext_noop("Toggle checks"),
    gettext_noop("Autosave is paused"),
    gettext_noop("Submit to %(workflow_name)s"),
    gettext_noop("%(label)s and Publish"),
    gettext_noop("Enter your %(username_field_name)s"),
    gettext_noop("Correct the validation errors to resume preview (saving will highlight errors)"),
    gettext_noop("This data explained"),
    gettext_noop("To be created by %(user)s"),
    gettext_noop("Usage count: (low to high)"),
    gettext_noop("Usage count: (high to low)"),
    gettext_noop("Is commenting action"),
    gettext_noop("Live version"),
    gettext_noop("Locked by"),
    gettext_noop("%(start_index)s-%(end_index)s of %(items_count)s %(model_name)s"),
    gettext_noop(
        "%(start_index)s-%(end_index)s of %(items_count)s %(model_name)s across entire site."
    ),
    gettext_noop(
        "%(start_index)s-%(end_index)s of %(items_count)s %(model_name)s in '<span class=\"w-title-ellipsis\">%(title)s</span>'."
    ),
    gettext_noop("Preview in mobile size"),
    gettext_noop("Preview in tablet size"),
    gettext_noop("Preview in desktop size"),
    gettext_noop(
        "The slug '%(page_slug)s' is already in use at the selected parent page. Make sure the slug is unique and try again."
    ),
    gettext_noop("Saving will overwrite a newer version."),
    gettext_noop("The page could not be saved as it is locked."),
    gettext_noop("There are validation errors, click save to highlight them."),
    gettext_noop("The page could not be saved due to validation errors."),
    gettext_noop("The page could not be created due to validation errors."),
    gettext_noop("The filter options you have selected are not valid."),
    gettext_noop("Uploading…"),
    gettext_noop("Saving…"),
    gettext_noop("Creating…"),
    gettext_noop("The file could not be found. Please change the source or delete the document."),
    gettext_noop("%(model_name)s '%(title)s' is now unlocked."),
    gettext_noop("Preview for %(block_label)s (%(block_type)s)"),
    gettext_noop("No %(model_name)s match your query."),
    gettext_noop("There are no %(model_name)s to display."),
    gettext_noop("Compare"),
    gettext_noop("Checks"),
    gettext_noop("The slug '%(page_slug)s' is already in use within the parent page."),
    gettext_noop("- Select an option -"),
    gettext_noop("Sort item order"),
]

# (singular, plural) pairs, for ngettext.
WAGTAIL_PLURAL_STRINGS = [
    (
        gettext_noop('%(total)s Image <span class="w-sr-only">created in %(site_name)s</span>'),
        gettext_noop('%(total)s Images <span class="w-sr-only">created in %(site_name)s</span>'),
    ),
    (
        gettext_noop('%(total)s Document <span class="w-sr-only">created in %(site_name)s</span>'),
        gettext_noop('%(total)s Documents <span class="w-sr-only">created in %(site_name)s</span>'),
    ),
]
