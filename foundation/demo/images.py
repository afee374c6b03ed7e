"""Demo photos drawn with Pillow: no binary files in the repository.

Each picture shows the scene its caption names (a meeting, a presentation, a café, a meal, a
laundry, a workshop, an exhibition, a greenhouse, a room, a van, a group, a building), in one
flat style, drawn in a 1600 × 1066 canvas's coordinates and saved at most 1200 px wide
(renditions stay quick).
"""

import io
import random
import re

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


# The size of the demo's library images: small enough for quick renditions.
DEMO_SIZE = (1200, 800)
CANVAS = (1600, 1066)

# Which scene a caption asks for: the first scene one of whose word beginnings (regular
# expressions matched at the start of a word) is in the caption and alt text.
SCENE_KEYWORDS = [
    ("van", ("samoch", "dostawcz")),
    ("presentation", ("prezentacj", "wykres", "ekran", "panel", "map[aęy]")),
    ("exhibition", ("wystaw", "plastycz", "obraz")),
    ("cafe", ("kawiarni", "kawiarn", "kaw[aęy]", "bistro", "barist")),
    ("laundry", ("pralni", "pralek", "prani", "szwalni", "ręcznik")),
    ("meal", ("obiad", "stołówk", "kuchni", "posił", "gotuj")),
    ("greenhouse", ("szklarni", "ogród", "grządk", "warzyw", "sadzon", "rozsad")),
    ("room", ("pokój", "pokoj", "mieszkani")),
    (
        "workshop",
        (r"pracowni[aąę]?\b", "warsztat", "stolar", "prace", "pakow", "hala", "magazyn"),
    ),
    (
        "meeting",
        ("spotkan", "rozmow", "rozmaw", "sal[aiąę]", "zespoł", "szkoleni", "konferencj", "doradc"),
    ),
    ("group", ("uczestnic", "grup", "goście", "osoby", "zdjęci", "senior")),
    ("building", ("budyn", "siedzib", "dziedzi")),
]


def scene_of(text: str, default="building"):
    """The scene a caption asks for; `default` when none of its words names one."""
    text = text.lower()
    for scene, keywords in SCENE_KEYWORDS:
        if any(re.search(r"\b" + keyword, text) for keyword in keywords):
            return scene
    return default


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


def people(draw, rng, xs, floor, height, shirts):
    for x in xs:
        draw_person(draw, int(x), int(floor), int(height), rng.choice(shirts))


def table(draw, left, right, top, thickness=70, colour=(120, 80, 50)):
    draw.rectangle([left, top, right, top + thickness], fill=colour)


def meeting(draw, rng, w, h, floor, palette, shirts):
    dark = palette[0]
    draw.rectangle(
        [w * 0.1, h * 0.12, w * 0.45, h * 0.42], fill=(250, 250, 250), outline=dark, width=8
    )
    people(draw, rng, [w * (0.15 + 0.16 * i) for i in range(5)], floor + h * 0.06, h * 0.42, shirts)
    table(draw, w * 0.08, w * 0.92, floor - h * 0.02)


def presentation(draw, rng, w, h, floor, palette, shirts):
    """A screen with a bar chart, the audience seen from behind."""
    dark, _, warm = palette
    draw.rectangle(
        [w * 0.22, h * 0.1, w * 0.78, h * 0.5], fill=(250, 250, 250), outline=(60, 60, 60), width=10
    )
    for i, share in enumerate(rng.sample([0.3, 0.45, 0.6, 0.75, 0.9], 5)):
        x = w * (0.28 + 0.1 * i)
        draw.rectangle(
            [x, h * (0.46 - 0.32 * share), x + w * 0.06, h * 0.46], fill=(dark, warm)[i % 2]
        )
    draw_person(draw, int(w * 0.86), int(floor), int(h * 0.55), rng.choice(shirts))
    for i in range(7):  # heads and shoulders of the audience
        x = w * (0.06 + 0.13 * i)
        draw.ellipse([x, h * 0.78, x + w * 0.1, h * 1.05], fill=rng.choice(shirts))
        draw.ellipse([x + w * 0.02, h * 0.68, x + w * 0.08, h * 0.8], fill=(90, 60, 40))


def exhibition(draw, rng, w, h, floor, palette, shirts):
    """Framed pictures on the wall, visitors looking at them."""
    for i in range(4):
        x = w * (0.06 + 0.24 * i)
        draw.rectangle(
            [x, h * 0.14, x + w * 0.18, h * 0.46],
            fill=(250, 245, 235),
            outline=(90, 70, 50),
            width=12,
        )
        for _ in range(3):
            cx, cy = x + rng.uniform(0.04, 0.14) * w, h * rng.uniform(0.2, 0.4)
            r = rng.randint(25, 60)
            colour = rng.choice(shirts)
            if rng.random() > 0.5:
                draw.ellipse([cx - r, cy - r, cx + r, cy + r], fill=colour)
            else:
                draw.polygon([(cx - r, cy + r), (cx, cy - r), (cx + r, cy + r)], fill=colour)
    people(draw, rng, [w * 0.2, w * 0.5, w * 0.62, w * 0.85], floor + h * 0.1, h * 0.5, shirts)


