"""Demo photos drawn with Pillow: no binary files in the repository.

Each picture shows the scene its caption names (a meeting, a café, a laundry, a workshop, a
greenhouse, a group; a building otherwise), in one flat style.
"""

import io
import random

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.images import get_image_model

PALETTES = [
    ((31, 94, 140), (120, 180, 210), (240, 200, 90)),
    ((60, 120, 70), (170, 210, 150), (250, 240, 200)),
    ((140, 60, 50), (230, 160, 120), (250, 230, 190)),
    ((70, 60, 120), (170, 150, 220), (245, 220, 150)),
    ((40, 40, 40), (150, 150, 150), (230, 120, 60)),
]


def draw_photo(seed: int, size=(1600, 1066)) -> bytes:
    """A JPEG of a sky-and-buildings scene, different for every seed (a building's picture)."""
    rng = random.Random(seed)
    dark, light, sun = PALETTES[seed % len(PALETTES)]
    width, height = size
    image = PILImage.new("RGB", size, light)
    draw = ImageDraw.Draw(image)
    for y in range(height):
        t = y / height
        colour = tuple(int(light[i] * (1 - t) + dark[i] * t) for i in range(3))
        draw.line([(0, y), (width, y)], fill=colour)
    radius = rng.randint(height // 12, height // 7)
    cx, cy = rng.randint(radius, width - radius), rng.randint(radius, height // 3)
    draw.ellipse([cx - radius, cy - radius, cx + radius, cy + radius], fill=sun)
    x = 0
    while x < width:
        building_width = rng.randint(width // 14, width // 6)
        top = rng.randint(height // 3, height - height // 6)
        shade = tuple(max(0, c - rng.randint(10, 50)) for c in dark)
        draw.rectangle([x, top, x + building_width, height], fill=shade)
        for wy in range(top + 20, height - 30, 60):
            for wx in range(x + 15, x + building_width - 25, 45):
                if rng.random() > 0.4:
                    draw.rectangle([wx, wy, wx + 20, wy + 30], fill=sun)
        x += building_width + rng.randint(0, 20)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=82)
    return buffer.getvalue()


# Which scene a caption asks for: the first keyword found in the title and description.
SCENE_KEYWORDS = [
    ("cafe", ("kawiarni", "kawiarn", "kawa", "bistro")),
    ("laundry", ("pralni", "szwalni")),
    ("meal", ("obiad", "stołówk", "kuchni", "posił")),
    ("greenhouse", ("szklarni", "ogród", "grządk", "warzyw")),
    ("workshop", ("pracowni", "warsztat", "stolar", "prace", "pakow", "hala")),
    ("meeting", ("spotkan", "rozmow", "sal", "zespoł", "szkoleni", "konferencj", "doradc")),
    ("group", ("uczestnic", "grup", "goście", "osoby")),
]


def scene_of(text: str) -> str:
    text = text.lower()
    for scene, keywords in SCENE_KEYWORDS:
        if any(keyword in text for keyword in keywords):
            return scene
    return "building"


def draw_person(draw, x, floor, height, colour, skin=(236, 196, 160)):
    """A flat figure standing on `floor`: body, head."""
    head = height // 6
    draw.rounded_rectangle(
        [x - height // 7, floor - height + head, x + height // 7, floor],
        radius=height // 10,
        fill=colour,
    )
    draw.ellipse(
        [x - head // 2 - 4, floor - height, x + head // 2 + 4, floor - height + head + 8], fill=skin
    )


def draw_scene(scene: str, seed: int, size=(1600, 1066)) -> bytes:
    """A JPEG of a flat indoor scene (people, furniture, machines) the caption describes."""
    if scene == "building":
        return draw_photo(seed, size)
    rng = random.Random(seed)
    width, height = size
    dark, light, warm = PALETTES[seed % len(PALETTES)]
    image = PILImage.new("RGB", size, (238, 232, 220))
    draw = ImageDraw.Draw(image)
    floor = int(height * 0.78)
    draw.rectangle([0, floor, width, height], fill=(196, 170, 140))
    draw.rectangle([0, 0, width, height // 14], fill=light)
    shirts = [dark, warm, (90, 140, 110), (170, 80, 70), (80, 90, 150), (200, 150, 60)]
    if scene == "meeting":
        draw.rectangle(
            [width * 0.1, height * 0.12, width * 0.45, height * 0.42],
            fill=(250, 250, 250),
            outline=dark,
            width=8,
        )
        for i in range(5):
            draw_person(
                draw,
                int(width * (0.15 + 0.16 * i)),
                int(floor + height * 0.06),
                int(height * 0.42),
                rng.choice(shirts),
            )
        draw.rectangle(
            [width * 0.08, floor - height * 0.02, width * 0.92, floor + height * 0.05],
            fill=(120, 80, 50),
        )
    elif scene in ("cafe", "meal"):
        for i in range(3):
            x = width * (0.1 + 0.15 * i)
            draw.ellipse([x - 60, floor - 230, x + 60, floor - 200], fill=(120, 80, 50))
            draw.rectangle([x - 8, floor - 215, x + 8, floor], fill=(120, 80, 50))
            draw.ellipse([x - 20, floor - 260, x + 20, floor - 225], fill=(250, 250, 250))
        for i in range(2):  # behind the counter: drawn before it, up to the waist
            draw_person(
                draw,
                int(width * (0.65 + 0.17 * i)),
                int(height * 0.6),
                int(height * 0.4),
                rng.choice(shirts),
            )
        draw.rectangle([width * 0.55, height * 0.42, width * 0.95, floor], fill=dark)
    elif scene == "laundry":
        for i in range(4):
            x = width * (0.08 + 0.22 * i)
            draw.rectangle(
                [x, floor - 330, x + 260, floor],
                fill=(245, 245, 245),
                outline=(150, 150, 150),
                width=6,
            )
            draw.ellipse(
                [x + 45, floor - 260, x + 215, floor - 90],
                fill=light,
                outline=(120, 120, 120),
                width=10,
            )
        draw_person(draw, int(width * 0.9), floor, int(height * 0.5), rng.choice(shirts))
    elif scene == "greenhouse":
        draw.polygon(
            [
                (width * 0.05, floor),
                (width * 0.05, height * 0.3),
                (width * 0.5, height * 0.1),
                (width * 0.95, height * 0.3),
                (width * 0.95, floor),
            ],
            fill=(210, 235, 225),
            outline=(120, 150, 130),
            width=8,
        )
        for i in range(10):
            x = width * (0.1 + 0.085 * i)
            draw.ellipse([x - 40, floor - 120, x + 40, floor - 20], fill=(60, 140, 70))
            draw.ellipse([x - 12, floor - 90, x + 12, floor - 66], fill=(200, 60, 50))
    elif scene == "workshop":
        draw.rectangle([width * 0.1, floor - 200, width * 0.9, floor - 160], fill=(150, 100, 60))
        for x in (width * 0.15, width * 0.85):
            draw.rectangle([x - 10, floor - 160, x + 10, floor], fill=(110, 70, 40))
        for i in range(3):
            draw_person(
                draw,
                int(width * (0.3 + 0.2 * i)),
                int(floor - 20),
                int(height * 0.45),
                rng.choice(shirts),
            )
        for i in range(6):
            x = width * (0.12 + 0.13 * i)
            draw.rectangle(
                [x, height * 0.15, x + 30, height * 0.15 + rng.randint(80, 160)], fill=(90, 90, 90)
            )
    else:  # group
        for row, scale in ((0, 0.5), (1, 0.42)):
            for i in range(6 - row):
                x = int(width * (0.12 + 0.15 * i + 0.075 * row))
                draw_person(
                    draw,
                    x,
                    int(floor + height * 0.1 - row * height * 0.12),
                    int(height * scale),
                    rng.choice(shirts),
                )
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=82)
    return buffer.getvalue()


def demo_image(title: str, description: str, seed: int):
    """The library image titled `title`, drawn and saved the first time it is asked for."""
    image_model = get_image_model()
    existing = image_model.objects.filter(title=title).first()
    if existing:
        return existing
    data = draw_scene(scene_of(f"{title} {description}"), seed)
    image = image_model(title=title, description=description)
    image.file = ImageFile(io.BytesIO(data), name=f"demo-{seed}.jpg")
    image.save()
    return image
