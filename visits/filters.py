"""The archive's filters as URLs spell them (`?rok=2021&wojewodztwo=…&miejscowosc=…&rodzaj=…`).

A value is accepted only when it is exactly one the archive can offer: years and towns present
among the visits, voivodeships and kinds of the fixed vocabularies. Nothing from the URL is
converted before it has matched (`int("²")` would raise; `"²".isdigit()` is True).
"""

import re
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.utils.translation import gettext as _

from .choices import KIND_SLUGS, KINDS_BY_SLUG, LEGACY_KIND_CODES, VOIVODESHIP_LABELS
from .stop_index import town_key

YEAR = re.compile(r"[0-9]{4}")
TOWN_KEY_LENGTH = 100


@dataclass(frozen=True)
class ArchiveFilters:
    year: int | None = None
    voivodeship: str = ""
    town: str = ""  # the folded key
    kind: str = ""  # the stored code
    ignored: tuple[str, ...] = field(default=(), compare=False)

    @property
    def active(self):
        return bool(self.year or self.voivodeship or self.town or self.kind)

    @property
    def indexable(self):
        """No filter, or a single voivodeship or a single year: pages worth a search engine."""
        chosen = [value for value in (self.year, self.voivodeship, self.town, self.kind) if value]
        return len(chosen) <= 1 and not (self.town or self.kind)

    def params(self):
        """The query parameters of these filters, in the form's order, kinds as Polish slugs."""
        pairs = [
            ("rok", str(self.year) if self.year else ""),
            ("wojewodztwo", self.voivodeship),
            ("miejscowosc", self.town),
            ("rodzaj", KIND_SLUGS.get(self.kind, "")),
        ]
        return [(name, value) for name, value in pairs if value]

    def query_string(self):
        """`?rok=2021&…`, or "" without filters."""
        params = self.params()
        return "?" + urlencode(params) if params else ""

    def cache_name(self):
        return urlencode(self.params()) or "-"


def parse_filters(params, present=None) -> ArchiveFilters:
    """The filters of a query string; an unknown value is dropped with a Polish message.

    `present` ({"years": {…}, "towns": {…}}) limits years and towns to those with visits;
    without it any four-digit year and any town are accepted (feeds of a selection still empty).
    """
    values, ignored = {}, []
    year = (params.get("rok") or "").strip()
    if year:
        known = YEAR.fullmatch(year) and (present is None or int(year) in present["years"])
        if known:
            values["year"] = int(year)
        else:
            ignored.append(_("Nie ma wizyt z roku „%(value)s”.") % {"value": year})
    voivodeship = (params.get("wojewodztwo") or "").strip()
    if voivodeship:
        if voivodeship in VOIVODESHIP_LABELS:
            values["voivodeship"] = voivodeship
        else:
            ignored.append(_("Nie znamy województwa „%(value)s”.") % {"value": voivodeship})
    town = (params.get("miejscowosc") or "").strip()
    if town:
        key = town_key(town)
        if key and len(key) <= TOWN_KEY_LENGTH and (present is None or key in present["towns"]):
            values["town"] = key
        else:
            ignored.append(_("Nie ma wizyt w miejscowości „%(value)s”.") % {"value": town})
    kind = (params.get("rodzaj") or "").strip()
    if kind:
        if kind in KINDS_BY_SLUG:
            values["kind"] = KINDS_BY_SLUG[kind]
        else:
            ignored.append(_("Nie znamy rodzaju instytucji „%(value)s”.") % {"value": kind})
    return ArchiveFilters(**values, ignored=tuple(ignored))


def legacy_kind_redirect(request):
    """The URL with `rodzaj=<old English code>` replaced by its Polish slug, or None."""
    kind = (request.GET.get("rodzaj") or "").strip()
    if kind not in LEGACY_KIND_CODES:
        return None
    params = request.GET.copy()
    params["rodzaj"] = LEGACY_KIND_CODES[kind]
    return f"{request.path}?{params.urlencode()}"