def cafe(draw, rng, w, h, floor, palette, shirts):
    dark, _, _ = palette
    for i in range(3):
        x = w * (0.1 + 0.15 * i)
        draw.ellipse([x - 60, floor - 230, x + 60, floor - 200], fill=(120, 80, 50))
        draw.rectangle([x - 8, floor - 215, x + 8, floor], fill=(120, 80, 50))
        draw.ellipse([x - 20, floor - 260, x + 20, floor - 225], fill=(250, 250, 250))
    # Behind the counter: drawn before it, up to the waist.
    people(draw, rng, [w * 0.65, w * 0.82], h * 0.6, h * 0.4, shirts)
    draw.rectangle([w * 0.55, h * 0.42, w * 0.95, floor], fill=dark)


def meal(draw, rng, w, h, floor, palette, shirts):
    """A long table with plates, people sitting behind it."""
    people(
        draw, rng, [w * (0.14 + 0.145 * i) for i in range(6)], floor - h * 0.05, h * 0.42, shirts
    )
    table(draw, w * 0.06, w * 0.94, floor - h * 0.2, thickness=h * 0.06, colour=(250, 250, 250))
    draw.rectangle([w * 0.06, floor - h * 0.14, w * 0.94, floor], fill=(150, 110, 70))
    for i in range(6):
        x = w * (0.14 + 0.145 * i)
        draw.ellipse(
            [x - 50, floor - h * 0.23, x + 50, floor - h * 0.17],
            fill=(230, 230, 230),
            outline=(160, 160, 160),
            width=3,
        )
        draw.ellipse([x - 25, floor - h * 0.22, x + 25, floor - h * 0.18], fill=(210, 140, 60))


def laundry(draw, rng, w, h, floor, palette, shirts):
    _, light, _ = palette
    for i in range(4):
        x = w * (0.05 + 0.2 * i)
        draw.rectangle(
            [x, floor - 330, x + 260, floor], fill=(245, 245, 245), outline=(150, 150, 150), width=6
        )
        draw.ellipse(
            [x + 45, floor - 260, x + 215, floor - 90],
            fill=light,
            outline=(120, 120, 120),
            width=10,
        )
    draw_person(draw, int(w * 0.91), int(floor), int(h * 0.5), rng.choice(shirts))


def greenhouse(draw, rng, w, h, floor, palette, shirts):
    outline = [
        (w * 0.05, floor),
        (w * 0.05, h * 0.3),
        (w * 0.5, h * 0.1),
        (w * 0.95, h * 0.3),
        (w * 0.95, floor),
    ]
    draw.polygon(outline, fill=(210, 235, 225), outline=(120, 150, 130), width=8)
    for i in range(10):
        x = w * (0.1 + 0.085 * i)
        draw.ellipse([x - 40, floor - 120, x + 40, floor - 20], fill=(60, 140, 70))
        draw.ellipse([x - 12, floor - 90, x + 12, floor - 66], fill=(200, 60, 50))


def room(draw, rng, w, h, floor, palette, shirts):
    """A small flat: a window, a bed, a table and a bookshelf."""
    dark, light, _ = palette
    draw.rectangle(
        [w * 0.38, h * 0.14, w * 0.62, h * 0.5], fill=light, outline=(250, 250, 250), width=14
    )
    draw.line([(w * 0.5, h * 0.14), (w * 0.5, h * 0.5)], fill=(250, 250, 250), width=10)
    draw.rectangle([w * 0.04, floor - h * 0.16, w * 0.32, floor], fill=dark)
    draw.rectangle([w * 0.04, floor - h * 0.2, w * 0.32, floor - h * 0.14], fill=(250, 250, 250))
    draw.rectangle([w * 0.04, floor - h * 0.3, w * 0.07, floor], fill=(120, 80, 50))
    table(draw, w * 0.42, w * 0.66, floor - h * 0.18, thickness=20)
    for x in (w * 0.44, w * 0.63):
        draw.rectangle([x, floor - h * 0.18, x + 14, floor], fill=(120, 80, 50))
    draw.rectangle([w * 0.74, h * 0.2, w * 0.95, floor], fill=(150, 100, 60))
    for shelf in range(4):
        y = h * (0.22 + 0.13 * shelf)
        x = w * 0.76
        while x < w * 0.93:
            book = rng.randint(18, 34)
            draw.rectangle(
                [x, y + rng.randint(0, 30), x + book, y + h * 0.11], fill=rng.choice(shirts)
            )
            x += book + 4


