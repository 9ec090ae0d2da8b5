from django import forms
from django.utils.text import slugify

from saferplace.analysis.periods import EXAMPLES
from saferplace.partnership.models import Organisation

from .models import Measure
from .periods import parse_period

MAX_UPLOAD_BYTES = 2 * 1024 ** 3


class UploadForm(forms.Form):
    KIND_CHOICES = [("policeuk", "police.uk files (street, outcomes or stop-and-search CSV, archive ZIP, API JSON)"),
                    ("measures", "A partner measure template (CSV or XLSX)")]
    kind = forms.ChoiceField(label="What are you loading?", choices=KIND_CHOICES, widget=forms.RadioSelect,
                             initial="policeuk")
    file = forms.FileField(label="File", help_text="Up to 2 GB. Larger archives load faster from the command line: "
                                                   "saferplace import policeuk PATH")
    release = forms.RegexField(label="police.uk release (optional)", regex=r"^\d{4}-(0[1-9]|1[0-2])$", required=False,
                               help_text="YYYY-MM. Leave empty to use the month the file was written.",
                               error_messages={"invalid": "Enter the release as YYYY-MM, for example 2024-12"})

    def __init__(self, *args, kinds=None, **kwargs):
        super().__init__(*args, **kwargs)
        if kinds is not None:
            self.fields["kind"].choices = [c for c in self.KIND_CHOICES if c[0] in kinds]
            if len(kinds) == 1:
                self.fields["kind"].initial = kinds[0]

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError("The file is larger than 2 GB; load it from the command line instead")
        return upload


class MeasureForm(forms.ModelForm):
    class Meta:
        model = Measure
        fields = ["name", "unit", "organisation", "period", "description", "published", "source"]
        labels = {"organisation": "Organisation that counts it", "period": "Counted by"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.order_by("name")

    def clean_name(self):
        name = self.cleaned_data["name"]
        slug = slugify(name)[:80]
        if not slug or slug == "new":
            raise forms.ValidationError("Enter a name with letters or numbers")
        clash = Measure.objects.filter(slug=slug).exclude(pk=self.instance.pk)
        if clash.exists():
            raise forms.ValidationError("A measure with this name already exists")
        return name

    def save(self, commit=True):
        measure = super().save(commit=False)
        if not measure.slug:
            measure.slug = slugify(measure.name)[:80]
        if commit:
            measure.save()
        return measure


class MeasureValueForm(forms.Form):
    period = forms.CharField(label="Period", max_length=20)
    value = forms.DecimalField(label="Value", min_value=0, max_digits=14, decimal_places=2,
                               error_messages={"invalid": "Enter the value as a number, for example 121",
                                               "min_value": "Enter a value of 0 or more"})
    note = forms.CharField(label="Note (optional)", max_length=300, required=False)

    def __init__(self, *args, measure: Measure, **kwargs):
        super().__init__(*args, **kwargs)
        self.measure = measure
        self.fields["period"].help_text = f"For example {EXAMPLES[measure.period]}"

    def clean_period(self):
        start = parse_period(self.measure.period, self.cleaned_data["period"])
        if start is None:
            raise forms.ValidationError(
                f"Enter a {self.measure.get_period_display().lower()} written like {EXAMPLES[self.measure.period]}")
        return start
