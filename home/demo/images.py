"""Demo photos drawn with Pillow: no binary files in the repository."""

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
    """A JPEG of a sky-and-buildings scene, different for every seed."""
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


def demo_image(title: str, description: str, seed: int):
    """The library image titled `title`, drawn and saved the first time it is asked for."""
    image_model = get_image_model()
    existing = image_model.objects.filter(title=title).first()
    if existing:
        return existing
    data = draw_photo(seed)
    image = image_model(title=title, description=description)
    image.file = ImageFile(io.BytesIO(data), name=f"demo-{seed}.jpg")
    image.save()
    return image
