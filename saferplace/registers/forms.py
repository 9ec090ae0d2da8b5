"""Forms for the register pages; the project's renderer gives them GOV.UK markup. The models' clean()
methods carry the statutory rules, so a form refuses what the admin and the demo loader refuse."""

from django import forms

from .models import (
    CaseReview,
    CaseReviewRecommendation,
    Complaint,
    Consultation,
    Consultee,
    DHRActionItem,
    DHRRecommendation,
    DomesticHomicideReview,
    EnforcementMonth,
    LocalProcedure,
    Order,
    OrderChange,
)


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


def _dates(model, *names):
    return {name: DateInput() for name in names}


THRESHOLD_CHOICES = [("", "Not decided yet"), ("True", "Met"), ("False", "Not met")]


class CaseReviewForm(forms.ModelForm):
    threshold_met = forms.NullBooleanField(
        required=False, label="Threshold decision", widget=forms.RadioSelect(choices=THRESHOLD_CHOICES),
        help_text="Recording 'not met' is refused when the complaints recorded meet the threshold",
    )

    class Meta:
        model = CaseReview
        fields = ["partnership", "reference", "owning_organisations", "received", "route", "applicant_name",
                  "applicant_contact", "on_behalf_of_victim", "consent_to_share", "consent_recorded", "location",
                  "acknowledged", "threshold_decision_date", "threshold_met", "decision_letter_sent",
                  "review_meeting", "outcome", "outcome_letter_sent", "illustrative_note"]
        widgets = {"owning_organisations": forms.CheckboxSelectMultiple,
                   **_dates(CaseReview, "received", "consent_recorded", "acknowledged", "threshold_decision_date",
                            "decision_letter_sent", "review_meeting", "outcome_letter_sent")}


class ComplaintForm(forms.ModelForm):
    class Meta:
        model = Complaint
        fields = ["behaviour_date", "reported_date", "agency", "agency_reference", "incident_reference",
                  "hate_incident", "reporter", "location", "summary"]
        widgets = _dates(Complaint, "behaviour_date", "reported_date")


class CaseReviewRecommendationForm(forms.ModelForm):
    class Meta:
        model = CaseReviewRecommendation
        fields = ["text", "owner", "due_date", "status", "completed"]
        widgets = _dates(CaseReviewRecommendation, "due_date", "completed")


class OrderForm(forms.ModelForm):
    class Meta:
        model = Order
        fields = ["partnership", "council", "slug", "title", "area_description", "geometry", "prohibitions",
                  "requirements", "expedited", "made", "starts", "ends", "published_on_website", "notices_on_site",
                  "illustrative_note"]
        widgets = _dates(Order, "made", "starts", "ends", "published_on_website", "notices_on_site")


class ConsultationForm(forms.ModelForm):
    class Meta:
        model = Consultation
        fields = ["purpose", "opens", "closes", "method", "responses", "results", "reported_to", "reported_on",
                  "illustrative_note"]
        widgets = _dates(Consultation, "opens", "closes", "reported_on")


class ConsulteeForm(forms.ModelForm):
    class Meta:
        model = Consultee
        fields = ["category", "organisation", "description", "contacted", "not_applicable_reason", "consent_given",
                  "response", "responded"]
        widgets = _dates(Consultee, "contacted", "responded")


class OrderChangeForm(forms.ModelForm):
    class Meta:
        model = OrderChange
        fields = ["kind", "decided", "decided_by", "effective", "new_end", "description", "consultation",
                  "published_on_website", "notices_on_site"]
        widgets = _dates(OrderChange, "decided", "effective", "new_end", "published_on_website", "notices_on_site")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["consultation"].queryset = Consultation.objects.filter(order=self.instance.order)


class EnforcementMonthForm(forms.ModelForm):
    class Meta:
        model = EnforcementMonth
        fields = ["month", "fixed_penalty_notices", "warnings", "notes"]
        widgets = _dates(EnforcementMonth, "month")

    def clean_month(self):
        month = self.cleaned_data["month"].replace(day=1)
        taken = EnforcementMonth.objects.filter(order=self.instance.order, month=month).exclude(pk=self.instance.pk)
        if taken.exists():
            raise forms.ValidationError(f"{month:%B %Y} is already recorded for this order: change that month instead.")
        return month


class DHRForm(forms.ModelForm):
    class Meta:
        model = DomesticHomicideReview
        fields = ["partnership", "reference", "owning_organisations", "victim_name", "pseudonym", "date_of_death",
                  "notified", "notified_by", "decision", "decision_date", "decision_reason", "home_office_notified",
                  "chair", "panel_agencies", "terms_of_reference_agreed", "report_to_partnership",
                  "submitted_to_home_office", "qa_outcome", "qa_outcome_date", "published", "illustrative_note"]
        widgets = {"owning_organisations": forms.CheckboxSelectMultiple,
                   "panel_agencies": forms.CheckboxSelectMultiple,
                   **_dates(DomesticHomicideReview, "date_of_death", "notified", "decision_date",
                            "home_office_notified", "terms_of_reference_agreed", "report_to_partnership",
                            "submitted_to_home_office", "qa_outcome_date", "published")}


class DHRRecommendationForm(forms.ModelForm):
    class Meta:
        model = DHRRecommendation
        fields = ["number", "text", "agency"]

    def clean_number(self):
        number = self.cleaned_data["number"]
        taken = DHRRecommendation.objects.filter(review=self.instance.review, number=number)
        if taken.exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(f"Recommendation {number} already exists on this review.")
        return number


class DHRActionItemForm(forms.ModelForm):
    class Meta:
        model = DHRActionItem
        fields = ["recommendation", "action", "owner", "due_date", "status", "completed"]
        widgets = _dates(DHRActionItem, "due_date", "completed")

    def __init__(self, *args, review=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["recommendation"].queryset = DHRRecommendation.objects.filter(review=review)


class LocalProcedureForm(forms.ModelForm):
    class Meta:
        model = LocalProcedure
        fields = [f.name for f in LocalProcedure._meta.fields if f.name not in {"id", "partnership"}]
        widgets = _dates(LocalProcedure, "asb_counts_last_published")
