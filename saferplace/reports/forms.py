"""The form to build a report on the web."""

import re

from django import forms

from saferplace.partnership.models import Partnership

from .services import KINDS

_FY = re.compile(r"^\d{4}-\d{2}$")
_MONTH = re.compile(r"^\d{4}-\d{2}$")
_RANGE = re.compile(r"^\d{4}-\d{2}\.\.\d{4}-\d{2}$")


class BuildForm(forms.Form):
    kind = forms.ChoiceField(label="Report", choices=list(KINDS.items()), widget=forms.RadioSelect)
    partnership = forms.ChoiceField(label="Partnership")
    period = forms.CharField(
        label="Period", required=False, max_length=30,
        help_text="Annual report: a financial year, for example 2023-24. Strategic assessment: a range of months, for "
                  "example 2022-04..2024-03. Not used for the meeting pack.")
    month = forms.CharField(label="Month", required=False, max_length=7,
                            help_text="Meeting pack only: the month it reports on, for example 2024-03.")
    audience = forms.ChoiceField(
        label="Version", choices=[("public", "Public: no exempt items, no personal data, small counts suppressed"),
                                  ("restricted", "Restricted: everything, for partners entitled to see it")],
        widget=forms.RadioSelect)
    report_date = forms.DateField(label="Report date (optional)", required=False,
                                  help_text="For example 2024-05-20. Left empty, it comes from the records.")

    def __init__(self, *args, can_restrict: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["partnership"].choices = list(Partnership.objects.order_by("name").values_list("slug", "name"))
        if not can_restrict:
            self.fields["audience"].choices = self.fields["audience"].choices[:1]
        self.initial.setdefault("audience", "public")
        self.initial.setdefault("partnership", "safer-worcester")

    def clean(self):
        data = super().clean()
        kind, period, month = data.get("kind"), (data.get("period") or "").strip(), (data.get("month") or "").strip()
        if kind == "annual" and not _FY.match(period):
            self.add_error("period", "Enter the financial year, for example 2023-24.")
        if kind == "strategic" and not _RANGE.match(period):
            self.add_error("period", "Enter a range of months, for example 2022-04..2024-03.")
        if kind == "meeting" and not _MONTH.match(month):
            self.add_error("month", "Enter the month, for example 2024-03.")
        data["period"] = period if kind != "meeting" else ""
        data["month"] = month if kind == "meeting" else ""
        return data
