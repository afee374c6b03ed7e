"""Fixed vocabularies of the visit archive: voivodeships and kinds of institution.

Stored values are short ASCII codes (stable in URLs and the database); labels are what readers
and editors see.
"""

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
    ("other", _("inne")),
]

VOIVODESHIP_LABELS = dict(VOIVODESHIPS)
INSTITUTION_KIND_LABELS = dict(INSTITUTION_KINDS)
