"""The last step of both parsers: lead, stop facts, visit dates, warnings and decisions."""

from __future__ import annotations

import re
from datetime import date

from legacy.dates import DateMention, duration_from_text, visit_date_mention
from legacy.document import (
    Block,
    Decision,
    LegacyArticle,
    Paragraph,
    PhotoCaption,
    Stop,
    fold,
)
from legacy.kinds import institutions_in_heading
from legacy.places import town_from_heading, voivodeship_for
from legacy.stops import is_stop_intro


def _looks_like_visit(title: str, lead: str, stops: list[Stop]) -> bool:
    if stops:
        return True
    return bool(re.search(r"wizyt|wyjazd|odwiedz", fold(f"{title} {lead}")))


def _stop_facts(stop: Stop, text: str, warnings: list[str], decisions: list[Decision]) -> None:
    stop.town = town_from_heading(stop.heading)
    institutions = institutions_in_heading(stop.heading)
    stop.kinds = list(dict.fromkeys(i.code for i in institutions))
    if stop.town is None:
        warnings.append(f"Nie rozpoznano miejscowości w nagłówku: „{stop.heading}”")
    voivodeship_warnings: list[str] = []
    stop.voivodeship = voivodeship_for(stop.town, text, voivodeship_warnings)
    warnings.extend(voivodeship_warnings)
    if stop.voivodeship is None:
        what = f"miejscowości „{stop.town}”" if stop.town else f"miejsca „{stop.heading}”"
        warnings.append(f"Nie ustalono województwa dla {what}")
    if not stop.kinds:
        warnings.append(f"Nie rozpoznano rodzaju instytucji w nagłówku: „{stop.heading}”")
    if stop.town:
        reason = "z wykazu miejscowości" if stop.voivodeship and not voivodeship_warnings else ""
        decisions.append(
            Decision(
                f"miejscowość i województwo („{stop.heading}”)",
                f"{stop.town}, {stop.voivodeship or '—'}",
                0.95 if reason else 0.6,
                reason or "województwo z treści artykułu albo nieustalone",
            )
        )
    if institutions:
        decisions.append(
            Decision(
                f"rodzaj instytucji („{stop.heading}”)",
                ", ".join(f"{i.label} → {i.code}" for i in institutions),
                0.9,
                "nazwa albo skrót w nagłówku",
            )
        )


def _dates_decision(mention: DateMention) -> Decision:
    reasons = [f"z tekstu „{mention.written}”"]
    confidence = 0.95
    if not mention.year_given:
        reasons.append("rok z daty publikacji")
        confidence -= 0.1
    if not mention.introduced:
        reasons.append("nic przed datą nie mówi, że to termin wizyty — sprawdź")
        confidence -= 0.25
    return Decision(
        "daty wizyty",
        f"{mention.start:%d.%m.%Y}–{mention.end:%d.%m.%Y}",
        confidence,
        "; ".join(reasons),
    )


def _take_lead(blocks: list[Block], warnings: list[str]) -> str:
    """Remove the first intro paragraph (unless it introduces the stops) and return its text."""
    for index, block in enumerate(blocks):
        if isinstance(block, Paragraph):
            if not is_stop_intro(block.plain):
                if block.rich and "<a " in block.text:
                    warnings.append("Wstęp zawierał odnośniki — w polu wstępu zachowano sam tekst")
                del blocks[index]
                return block.plain
            break
    return ""


def _missing_photo_warnings(article: LegacyArticle, warnings: list[str]) -> None:
    """Warn about each caption whose photo did not come along from the old article."""
    for block in article.iter_blocks():
        if isinstance(block, PhotoCaption):
            warnings.append(
                f"Brak zdjęcia: „{block.text}” — w starym artykule było tu zdjęcie; "
                "dodaj je albo usuń podpis"
            )


def _record_visit_dates(
    article: LegacyArticle, text: str, warnings: list[str], decisions: list[Decision]
) -> None:
    """Set the visit dates and duration; a decision if dates were found, else maybe a warning."""
    title, published = article.title, article.published
    mention = visit_date_mention(text, published)
    article.visit_dates = (mention.start, mention.end) if mention else None
    article.duration_days = duration_from_text(f"{title}\n{text}")
    if mention is not None:
        decisions.append(_dates_decision(mention))
    elif _looks_like_visit(title, article.lead, article.stops):
        when = f" ({published:%d.%m.%Y})" if published else ""
        message = f"Daty wizyty nieznane — przyjęto datę publikacji{when}"
        if article.duration_days and article.duration_days > 1:
            message += f"; według tekstu wizyta trwała {article.duration_days} dni — sprawdź daty"
        warnings.append(message)


def build_article(
    *,
    source: str,
    encoding: str,
    section: str | None,
    published: date | None,
    title: str,
    intro: list[Block],
    stops: list[Stop],
    warnings: list[str],
    old_url: str | None = None,
    lead: str | None = None,
    decisions: list[Decision] | None = None,
) -> LegacyArticle:
    """Take the lead out of the intro, derive stop facts, visit dates and warnings."""
    decisions = list(decisions or [])
    blocks = list(intro)
    if lead is None:
        lead = _take_lead(blocks, warnings)
    if not lead:
        warnings.append("Nie znaleziono wstępu (pierwszego akapitu po tytule) — uzupełnij go")

    article = LegacyArticle(
        source=source,
        encoding=encoding,
        section=section,
        published=published,
        title=title,
        lead=lead,
        blocks=blocks,
        stops=stops,
        old_url=old_url,
        warnings=warnings,
        decisions=decisions,
    )
    text = article.plain_text
    for stop in stops:
        _stop_facts(stop, text, warnings, decisions)
    _missing_photo_warnings(article, warnings)
    _record_visit_dates(article, text, warnings, decisions)
    return article
