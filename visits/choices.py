"""Fixed vocabularies of the visit archive: voivodeships and kinds of institution.

Stored values are short ASCII codes (stable in the database); labels are what readers and
editors see; URLs carry Polish slugs (`KIND_SLUGS`), and TERYT codes name voivodeships in open data.
"""

import functools

from django.utils.translation import gettext_lazy as _

VOIVODESHIPS = [
    ("dolnoslaskie", _("dolnośląskie")),
    ("kujawsko-pomorskie", _("kujawsko-pomorskie")),
    ("lubelskie", _("lubelskie")),
    ("lubuskie", _("lubuskie")),
    ("lodzkie", _("łódzkie")),
    ("malopolskie", _("małopolskie")),
    ("mazowieckie", _("mazowieckie")),
    ("opolskie", _("opolskie")),
    ("podkarpackie", _("podkarpackie")),
    ("podlaskie", _("podlaskie")),
    ("pomorskie", _("pomorskie")),
    ("slaskie", _("śląskie")),
    ("swietokrzyskie", _("świętokrzyskie")),
    ("warminsko-mazurskie", _("warmińsko-mazurskie")),
    ("wielkopolskie", _("wielkopolskie")),
    ("zachodniopomorskie", _("zachodniopomorskie")),
]

INSTITUTION_KINDS = [
    ("cus", _("CUS")),
    ("ops", _("OPS/MGOPS/GOPS")),
    ("pcpr", _("PCPR")),
    ("social_cooperative", _("spółdzielnia socjalna")),
    ("cis", _("CIS")),
    ("kis", _("KIS")),
    ("zaz", _("ZAZ")),
    ("wtz", _("WTZ")),
    ("foundation", _("fundacja")),
    ("association", _("stowarzyszenie")),
    ("local_government", _("JST")),
    ("social_enterprise", _("przedsiębiorstwo społeczne")),
    ("sds", _("ŚDS")),
    ("dps", _("DPS")),
    ("senior_plus", _("Senior+")),
    ("other", _("inne")),
]

# What the acronyms among the kinds stand for: shown as <abbr title> wherever a kind is shown.
KIND_FULL_NAMES = {
    "cus": _("centrum usług społecznych"),
    "ops": _("ośrodek pomocy społecznej (miejski, miejsko-gminny lub gminny)"),
    "pcpr": _("powiatowe centrum pomocy rodzinie"),
    "cis": _("centrum integracji społecznej"),
    "kis": _("klub integracji społecznej"),
    "zaz": _("zakład aktywności zawodowej"),
    "wtz": _("warsztat terapii zajęciowej"),
    "local_government": _("jednostka samorządu terytorialnego"),
    "sds": _("środowiskowy dom samopomocy"),
    "dps": _("dom pomocy społecznej"),
}

VOIVODESHIP_LABELS = dict(VOIVODESHIPS)
INSTITUTION_KIND_LABELS = dict(INSTITUTION_KINDS)

# The two-digit TERYT codes of the voivodeships (GUS, TERC register).
VOIVODESHIP_TERYT = {
    "dolnoslaskie": "02",
    "kujawsko-pomorskie": "04",
    "lubelskie": "06",
    "lubuskie": "08",
    "lodzkie": "10",
    "malopolskie": "12",
    "mazowieckie": "14",
    "opolskie": "16",
    "podkarpackie": "18",
    "podlaskie": "20",
    "pomorskie": "22",
    "slaskie": "24",
    "swietokrzyskie": "26",
    "warminsko-mazurskie": "28",
    "wielkopolskie": "30",
    "zachodniopomorskie": "32",
}

# The kind of institution as the archive's URLs spell it (`?rodzaj=spoldzielnia-socjalna`).
KIND_SLUGS = {
    "cus": "cus",
    "ops": "ops",
    "pcpr": "pcpr",
    "social_cooperative": "spoldzielnia-socjalna",
    "cis": "cis",
    "kis": "kis",
    "zaz": "zaz",
    "wtz": "wtz",
    "foundation": "fundacja",
    "association": "stowarzyszenie",
    "local_government": "jst",
    "social_enterprise": "przedsiebiorstwo-spoleczne",
    "sds": "sds",
    "dps": "dps",
    "senior_plus": "senior-plus",
    "other": "inne",
}
KINDS_BY_SLUG = {slug: code for code, slug in KIND_SLUGS.items()}
# Codes the first URLs used where they differ from the slugs: redirected to the slugs.
LEGACY_KIND_CODES = {code: slug for code, slug in KIND_SLUGS.items() if code != slug}


@functools.lru_cache(maxsize=4)
def stop_label_texts(language):
    """The voivodeship and institution-kind labels as text, translated once per language."""
    return (
        {code: str(label) for code, label in VOIVODESHIP_LABELS.items()},
        {code: str(label) for code, label in INSTITUTION_KIND_LABELS.items()},
    )
