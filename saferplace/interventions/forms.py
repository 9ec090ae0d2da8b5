"""Project, output and no-action forms (GOV.UK markup comes from the project's form renderer)."""

from django import forms

from saferplace.funding.years import normalise_financial_year
from saferplace.partnership.models import Priority

from .models import Output, PriorityNoAction, Project


class DateInput(forms.DateInput):
    input_type = "date"

    def format_value(self, value):
        return value.isoformat() if hasattr(value, "isoformat") else value


class FinancialYearMixin:
    def clean_financial_year(self):
        try:
            return normalise_financial_year(self.cleaned_data["financial_year"])
        except forms.ValidationError:
            raise


class ProjectForm(forms.ModelForm):
    class Meta:
        model = Project
        fields = ["partnership", "name", "purpose", "lead_organisation", "partners", "priorities",
                  "no_priority_reason", "start", "end"]
        widgets = {"partners": forms.CheckboxSelectMultiple, "priorities": forms.CheckboxSelectMultiple,
                   "purpose": forms.Textarea(attrs={"rows": 3}),
                   "no_priority_reason": forms.Textarea(attrs={"rows": 2}),
                   "start": DateInput, "end": DateInput}
        labels = {"no_priority_reason": "Reason if it serves no priority", "start": "Start date", "end": "End date"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["priorities"].queryset = Priority.objects.select_related("theme__partnership")
        self.fields["priorities"].label_from_instance = lambda p: f"{p.theme}: {p.name}"

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["end"] < data["start"]:
            self.add_error("end", "The end date must be on or after the start date.")
        if data.get("priorities") is not None and not data.get("priorities") and not data.get("no_priority_reason"):
            self.add_error("priorities", "Choose at least one priority the project serves, or state why it serves "
                                         "none, so its money can be traced.")
        return data


class OutputForm(FinancialYearMixin, forms.ModelForm):
    class Meta:
        model = Output
        fields = ["measure", "unit", "financial_year", "quarter", "value", "note"]
        labels = {"value": "Value", "quarter": "Period within the year"}
        widgets = {"quarter": forms.RadioSelect, "note": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, project, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.project = project

    def clean(self):
        data = super().clean()
        duplicate = Output.objects.filter(project=self.instance.project, measure=data.get("measure"),
                                          financial_year=data.get("financial_year"), quarter=data.get("quarter"))
        if data.get("measure") and duplicate.exclude(pk=self.instance.pk).exists():
            self.add_error("measure", f"'{data['measure']}' already has a value for that period: edit it instead.")
        if data.get("value") is not None and data["value"] < 0:
            self.add_error("value", "An output cannot be negative.")
        return data


class NoActionForm(FinancialYearMixin, forms.ModelForm):
    class Meta:
        model = PriorityNoAction
        fields = ["financial_year", "reason"]
        labels = {"reason": "Why the partnership runs no project for this priority this year"}
        widgets = {"reason": forms.Textarea(attrs={"rows": 3})}


class OutputsUploadForm(forms.Form):
    file = forms.FileField(label="Outputs workbook (.xlsx)", help_text="The outputs template, filled in")
