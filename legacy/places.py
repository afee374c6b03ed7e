"""Facts derived from a stop heading: town and voivodeship.

* :func:`town_from_heading` takes the last "w/we <Capitalised words>" phrase of a heading (or
  a name before a colon or after a dash) and finds its nominative: the gazetteer's locatives
  (:mod:`legacy.towns`) first, else Morfeusz 2 (:mod:`legacy.morfeusz`; "w Zielonej Górze" →
  "Zielona Góra"), preferring places of the gazetteer.
* :func:`voivodeship_for` uses the gazetteer (when a name is shared by places in several
  voivodeships, the one the article mentions), else what the article says ("woj.
  wielkopolskim", "w Wielkopolsce").

Kinds of institution are :mod:`legacy.kinds`.
"""

from __future__ import annotations

import re
from functools import lru_cache

from legacy.document import fold
from legacy.morfeusz import lemmatise_phrase, morfeusz_instance
from legacy.towns import ABBREVIATIONS, TOWNS, all_places, places_named
from visits.choices import INSTITUTION_KINDS, VOIVODESHIPS

# Tests switch this off to exercise the fallback.
USE_MORFEUSZ = True

VOIVODESHIP_CODES = tuple(code for code, _label in VOIVODESHIPS)
KIND_CODES = tuple(code for code, _label in INSTITUTION_KINDS)


# --- names and keys ------------------------------------------------------------------------


def _name_key(name: str) -> str:
    """A comparison key: folded, hyphens tight, known adjectives abbreviated ("wlkp.")."""
    key = fold(name)
    key = re.sub(r"\s*-\s*", "-", key)
    key = re.sub(r"\s+", " ", key).strip(" ,;:()\"'„”“«»")
    for abbreviation, stem in ABBREVIATIONS.items():
        key = re.sub(rf"\b{stem}\w*\.?", abbreviation, key)
    return key


@lru_cache(maxsize=1)
def _indexes() -> tuple[dict[str, str], dict[str, str]]:
    """Keys of nominatives and of checked locatives → official names, most populous first."""
    nominative: dict[str, str] = {}
    locative: dict[str, str] = {}
    for place in sorted(all_places(), key=lambda p: -p.population):
        nominative.setdefault(_name_key(place.name), place.name)
        if place.locative:
            locative.setdefault(_name_key(place.locative), place.name)
    return nominative, locative


def known_town(name: str) -> str | None:
    """The official name of a town of the table given in the nominative, any spelling."""
    return _indexes()[0].get(_name_key(name))


# --- finding the place phrase in a heading ------------------------------------------------

_UPPER_START = re.compile(r"^[^\W\d_]")
_TRAILING = ",;:)]}\"'”“»!?…"
_LEADING_STOP = "(\"'„“«[{"
_COMMON_NOUN_PLACES = {"gminie", "miescie", "miejscowosci", "wsi"}  # "w gminie Rawicz"
_TAIL_RE = re.compile(r"(?:\s[-–—]\s|,|\()\s*([^,()–—]+?)\)?\s*$")


