"""Editors' reports for the organisation's annual report: visits per voivodeship and year,
stops per kind of institution and year; tables in the admin, CSV/XLSX through Wagtail."""

from django.db.models import Case, CharField, Count, Value, When
from django.db.models.functions import ExtractYear
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.reports import ReportView

from .choices import INSTITUTION_KINDS, VOIVODESHIP_TERYT, VOIVODESHIPS
from .models import VisitPage, VisitStop, VisitStopKind


def label_of(field, choices):
    """The Polish label of a code column, computed in the query so tables and exports agree."""
    whens = [When(**{field: code}, then=Value(str(label))) for code, label in choices]
    return Case(*whens, default=Value(""), output_field=CharField())


def published_visits():

    return VisitPage.objects.live().public()


def visits_per_voivodeship_and_year():
    """Rows {year, voivodeship, teryt, visits}: a visit counts once in each voivodeship where
    it has a stop."""

    return (
        VisitStop.objects.filter(page__in=published_visits().values("pk"))
        .exclude(voivodeship="")
        .annotate(year=ExtractYear("page__start_date"))
        .values("year", "voivodeship")
        .annotate(
            voivodeship_label=label_of("voivodeship", VOIVODESHIPS),
            teryt=label_of("voivodeship", VOIVODESHIP_TERYT.items()),
            visits=Count("page", distinct=True),
        )
        .order_by("-year", "voivodeship")
    )


def stops_per_kind_and_year():
    """Rows {year, kind, stops, visits}: a stop of two kinds counts under each."""

    return (
        VisitStopKind.objects.filter(stop__page__in=published_visits().values("pk"))
        .annotate(year=ExtractYear("stop__page__start_date"))
        .values("year", "kind")
        .annotate(
            kind_label=label_of("kind", INSTITUTION_KINDS),
            stops=Count("stop", distinct=True),
            visits=Count("stop__page", distinct=True),
        )
        .order_by("-year", "kind_label")
    )


class VisitReportView(ReportView):
    """A report over aggregated rows (dicts); every column is also a spreadsheet column."""

    header_icon = "table"
    paginate_by = 100
    rows = None  # a function returning the rows' queryset

    def get_base_queryset(self):
        return type(self).rows()

    @property
    def list_export(self):
        return [column.accessor for column in self.columns]

    @property
    def export_headings(self):
        return {column.accessor: column.label for column in self.columns}


class VisitsPerVoivodeshipView(VisitReportView):
    page_title = _("Wizyty według województw i lat")
    index_url_name = "visit_reports:visits_per_voivodeship"
    index_results_url_name = "visit_reports:visits_per_voivodeship_results"
    export_filename = "wizyty-wedlug-wojewodztw"
    rows = staticmethod(visits_per_voivodeship_and_year)
    columns = [
        Column("year", label=_("Rok")),
        Column("voivodeship_label", label=_("Województwo")),
        Column("teryt", label=_("Kod TERYT")),
        Column("visits", label=_("Liczba wizyt")),
    ]
    no_results_message = _("Nie ma jeszcze opublikowanych wizyt z punktami.")


class StopsPerKindView(VisitReportView):
    page_title = _("Odwiedzone miejsca według rodzajów instytucji")
    index_url_name = "visit_reports:stops_per_kind"
    index_results_url_name = "visit_reports:stops_per_kind_results"
    export_filename = "miejsca-wedlug-rodzajow"
    rows = staticmethod(stops_per_kind_and_year)
    columns = [
        Column("year", label=_("Rok")),
        Column("kind_label", label=_("Rodzaj instytucji")),
        Column("stops", label=_("Liczba miejsc")),
        Column("visits", label=_("Liczba wizyt")),
    ]
    no_results_message = _("Nie ma jeszcze opublikowanych wizyt z rodzajami instytucji.")
