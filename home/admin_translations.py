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
    # Issue 15: the rest of the admin an editor or the administrator meets.
    gettext_noop("any"),
    gettext_noop("%(range_start)s - %(range_end)s"),
    gettext_noop("You do not have permission to access the admin."),
    gettext_noop("Minimum"),
    gettext_noop("Maximum"),
    gettext_noop("Usage count"),
    gettext_noop("Use server language: %(language_name)s"),
    gettext_noop("Use server time zone"),
    gettext_noop("Email"),
    gettext_noop("Please select another parent."),
    gettext_noop("Expiry date/time must be in the future."),
    gettext_noop('You do not have permission to publish pages at "%(page_title)s"'),
    gettext_noop("Tag(s) %(value_too_long)s are over %(max_tag_length)d characters."),
    gettext_noop("item"),
    gettext_noop("items"),
    gettext_noop("Login"),
    gettext_noop("Go to the first error"),
    gettext_noop(
        'There are no %(model_name)s to display. Why not <a href="%(add_url)s">add one</a>?'
    ),
    gettext_noop(
        'The %(model_name)s "%(title)s" has been submitted for moderation to workflow "%(workflow)s" by %(requester)s.'
    ),
    gettext_noop(
        'The %(model_name)s "%(title)s" has been submitted for moderation to workflow "%(workflow)s".'
    ),
    gettext_noop("Scheduling…"),
    gettext_noop("Schedule to publish"),
    gettext_noop(
        "This page was marked as needing changes at <strong>%(task)s</strong> in <strong>%(workflow)s</strong>."
    ),
    gettext_noop(
        "This page is currently at <strong>%(task)s</strong> in <strong>%(workflow)s</strong>."
    ),
    gettext_noop(
        'This publishing schedule will only take effect after you select the "Schedule to publish" option'
    ),
    gettext_noop("Saved"),
    gettext_noop("Breadcrumb"),
    gettext_noop("View latest version"),
    gettext_noop("Currently idle"),
    gettext_noop("Proceeding will overwrite the changes you made in that window."),
    gettext_noop("Proceeding will overwrite the changes made by %(user_name)s."),
    gettext_noop("Alternatively, you can view the latest version in a new tab."),
    gettext_noop("A network error occurred"),
    gettext_noop(
        "Troubleshoot your connection to the site before proceeding. Open the editor in a separate tab to view the last saved version."
    ),
    gettext_noop("account"),
    gettext_noop(
        "Keyboard shortcuts are currently disabled; manage your %(account_link)s to enable them."
    ),
    gettext_noop(
        "Keyboard shortcuts are currently enabled; manage your %(account_link)s to disable them."
    ),
    gettext_noop("Readability"),
    gettext_noop("How we calculate our metrics"),
    gettext_noop(
        "We extract the main content from the page preview, remove all formatting, and calculate the number of words."
    ),
    gettext_noop(
        "We calculate reading time from word count, using different reading speeds for different languages."
    ),
    gettext_noop(
        "We use a readability formula based on length of words and sentences. Long sentences and words result in a worse readability score."
    ),
    gettext_noop(
        'See our <a href="%(guide_link)s" target="_blank">content checks guide</a> for more information on how content metrics are calculated.'
    ),
    gettext_noop("Once scheduled:"),
    gettext_noop("Autosave is <span>paused</span>"),
    gettext_noop("Status %(status)s"),
    gettext_noop("This %(model_name)s hasn't been submitted for moderation yet"),
    gettext_noop("Disable custom ordering"),
    gettext_noop("Enable custom ordering"),
    gettext_noop(
        'Why not <a class="create-one-now" href="#tab-new" data-action="w-tabs#select:prevent" data-w-tabs-target="trigger" data-w-tabs-focus-param="true">create one now</a>?'
    ),
    gettext_noop("Cancelled by %(cancelled_by)s"),
    gettext_noop("%(status_display)s %(task_name)s %(started_at)s"),
    gettext_noop("Application"),
    gettext_noop("Show keyboard shortcuts"),
    gettext_noop("Toggle minimap"),
    gettext_noop("Close modal dialogs (like this one)"),
    gettext_noop("Add or show comments"),
    gettext_noop("Text editing"),
    gettext_noop("Superscript"),
    gettext_noop("Subscript"),
    gettext_noop("(blank)"),
    gettext_noop("'%(page_title)s' has been moved successfully."),
    gettext_noop(
        "Focus on the drag button and press up or down arrows to move the item, then press enter to submit the change."
    ),
    gettext_noop("Empty frame title found"),
    gettext_noop("Input button text is empty"),
    gettext_noop("Meta description is empty"),
    gettext_noop("Add a concise description for search engines"),
    gettext_noop("%(classname)s object (%(id)s)"),
    gettext_noop("Profile"),
    gettext_noop("%(model_name)s '%(object)s' has been scheduled for publishing."),
    gettext_noop("%(model_name)s '%(object)s' created and scheduled for publishing."),
    gettext_noop(
        "%(model_name)s '%(object)s' is live and this version has been scheduled for publishing."
    ),
    gettext_noop("%(model_name)s '%(object)s' updated and published."),
    gettext_noop("%(model_name)s '%(object)s' created and published."),
    gettext_noop("%(model_name)s '%(object)s' has been submitted for moderation."),
    gettext_noop("%(model_name)s '%(object)s' created and submitted for moderation."),
    gettext_noop("Workflow on %(model_name)s '%(object)s' has been restarted."),
    gettext_noop("Workflow on %(model_name)s '%(object)s' has been cancelled."),
    gettext_noop("The %(model_name)s could not be saved as it is locked"),
    gettext_noop(
        "You are viewing a previous version of this %(model_name)s from <b>%(created_at)s</b> by %(user)s"
    ),
    gettext_noop("%(model_name)s '%(object)s' has been replaced with version from %(timestamp)s."),
    gettext_noop("Version from %(timestamp)s of %(model_name)s '%(object)s' has been published."),
    gettext_noop(
        "Version from %(timestamp)s of %(model_name)s '%(object)s' has been scheduled for publishing."
    ),
    gettext_noop("%(related_model_name)s %(field_label)s"),
    gettext_noop("The %(model_name)s '%(title)s' is not currently awaiting moderation."),
    gettext_noop(
        "The %(model_name)s '%(title)s' is not currently awaiting moderation in task '%(task_name)s'."
    ),
    gettext_noop("Privacy is inherited from the ancestor page - %(ancestor_page)s"),
    gettext_noop("%(parent_pages)s and %(child_pages)s have been deleted"),
    gettext_noop("%(parent_pages)s and %(child_pages)s have been published"),
    gettext_noop("%(parent_pages)s and %(child_pages)s have been unpublished"),
    gettext_noop("Request to create %(model_name)s was blocked by hook."),
    gettext_noop("Request to edit %(model_name)s was blocked by hook."),
    gettext_noop("Placeholder title"),
    gettext_noop("Anyone"),
    gettext_noop("Checkbox"),
    gettext_noop("Drop down"),
    gettext_noop("Landing page"),
    gettext_noop(
        "The name '%(duplicate_clean_name)s' is already assigned to this field and cannot be changed. Please enter a different label for the conflicting field."
    ),
    gettext_noop(
        "Field name '%(duplicate_clean_name)s' conflicts with another field. Please change the label."
    ),
    gettext_noop('File format of type "%(extension)s" is not supported.'),
    gettext_noop("Imported file has a wrong encoding: %(error_message)s."),
    gettext_noop("%(error)s encountered while trying to read file: %(filename)s."),
    gettext_noop("query"),
    gettext_noop("queries"),
    gettext_noop(
        '<p>Promoted search results are a means of recommending specific pages or external links that might not organically come high up in search results. E.g recommending your primary donation page to a user searching with the less common term "<em>giving</em>".</p>'
    ),
    gettext_noop(
        '<p>The "Search term(s)/phrase" field below must contain the full and exact search for which you wish to provide recommended results, <em>including</em> any misspellings/user error. To help, you can choose from search terms that have been popular with users of your site.</p>'
    ),
    gettext_noop("No promoted results have been created."),
    gettext_noop("Views"),
    gettext_noop("Search terms"),
    gettext_noop("Recommendations have not been created due to errors."),
    gettext_noop("Recommendations have not been saved due to errors."),
    gettext_noop("%(model)s permissions"),
    gettext_noop("Display the first row as a header"),
    gettext_noop("Display the first column as a header"),
    gettext_noop("Display the first row AND first column as headers"),
    gettext_noop("Which cells should be displayed as headers?"),
    gettext_noop(
        "A heading that identifies the overall topic of the table, and is useful for screen reader users."
    ),
    gettext_noop("Select a header option"),
    gettext_noop(
        'Why not <a class="upload-one-now" href="#tab-upload" data-action="w-tabs#select:prevent" data-w-tabs-target="trigger" data-w-tabs-focus-param="true">upload one now</a>?'
    ),
    gettext_noop("Layout"),
    gettext_noop("Grid layout"),
    gettext_noop("List layout"),
    gettext_noop("Date cannot be in the future."),
    gettext_noop(
        "Reviewers can edit this %(model_name)s – lock it to prevent other reviewers from editing"
    ),
    gettext_noop("Only reviewers can edit and approve the %(model_name)s"),
    gettext_noop("A human-readable label to identify this token."),
    gettext_noop("created"),
    gettext_noop("revoked at"),
    gettext_noop("last used at"),
    gettext_noop("API token"),
    gettext_noop("API tokens"),
    gettext_noop("timestamp (UTC)"),
    gettext_noop("slug"),
    gettext_noop(
        "The slug '%(page_slug)s' is already in use within the parent page at '%(parent_url_path)s'."
    ),
    gettext_noop("Cannot overwrite a revision that is not the latest for this %(model_name)s."),
    gettext_noop("Cannot overwrite a revision that was not created by the current user."),
    gettext_noop("workflow"),
    gettext_noop("will be set to the default %(model_name)s"),
    gettext_noop("will be set to a %(model_name)s specified by the system"),
    gettext_noop("will unset the reference"),
    gettext_noop("group site permission"),
    gettext_noop("group site permissions"),
    gettext_noop("Private, accessible with a shared password"),
    gettext_noop("Private, accessible to any logged-in users"),
    gettext_noop("shared password"),
    gettext_noop(
        "Shared passwords should not be used to protect sensitive content. Anyone who has this password will be able to view the content."
    ),
    gettext_noop("Create API token"),
    gettext_noop("API token created"),
    gettext_noop("Revoke API token"),
    gettext_noop("API token revoked"),
    gettext_noop("%(model_name)s scheduled for publishing at %(go_live_at)s"),
    gettext_noop("%(model_name)s scheduled for publishing"),
    gettext_noop("%(model_name)s unscheduled for publishing at %(go_live_at)s"),
    gettext_noop("%(model_name)s unscheduled from publishing"),
    gettext_noop("Removed the '%(restriction)s' view restriction. The page is public."),
    gettext_noop("Workflow: start"),
    gettext_noop("%(num_pages)d pages and %(num_others)d others"),
    gettext_noop("Enable custom keyboard shortcuts specific to Wagtail."),
    gettext_noop("Yes, revoke"),
    gettext_noop("No, don't revoke"),
    gettext_noop(
        'The token "%(name)s" has been created, copy it now, it will never be shown again.'
    ),
    gettext_noop("Copy token"),
    gettext_noop("Back to API tokens"),
    gettext_noop("Copying failed — please select and copy the token manually."),
    gettext_noop("Revoked"),
    gettext_noop("Toggle all add permissions"),
    gettext_noop("Toggle all change permissions"),
    gettext_noop("Toggle all delete permissions"),
    gettext_noop("Toggle all custom permissions"),
    gettext_noop("Last used"),
    gettext_noop("Revoke"),
    gettext_noop("Never"),
    gettext_noop("Are you sure you want to revoke this API token?"),
    gettext_noop("API token '%(name)s' revoked."),
    gettext_noop("Admin"),
    gettext_noop("Sign in to Wagtail"),
    gettext_noop("Site name"),
    gettext_noop("Root page"),
    gettext_noop("Hostname"),
    gettext_noop("workflows"),
    gettext_noop("workflow page"),
    gettext_noop("workflow pages"),
    gettext_noop("Workflow state"),
    gettext_noop("Workflow states"),
    gettext_noop("workflow state"),
    gettext_noop("workflow_tasks"),
    gettext_noop("workflow task order"),
    gettext_noop("workflow task orders"),
    gettext_noop("Workflow '%(workflow_name)s' on %(model_name)s '%(title)s': %(status)s"),
    gettext_noop("model log entries"),
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
    (
        gettext_noop(
            "Deleting this page will also delete %(translation_count)s translations and their combined %(translation_descendant_count)s translated child page."
        ),
        gettext_noop(
            "Deleting this page will also delete %(translation_count)s translations and their combined %(translation_descendant_count)s translated child pages."
        ),
    ),
    (
        gettext_noop("This action will delete <b>%(total_pages_formatted)s</b> page in total."),
        gettext_noop("This action will delete <b>%(total_pages_formatted)s</b> pages in total."),
    ),
    (
        gettext_noop("%(num_parent_objects)d page has been deleted"),
        gettext_noop("%(num_parent_objects)d pages have been deleted"),
    ),
    (gettext_noop("%(num_parent_objects)d page"), gettext_noop("%(num_parent_objects)d pages")),
    (
        gettext_noop("%(num_child_objects)d child page"),
        gettext_noop("%(num_child_objects)d child pages"),
    ),
    (
        gettext_noop("%(num_parent_objects)d page has been published"),
        gettext_noop("%(num_parent_objects)d pages have been published"),
    ),
    (
        gettext_noop("%(num_parent_objects)d page has been unpublished"),
        gettext_noop("%(num_parent_objects)d pages have been unpublished"),
    ),
    (gettext_noop("%(num_pages)d page"), gettext_noop("%(num_pages)d pages")),
]

# Wagtail's JavaScript strings we translate in locale/pl/LC_MESSAGES/djangojs.po (served by the
# admin's /jsi18n/ catalogue); `make messages` does not rebuild that file.
WAGTAIL_JS_STRINGS = [
    "A network error occurred.",
    "A server error occurred.",
    "Autosave in progress…",
    "Changes have been autosaved.",
    "Complex",
    "Fair",
    "Good",
]
