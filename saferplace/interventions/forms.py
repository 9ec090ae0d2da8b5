"""Project, output and no-action forms (GOV.UK markup comes from the project's form renderer)."""

from django import forms

from saferplace.funding.years import normalise_financial_year
from saferplace.partnership.models import Priority

from . import outputs
from .models import YEAR_HINT, PriorityNoAction, Project
from .outputs import Quarter


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


class OutputForm(FinancialYearMixin, forms.Form):
    """One figure of a project's output. An output the project already has is matched by name; a new name makes a
    new output with its own partner measure (saferplace.interventions.outputs)."""

    measure = forms.CharField(max_length=200, label="Measure",
                              help_text="What was counted, for example 'Referrals received'")
    unit = forms.CharField(max_length=60, required=False,
                           help_text="For a new measure: for example people, sessions, visits")
    financial_year = forms.CharField(max_length=7, help_text=YEAR_HINT)
    quarter = forms.TypedChoiceField(label="Period within the year", choices=Quarter.choices, coerce=int,
                                     initial=Quarter.YEAR, widget=forms.RadioSelect)
    value = forms.DecimalField(label="Value", max_digits=14, decimal_places=2)
    note = forms.CharField(required=False, max_length=300, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, project, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.project, self.user = project, user

    def clean(self):
        data = super().clean()
        name, year, quarter = data.get("measure"), data.get("financial_year"), data.get("quarter")
        output = outputs.output_named(self.project, name) if name else None
        try:
            if output is not None and quarter is not None:
                outputs.check_period(output, quarter)
            elif output is None and name:
                outputs.owner_for(self.project, self.user)
        except outputs.OutputRefused as refused:
            self.add_error("quarter" if refused.rule == "OUTPUT-PERIOD" else "measure", str(refused))
            return data
        if output is not None and year and quarter is not None and output.measure.values.filter(
                period_start=outputs.period_start(year, quarter)).exists():
            self.add_error("measure", f"'{name}' already has a value for that period: edit it instead.")
        if data.get("value") is not None and data["value"] < 0:
            self.add_error("value", "An output cannot be negative.")
        return data

    def save(self):
        data = self.cleaned_data
        outputs.record(self.project, data["measure"], data["unit"], data["financial_year"], data["quarter"],
                       data["value"], data["note"], user=self.user, source="Entered on the project's page")
        return self.project


class NoActionForm(FinancialYearMixin, forms.ModelForm):
    class Meta:
        model = PriorityNoAction
        fields = ["financial_year", "reason"]
        labels = {"reason": "Why the partnership runs no project for this priority this year"}
        widgets = {"reason": forms.Textarea(attrs={"rows": 3})}


class OutputsUploadForm(forms.Form):
    file = forms.FileField(label="Outputs workbook (.xlsx)", help_text="The outputs template, filled in")