def van(draw, rng, w, h, floor, palette, shirts):
    """A delivery van in front of a low building."""
    dark, light, warm = palette
    draw.rectangle([w * 0.05, h * 0.2, w * 0.95, floor], fill=(215, 200, 180))
    draw.rectangle([w * 0.7, h * 0.4, w * 0.85, floor], fill=dark)
    draw.rounded_rectangle(
        [w * 0.12, h * 0.42, w * 0.55, floor + h * 0.05],
        radius=30,
        fill=(250, 250, 250),
        outline=(120, 120, 120),
        width=6,
    )
    draw.rounded_rectangle(
        [w * 0.55, h * 0.52, w * 0.68, floor + h * 0.05],
        radius=30,
        fill=(250, 250, 250),
        outline=(120, 120, 120),
        width=6,
    )
    draw.rectangle([w * 0.57, h * 0.55, w * 0.66, h * 0.65], fill=light)
    draw.ellipse([w * 0.2, h * 0.6, w * 0.34, h * 0.74], fill=warm)
    for x in (w * 0.18, w * 0.52):
        draw.ellipse([x, floor - h * 0.02, x + w * 0.08, floor + h * 0.1], fill=(40, 40, 40))


def workshop(draw, rng, w, h, floor, palette, shirts):
    table(draw, w * 0.1, w * 0.9, floor - 200, thickness=40, colour=(150, 100, 60))
    for x in (w * 0.15, w * 0.85):
        draw.rectangle([x - 10, floor - 160, x + 10, floor], fill=(110, 70, 40))
    people(draw, rng, [w * (0.3 + 0.2 * i) for i in range(3)], floor - 20, h * 0.45, shirts)
    for i in range(6):
        x = w * (0.12 + 0.13 * i)
        draw.rectangle([x, h * 0.15, x + 30, h * 0.15 + rng.randint(80, 160)], fill=(90, 90, 90))


def group(draw, rng, w, h, floor, palette, shirts):
    for row, scale in ((0, 0.5), (1, 0.42)):
        for i in range(6 - row):
            x = w * (0.12 + 0.15 * i + 0.075 * row)
            draw_person(
                draw,
                int(x),
                int(floor + h * 0.1 - row * h * 0.12),
                int(h * scale),
                rng.choice(shirts),
            )


SCENES = {
    "meeting": meeting,
    "presentation": presentation,
    "exhibition": exhibition,
    "cafe": cafe,
    "meal": meal,
    "laundry": laundry,
    "greenhouse": greenhouse,
    "room": room,
    "van": van,
    "workshop": workshop,
    "group": group,
}


class ScaledDraw:
    """ImageDraw in the canvas's coordinates on a smaller image: cheaper than drawing large
    and resizing (which took half of load_demo's drawing time)."""

    def __init__(self, image, scale):
        self.draw = ImageDraw.Draw(image)
        self.scale = scale

    def scaled(self, xy):
        if isinstance(xy[0], tuple):
            return [(x * self.scale, y * self.scale) for x, y in xy]
        return [value * self.scale for value in xy]

    def __getattr__(self, name):
        method = getattr(self.draw, name)

        def draw_scaled(xy, **kwargs):
            for key in ("width", "radius"):
                if key in kwargs:
                    kwargs[key] = max(1, round(kwargs[key] * self.scale))
            return method(self.scaled(xy), **kwargs)

        return draw_scaled


def draw_scene(scene: str, seed: int, size=DEMO_SIZE) -> bytes:
    """A JPEG of the flat scene (people, furniture, machines, a building) a caption describes."""
    if scene == "building":
        return draw_photo(seed, size)
    rng = random.Random(seed)
    width, height = CANVAS
    palette = PALETTES[seed % len(PALETTES)]
    dark, light, warm = palette
    image = PILImage.new("RGB", size, (238, 232, 220))
    draw = ScaledDraw(image, size[0] / width)
    floor = int(height * 0.78)
    draw.rectangle([0, floor, width, height], fill=(196, 170, 140))
    draw.rectangle([0, 0, width, height // 14], fill=light)
    shirts = [dark, warm, (90, 140, 110), (170, 80, 70), (80, 90, 150), (200, 150, 60)]
    SCENES[scene](draw, rng, width, height, floor, palette, shirts)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=82)
    return buffer.getvalue()


def demo_image(title: str, description: str, seed: int, scene_text: str = ""):
    """The library image titled `title`, drawn and saved the first time it is asked for.

    The scene is read from `scene_text` (a caption and its alt text) or else the title and
    description.
    """
    image_model = get_image_model()
    existing = image_model.objects.filter(title=title).first()
    if existing:
        return existing
    data = draw_scene(scene_of(scene_text or f"{title} {description}"), seed)
    image = image_model(title=title, description=description)
    image.file = ImageFile(io.BytesIO(data), name=f"demo-{seed}.jpg")
    image.save()
    return image