def _phrases(heading: str) -> list[tuple[list[str], bool]]:
    """Candidate place phrases, last first: (tokens, already_nominative)."""
    tokens = heading.replace("\u00a0", " ").split()
    found: list[tuple[list[str], bool]] = []
    for i, token in enumerate(tokens):
        if fold(token) not in {"w", "we"}:
            continue
        j = i + 1
        nominative = False
        if j < len(tokens) and fold(tokens[j].rstrip(_TRAILING)) in _COMMON_NOUN_PLACES:
            nominative = True
            j += 1
        words: list[str] = []
        while j < len(tokens) and len(words) < 5:
            tok = tokens[j]
            if tok[0] in _LEADING_STOP:
                break
            bare = tok.rstrip(_TRAILING)
            if fold(bare) in {"nad", "n."} and words and j + 1 < len(tokens):
                words.append("nad")
                j += 1
                continue
            if not bare or not _UPPER_START.match(bare) or not bare[0].isupper():
                if words and words[-1] == "nad":
                    words.pop()
                break
            # "Wlkp." keeps its dot; any other final dot ends the sentence
            if bare.endswith(".") and fold(bare) not in ABBREVIATIONS:
                bare = bare[:-1]
                words.append(bare)
                break
            words.append(bare)
            if tok != bare:  # punctuation after the word ends the phrase
                break
            j += 1
        if words and words[-1] == "nad":
            words.pop()
        if words:
            found.append((words, nominative))
    found.reverse()
    # Then a name before a colon ("Koło: Centrum Usług Społecznych"), and last of all a name
    # after a dash, comma or in brackets: "CUS – Koło", "ZAZ (Nysa)".
    head = re.match(r"^\s*([^:,()„”\"]+?):\s", heading.replace("\u00a0", " "))
    if head:
        words = head.group(1).split()
        if len(words) <= 4 and all(w == "nad" or w[:1].isupper() for w in words):
            found.append((words, True))
    tail = _TAIL_RE.search(heading.replace("\u00a0", " "))
    if tail and not heading.rstrip().endswith(("”", '"', "»")):  # not inside a quoted name
        words = tail.group(1).split()
        if len(words) <= 4 and all(w == "nad" or w[:1].isupper() for w in words):
            found.append((words, True))
    return found


# --- readings -----------------------------------------------------------------------------

# Geographic names that are not towns ("jako pierwsi w Polsce").
_NOT_TOWNS = {
    "Polska",
    "Europa",
    "Wielkopolska",
    "Małopolska",
    "Śląsk",
    "Mazowsze",
    "Pomorze",
    "Podlasie",
    "Podkarpacie",
    "Kujawy",
    "Warmia",
    "Mazury",
    "Lubelszczyzna",
    "Opolszczyzna",
    "Niemcy",
    "Czechy",
    "Ukraina",
    "Litwa",
    "Słowacja",
}


# --- public --------------------------------------------------------------------------------


def town_from_heading(heading: str) -> str | None:
    """The town a stop heading names ("… w Kędzierzynie-Koźlu" → "Kędzierzyn-Koźle").

    Looks at the "w/we <Capitalised words>" phrases from the last one back: a locative of the
    gazetteer (:mod:`legacy.towns`) first; else Morfeusz 2's nominatives, a place of the
    gazetteer (the most populous) winning over other readings.
    """
    nominative_index, locative_index = _indexes()
    morf = morfeusz_instance() if USE_MORFEUSZ else None
    for words, is_nominative in _phrases(heading):
        for n in range(len(words), 0, -1):  # the longest prefix that names a place
            candidate = words[:n]
            if candidate[-1] == "nad":
                continue
            phrase = " ".join(candidate)
            # The gazetteer's own forms first: "Lubaniu" is Lubań, not the village Lubanie.
            table = nominative_index if is_nominative else locative_index
            known = table.get(_name_key(phrase))
            if known:
                return known
            if morf is None:
                continue
            readings = lemmatise_phrase(morf, candidate, "nom" if is_nominative else "loc")
            known_readings = [
                nominative_index[_name_key(r)] for r in readings if _name_key(r) in nominative_index
            ]
            if known_readings:
                return max(known_readings, key=_population)
            readings = [r for r in readings if r not in _NOT_TOWNS]
            if readings:
                return readings[0]
    return None


def _population(name: str) -> int:
    return max((place.population for place in places_named(name)), default=0)


