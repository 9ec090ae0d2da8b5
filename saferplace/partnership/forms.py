"""Forms for the partnership register. Each is rendered with GOV.UK markup by the project's form renderer."""

from django import forms
from django.core.exceptions import ValidationError

from saferplace.core.dates import financial_year_label

from .models import Action, Group, Meeting, Organisation, Priority, StrategicAssessment, TermsOfReference, Topic
from .rules import check_reporting_lines_of

FINANCIAL_YEAR_HINT = "For example 2020-21 (1 April 2020 to 31 March 2021)"


class DateInput(forms.DateInput):
    input_type = "date"

    def format_value(self, value):
        return value.isoformat() if hasattr(value, "isoformat") else value


def clean_financial_year(value: str) -> str:
    """Accept '2020-21' or '2020/21'; refuse anything else, naming the expected form."""
    value = value.strip().replace("/", "-")
    parts = value.split("-")
    if len(parts) != 2 or not (parts[0].isdigit() and parts[1].isdigit()) or len(parts[0]) != 4:
        raise ValidationError("Enter the financial year like 2020-21")
    start = int(parts[0])
    if f"{(start + 1) % 100:02d}" != parts[1]:
        expected = f"{start}-{(start + 1) % 100:02d}"
        raise ValidationError(f"A financial year that starts in {start} ends in {start + 1}: enter {expected}")
    return value


class OrganisationForm(forms.ModelForm):
    website = forms.URLField(required=False, assume_scheme="https", help_text="For example https://www.worcester.gov.uk")

    class Meta:
        model = Organisation
        fields = ["name", "kind", "website"]
        labels = {"kind": "Type of organisation"}
        error_messages = {"name": {"required": "Enter the organisation's name",
                                   "unique": "An organisation with this name is already recorded"}}


class GroupForm(forms.ModelForm):
    """A group and the groups it reports to, refused if the reporting lines would make a cycle."""

    reports_to = forms.ModelMultipleChoiceField(
        queryset=Group.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Reports to",
        help_text="The boards or groups this group reports to",
    )

    class Meta:
        model = Group
        fields = ["name", "kind", "organisation", "description"]
        labels = {"kind": "Type of group", "organisation": "Host organisation"}
        error_messages = {"name": {"required": "Enter the group's name",
                                   "unique": "A group with this name is already recorded"}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        others = Group.objects.all()
        if self.instance.pk:
            others = others.exclude(pk=self.instance.pk)
            self.initial.setdefault("reports_to", list(self.instance.reports_to.values_list("pk", flat=True)))
        self.fields["reports_to"].queryset = others

    def clean(self):
        data = super().clean()
        if self.instance.pk and "reports_to" in data:
            try:
                check_reporting_lines_of(self.instance, list(data["reports_to"]))
            except ValidationError as error:
                self.add_error("reports_to", error)
        return data

    def save(self, commit=True):
        group = super().save(commit=commit)
        if commit:
            self.save_reporting_lines()
        return group

    def save_reporting_lines(self):
        from .models import ReportingLine

        wanted = {g.pk for g in self.cleaned_data.get("reports_to", [])}
        ReportingLine.objects.filter(group=self.instance).exclude(reports_to_id__in=wanted).delete()
        have = set(ReportingLine.objects.filter(group=self.instance).values_list("reports_to_id", flat=True))
        for pk in sorted(wanted - have):
            ReportingLine.objects.create(group=self.instance, reports_to_id=pk)


class TermsOfReferenceForm(forms.ModelForm):
    class Meta:
        model = TermsOfReference
        fields = [
            "adopted", "purpose", "accountability", "vision", "meeting_frequency", "chair_rule",
            "vice_chair_rule", "secretariat", "attendance", "aims",
        ]
        labels = {
            "adopted": "Date adopted",
            "chair_rule": "Chair",
            "vice_chair_rule": "Vice-chair",
            "secretariat": "Organisation providing the secretariat",
        }
        help_texts = {"vice_chair_rule": "Who stands in when the chair is absent, and how they are chosen"}
        widgets = {"adopted": DateInput, "meeting_frequency": forms.RadioSelect}
        error_messages = {
            "purpose": {"required": "Enter the group's purpose"},
            "meeting_frequency": {"required": "Select how often the group meets"},
            "chair_rule": {"required": "Enter who chairs the group and how they are chosen"},
            "aims": {"required": "Enter the group's aims, one per line"},
        }


class MeetingForm(forms.ModelForm):
    """A meeting. The date may be unknown (a report may say only how often a group met in a year)."""

    new_topics = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        label="Other topics",
        help_text="Topics not in the list above, one per line",
    )

    class Meta:
        model = Meeting
        fields = ["group", "date", "financial_year", "format", "attendees", "topics", "minutes"]
        labels = {"attendees": "Organisations that attended", "format": "How the meeting was held"}
        help_texts = {
            "date": "Leave empty when the date is not known",
            "financial_year": FINANCIAL_YEAR_HINT + ". Leave empty to work it out from the date",
        }
        widgets = {
            "date": DateInput,
            "format": forms.RadioSelect,
            "attendees": forms.CheckboxSelectMultiple,
            "topics": forms.CheckboxSelectMultiple,
        }
        error_messages = {"group": {"required": "Select the group that met"}}

    def __init__(self, *args, groups=None, **kwargs):
        super().__init__(*args, **kwargs)
        if groups is not None:
            self.fields["group"].queryset = groups
        self.fields["financial_year"].required = False

    def clean_financial_year(self):
        value = self.cleaned_data.get("financial_year", "")
        return clean_financial_year(value) if value.strip() else ""

    def clean(self):
        data = super().clean()
        day, year = data.get("date"), data.get("financial_year")
        if "financial_year" in self.errors:
            return data
        if day and year and financial_year_label(day) != year:
            label = financial_year_label(day)
            self.add_error("financial_year", f"{day.day} {day:%B %Y} falls in financial year {label}, not {year}")
        elif day and not year:
            data["financial_year"] = financial_year_label(day)
        elif not day and not year:
            self.add_error("financial_year", "Enter the financial year when the date is not known")
        return data

    def _save_m2m(self):
        super()._save_m2m()
        for name in self.cleaned_data.get("new_topics", "").splitlines():
            if name.strip():
                topic, _ = Topic.objects.get_or_create(name=" ".join(name.split()))
                self.instance.topics.add(topic)


