"""Polish endings: the stem of a word the lemmatiser does not know, and the stems of a name.

A stem is the word without its inflectional ending (the longest of ``ENDINGS`` that leaves at
least ``MIN_STEM`` letters): "jadłodzielnia", "jadłodzielni", "jadłodzielnią" and
"jadłodzielniach" all give "jadłodzieln". Only words the dictionary does not know get a stem key
(``normaliser``), so known words keep their exact lemmas and "kąt" never meets "kat".

``name_prefixes`` is looser, for names whose forms the dictionary does know: the part that
every form of each word of a name starts with, as folded ASCII ("ośrodek pomocy społecznej" ->
osrod, pomoc, spoleczn), which a phrase of prefixes finds in any case ("Ośrodka Pomocy
Społecznej", "ośrodkach pomocy społecznej"). Past the ending it drops a fleeting e ("ośrodek" ->
"ośrodk-") and a final consonant that alternates ("warsztat" -> "warsztacie", "usług" ->
"usłudze").
"""

from __future__ import annotations

from .text import fold

#: Inflectional endings of nouns and adjectives, longest tried first.
ENDINGS = tuple(
    sorted(
        {
            "a", "ą", "e", "ę", "i", "o", "u", "y", "ia", "ią", "ie", "ię", "ii", "io", "iu",
            "em", "om", "ów", "ach", "ami", "mi", "owi", "owie", "um", "iom", "iach",
            "iami", "iów", "ego", "emu", "ej", "ym", "im", "ych", "ich", "ymi", "imi", "iego",
            "iemu", "iej",
        },
        key=len,
        reverse=True,
    )
)  # fmt: skip
#: The fewest letters a stem keeps.
MIN_STEM = 3
_ALTERNATING = ("ch", "t", "k", "g")
_VOWELS = frozenset("aąeęioóuy")


def stem(word: str) -> str:
    """``word`` (lowercase) without its inflectional ending; the word itself when too short."""
    for ending in ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= MIN_STEM:
            return word[: -len(ending)]
    return word


def name_prefixes(name: str) -> list[str]:
    """The folded prefix every form of each word of ``name`` starts with."""
    prefixes = []
    for word in fold(name).split():
        word = "".join(ch for ch in word if ch.isalnum())
        if not word:
            continue
        base = stem(word)
        if len(base) > MIN_STEM + 1 and base[-2] == "e" and base[-1] not in _VOWELS:
            base = base[:-2]  # a fleeting e: ośrodek, ośrodka
        else:
            for consonant in _ALTERNATING:
                if base.endswith(consonant) and len(base) - len(consonant) > MIN_STEM:
                    base = base[: -len(consonant)]
                    break
        prefixes.append(base)
    return prefixes