_VOIVODESHIP_STEMS = sorted(
    [
        ("kujawsko-pomorsk", "kujawsko-pomorskie"),
        ("warminsko-mazursk", "warminsko-mazurskie"),
        ("zachodniopomorsk", "zachodniopomorskie"),
        ("dolnoslask", "dolnoslaskie"),
        ("dolnosl", "dolnoslaskie"),
        ("swietokrzysk", "swietokrzyskie"),
        ("wielkopolsk", "wielkopolskie"),
        ("wlkp", "wielkopolskie"),
        ("malopolsk", "malopolskie"),
        ("podkarpack", "podkarpackie"),
        ("mazowieck", "mazowieckie"),
        ("lubelsk", "lubelskie"),
        ("lubusk", "lubuskie"),
        ("lodzk", "lodzkie"),
        ("opolsk", "opolskie"),
        ("podlask", "podlaskie"),
        ("pomorsk", "pomorskie"),
        ("slask", "slaskie"),
    ],
    key=lambda s: -len(s[0]),
)
_ADJ = r"[a-z]+(?:-[a-z]+)?\.?"
_VOIVODESHIP_RE = re.compile(
    rf"\bwoj(?:\.|ewodztw\w*)\s*({_ADJ}(?:\s*(?:,|\bi\b|\boraz\b)\s*{_ADJ})*)"
)
_REGION_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(p), code)
    for p, code in [
        (r"\bw wielkopolsce\b", "wielkopolskie"),
        (r"\bw malopolsce\b", "malopolskie"),
        (r"\bna dolnym slasku\b", "dolnoslaskie"),
        (r"\bna (?:gornym )?slasku\b", "slaskie"),
        (r"\bna opolszczyznie\b", "opolskie"),
        (r"\bna mazowszu\b", "mazowieckie"),
        (r"\bna podkarpaciu\b", "podkarpackie"),
        (r"\bna podlasiu\b", "podlaskie"),
        (r"\bna pomorzu zachodnim\b", "zachodniopomorskie"),
        (r"\bna pomorzu\b(?! zachodnim)", "pomorskie"),
        (r"\bna lubelszczyznie\b", "lubelskie"),
        (r"\bna (?:warmii|mazurach)\b", "warminsko-mazurskie"),
        (r"\bna kujawach\b", "kujawsko-pomorskie"),
        (r"\bna ziemi lubuskiej\b", "lubuskie"),
        (r"\bna kielecczyznie\b", "swietokrzyskie"),
    ]
]


def voivodeships_in_text(text: str) -> list[str]:
    """Voivodeship codes mentioned in a text, in order of first mention."""
    folded = fold(text)
    folded = re.sub(r"\b(kujawsko|warminsko)\s*-\s*", r"\1-", folded)
    hits: list[tuple[int, str]] = []
    for match in _VOIVODESHIP_RE.finditer(folded):
        for word_match in re.finditer(_ADJ, match.group(1)):
            word = word_match.group(0)
            for stem, code in _VOIVODESHIP_STEMS:
                if word.startswith(stem):
                    hits.append((match.start(1) + word_match.start(), code))
                    break
    for pattern, code in _REGION_PATTERNS:
        for match in pattern.finditer(folded):
            hits.append((match.start(), code))
    hits.sort()
    ordered: list[str] = []
    for _pos, code in hits:
        if code not in ordered:
            ordered.append(code)
    return ordered


def voivodeship_for(
    town: str | None, article_text: str, warnings: list[str] | None = None
) -> str | None:
    """The voivodeship code of a town: from the town table, else from the article text.

    When the text names several voivodeships the first is used and, if ``warnings`` is
    given, a Polish warning is appended to it.
    """
    mentioned = voivodeships_in_text(article_text)
    if town:
        known = known_town(town)
        if known:
            # A name shared by places in several voivodeships: the one the article names.
            codes = [place.voivodeship for place in places_named(known)]
            return next((code for code in mentioned if code in codes), TOWNS[known][0])
    if not mentioned:
        return None
    if len(mentioned) > 1 and warnings is not None:
        place = f"„{town}”" if town else "miejsca bez rozpoznanej miejscowości"
        warnings.append(
            f"W tekście wymieniono kilka województw ({', '.join(mentioned)}) — dla {place} "
            f"przyjęto {mentioned[0]}; sprawdź."
        )
    return mentioned[0]
