"""`make bench`, images: bytes and SSIM of AVIF, WebP and JPEG at several qualities.

Encodes the demo photos (foundation/demo/images.py draws them) at 800 px wide — the most requested
width of includes/picture.html — and compares each with the unencoded resize. SSIM is the
mean of 8×8-window SSIM on luminance, computed with numpy. Picks, per format, the smallest
quality whose mean SSIM stays ≥ 0.95 (docs/performance.md explains the threshold).
"""

import io
import statistics
import sys
from pathlib import Path

import numpy as np
from PIL import Image

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from common import update_results

QUALITIES = {"AVIF": [40, 50, 60, 70], "WEBP": [60, 70, 80, 85], "JPEG": [70, 75, 80, 85]}
THRESHOLD = 0.95
WIDTH = 800


def photos(count=6):
    from foundation.demo.images import draw_photo

    for seed in range(200, 200 + count):
        yield Image.open(io.BytesIO(draw_photo(seed))).convert("RGB")


def luminance(image):
    return np.asarray(image.convert("L"), dtype=np.float64)


def ssim(a, b, window=8):
    c1, c2 = (0.01 * 255) ** 2, (0.03 * 255) ** 2
    h, w = (a.shape[0] // window) * window, (a.shape[1] // window) * window
    shape = (h // window, window, w // window, window)
    a = a[:h, :w].reshape(shape).swapaxes(1, 2)
    b = b[:h, :w].reshape(shape).swapaxes(1, 2)
    mu_a, mu_b = a.mean(axis=(2, 3)), b.mean(axis=(2, 3))
    var_a, var_b = a.var(axis=(2, 3)), b.var(axis=(2, 3))
    cov = ((a - mu_a[..., None, None]) * (b - mu_b[..., None, None])).mean(axis=(2, 3))
    value = ((2 * mu_a * mu_b + c1) * (2 * cov + c2)) / (
        (mu_a**2 + mu_b**2 + c1) * (var_a + var_b + c2)
    )
    return float(value.mean())


def main():
    import os

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kronika.settings.test")
    django.setup()
    sources = []
    for photo in photos():
        height = round(photo.height * WIDTH / photo.width)
        sources.append(photo.resize((WIDTH, height), Image.Resampling.LANCZOS))
    rows = []
    for fmt, qualities in QUALITIES.items():
        for quality in qualities:
            sizes, scores = [], []
            for source in sources:
                buffer = io.BytesIO()
                source.save(buffer, fmt, quality=quality)
                sizes.append(buffer.tell())
                decoded = Image.open(io.BytesIO(buffer.getvalue())).convert("RGB")
                scores.append(ssim(luminance(source), luminance(decoded)))
            rows.append(
                {
                    "format": fmt,
                    "quality": quality,
                    "mean_kb": round(statistics.mean(sizes) / 1024, 1),
                    "ssim": round(statistics.mean(scores), 4),
                }
            )
    chosen = {}
    for fmt in QUALITIES:
        good = [r for r in rows if r["format"] == fmt and r["ssim"] >= THRESHOLD]
        chosen[fmt] = min(good, key=lambda r: r["quality"])["quality"] if good else None
    print(f"\nObrazy {WIDTH} px: {'format':<6} {'jakość':>6} {'KB':>7} {'SSIM':>7}")
    for row in rows:
        print(f"{'':13}{row['format']:<6} {row['quality']:>6} {row['mean_kb']:>7} {row['ssim']:>7}")
    print(f"Najmniejsza jakość z SSIM ≥ {THRESHOLD}: {chosen}")
    update_results(
        "images", {"width": WIDTH, "threshold": THRESHOLD, "rows": rows, "chosen": chosen}
    )


if __name__ == "__main__":
    main()
