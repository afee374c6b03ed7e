"""The visit editor's form: regions edited as checkboxes, end date checked against the start."""

from django import forms
from django.utils.translation import gettext_lazy as _

from home.forms import KronikaPageForm

from .choices import VOIVODESHIPS


class VisitPageForm(KronikaPageForm):
    regions = forms.MultipleChoiceField(
        label=_("Województwa"),
        choices=VOIVODESHIPS,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Województwa, do których pojechali uczestnicy."),
    )
