"""The organisation's accent colour: parsed, checked against WCAG 2.1 AA, and darkened.

The accent colours links, buttons and the pressed switches on the page's white and light
grey backgrounds, so it must keep 4.5:1 against both (WCAG 2.1 AA, 1.4.3).
"""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

HEX_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
MINIMUM_CONTRAST = 4.5
# The lightest backgrounds the accent is shown on: the page and the header/footer surface.
BACKGROUNDS = ("#ffffff", "#f3f5f7")


def rgb(colour: str) -> tuple[int, int, int]:
    return tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))


def relative_luminance(colour: str) -> float:
    """WCAG 2.1's relative luminance of an sRGB `#rrggbb` colour."""

    def channel(value):
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in rgb(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(first: str, second: str) -> float:
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def darker(colour: str, factor: float = 0.7) -> str:
    """The accent's hover shade: each channel scaled down."""
    return "#" + "".join(f"{round(v * factor):02x}" for v in rgb(colour))


def validate_accent_colour(value: str) -> None:
    """Refuse what is not `#rrggbb` or reads below 4.5:1 on the page's light backgrounds."""
    if not HEX_COLOUR.match(value or ""):
        raise ValidationError(
            _("Podaj kolor w zapisie #RRGGBB, np. #0b4f8a."), code="invalid_colour"
        )
    ratio = min(contrast_ratio(value, background) for background in BACKGROUNDS)
    if ratio < MINIMUM_CONTRAST:
        raise ValidationError(
            _(
                "Kolor %(colour)s ma na jasnym tle strony kontrast tylko %(ratio)s:1, a potrzeba "
                "co najmniej 4,5:1 (WCAG 2.1 AA). Wybierz ciemniejszy odcień."
            ),
            code="low_contrast",
            params={"colour": value, "ratio": f"{ratio:.2f}".replace(".", ",")},
        )