class ActionForm(forms.ModelForm):
    class Meta:
        model = Action
        fields = ["title", "description", "owner", "due_date", "status", "meeting", "priority"]
        labels = {"owner": "Owner organisation", "meeting": "Agreed at meeting"}
        widgets = {"due_date": DateInput, "status": forms.RadioSelect}
        error_messages = {
            "title": {"required": "Enter what is to be done"},
            "owner": {"required": "Select the organisation that owns the action"},
            "due_date": {"required": "Enter the date the action is due", "invalid": "Enter a real date"},
        }

    def __init__(self, *args, partnership, owners=None, **kwargs):
        super().__init__(*args, **kwargs)
        if owners is not None:
            self.fields["owner"].queryset = owners
        self.fields["meeting"].queryset = Meeting.objects.select_related("group")
        self.fields["priority"].queryset = Priority.objects.filter(theme__in=partnership.themes_in_force())


class StrategicAssessmentForm(forms.ModelForm):
    class Meta:
        model = StrategicAssessment
        fields = ["title", "period_start", "period_end", "author", "approved_date", "exempt", "summary"]
        labels = {
            "period_start": "Period covered: first day",
            "period_end": "Period covered: last day",
            "approved_date": "Date approved",
            "exempt": "Exempt from publication",
        }
        widgets = {"period_start": DateInput, "period_end": DateInput, "approved_date": DateInput}
        error_messages = {
            "title": {"required": "Enter the assessment's title"},
            "period_start": {"required": "Enter the first day of the period it covers"},
            "period_end": {"required": "Enter the last day of the period it covers"},
            "author": {"required": "Enter who produced it"},
        }

    def clean(self):
        data = super().clean()
        start, end = data.get("period_start"), data.get("period_end")
        if start and end and end < start:
            self.add_error("period_end", "The last day of the period must be on or after its first day")
        approved = data.get("approved_date")
        if approved and start and approved < start:
            self.add_error("approved_date", "An assessment cannot be approved before the period it covers begins")
        return data


class PriorityForm(forms.ModelForm):
    class Meta:
        model = Priority
        fields = ["name", "description", "order"]
        labels = {"name": "Area of focus", "order": "Position in the theme's list"}
        help_texts = {"order": "1 for the first"}
        error_messages = {"name": {"required": "Enter the area of focus"}}

    def clean_name(self):
        name = " ".join(self.cleaned_data["name"].split())
        theme = self.instance.theme
        if theme.priorities.filter(name__iexact=name).exclude(pk=self.instance.pk).exists():
            raise ValidationError(f"{theme} already has the priority {name}")
        return name
