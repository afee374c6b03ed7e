"""Alt text cannot be forgotten: publishing refuses an image without it, drafts keep it."""

import json

import pytest
from django.urls import reverse

from home.models import StandardPage
from tests.factories import add_page, make_image, make_user
from tests.test_admin_workflow import edit_form_data

pytestmark = pytest.mark.django_db

MISSING_ALT = "Dodaj tekst alternatywny do zdjęcia albo zaznacz, że jest dekoracyjne."


def messages_of(error):
    """Every message of a (nested) StreamField validation error, in order."""
    found = []

    def walk(data):
        if isinstance(data, dict):
            found.extend(data.get("messages", []))
            for value in data.values():
                walk(value)

    walk(error.as_json_data())
    return found


def figure(image, alt_text="", decorative=False):
    value = {"image": {"image": str(image.pk), "alt_text": alt_text}, "caption": "", "credit": ""}
    if decorative:
        value["image"]["decorative"] = "on"
    return ("image", value)


def gallery(image, alt_text=""):
    item = {"image": {"image": str(image.pk), "alt_text": alt_text}, "caption": ""}
    return (
        "gallery",
        {"title": "", "images": {"count": "1", "0": {"value": item, "deleted": "", "order": "0"}}},
    )


@pytest.fixture
def draft(site_tree):
    return add_page(site_tree.home, StandardPage(title="Relacja", slug="relacja"), publish=False)


@pytest.fixture
def admin_client(client, site_tree):
    client.force_login(make_user("szefowa", groups=["Zatwierdzający"]))
    return client


def post_edit(client, page, body, action):
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    return client.post(url, edit_form_data(page, body, **{action: "1"}))


@pytest.mark.parametrize("block", [figure, gallery])
def test_publishing_without_alt_text_is_refused_in_polish(admin_client, draft, block):
    response = post_edit(admin_client, draft, [block(make_image(description=""))], "action-publish")
    assert response.status_code == 200
    assert messages_of(response.context["form"].errors.as_data()["body"][0]) == [MISSING_ALT]
    # The editor's block shows it: the stream widget's data carries the error, in Polish.
    html = response.content.decode()
    assert json.dumps(MISSING_ALT)[1:-1].replace('"', "&quot;") in html
    assert "Nie można zapisać strony, bo formularz zawiera błędy." in html
    draft.refresh_from_db()
    assert not draft.live


@pytest.mark.parametrize("block", [figure, gallery])
def test_draft_without_alt_text_is_saved(admin_client, draft, block):
    response = post_edit(admin_client, draft, [block(make_image(description=""))], "action-save")
    assert response.status_code == 302
    draft.refresh_from_db()
    assert not draft.live
    assert draft.get_latest_revision().as_object().body[0].block_type == block.__name__.replace(
        "figure", "image"
    )


def test_publishing_with_alt_text_or_decorative_goes_live(admin_client, draft):
    image = make_image()
    body = [
        figure(image, alt_text="Uczestnicy przed budynkiem CUS"),
        figure(image, decorative=True),
    ]
    response = post_edit(admin_client, draft, body, "action-publish")
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.live
    images = [block.value["image"] for block in draft.body]
    assert images[0].contextual_alt_text == "Uczestnicy przed budynkiem CUS"
    assert images[1].decorative


@pytest.mark.parametrize("block", [figure, gallery])
def test_submitting_a_kept_draft_without_alt_text_is_refused(client, draft, block):
    """As after Wagtail's autosave kept the draft: the edit view's submission is validated too."""
    from wagtail.models import WorkflowState

    client.force_login(make_user("redaktorka", groups=["Redaktorzy"]))
    response = post_edit(client, draft, [block(make_image(description=""))], "action-submit")
    assert response.status_code == 200
    assert messages_of(response.context["form"].errors.as_data()["body"][0]) == [MISSING_ALT]
    assert not WorkflowState.objects.exists()
    draft.refresh_from_db()
    assert not draft.live


def test_the_images_description_is_the_default_alt_text_kept_as_one_source(admin_client, draft):
    image = make_image(description="Uczestnicy przed budynkiem CUS")
    body = [figure(image), gallery(image, alt_text="Uczestnicy przed budynkiem CUS")]
    response = post_edit(admin_client, draft, body, "action-publish")
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.live
    # Stored empty: the library's description is the one source...
    assert draft.body.raw_data[0]["value"]["image"]["alt_text"] == ""
    assert draft.body.raw_data[1]["value"]["images"][0]["value"]["image"]["alt_text"] == ""
    image.description = "Uczestnicy wizyty przed budynkiem CUS w Rawiczu"
    image.save()
    draft = StandardPage.objects.get(pk=draft.pk)
    figure_image = draft.body[0].value["image"]
    gallery_image = draft.body[1].value["images"][0]["image"]
    # ... so a corrected description reaches every use that kept the default.
    assert figure_image.contextual_alt_text == image.description
    assert gallery_image.contextual_alt_text == image.description


def test_a_blocks_own_alt_text_overrides_the_description(admin_client, draft):
    image = make_image(description="Budynek CUS")
    response = post_edit(
        admin_client, draft, [figure(image, alt_text="Wejście dla wózków")], "action-publish"
    )
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.body[0].value["image"].contextual_alt_text == "Wejście dla wózków"
    assert draft.body.raw_data[0]["value"]["image"]["alt_text"] == "Wejście dla wózków"


def test_the_title_never_stands_in_for_alt_text(admin_client, draft):
    image = make_image(title="IMG_2041.jpg", description="")
    response = post_edit(admin_client, draft, [figure(image)], "action-publish")
    assert response.status_code == 200
    assert messages_of(response.context["form"].errors.as_data()["body"][0]) == [MISSING_ALT]
