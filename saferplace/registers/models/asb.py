"""ASB case reviews ("Community Triggers"), Anti-social Behaviour, Crime and Policing Act 2014 ss.104-105, Sch 4.

Personal data (the applicant, reporters, places) is shown only to administrators and to users of the case's
owning organisations; every read of a case is audited (ADR 0603).
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse

from saferplace.partnership.models import Organisation, Partnership
from saferplace.registers.audit import AccessNote

from .tracked import TrackedItem

PERSONAL_FIELDS_CASE = ("applicant_name", "applicant_contact", "location")
PERSONAL_FIELDS_COMPLAINT = ("reporter", "location", "summary")


class CaseReview(AccessNote, models.Model):
    class Route(models.TextChoices):
        ONLINE = "online", "Online form"
        EMAIL = "email", "Email"
        PHONE = "phone", "Telephone"
        LETTER = "letter", "Letter"
        IN_PERSON = "in_person", "In person"
        REFERRAL = "referral", "Through an agency or representative"

    partnership = models.ForeignKey(Partnership, on_delete=models.PROTECT, related_name="case_reviews")
    reference = models.CharField(max_length=40, unique=True, help_text="For example CT-2020-21-01")
    owning_organisations = models.ManyToManyField(
        Organisation,
        related_name="owned_case_reviews",
        help_text="The relevant bodies handling the case: only their users (and administrators) see personal details",
    )
    received = models.DateField("Application received")
    route = models.CharField(max_length=20, choices=Route.choices, help_text="How the application arrived")
    applicant_name = models.CharField(max_length=200, help_text="Personal data")
    applicant_contact = models.CharField(max_length=300, blank=True, help_text="Personal data")
    on_behalf_of_victim = models.BooleanField(
        default=False, help_text="The applicant applied on the victim's behalf (with their consent)"
    )
    consent_to_share = models.BooleanField(
        default=False, help_text="The victim consented to their details being shared with the relevant bodies"
    )
    consent_recorded = models.DateField(null=True, blank=True, help_text="When the consent was recorded")
    location = models.CharField(max_length=300, blank=True, help_text="Where the behaviour happens (personal data)")
    acknowledged = models.DateField("Acknowledgement sent", null=True, blank=True)
    threshold_decision_date = models.DateField(null=True, blank=True)
    threshold_met = models.BooleanField(
        null=True, blank=True, help_text="The recorded decision (the computed assessment is shown beside it)"
    )
    decision_letter_sent = models.DateField(
        null=True, blank=True, help_text="Applicant told whether the threshold was met"
    )
    review_meeting = models.DateField(null=True, blank=True)
    outcome = models.TextField(blank=True, help_text="What the review found and agreed")
    outcome_letter_sent = models.DateField(
        null=True, blank=True, help_text="Applicant told the outcome and recommendations"
    )
    illustrative_note = models.TextField(
        blank=True, help_text="Which details are illustrative (not from a real record); shown on the page"
    )
    source = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["-received", "reference"]

    def __str__(self):
        return f"ASB case review {self.reference}"

    def get_absolute_url(self):
        return reverse("registers:asb_detail", args=[self.pk])

    def procedure(self):
        from .procedure import LocalProcedure

        return LocalProcedure.for_partnership(self.partnership)

    def assessment(self, procedure=None):
        """The threshold decision computed from the complaints and the local procedure, with reasons."""
        from saferplace.registers.rules.asb import assess_threshold, facts_of

        return assess_threshold(self.received, facts_of(self.complaints.all()), procedure or self.procedure())

    @property
    def status(self) -> str:
        if self.outcome_letter_sent:
            return "Closed"
        if self.threshold_met is False:
            return "Threshold not met" + ("" if self.decision_letter_sent else ": letter to applicant due")
        if self.review_meeting:
            return "Review held: outcome letter due"
        if self.threshold_met:
            return "Threshold met: review due"
        if self.acknowledged:
            return "Awaiting threshold decision"
        return "Awaiting acknowledgement"

    @property
    def is_open(self) -> bool:
        return not (self.outcome_letter_sent or (self.threshold_met is False and self.decision_letter_sent))

    def clean(self):
        from saferplace.registers.rules.asb import check_case_review

        check_case_review(self)


class Complaint(models.Model):
    """A report of the behaviour to one agency. Reports of one incident to several agencies share an
    incident reference and count once."""

    case = models.ForeignKey(CaseReview, on_delete=models.CASCADE, related_name="complaints")
    behaviour_date = models.DateField("Date of the behaviour")
    reported_date = models.DateField("Date reported")
    agency = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    agency_reference = models.CharField(max_length=60, blank=True, help_text="The agency's own log number")
    incident_reference = models.CharField(
        max_length=60,
        blank=True,
        help_text="Give reports of the same incident to different agencies the same incident reference: "
        "they count once",
    )
    hate_incident = models.BooleanField(default=False, help_text="Reported or perceived as a hate incident")
    reporter = models.CharField(
        max_length=200, blank=True, help_text="Who reported it (personal data; tells different people apart)"
    )
    location = models.CharField(max_length=300, blank=True, help_text="Where it happened (personal data)")
    summary = models.TextField(blank=True, help_text="What was reported (personal data)")

    class Meta:
        ordering = ["reported_date", "pk"]

    def __str__(self):
        return f"Complaint to {self.agency} on {self.reported_date:%-d %B %Y}"

    def clean(self):
        if self.behaviour_date and self.reported_date and self.reported_date < self.behaviour_date:
            raise ValidationError(
                {"reported_date": f"A complaint cannot be reported ({self.reported_date:%-d %B %Y}) before the "
                 f"behaviour happened ({self.behaviour_date:%-d %B %Y})."}
            )


class CaseReviewRecommendation(TrackedItem):
    case = models.ForeignKey(CaseReview, on_delete=models.CASCADE, related_name="recommendations")
    text = models.TextField("Recommendation")

    done_noun = "recommendation"

    def __str__(self):
        return self.text[:80]
