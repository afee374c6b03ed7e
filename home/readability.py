"""How hard a Polish text is to read: a FOG-PL index, the school level it needs, long sentences
and officialese with a plainer word.

FOG-PL (Gunning's fog index as adapted for Polish by Walery Pisarek, the measure behind
Jasnopis) is 0.4 × (words per sentence + 100 × share of words of four or more syllables).
Polish syllables are counted on vowels (a ą e ę i o ó u y); "i" before another vowel only
softens the consonant ("nie", "się", "biały") and is not a syllable of its own. Plain functions,
no Django: content_checks.py feeds them the page's text.
"""

import re
from dataclasses import dataclass, field

LONG_SENTENCE_WORDS = 25
HARD_WORD_SYLLABLES = 4

VOWELS = "aąeęioóuy"
# "i" before a vowel marks softness, not a syllable; "au" and "eu" opening a word are one
# syllable ("auto", "Europa"), elsewhere two ("na-u-ka").
_SYLLABLE = re.compile(rf"^(?:au|eu)|i(?![{VOWELS}])|[aąeęoóuy]")
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
# Abbreviations after which a full stop does not end the sentence, whatever follows.
_ABBREVIATIONS = r"np|m\.in|tj|tzw|ul|al|pl|prof|dr|hab|inż|mgr|godz|ok|nr|św|ww|wg|zob|por|pkt"
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"”»)]*\s+(?=[\"„«(]?[A-ZĄĆĘŁŃÓŚŹŻ0-9])")
_ENDS_IN_ABBREVIATION = re.compile(rf"(?<!\w)(?:{_ABBREVIATIONS})\.$", re.IGNORECASE)

# (pattern, plainer wording). Matched case-insensitively on whole words.
OFFICIALESE = [
    (r"w związku z powyższym", "dlatego"),
    (r"uprzejmie (?:informujemy|informuję)", "informujemy (albo od razu napisz, o co chodzi)"),
    (r"uprzejmie (?:prosimy|proszę)", "prosimy"),
    (r"zwracamy się z prośbą", "prosimy"),
    (r"przedmiotow(?:y|a|e|ego|ej|ym|ą|ych|ymi)", "ten, ta, to — albo nazwij rzecz wprost"),
    (r"niniejsz(?:y|a|e|ego|ej|ym|ą|ych|ymi)", "ten, ta, to"),
    (r"wyżej wymienion(?:y|a|e|ego|ej|ym|ą|ych|ymi)|ww\.", "nazwij rzecz wprost"),
    (r"w przedmiocie", "w sprawie"),
    (r"w celu", "aby, żeby"),
    (r"w dniu(?= \d)", "samą datę: „7 maja”"),
    (r"w chwili obecnej|na chwilę obecną|na dzień dzisiejszy", "teraz, dziś"),
    (r"w oparciu o", "na podstawie, według"),
    (r"z uwagi na|ze względu na fakt,? iż|ze względu na fakt,? że", "bo, ponieważ"),
    (r"iż", "że"),
    (r"aczkolwiek", "ale, chociaż"),
    (r"tudzież", "oraz, lub"),
    (r"bądź", "lub, albo"),
    (r"posiada(?:ć|m|sz|my|cie|ją)?", "mieć: ma, mają"),
    (r"dokona(?:ć|ł|ła|li|no|ny|nia|nie)", "czasownik wprost: „zmienić” zamiast „dokonać zmiany”"),
    (r"winien|winna|winno|winni", "powinien, powinna"),
    (r"skutkować|skutkuje", "powodować, powoduje"),
    (r"nadmieni(?:ć|amy|ć należy)", "dodajmy"),
    (r"jednostk(?:a|i|ę|ą|om|ach) samorządu terytorialnego", "gmina, powiat, województwo"),
    (r"w zakresie", "w sprawie, o"),
]
_OFFICIALESE = [
    (re.compile(rf"(?<!\w)(?:{pattern})(?!\w)", re.IGNORECASE), plainer)
    for pattern, plainer in OFFICIALESE
]

# (highest FOG-PL of the level, grade, the schooling a reader needs): Pisarek's scale.
LEVELS = [
    (7, "łatwy", "szkoła podstawowa, klasy 4–6"),
    (10, "łatwy", "szkoła podstawowa, klasy 7–8"),
    (13, "średnio trudny", "szkoła średnia"),
    (16, "trudny", "studia licencjackie"),
    (18, "trudny", "studia magisterskie"),
    (float("inf"), "bardzo trudny", "wykształcenie specjalistyczne"),
]


@dataclass
class Finding:
    text: str
    advice: str


@dataclass
class Readability:
    words: int = 0
    sentences: int = 0
    hard_words: int = 0
    fog: float = 0.0
    grade: str = ""
    level: str = ""
    long_sentences: list[Finding] = field(default_factory=list)
    officialese: list[Finding] = field(default_factory=list)

    @property
    def is_plain(self):
        """Within the bar of plain Polish: readable after primary school."""
        return self.words > 0 and self.fog < 10


def syllables(word):
    """Syllables of a Polish word, at least one."""
    return max(1, len(_SYLLABLE.findall(word.lower())))


def words(text):
    return _WORD.findall(text)


def sentences(text):
    """Sentences of `text`; a line break (a paragraph or heading) always ends one."""
    found = []
    for paragraph in text.splitlines():
        sentence = ""
        for piece in _SENTENCE_END.split(paragraph.strip()):
            sentence = f"{sentence} {piece}".strip()
            if not _ENDS_IN_ABBREVIATION.search(sentence):
                found.append(sentence)
                sentence = ""
        found.append(sentence)
    return [sentence for sentence in found if words(sentence)]


def grade(fog):
    """(grade, school level) of a FOG-PL value."""
    for highest, name, level in LEVELS:
        if fog < highest:
            return name, level
    raise AssertionError("LEVELS ends with infinity")


def shorten(sentence, limit=90):
    return sentence if len(sentence) <= limit else sentence[: limit - 1].rstrip() + "…"


def measure(text):
    """Readability of Polish `text` (paragraphs separated by line breaks)."""
    found = sentences(text)
    counts = [words(sentence) for sentence in found]
    total = sum(len(sentence_words) for sentence_words in counts)
    if not total:
        return Readability()
    hard = sum(
        1
        for sentence_words in counts
        for word in sentence_words
        if syllables(word) >= HARD_WORD_SYLLABLES
    )
    fog = 0.4 * (total / len(found) + 100 * hard / total)
    name, level = grade(fog)
    long = [
        Finding(shorten(sentence), f"{len(sentence_words)} słów — podziel na krótsze zdania")
        for sentence, sentence_words in zip(found, counts, strict=True)
        if len(sentence_words) > LONG_SENTENCE_WORDS
    ]
    officialese = []
    seen = set()
    for pattern, plainer in _OFFICIALESE:
        for match in pattern.finditer(text):
            phrase = match.group(0).lower()
            if phrase not in seen:
                seen.add(phrase)
                officialese.append(Finding(match.group(0), f"prościej: {plainer}"))
    return Readability(
        words=total,
        sentences=len(found),
        hard_words=hard,
        fog=round(fog, 1),
        grade=name,
        level=level,
        long_sentences=long,
        officialese=officialese,
    )
