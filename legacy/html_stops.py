"""Which blocks of an HTML article are its stops.

After a sentence or heading that introduces the places ("W programie wizyty:"), the headings
that follow (of the first one's level or higher) are the stops, or the items of a list right
after it. Without such an introduction the shape decides (:mod:`legacy.stops`): a run of
headings or bold-only paragraphs, each followed by text.
"""

from __future__ import annotations

import re

from legacy.document import (
    Block,
    Decision,
    Heading,
    ListBlock,
    Paragraph,
    Stop,
    fold,
    html_to_plain,
)
from legacy.stops import Unit, choose_stops, is_stop_intro

_INTRO_HEADING_RE = re.compile(
    r"^(?:program(?: wizyty| wyjazdu)?|w programie(?: wizyty)?|odwiedzone "
    r"(?:miejsca|instytucje|podmioty)|miejsca wizyty|trasa wizyty|plan wizyty|agenda wizyty)$"
)


def _introduces_stops(block: Block) -> bool:
    if isinstance(block, Paragraph):
        return is_stop_intro(block.plain)
    if isinstance(block, Heading):
        return is_stop_intro(block.text) or bool(
            _INTRO_HEADING_RE.match(fold(block.text).rstrip(" :"))
        )
    return False


_BOLD_ONLY = re.compile(r"^\s*<b>(.*)</b>\s*$", re.S)


def _unit(block: Block) -> Unit:
    if isinstance(block, Heading):
        return Unit(block.text, "heading")
    if isinstance(block, Paragraph):
        bold = _BOLD_ONLY.match(block.text) if block.rich else None
        if bold and "<b>" not in bold.group(1):
            text = block.plain
            if len(text) <= 140 and not text.endswith((".", ":", ",", ";")):
                return Unit(text, "bold")
        return Unit(block.plain, None, True)
    if isinstance(block, ListBlock):
        return Unit("", None, True)
    return Unit("")


_BOLD_LEAD_IN = re.compile(r"^\s*(<b>(?:(?!</b>).)*</b>)\s*<br>\s*(.+)$", re.S)


def _split_bold_lead_in(block: Block) -> list[Block]:
    """ "<b>Place</b><br>Its description" as two paragraphs: a bold line, then the text."""
    if isinstance(block, Paragraph) and block.rich:
        match = _BOLD_LEAD_IN.match(block.text)
        if match:
            return [Paragraph(match.group(1), rich=True), Paragraph(match.group(2), rich=True)]
    return [block]


def _split_stops_by_shape(
    blocks: list[Block], title: str, lead: str | None
) -> tuple[list[Block], list[Stop], Decision]:
    """Stops as a run of headings or bold lines, each followed by paragraphs (legacy.stops)."""
    blocks = [part for block in blocks for part in _split_bold_lead_in(block)]
    units = [_unit(block) for block in blocks]
    first_text = lead or next((u.text for u in units if u.has_paragraph), "")
    indices, decision = choose_stops(units, f"{title}\n{first_text}")
    intro: list[Block] = []
    stops: list[Stop] = []
    for index, block in enumerate(blocks):
        if index in indices:
            stops.append(Stop(heading=units[index].text))
        else:
            (stops[-1].blocks if stops else intro).append(block)
    return intro, stops, decision


def _split_stops(blocks: list[Block]) -> tuple[list[Block], list[Stop]]:
    intro: list[Block] = []
    stops: list[Stop] = []
    introduced = False
    stop_level: int | None = None
    for index, block in enumerate(blocks):
        if not introduced:
            intro.append(block)
            introduced = _introduces_stops(block)
            if introduced:
                rest = blocks[index + 1 :]
                if (
                    not any(isinstance(b, Heading) for b in rest)
                    and rest
                    and isinstance(rest[0], ListBlock)
                ):
                    # "Odwiedzono: <ul><li>…</li></ul>" — the list items are the stops
                    listed = rest[0]
                    for item in listed.items:
                        stops.append(Stop(heading=html_to_plain(item)))
                    intro.extend(rest[1:])
                    return intro, stops
            continue
        if isinstance(block, Heading) and (stop_level is None or block.level <= stop_level):
            stop_level = block.level if stop_level is None else stop_level
            stops.append(Stop(heading=block.text))
            continue
        (stops[-1].blocks if stops else intro).append(block)
    return intro, stops


def split_stops(
    blocks: list[Block], title: str, lead: str | None
) -> tuple[list[Block], list[Stop], Decision]:
    """(intro blocks, stops, the decision): announced stops first, else the text's shape."""
    intro, stops = _split_stops(blocks)
    if stops:
        reason = "nagłówki po zdaniu zapowiadającym miejsca"
        return intro, stops, Decision("przystanki", str(len(stops)), 0.9, reason)
    return _split_stops_by_shape(blocks, title, lead)
