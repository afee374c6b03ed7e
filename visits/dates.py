"""Polish date ranges of visits: "17–18 września 2021", "30 września – 2 października 2021"."""

import datetime

from django.utils.dateformat import format as date_format
from django.utils.translation import override


def _day_month(day: datetime.date) -> str:
    # "E" is the genitive month name in Polish ("września"), which a date after a day number needs.
    with override("pl"):
        return f"{day.day} {date_format(day, 'E')}"


def format_visit_dates(start: datetime.date, end: datetime.date | None = None) -> str:
    """The dates of a visit as Polish text, repeating month and year only where they change."""
    if end is None or end <= start:
        return f"{_day_month(start)} {start.year}"
    if start.year != end.year:
        return f"{_day_month(start)} {start.year} – {_day_month(end)} {end.year}"
    if start.month != end.month:
        return f"{_day_month(start)} – {_day_month(end)} {end.year}"
    return f"{start.day}–{_day_month(end)} {end.year}"
