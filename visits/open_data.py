"""The archive as open data: one row per stop (CSV, JSON), its fields documented once, here,
for the files and the "Dane otwarte" page, and the DCAT-AP PL description dane.gov.pl harvests.
"""

import csv
import io
import json

from django.db.models import Max, Min, Prefetch
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from foundation.models import OrganisationSettings

from .archive import filtered_visits
from .choices import INSTITUTION_KIND_LABELS, VOIVODESHIP_LABELS, VOIVODESHIP_TERYT
from .models import VisitPage, VisitStop

DEFAULT_LICENCE = "https://creativecommons.org/licenses/by/4.0/"
LICENCE_NAMES = {DEFAULT_LICENCE: "Creative Commons Uznanie autorstwa 4.0 (CC BY 4.0)"}

# (name, type, description): the columns of dane.csv and the keys of dane.json, in order.
FIELDS = [
    ("wizyta_id", _("liczba"), _("Stały numer wizyty w serwisie.")),
    ("wizyta_tytul", _("tekst"), _("Tytuł relacji z wizyty.")),
    ("wizyta_url", _("adres URL"), _("Adres strony wizyty.")),
    ("data_od", _("data"), _("Pierwszy dzień wizyty, RRRR-MM-DD.")),
    ("data_do", _("data"), _("Ostatni dzień wizyty, RRRR-MM-DD.")),
    (
        "punkt_nr",
        _("liczba"),
        _(
            "Numer odwiedzonego miejsca w kolejności wizyty (1, 2, …); puste, gdy wizyta nie ma "
            "opisanych miejsc — wtedy wizyta ma jeden wiersz."
        ),
    ),
    ("instytucja", _("tekst"), _("Nazwa odwiedzonego miejsca lub instytucji.")),
    ("punkt_url", _("adres URL"), _("Adres opisu tego miejsca na stronie wizyty.")),
    ("miejscowosc", _("tekst"), _("Miejscowość, w mianowniku.")),
    ("wojewodztwo", _("tekst"), _("Nazwa województwa, np. „wielkopolskie”.")),
    (
        "wojewodztwo_teryt",
        _("tekst"),
        _("Dwucyfrowy kod województwa w rejestrze TERYT (TERC) GUS, np. „30” — wielkopolskie."),
    ),
    (
        "rodzaje_instytucji",
        _("tekst"),
        _("Rodzaje instytucji rozdzielone średnikiem, np. „CUS; spółdzielnia socjalna”."),
    ),
    ("strona_www", _("adres URL"), _("Strona internetowa instytucji, jeśli ją podano.")),
]
FIELD_NAMES = [name for name, _type, _description in FIELDS]


def data_visits(index, filters):
    """The visits of `filters`, in the archive's order, with their stops and kinds (3 queries)."""

    visits = (
        VisitPage.objects.live()
        .public()
        .descendant_of(index)
        .defer_streamfields()
        .prefetch_related(
            Prefetch(
                "indexed_stops",
                queryset=VisitStop.objects.order_by("position").prefetch_related("kinds"),
            )
        )
    )
    return filtered_visits(index, filters, visits=visits)


def data_rows(visits, request):
    """One dict per stop (FIELD_NAMES as keys); a visit without stops gives one row."""
    rows = []
    for visit in visits:
        url = visit.get_full_url(request)
        common = {
            "wizyta_id": visit.pk,
            "wizyta_tytul": visit.title,
            "wizyta_url": url,
            "data_od": visit.start_date.isoformat(),
            "data_do": (visit.end_date or visit.start_date).isoformat(),
        }
        stops = list(visit.indexed_stops.all())
        if not stops:
            rows.append({name: common.get(name, "") for name in FIELD_NAMES} | {"punkt_nr": None})
        for stop in stops:
            kinds = [str(INSTITUTION_KIND_LABELS.get(k.kind, k.kind)) for k in stop.kinds.all()]
            rows.append(
                common
                | {
                    "punkt_nr": stop.position + 1,
                    "instytucja": stop.heading,
                    "punkt_url": f"{url}#{stop.anchor}",
                    "miejscowosc": stop.town,
                    "wojewodztwo": str(VOIVODESHIP_LABELS.get(stop.voivodeship, "")),
                    "wojewodztwo_teryt": VOIVODESHIP_TERYT.get(stop.voivodeship, ""),
                    "rodzaje_instytucji": "; ".join(kinds),
                    "strona_www": stop.website,
                }
            )
    return rows


