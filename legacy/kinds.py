"""Kinds of institution named in a stop heading.

Names are matched inflected ("Środowiskowym Domu Samopomocy"), abbreviated ("ŚDS", "MOPR")
and with the quotes and "+" of programme names ("Dzienny Dom „Senior+”"), on lowercased text
without diacritics or quotes. Each institution maps to a code of
``visits.choices.INSTITUTION_KINDS``; those the archive has no code for (a "Klub Integracji"
of a town, say) map to "other", and the report still names them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from legacy.document import fold


@dataclass(frozen=True)
class Institution:
    label: str  # what the report shows: "Dzienny Dom Senior+", "ŚDS" …
    code: str  # a code of visits.choices.INSTITUTION_KINDS
    pattern: re.Pattern[str]


def _institution(label: str, code: str, pattern: str) -> Institution:
    return Institution(label, code, re.compile(pattern))


# Order matters only for overlapping names: the first that matches a span claims it.
INSTITUTIONS = [
    _institution("Dzienny Dom Senior+", "senior_plus", r"\bdzienn\w* dom\w* senior ?\+"),
    _institution("Klub Senior+", "senior_plus", r"\bklub\w* senior ?\+"),
    _institution("Senior+", "senior_plus", r"\bsenior ?\+"),
    _institution("CUS", "cus", r"\bcentr\w* uslug\w* spolecznych\b|\bcus\b"),
    _institution("PCPR", "pcpr", r"\bpowiatow\w* centr\w* pomocy rodzinie\b|\bpcpr\b"),
    _institution("MOPR", "ops", r"\bmiejsk\w* osrod\w* pomocy rodzinie\b|\bmopr\b"),
    _institution(
        "OPS",
        "ops",
        r"\bosrod\w* pomocy spolecznej\b|\bosrod\w* pomocy rodzinie\b|\b(?:mg|gm|m|g)?ops\b",
    ),
    _institution("ŚDS", "sds", r"\bsrodowiskow\w* dom\w* samopomocy\b|\bsds\b"),
    _institution("DPS", "dps", r"\b(?:dzienn\w* )?dom\w* pomocy spolecznej\b|\bdps\b"),
    _institution("spółdzielnia socjalna", "social_cooperative", r"\bspoldziel\w* socjaln\w*"),
    _institution("CIS", "cis", r"\bcentr\w* integracji spolecznej\b|\bcis\b"),
    _institution("KIS", "kis", r"\bklub\w* integracji spolecznej\b|\bkis\b"),
    _institution("ZAZ", "zaz", r"\bzaklad\w* aktywnosci zawodowej\b|\bzaz\b"),
    _institution("WTZ", "wtz", r"\bwarszta\w* terapii zajeciowej\b|\bwtz\b"),
    _institution("LGD", "association", r"\blokaln\w* grup\w* dzialania\b|\blgd\b"),
    _institution("fundacja", "foundation", r"\bfundacj\w*"),
    _institution("stowarzyszenie", "association", r"\bstowarzysz\w*"),
    _institution(
        "JST",
        "local_government",
        r"\burz[ae]d\w* (?:miasta|gminy|miejsk\w*|gminn\w*|marszalkowsk\w*)|\bstarostw\w*",
    ),
    _institution(
        "przedsiębiorstwo społeczne", "social_enterprise", r"\bprzedsiebiorstw\w* spoleczn\w*"
    ),
]

_QUOTES = re.compile(r"[„”“\"'«»‚‘’]")


def institutions_in_heading(heading: str) -> list[Institution]:
    """Institutions a heading names, in the order they appear, each span claimed once."""
    text = re.sub(r"\s+", " ", _QUOTES.sub("", fold(heading)))
    text = re.sub(r"\s*\+", "+", text).replace("+", " +")
    claimed: list[tuple[int, int]] = []
    found: list[tuple[int, Institution]] = []
    for institution in INSTITUTIONS:
        for match in institution.pattern.finditer(text):
            span = match.span()
            if any(span[0] < end and start < span[1] for start, end in claimed):
                continue
            claimed.append(span)
            if all(i is not institution for _pos, i in found):
                found.append((span[0], institution))
    found.sort(key=lambda item: item[0])
    return [institution for _pos, institution in found]


def kinds_from_heading(heading: str) -> list[str]:
    """Codes of the kinds of institution named in a heading, in order, no repeats."""
    return list(dict.fromkeys(i.code for i in institutions_in_heading(heading)))
