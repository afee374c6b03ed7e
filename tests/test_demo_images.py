"""The demo's drawn pictures show what their captions say."""

import io

import pytest
from PIL import Image

from home.demo.images import draw_scene, scene_of


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