def csv_response(rows):
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=FIELD_NAMES, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="wizyty-studyjne.csv"'
    return response


def json_response(rows):
    body = json.dumps(rows, ensure_ascii=False, indent=1)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="wizyty-studyjne.json"'
    return response


def publish_dates(index):
    """(first, latest) publish of the archive's live, public visits (or of the archive)."""

    dates = (
        VisitPage.objects.live()
        .public()
        .descendant_of(index)
        .aggregate(first=Min("first_published_at"), latest=Max("last_published_at"))
    )
    fallback = index.last_published_at
    return dates["first"] or fallback, dates["latest"] or fallback


def licence_of(organisation):
    url = organisation.open_data_licence or DEFAULT_LICENCE
    return {"url": url, "name": LICENCE_NAMES.get(url, url)}


def dataset_links(index, request):
    """Absolute URLs of the dataset's page, distributions and description."""
    absolute = request.build_absolute_uri
    return {
        "page": index.get_full_url(request) + index.reverse_subpage("open_data"),
        "archive": index.get_full_url(request),
        "csv": absolute(reverse("visits:csv")),
        "json": absolute(reverse("visits:json")),
        "dcat": absolute(reverse("visits:dcat")),
    }


def dcat_response(index, request):
    """The DCAT-AP PL description (RDF/XML) of the dataset and its two distributions."""
    organisation = OrganisationSettings.for_request(request)
    first, latest = publish_dates(index)
    site = index.get_site()
    context_links = dataset_links(index, request)
    context = {
        "links": context_links,
        "organisation": organisation,
        "publisher_url": site.root_url + "/" if site else request.build_absolute_uri("/"),
        "licence": licence_of(organisation),
        "issued": first,
        "modified": latest,
        "title": index.title,
        "description": DATASET_DESCRIPTION,
        "keywords": DATASET_KEYWORDS,
        "distributions": [
            {"url": context_links["csv"], "format": "CSV", "media_type": "text/csv"},
            {"url": context_links["json"], "format": "JSON", "media_type": "application/json"},
        ],
    }
    body = render_to_string("visits/dcat.rdf", context, request=request)
    return HttpResponse(body, content_type="application/rdf+xml; charset=utf-8")


DATASET_DESCRIPTION = _(
    "Wizyty studyjne organizacji: odwiedzone miejsca (centra usług społecznych, ośrodki pomocy "
    "społecznej, spółdzielnie socjalne i inne podmioty ekonomii społecznej), ich miejscowości, "
    "województwa z kodami TERYT, rodzaje instytucji i daty wizyt. Jeden wiersz na odwiedzone "
    "miejsce."
)
DATASET_KEYWORDS = [
    _("wizyty studyjne"),
    _("ekonomia społeczna"),
    _("pomoc społeczna"),
    _("centra usług społecznych"),
]


def open_data_context(index, request):
    """The "Dane otwarte" page: files, fields, licence and the DCAT description's address."""
    organisation = OrganisationSettings.for_request(request)
    _first, latest = publish_dates(index)
    return {
        "canonical_url": index.get_full_url(request) + index.reverse_subpage("open_data"),
        "links": dataset_links(index, request),
        "fields": FIELDS,
        "licence": licence_of(organisation),
        "modified": latest,
        "organisation": organisation,
        "description": DATASET_DESCRIPTION,
    }
