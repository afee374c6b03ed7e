"""The gazetteer of Polish places: name → voivodeship, locative ("w Gostyninie"), coordinates.

The data is ``legacy/data/towns.csv``, built by ``legacy/data/build_towns.py`` from GeoNames
(see ``legacy/data/README.md`` for the source and licence). Names shared by several places
("Józefów", "Nowa Wieś") keep every place; :data:`TOWNS` holds the most populous one, and
:func:`places_named` all of them, so that the article's text can choose.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data" / "towns.csv"


@dataclass(frozen=True)
class Place:
    name: str
    voivodeship: str  # a code of visits.choices.VOIVODESHIPS
    locative: str  # "" when Morfeusz could not inflect the name
    latitude: float
    longitude: float
    population: int


@lru_cache(maxsize=1)
def _places() -> dict[str, list[Place]]:
    by_name: dict[str, list[Place]] = {}
    with open(DATA, encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            place = Place(
                row["name"],
                row["voivodeship"],
                row["locative"],
                float(row["latitude"]),
                float(row["longitude"]),
                int(row["population"]),
            )
            by_name.setdefault(place.name, []).append(place)
    for places in by_name.values():
        places.sort(key=lambda p: -p.population)
    return by_name


def places_named(name: str) -> list[Place]:
    """Every place of that official name, most populous first."""
    return _places().get(name, [])


def all_places() -> list[Place]:
    return [place for places in _places().values() for place in places]


# name → (voivodeship, locative) of the most populous place of each name (read once per process).
TOWNS: dict[str, tuple[str, str]] = {
    name: (places[0].voivodeship, places[0].locative) for name, places in _places().items()
}

# Abbreviated adjectives used on old pages ("w Ostrowie Wlkp.") → the stem of the full word
# (lowercase, without diacritics). ``legacy.places`` compares names through these, so that
# "Ostrowie Wlkp." finds "Ostrów Wielkopolski" whatever the case ending.
ABBREVIATIONS: dict[str, str] = {
    "wlkp.": "wielkopolsk",
    "maz.": "mazowieck",
    "sl.": "slask",
    "gd.": "gdansk",
    "lub.": "lubelsk",
    "podl.": "podlask",
    "swietokrz.": "swietokrzysk",
    "tryb.": "trybunalsk",
    "odrz.": "odrzansk",
}
