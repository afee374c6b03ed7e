"""Dates as Polish readers write them."""

from django.utils.dateformat import format as date_format
from django.utils.translation import override


def polish_date(day):
    """ "3 grudnia 2026": the day, the month's genitive and the year."""
    with override("pl"):
        return date_format(day, "j E Y")
