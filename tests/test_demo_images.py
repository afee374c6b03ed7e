"""The demo's drawn pictures show what their captions say."""

import datetime
import io

import pytest
from PIL import Image
from wagtail.images import get_image_model

from foundation.demo.images import draw_scene, scene_of


@pytest.mark.parametrize(
    ("caption", "scene"),
    [
        ("Wspólny obiad w stołówce spółdzielni socjalnej", "meal"),
        ("Kawiarnia przedsiębiorstwa społecznego", "cafe"),
        ("Zakład prowadzi pralnię", "laundry"),
        ("Pracownia stolarska Centrum Integracji Społecznej", "workshop"),
        ("Uczestnicy wizyty w sali spotkań", "meeting"),
        ("Szklarnia i grządki spółdzielni socjalnej", "greenhouse"),
        ("Budynek Centrum Usług Społecznych", "building"),
    ],
)
def test_caption_picks_its_scene(caption, scene):
    assert scene_of(caption) == scene


def test_scenes_differ_from_each_other():
    pictures = {scene: draw_scene(scene, 3, size=(320, 213)) for scene in ("meeting", "laundry")}
    assert pictures["meeting"] != pictures["laundry"]
    assert Image.open(io.BytesIO(pictures["meeting"])).size == (320, 213)


def test_new_scenes_and_unknown_captions():
    assert scene_of("Wykres słupkowy na ekranie podczas prezentacji raportu") == "presentation"
    assert scene_of("Goście oglądają obrazy na wystawie prac uczestników") == "exhibition"
    assert scene_of("Pokój w mieszkaniu treningowym") == "room"
    assert scene_of("Dostawczy samochód z logo spółdzielni") == "van"
    # "pracownicy" are people, not a "pracownia" (workshop)
    assert scene_of("Pracownicy socjalni rozmawiają z gośćmi") == "meeting"
    assert scene_of("Lorem ipsum", default=None) is None


@pytest.fixture
def demo_photos(monkeypatch):
    """Every photo the demo visits and articles ask for: (title, alt text, scene text)."""
    import news.demo
    import visits.demo

    calls = []

    def record(title, description, seed, scene_text=""):
        calls.append((title, description, scene_text or f"{title} {description}"))
        return get_image_model()(pk=len(calls), title=title, description=description)

    monkeypatch.setattr(visits.demo, "demo_image", record)
    monkeypatch.setattr(news.demo, "demo_image", record)
    pages = visits.demo.visits()
    for _title, _date, _lead, _tags, parts in news.demo.ARTICLES:
        news.demo.body_of(parts)
    return pages, calls


@pytest.mark.django_db
def test_every_past_stop_has_a_gallery_of_three_to_six_described_photos(demo_photos):
    pages, _calls = demo_photos
    past = [page for page in pages if page.end_date < datetime.date(2026, 12, 1)]
    stops = [block for page in past for block in page.body.raw_data if block["type"] == "stop"]
    assert len(stops) >= 15
    for stop in stops:
        photos = stop["value"]["photos"]
        assert 3 <= len(photos) <= 6, stop["value"]["heading"]
        assert all(photo["caption"] and photo["image"]["alt_text"] for photo in photos)
    upcoming = [page for page in pages if page not in past]
    assert upcoming and all(page.listing_image for page in upcoming)  # no card without a picture


@pytest.mark.django_db
def test_every_demo_photo_shows_a_scene_its_caption_names(demo_photos):
    _pages, calls = demo_photos
    assert len(calls) >= 60
    assert len({title for title, _alt, _text in calls}) == len(calls)  # none reused by mistake
    unnamed = [text for _title, _alt, text in calls if scene_of(text, default=None) is None]
    assert unnamed == []
    scenes = {scene_of(text) for _title, _alt, text in calls}
    assert len(scenes) >= 10
